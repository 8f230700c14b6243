import type { Rebalance } from '../../api/generated';
import { isRebalanceActive } from '../../api/hooks/rebalances';
import { ProgressBar } from '../../components/ProgressBar';
import { StatusBadge } from '../../components/StatusBadge';
import { formatBytes, formatCount, formatDateTime } from '../../lib/format';

const RUNNING_LABEL: Partial<Record<Rebalance['operationType'], string>> = {
  SCALE_OUT: 'Rebalancing onto the new brokers',
  SCALE_IN: 'Moving replicas off the brokers to remove',
};

const PART_OF: Partial<Record<Rebalance['operationType'], string>> = {
  SCALE_OUT: ' (part of a scale-out)',
  SCALE_IN: ' (part of a scale-in)',
};

function moved(rebalance: Rebalance): string {
  return `${formatCount(rebalance.partitionsMoved)} of ${formatCount(rebalance.partitionsToMove)} partitions moved`;
}

/** A rebalance's progress (partitions moved, what it waits for, its throttle) until it succeeded or failed (then why). */
export function RebalanceProgress({ rebalance }: { rebalance: Rebalance }) {
  if (rebalance.status === 'FAILED') {
    return (
      <div className="alert alert-error" role="alert">
        <strong>{rebalance.cancelRequested ? 'The rebalance was cancelled' : 'The rebalance failed'}</strong>
        <p>{rebalance.error ?? 'No reason was given.'}</p>
        <ProgressBar percent={rebalance.percent} label="Stopped at" step={moved(rebalance)} failed />
        <p className="small">The partitions not moved yet keep their replicas where they were.</p>
      </div>
    );
  }
  if (rebalance.status === 'SUCCEEDED') {
    return <ProgressBar percent={100} label="Partitions rebalanced" step={`${moved(rebalance)}; the replicas and leaders are spread evenly.`} />;
  }
  const label = rebalance.cancelRequested ? 'Cancelling the rebalance' : RUNNING_LABEL[rebalance.operationType] ?? 'Rebalancing partitions';
  return (
    <div aria-live="polite">
      <ProgressBar percent={rebalance.percent} label={label} step={rebalance.status === 'PENDING' ? 'Waiting to start…' : moved(rebalance)} />
      {rebalance.detail && <p className="muted small">{rebalance.detail}</p>}
      <p className="muted small">
        {formatBytes(rebalance.bytesToMove)} to copy,{' '}
        {rebalance.throttleBytesPerSecond ? `at most ${formatBytes(rebalance.throttleBytesPerSecond)}/s per broker` : 'no throttle'}.
      </p>
    </div>
  );
}

/** One line on the latest rebalance: how it stands, how far it got, when. */
export function RebalanceSummary({ rebalance }: { rebalance: Rebalance | null }) {
  if (!rebalance) return <>No rebalance yet</>;
  const when = rebalance.finishedAt
    ? `started ${formatDateTime(rebalance.createdAt)}, finished ${formatDateTime(rebalance.finishedAt)}`
    : `started ${formatDateTime(rebalance.createdAt)}`;
  return (
    <span>
      <StatusBadge status={rebalance.status} /> {isRebalanceActive(rebalance) ? `${rebalance.percent}%, ` : ''}
      {moved(rebalance)}
      {PART_OF[rebalance.operationType] ?? ''}, {when}
    </span>
  );
}
