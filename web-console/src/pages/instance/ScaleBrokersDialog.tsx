import { useState, type FormEvent } from 'react';
import type { Instance, InstanceUpdate } from '../../api/generated';
import { useFlavors } from '../../api/hooks/catalog';
import { useChangeInstance } from '../../api/hooks/instances';
import { fieldErrorMap } from '../../api/problem';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { brokerRange } from '../../lib/instanceForm';
import { brokersToRemove, listNodes, validateScale, zonesLeftWithoutBroker } from '../../lib/scaling';
import { RollingProgressDialog } from './RollingProgressDialog';
import { useFollowedOperation } from './useFollowedOperation';

interface Started {
  operationId: string;
  type: 'SCALE_OUT' | 'SCALE_IN';
  from: number;
  to: number;
}

/**
 * Horizontal scaling: PATCH `brokerCount` alone (and `rebalance: false` when the new brokers should stay empty), then
 * the SCALE_OUT or SCALE_IN operation the 202 started, followed here until it finished.
 */
export function ScaleBrokersDialog({ instance, onClose }: { instance: Instance; onClose: () => void }) {
  const flavor = useFlavors().data?.find((f) => f.id === instance.flavor);
  const change = useChangeInstance(instance.projectId, instance.id);
  const [count, setCount] = useState(String(instance.brokerCount));
  const [rebalance, setRebalance] = useState(true);
  const [error, setError] = useState<string | undefined>();
  const [started, setStarted] = useState<Started | null>(null);
  const { operation } = useFollowedOperation(instance, started?.type ?? 'SCALE_OUT', started?.operationId ?? null);

  const current = instance.brokerCount;
  const target = /^\s*\d+\s*$/.test(count) ? Number.parseInt(count, 10) : null;
  const [min, max] = brokerRange(flavor);
  const growing = target !== null && target > current && target <= max;
  const shrinking = target !== null && target < current && target >= min;
  const removed = shrinking ? brokersToRemove(instance.brokers, current, target) : [];
  const orphanedZones = zonesLeftWithoutBroker(instance, removed);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const local = validateScale(count, current, flavor);
    setError(local);
    if (local || target === null) return;
    const body: InstanceUpdate = growing && !rebalance ? { brokerCount: target, rebalance: false } : { brokerCount: target };
    change.mutate(body, {
      onSuccess: ({ operationId }) => {
        if (operationId) setStarted({ operationId, type: growing ? 'SCALE_OUT' : 'SCALE_IN', from: current, to: target });
        else onClose();
      },
      onError: (failure) => setError(fieldErrorMap(failure).brokerCount),
    });
  };

  if (started && operation) {
    return (
      <RollingProgressDialog title="Scale brokers" projectId={instance.projectId} operation={operation} onClose={onClose}>
        {instance.name} {started.type === 'SCALE_OUT' ? 'grows' : 'shrinks'} from {started.from} to <strong>{started.to}</strong> brokers, and keeps
        serving meanwhile.
      </RollingProgressDialog>
    );
  }
  const bounds = flavor ? `; ${flavor.id} takes ${min} to ${max}` : '';
  return (
    <Dialog title="Scale brokers" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <Field id="scale-brokers" label="Brokers" error={error} hint={`Now ${current} brokers${bounds}.`}>
          <input
            type="number"
            inputMode="numeric"
            min={min}
            max={flavor ? max : undefined}
            value={count}
            autoFocus
            onChange={(e) => {
              setCount(e.target.value);
              setError(undefined);
            }}
          />
        </Field>
        {growing && (
          <>
            <p>
              {target - current === 1 ? 'One new broker-only node is' : `${target - current} new broker-only nodes are`} added, spread round-robin over
              the instance's zones ({instance.availabilityZones.join(', ')}), each with {instance.storageGb} GB of storage.
            </p>
            <label className="checkbox-block">
              <input type="checkbox" checked={rebalance} onChange={(e) => setRebalance(e.target.checked)} />
              <span>
                Rebalance partitions onto the new brokers
                <span className="muted small block">
                  {rebalance
                    ? 'Once they run, existing replicas and leaders move onto them (no throttle) while the instance keeps serving.'
                    : 'They stay empty, taking only new partitions, until you rebalance the partitions.'}
                </span>
              </span>
            </label>
          </>
        )}
        {shrinking && (
          <>
            <p>
              {removed.length > 0
                ? `${removed.length === 1 ? 'Broker' : 'Brokers'} ${listNodes(removed)}, the highest-numbered, ${removed.length === 1 ? 'is' : 'are'} emptied first`
                : `The ${current - target} highest-numbered brokers are emptied first`}
              : every replica on them moves to the other brokers, then they are stopped and removed.
            </p>
            <div className="alert alert-warn">
              <strong>This moves data</strong>
              <p>
                Their replicas are copied over to the remaining brokers, which adds replication traffic and takes a while with large partitions;
                once started it cannot be cancelled. A topic whose replication factor is larger than {target} stops the scale-in before it starts.
              </p>
            </div>
            {orphanedZones.length > 0 && (
              <p className="field-error">
                {orphanedZones.join(', ')} would be left without a broker; the API refuses this.
              </p>
            )}
          </>
        )}
        {!error && <ProblemAlert error={change.error} title="The broker count could not be changed" />}
        <DialogActions
          onCancel={onClose}
          submitLabel="Scale brokers"
          busyLabel="Scaling…"
          busy={change.isPending || (!!started && !operation)}
          disabled={target === current}
        />
      </form>
    </Dialog>
  );
}
