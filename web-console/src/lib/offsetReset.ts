// The offset-reset dialog's form → POST /offset-resets body.
import type { OffsetReset, OffsetResetTarget } from '../api/generated';
import { parseLocalDateTime } from './messageQuery';
import type { FieldErrors } from './validation';

export const RESET_TARGETS: ReadonlyArray<{ target: OffsetResetTarget; label: string; hint: string }> = [
  { target: 'EARLIEST', label: 'Earliest', hint: 'Re-read everything still retained.' },
  { target: 'LATEST', label: 'Latest', hint: 'Skip to the end: only new messages.' },
  { target: 'TIMESTAMP', label: 'Time', hint: 'The first message at or after a time.' },
  { target: 'OFFSET', label: 'Offset', hint: 'One offset for every chosen partition.' },
  { target: 'SHIFT_BY', label: 'Shift by', hint: 'Move each committed offset back (negative) or forward.' },
];

export interface OffsetResetForm {
  /** '' = every topic the group has offsets for. */
  topic: string;
  /** `0, 2, 5-7`; blank = every partition of the topic. */
  partitions: string;
  target: OffsetResetTarget;
  timestamp: string;
  offset: string;
  shiftBy: string;
}

export function emptyResetForm(topic = ''): OffsetResetForm {
  return { topic, partitions: '', target: 'EARLIEST', timestamp: '', offset: '', shiftBy: '' };
}

/** `0, 2, 5-7` → [0, 2, 5, 6, 7] (sorted, without repeats); null when not a list of partitions. */
export function parsePartitionList(text: string): number[] | null {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  const out = new Set<number>();
  for (const part of parts) {
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    if (range) {
      const [a, b] = [Number(range[1]), Number(range[2])];
      if (a > b || b - a >= 2000) return null;
      for (let p = a; p <= b; p++) out.add(p);
    } else if (/^\d+$/.test(part)) {
      out.add(Number(part));
    } else {
      return null;
    }
  }
  return [...out].sort((x, y) => x - y);
}

export interface BuiltReset {
  errors: FieldErrors;
  body?: OffsetReset;
}

export function buildOffsetReset(form: OffsetResetForm, dryRun: boolean): BuiltReset {
  const errors: FieldErrors = {};
  const body: OffsetReset = { target: form.target, dryRun };
  if (form.topic) body.topic = form.topic;

  if (form.partitions.trim()) {
    const partitions = parsePartitionList(form.partitions);
    if (!form.topic) errors.partitions = 'Pick a topic to choose its partitions.';
    else if (!partitions) errors.partitions = 'Partition numbers separated by commas, e.g. 0, 2, 5-7.';
    else if (partitions.length > 2000) errors.partitions = 'At most 2000 partitions.';
    else body.partitions = partitions;
  }

  switch (form.target) {
    case 'TIMESTAMP': {
      const at = parseLocalDateTime(form.timestamp);
      if (!at) errors.timestamp = 'Pick the time to move to.';
      else body.timestamp = at;
      break;
    }
    case 'OFFSET':
      if (!/^\s*\d+\s*$/.test(form.offset)) errors.offset = 'An offset (0 or more).';
      else body.offset = Number.parseInt(form.offset, 10);
      break;
    case 'SHIFT_BY':
      if (!/^\s*[-+]?\d+\s*$/.test(form.shiftBy) || Number.parseInt(form.shiftBy, 10) === 0)
        errors.shiftBy = 'A whole number other than 0: negative goes back, positive forward.';
      else body.shiftBy = Number.parseInt(form.shiftBy, 10);
      break;
    case 'EARLIEST':
    case 'LATEST':
      break;
  }

  return Object.keys(errors).length ? { errors } : { errors, body };
}
