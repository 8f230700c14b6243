import { useOperation } from '../../api/hooks/operations';
import { TRANSITIONAL } from '../../api/hooks/instances';
import type { Instance } from '../../api/generated';
import { ProgressBar } from '../../components/ProgressBar';
import { humanize, operationLabel, stepLabel } from '../../lib/format';

const ACTION: Record<string, string> = {
  CREATE_INSTANCE: 'Creating the instance',
  DELETE_INSTANCE: 'Deleting the instance',
  ROTATE_CERTIFICATES: 'Rotating broker certificates',
  RESTART_BROKERS: 'Restarting brokers',
  UPGRADE_KAFKA: 'Upgrading Kafka',
  SCALE_OUT: 'Adding brokers',
  SCALE_IN: 'Removing brokers',
  REBALANCE: 'Rebalancing partitions',
};

/**
 * The progress of the instance's current operation (or the one the wizard just started),
 * polled until it finishes; then the outcome.
 */
export function ProgressPanel({ projectId, instance, operationId }: { projectId: string; instance: Instance; operationId?: string | null }) {
  const id = instance.currentOperationId ?? operationId;
  const op = useOperation(projectId, id);
  const busy = TRANSITIONAL.has(instance.status);

  if (instance.status === 'CREATE_FAILED') {
    return (
      <div className="alert alert-error" role="alert">
        <strong>The instance could not be created</strong>
        <p>{instance.statusReason ?? op.data?.error ?? 'No reason was given.'}</p>
        {op.data && <ProgressBar percent={op.data.percent} label="Stopped at" step={stepLabel(op.data.currentStep)} failed />}
        <p className="small">Delete it to release its resources, then try again.</p>
      </div>
    );
  }
  if (!busy && !(op.data && operationId && op.data.id === operationId && instance.status === 'RUNNING')) return null;

  const data = op.data;
  const label = data ? ACTION[data.type] ?? operationLabel(data.type) : `${humanize(instance.status)}…`;
  const done = !busy && instance.status === 'RUNNING';
  return (
    <div className={`card progress-card${done ? ' progress-done' : ''}`} aria-live="polite">
      {done ? (
        <ProgressBar percent={100} label="Your instance is running" step="Ready for clients: see the connection details below." />
      ) : data ? (
        <ProgressBar
          percent={data.percent}
          label={label}
          step={data.status === 'FAILED' ? data.error ?? 'Failed' : stepLabel(data.currentStep) || humanize(data.status)}
          failed={data.status === 'FAILED'}
        />
      ) : (
        <ProgressBar percent={0} label={label} step={op.isPending && id ? 'Waiting for the control plane…' : undefined} />
      )}
      {busy && instance.status === 'CREATING' && (
        <p className="muted small">A new instance usually takes one or two minutes. You can leave this page; it keeps going.</p>
      )}
    </div>
  );
}
