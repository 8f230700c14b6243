import { humanize } from '../lib/format';

const TONE: Record<string, string> = {
  RUNNING: 'ok',
  SUCCEEDED: 'ok',
  SUCCESS: 'ok',
  CREATING: 'busy',
  DELETING: 'busy',
  RESTARTING: 'busy',
  EXTENDING: 'busy',
  UPGRADING: 'busy',
  PENDING: 'busy',
  STARTING: 'busy',
  CREATE_FAILED: 'bad',
  FAILED: 'bad',
  FAILURE: 'bad',
  DOWN: 'bad',
  DEGRADED: 'warn',
  FROZEN: 'warn',
  STOPPED: 'muted',
  DELETED: 'muted',
  // an operation that was called off before it began: nothing went wrong
  CANCELLED: 'muted',
  // not an API status: an operation PENDING until its maintenance window (`scheduledAt`), waiting, not working
  SCHEDULED: 'info',
};

export function StatusBadge({ status }: { status: string }) {
  const tone = TONE[status] ?? 'muted';
  return (
    <span className={`badge badge-${tone}`} data-status={status}>
      <span className="badge-dot" aria-hidden="true" />
      {humanize(status)}
    </span>
  );
}
