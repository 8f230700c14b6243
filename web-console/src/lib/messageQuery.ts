// The message browser's form → GET /messages query parameters, and how its answer is shown.
import type { ExportMessagesRequest, Message, MessageProduce, MessageQueryResult, QueryMessagesRequest } from '../api/generated';
import { compactTimestamp, safeFileName } from './download';
import { rowsToConfigs, type KeyValueRow } from './topicForm';
import type { FieldErrors } from './validation';

/** The API's four exclusive modes. */
export type QueryMode = 'offset' | 'time' | 'key' | 'contains';

export const QUERY_MODES: ReadonlyArray<{ mode: QueryMode; label: string; hint: string }> = [
  { mode: 'offset', label: 'Offset', hint: 'A window of one partition from an offset.' },
  { mode: 'time', label: 'Time', hint: 'The first messages at or after a time (an index lookup, not a scan).' },
  { mode: 'key', label: 'Key', hint: 'Messages with exactly this key (scans the topic).' },
  { mode: 'contains', label: 'Content', hint: 'Messages whose value contains the text (scans the topic).' },
];

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;
export const MAX_SCAN = 5_000_000;
export const MAX_SECONDS = 60;
/** Messages one download may hold (the export endpoint's maximum) and its default. */
export const MAX_EXPORT_LIMIT = 100_000;
export const DEFAULT_EXPORT_LIMIT = 1_000;

export interface MessageQueryForm {
  mode: QueryMode;
  /** Required for `offset`; an optional filter otherwise. */
  partition: string;
  offset: string;
  /** `datetime-local` values (local time, no zone). */
  from: string;
  to: string;
  key: string;
  contains: string;
  limit: string;
  /** Scan limits for key/content searches; blank = the server's default. */
  maxScan: string;
  maxSeconds: string;
  /** How many messages "Download as JSON lines" fetches from the same window. */
  exportLimit: string;
}

export type MessageQueryParams = Omit<QueryMessagesRequest, 'project' | 'instance' | 'topic'>;
export type MessageExportParams = Omit<ExportMessagesRequest, 'project' | 'instance' | 'topic'>;

export function emptyQueryForm(mode: QueryMode = 'offset'): MessageQueryForm {
  return {
    mode, partition: '0', offset: '0', from: '', to: '', key: '', contains: '', limit: String(DEFAULT_LIMIT), maxScan: '', maxSeconds: '',
    exportLimit: String(DEFAULT_EXPORT_LIMIT),
  };
}

export function isScan(mode: QueryMode): boolean {
  return mode === 'key' || mode === 'contains';
}

function toInt(value: string): number | null {
  if (!/^\s*\d+\s*$/.test(value)) return null;
  return Number.parseInt(value, 10);
}

