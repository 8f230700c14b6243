import { useState, type FormEvent } from 'react';
import type { Instance, Rebalance } from '../../api/generated';
import { isRebalanceActive, useCancelRebalance, useLatestRebalance, usePlanRebalance, useStartRebalance } from '../../api/hooks/rebalances';
import { fieldErrorMap } from '../../api/problem';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { MAX_THROTTLE_MIB, MIN_THROTTLE_MIB, parseThrottle } from '../../lib/scaling';
import { RebalancePlanView } from './RebalancePlanView';
import { RebalanceProgress, RebalanceSummary } from './RebalanceProgress';

const TITLE = 'Rebalance partitions';

/**
 * Spreads the replicas and leaders evenly over the brokers: an optional throttle, a dry run ("Preview") that shows what
 * would move, then the rebalance itself, followed here with the way to cancel it. Opened while a rebalance runs (this
 * one, or a scale-out's), it shows that one's progress instead.
 */
export function RebalanceDialog({ instance, onClose }: { instance: Instance; onClose: () => void }) {
  const latest = useLatestRebalance(instance.projectId, instance.id);
  const [startedHere, setStartedHere] = useState(false);
  const rebalance = latest.data;

  if (isRebalanceActive(rebalance) || (startedHere && rebalance)) {
    return <RebalanceRunning instance={instance} rebalance={rebalance} onClose={onClose} />;
  }
  return <RebalanceForm instance={instance} latest={rebalance} latestError={latest.error} onStarted={() => setStartedHere(true)} onClose={onClose} />;
}

function RebalanceForm({
  instance,
  latest,
  latestError,
  onStarted,
  onClose,
}: {
  instance: Instance;
  latest: Rebalance | null | undefined;
  latestError: unknown;
  onStarted: () => void;
  onClose: () => void;
}) {
  const plan = usePlanRebalance(instance.projectId, instance.id);
  const start = useStartRebalance(instance.projectId, instance.id);
  const [throttle, setThrottle] = useState('');
  const [error, setError] = useState<string | undefined>();
  const balanced = !!plan.data && plan.data.partitionsToMove === 0 && plan.data.leadersToMove === 0;
  const running = instance.status === 'RUNNING';

  /** The throttle in bytes/s (null: none), or undefined when the field is wrong (its error is shown). */
  const throttleBytes = (): number | null | undefined => {
    const parsed = parseThrottle(throttle);
    setError(parsed.error);
    return parsed.error ? undefined : parsed.bytes;
  };
  const apiFieldError = (failure: unknown) => setError(fieldErrorMap(failure).throttleBytesPerSecond);

  const onPreview = (e: FormEvent) => {
    e.preventDefault();
    const bytes = throttleBytes();
    if (bytes === undefined) return;
    start.reset();
    plan.mutate(bytes, { onError: apiFieldError });
  };
  const onStart = () => {
    const bytes = throttleBytes();
    if (bytes === undefined) return;
    start.mutate(bytes, { onSuccess: onStarted, onError: apiFieldError });
  };

  return (
    <Dialog title={TITLE} onClose={onClose} className="dialog-wide">
      <form onSubmit={onPreview} noValidate>
        <p>
          Spreads the partitions' replicas evenly over the {instance.brokerCount} brokers, in as many zones as each partition can have, and the
          preferred leaders too, moving as few replicas as it can. Kafka copies the moved replicas while the instance keeps serving.
        </p>
        <p className="muted small">
          Last rebalance: {latestError ? 'could not be loaded.' : latest === undefined ? 'loading…' : <RebalanceSummary rebalance={latest} />}
        </p>
        <Field
          id="rebalance-throttle"
          label="Throttle (MiB/s per broker, optional)"
          error={error}
          hint={`Caps the replication traffic the moves cause on each broker, ${MIN_THROTTLE_MIB} to ${MAX_THROTTLE_MIB} MiB/s (10 GiB/s). Empty: no throttle, the moves go as fast as the brokers can.`}
        >
          <input
            type="number"
            inputMode="numeric"
            min={MIN_THROTTLE_MIB}
            max={MAX_THROTTLE_MIB}
            placeholder="No throttle"
            value={throttle}
            autoFocus
            onChange={(e) => {
              setThrottle(e.target.value);
              setError(undefined);
            }}
          />
        </Field>
        {!error && <ProblemAlert error={plan.error} title="The plan could not be made" />}
        {plan.data && <RebalancePlanView plan={plan.data} />}
        {!error && <ProblemAlert error={start.error} title="The rebalance could not be started" />}
        {!running && <p className="muted small">Another operation runs now; a rebalance can start once the instance is running.</p>}
        {running && !plan.data && <p className="muted small">Preview the plan first: it shows what would move before anything does.</p>}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={plan.isPending}>
            {plan.isPending ? 'Previewing…' : plan.data ? 'Preview again' : 'Preview'}
          </button>
          <button type="button" className="button button-primary" onClick={onStart} disabled={!plan.data || balanced || !running || start.isPending}>
            {start.isPending ? 'Starting…' : 'Start rebalance'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function RebalanceRunning({ instance, rebalance, onClose }: { instance: Instance; rebalance: Rebalance; onClose: () => void }) {
  const cancel = useCancelRebalance(instance.projectId, instance.id);
  const active = isRebalanceActive(rebalance);
  // a scale-in must empty its brokers: the API refuses to cancel its moves
  const cancellable = active && rebalance.operationType !== 'SCALE_IN';
  return (
    <Dialog title={TITLE} onClose={onClose}>
      <RebalanceProgress rebalance={rebalance} />
      {active && !cancellable && <p className="muted small">A scale-in's moves cannot be cancelled: its brokers must be emptied before they go.</p>}
      {cancellable && (
        <p className="muted small">
          Cancelling stops the moves still in progress (those partitions keep their old replicas) and lifts the throttle
          {rebalance.operationType === 'SCALE_OUT' ? '; the scale-out goes on without the rest of its rebalance.' : '.'}
        </p>
      )}
      <ProblemAlert error={cancel.error} title="The rebalance could not be cancelled" />
      <div className="form-actions">
        {cancellable && (
          <button type="button" className="button button-danger" disabled={cancel.isPending || rebalance.cancelRequested} onClick={() => cancel.mutate()}>
            {cancel.isPending || rebalance.cancelRequested ? 'Cancelling…' : 'Cancel rebalance'}
          </button>
        )}
        <button type="button" className="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
