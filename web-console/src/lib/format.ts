export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * When a scheduled operation begins, in the reader's time zone and in UTC (the maintenance window's):
 * "Tue, Mar 4, 2025, 03:00 AM (Tuesday 02:00 UTC)".
 */
export function formatScheduledAt(value: Date | string | null | undefined): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  const local = date.toLocaleString(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const utc = `${WEEKDAYS[date.getUTCDay()]} ${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())} UTC`;
  return `${local} (${utc})`;
}

export function humanize(constant: string | null | undefined): string {
  if (!constant) return '';
  const words = constant.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const OPERATION_LABELS: Record<string, string> = {
  CREATE_INSTANCE: 'Create instance',
  DELETE_INSTANCE: 'Delete instance',
  ROTATE_CERTIFICATES: 'Rotate certificates',
  RESTART_BROKERS: 'Restart brokers',
  UPGRADE_KAFKA: 'Upgrade Kafka',
  SCALE_OUT: 'Add brokers',
  SCALE_IN: 'Remove brokers',
  REBALANCE: 'Rebalance partitions',
};

/** An operation type for people: `ROTATE_CERTIFICATES` → "Rotate certificates" (types added later read humanized). */
export function operationLabel(type: string | null | undefined): string {
  return (type && OPERATION_LABELS[type]) || humanize(type);
}

const STEP_LABELS: Record<string, string> = {
  ROTATE_BROKERS: 'One broker at a time, without a restart',
  ROLL_BROKERS: 'One broker at a time, each back in sync before the next',
  MARK_UPGRADING: 'Marking the instance as upgrading',
  FINALIZE_METADATA_VERSION: 'Finalizing the metadata version: from here there is no way back',
  MARK_RUNNING: 'Marking the instance as running',
};

/** An operation's `currentStep` for people (`WAIT_FOR_BROKERS` → "Wait for brokers"). */
export function stepLabel(step: string | null | undefined): string {
  return (step && STEP_LABELS[step]) || humanize(step);
}

/** 1536 → "1.5 KiB"; null → "—". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** 1234567 → "1,234,567"; null → "—". */
export function formatCount(n: number | null | undefined): string {
  return n == null ? '—' : n.toLocaleString();
}

/** A message timestamp, to the second. */
export function formatTimestamp(value: Date | string | null | undefined): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}
