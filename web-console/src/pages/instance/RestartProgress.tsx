import type { Operation } from '../../api/generated';
import { ProgressBar } from '../../components/ProgressBar';
import { humanize, stepLabel } from '../../lib/format';

/** A rolling restart's progress, with what the roller waits for, until it succeeded or failed (then why). */
export function RestartProgress({ operation }: { operation: Operation }) {
  if (operation.status === 'FAILED') {
    return (
      <div className="alert alert-error" role="alert">
        <strong>The rolling restart failed</strong>
        <p>{operation.error ?? 'No reason was given.'}</p>
        <ProgressBar percent={operation.percent} label="Stopped at" step={stepLabel(operation.currentStep)} failed />
      </div>
    );
  }
  if (operation.status === 'SUCCEEDED') {
    return <ProgressBar percent={100} label="Brokers restarted" step="Every broker is back in sync." />;
  }
  return (
    <div aria-live="polite">
      <ProgressBar
        percent={operation.percent}
        label="Restarting brokers"
        step={operation.detail || stepLabel(operation.currentStep) || (operation.status === 'PENDING' ? 'Waiting to start…' : humanize(operation.status))}
      />
    </div>
  );
}
