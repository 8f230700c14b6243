import type { Operation } from '../../api/generated';
import { ProgressBar } from '../../components/ProgressBar';
import { isScheduled } from '../../api/hooks/operations';
import { humanize, stepLabel } from '../../lib/format';
import { ScheduledNotice } from './ScheduledNotice';

interface Wording {
  running: string;
  failed: string;
  done: string;
  doneStep: string;
}

const ROLLING_RESTART: Wording = {
  running: 'Restarting brokers',
  failed: 'The rolling restart failed',
  done: 'Brokers restarted',
  doneStep: 'Every broker is back in sync.',
};

const WORDING: Partial<Record<Operation['type'], Wording>> = {
  RESTART_BROKERS: ROLLING_RESTART,
  UPGRADE_KAFKA: {
    running: 'Upgrading Kafka',
    failed: 'The upgrade failed',
    done: 'Kafka upgraded',
    doneStep: 'Every broker runs the new version and the metadata version is finalized.',
  },
  SCALE_OUT: {
    running: 'Adding brokers',
    failed: 'The scale-out failed',
    done: 'Brokers added',
    doneStep: 'The new brokers have joined the cluster.',
  },
  SCALE_IN: {
    running: 'Removing brokers',
    failed: 'The scale-in failed',
    done: 'Brokers removed',
    doneStep: 'Their replicas moved to the other brokers before they were stopped and removed.',
  },
  REBALANCE: {
    running: 'Rebalancing partitions',
    failed: 'The rebalance failed',
    done: 'Partitions rebalanced',
    doneStep: 'The replicas and leaders are spread evenly over the brokers.',
  },
};

/**
 * A rolling restart's, upgrade's or scaling's progress, with what the operation waits for (its `detail`), until it
 * succeeded or failed (then why). One scheduled for the maintenance window shows when it begins instead of a bar at 0 %.
 */
export function RestartProgress({ operation, projectId }: { operation: Operation; projectId: string }) {
  const wording = WORDING[operation.type] ?? ROLLING_RESTART;
  if (isScheduled(operation)) return <ScheduledNotice operation={operation} projectId={projectId} />;
  if (operation.status === 'CANCELLED') {
    return (
      <p className="muted" role="status">
        Cancelled before it began: no broker was restarted, and the change that scheduled it was undone.
      </p>
    );
  }
  if (operation.status === 'FAILED') {
    return (
      <div className="alert alert-error" role="alert">
        <strong>{wording.failed}</strong>
        <p>{operation.error ?? 'No reason was given.'}</p>
        <ProgressBar percent={operation.percent} label="Stopped at" step={stepLabel(operation.currentStep)} failed />
      </div>
    );
  }
  if (operation.status === 'SUCCEEDED') {
    return <ProgressBar percent={100} label={wording.done} step={wording.doneStep} />;
  }
  return (
    <div aria-live="polite">
      <ProgressBar
        percent={operation.percent}
        label={wording.running}
        step={stepLabel(operation.currentStep) || (operation.status === 'PENDING' ? 'Waiting to start…' : humanize(operation.status))}
      />
      {operation.detail && <p className="muted small">{operation.detail}</p>}
    </div>
  );
}