/** `2025-03-01T10:30` (local time, as an `<input type="datetime-local">` gives it) → Date. */
export function parseLocalDateTime(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Date → the local `YYYY-MM-DDTHH:mm` an `<input type="datetime-local">` shows. */
export function toLocalDateTimeInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export interface BuiltQuery {
  errors: FieldErrors;
  params?: MessageQueryParams;
}

/**
 * Exactly one mode's parameters, plus `limit`, an optional partition filter and, for scans,
 * the scan limits. `partitions` (the topic's count) bounds the partition when known.
 */
export function buildMessageQuery(form: MessageQueryForm, partitions?: number): BuiltQuery {
  const errors: FieldErrors = {};
  const params: MessageQueryParams = {};

  const partitionText = form.partition.trim();
  if (partitionText) {
    const p = toInt(partitionText);
    if (p === null || (partitions !== undefined && p >= partitions))
      errors.partition = partitions !== undefined ? `A partition from 0 to ${partitions - 1}.` : 'A partition number (0 or more).';
    else params.partition = p;
  } else if (form.mode === 'offset') {
    errors.partition = 'Pick the partition to read.';
  }

  const limit = toInt(form.limit);
  if (limit === null || limit < 1 || limit > MAX_LIMIT) errors.limit = `Between 1 and ${MAX_LIMIT} messages.`;
  else params.limit = limit;

  switch (form.mode) {
    case 'offset': {
      const offset = toInt(form.offset);
      if (offset === null) errors.offset = 'An offset (0 or more).';
      else params.offset = offset;
      break;
    }
    case 'time': {
      const from = parseLocalDateTime(form.from);
      if (!from) errors.from = 'Pick the time to start from.';
      else params.from = from;
      if (form.to.trim()) {
        const to = parseLocalDateTime(form.to);
        if (!to) errors.to = 'Pick a time, or leave it empty.';
        else if (from && to <= from) errors.to = 'The end must be after the start.';
        else params.to = to;
      }
      break;
    }
    case 'key':
      if (!form.key) errors.key = 'Enter the key to look for.';
      else if (form.key.length > 1000) errors.key = 'At most 1000 characters.';
      else params.key = form.key;
      break;
    case 'contains':
      if (!form.contains) errors.contains = 'Enter the text to look for.';
      else if (form.contains.length > 1000) errors.contains = 'At most 1000 characters.';
      else params.contains = form.contains;
      break;
  }

  if (isScan(form.mode)) {
    if (form.maxScan.trim()) {
      const n = toInt(form.maxScan);
      if (n === null || n < 1 || n > MAX_SCAN) errors.maxScan = `Between 1 and ${MAX_SCAN.toLocaleString('en')} messages, or leave it empty.`;
      else params.maxScan = n;
    }
    if (form.maxSeconds.trim()) {
      const s = Number(form.maxSeconds);
      if (!Number.isFinite(s) || s < 0.1 || s > MAX_SECONDS) errors.maxSeconds = `Between 0.1 and ${MAX_SECONDS} seconds, or leave it empty.`;
      else params.maxMillis = Math.round(s * 1000);
    }
  }

  return Object.keys(errors).length ? { errors } : { errors, params };
}

/** Only a window (by offset or by time) can be downloaded; key and content searches are scans. */
export function canExport(mode: QueryMode): boolean {
  return mode === 'offset' || mode === 'time';
}

export interface BuiltExport {
  errors: FieldErrors;
  params?: MessageExportParams;
  fileName?: string;
}

/**
 * The current window (the partition and offset, or the time range, with the optional partition)
 * as GET /messages/export parameters, `exportLimit` messages at most, and the `.jsonl` file name.
 */
export function buildExportQuery(form: MessageQueryForm, topic: string, partitions?: number): BuiltExport {
  if (!canExport(form.mode)) return { errors: { exportLimit: 'Only a window by offset or by time can be downloaded.' } };
  // the window is the query's own: its rules and its messages, with the download's limit instead of the page's
  const built = buildMessageQuery({ ...form, limit: '1' }, partitions);
  const errors: FieldErrors = { ...built.errors };
  const limit = toInt(form.exportLimit);
  if (limit === null || limit < 1 || limit > MAX_EXPORT_LIMIT)
    errors.exportLimit = `Between 1 and ${MAX_EXPORT_LIMIT.toLocaleString('en')} messages.`;
  if (Object.keys(errors).length || !built.params || limit === null) return { errors };
  const { partition, offset, from, to } = built.params;
  const params: MessageExportParams = { limit };
  if (partition !== undefined) params.partition = partition;
  let name: string;
  if (form.mode === 'offset') {
    params.offset = offset;
    name = `${topic}-p${partition}-from-${offset}`;
  } else {
    params.from = from;
    if (to) params.to = to;
    name = `${topic}${partition !== undefined ? `-p${partition}` : ''}-${compactTimestamp(from!)}${to ? `-${compactTimestamp(to)}` : ''}`;
  }
  return { errors, params, fileName: `${safeFileName(name)}.jsonl` };
}

/** The same search, continued where the last answer stopped. */
export function continueQuery(params: MessageQueryParams, result: MessageQueryResult): MessageQueryParams | null {
  if (result.complete || !result.nextCursor) return null;
  return { ...params, cursor: result.nextCursor };
}

const STOPPED_BY: Record<string, string> = {
  LIMIT: 'it found as many messages as the limit asks for',
  MAX_SCAN: 'it read the most messages one search may scan',
  MAX_MILLIS: 'it ran for the longest time one search may take',
  RESPONSE_SIZE: 'the answer reached its largest size',
};

/** Stopped with the Stop button (the server cancelled the scan), not by one of its limits. */
export function isCancelled(result: Pick<MessageQueryResult, 'complete' | 'stoppedBy'>): boolean {
  return !result.complete && result.stoppedBy === 'CANCELLED';
}

/** Why an incomplete search stopped, as a sentence. */
export function describeStop(result: Pick<MessageQueryResult, 'complete' | 'stoppedBy'>): string | null {
  if (result.complete) return null;
  if (isCancelled(result)) return 'You cancelled the search before the end.';
  const why = result.stoppedBy ? STOPPED_BY[result.stoppedBy] ?? result.stoppedBy : 'a limit was reached';
  return `The search stopped before the end: ${why}.`;
}

/** The value as shown in the detail: JSON pretty-printed, anything else as is. */
export function formatValue(message: Pick<Message, 'value' | 'valueEncoding'>): string {
  if (message.value == null) return '';
  if (message.valueEncoding !== 'JSON') return message.value;
  try {
    return JSON.stringify(JSON.parse(message.value), null, 2);
  } catch {
    return message.value; // cut (truncated) or not quite JSON: show what came
  }
}

/** One line for the results table. */
export function previewValue(value: string | null | undefined, max = 80): string {
  if (value == null) return '';
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export interface ProduceForm {
  key: string;
  value: string;
  headers: KeyValueRow[];
  /** Blank = let the producer choose (by key hash, or round-robin without a key). */
  partition: string;
}

export function emptyProduceForm(): ProduceForm {
  return { key: '', value: '', headers: [], partition: '' };
}

export interface BuiltProduce {
  errors: FieldErrors;
  body?: MessageProduce;
}

/** The request body for POST /messages; empty key/value are sent as null (no key, tombstone). */
export function buildProduce(form: ProduceForm, partitions?: number): BuiltProduce {
  const errors: FieldErrors = {};
  if (form.key.length > 10_000) errors.key = 'At most 10,000 characters.';
  if (form.value.length > 500_000) errors.value = 'At most 500,000 characters.';
  const filled = form.headers.filter((h) => h.key.trim() || h.value);
  if (filled.length > 50) errors.headers = 'At most 50 headers.';
  else if (filled.some((h) => !h.key.trim())) errors.headers = 'Every header needs a name.';
  else {
    const keys = filled.map((h) => h.key.trim());
    const dup = keys.find((k, i) => keys.indexOf(k) !== i);
    if (dup) errors.headers = `Header “${dup}” is set twice.`;
  }
  let partition: number | undefined;
  if (form.partition.trim()) {
    const p = toInt(form.partition);
    if (p === null || (partitions !== undefined && p >= partitions))
      errors.partition = partitions !== undefined ? `A partition from 0 to ${partitions - 1}.` : 'A partition number (0 or more).';
    else partition = p;
  }
  if (Object.keys(errors).length) return { errors };
  const headers = rowsToConfigs(form.headers);
  return {
    errors,
    body: {
      key: form.key === '' ? null : form.key,
      value: form.value === '' ? null : form.value,
      headers: Object.keys(headers).length ? headers : undefined,
      partition,
    },
  };
}
