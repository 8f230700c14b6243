import { useState, type FormEvent } from 'react';
import type { ApplyAt, Flavor, Instance } from '../../api/generated';
import { useFlavors } from '../../api/hooks/catalog';
import { fieldErrorMap } from '../../api/problem';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useToast } from '../../components/Toasts';
import { flavorMismatch } from '../../lib/instanceForm';
import { ApplyAtChoice, applyAtField, effectiveApplyAt } from './ApplyAtChoice';
import { RollingProgressDialog } from './RollingProgressDialog';
import { useRollingChange } from './useRollingChange';

function flavorOption(flavor: Flavor, instance: Instance): string {
  const size = `${flavor.id} — ${flavor.vcpus} vCPU, ${flavor.memoryGb} GB memory`;
  if (flavor.id === instance.flavor) return `${size} (current)`;
  const mismatch = flavorMismatch(flavor, instance);
  return mismatch ? `${size} (unavailable: ${mismatch})` : size;
}

/**
 * Vertical scaling: PATCH `flavor`, then the rolling restart that applies it, followed here until it finished; or, in the
 * maintenance window, scheduled (the dialog then says when it begins).
 */
export function ChangeFlavorDialog({ instance, onClose }: { instance: Instance; onClose: () => void }) {
  const flavors = useFlavors();
  const change = useRollingChange(instance);
  const toast = useToast();
  const [flavor, setFlavor] = useState(instance.flavor);
  const [applyAt, setApplyAt] = useState<ApplyAt>('NOW');
  const when = effectiveApplyAt(applyAt, instance.maintenanceWindow);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (flavor === instance.flavor) return;
    // a 202 is the rule; should the API apply it without a restart (200), there is nothing to follow
    change.submit({ flavor, ...applyAtField(when) }, (updated) => {
      toast.success('Flavor changed', `${updated.name} runs on ${updated.flavor}.`);
      onClose();
    });
  };

  if (change.operation) {
    return (
      <RollingProgressDialog title="Change flavor" projectId={instance.projectId} operation={change.operation} onClose={onClose}>
        {instance.name} moves to <strong>{flavor}</strong>, one broker at a time.
      </RollingProgressDialog>
    );
  }
  return (
    <Dialog title="Change flavor" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={flavors.error} title="The flavors could not be loaded" onRetry={() => flavors.refetch()} />
        <Field id="change-flavor" label="Flavor" hint={`Now ${instance.flavor}, ${instance.brokerCount} brokers of ${instance.storageGb} GB.`}>
          <select value={flavor} onChange={(e) => setFlavor(e.target.value)} disabled={!flavors.data}>
            {(flavors.data ?? []).map((f) => (
              <option key={f.id} value={f.id} disabled={f.id !== instance.flavor && !!flavorMismatch(f, instance)}>
                {flavorOption(f, instance)}
              </option>
            ))}
            {!flavors.data && <option value={instance.flavor}>{instance.flavor} (current)</option>}
          </select>
        </Field>
        <p>
          The brokers restart one at a time with the new flavor's heap, threads and limits; the next only once the previous one is
          back in sync. Clients of topics with replication factor 3 see no downtime: they reconnect to the other brokers on their own.
        </p>
        <ApplyAtChoice
          id="change-flavor-apply-at"
          window={instance.maintenanceWindow}
          value={when}
          onChange={setApplyAt}
          error={fieldErrorMap(change.error).applyAt}
        />
        {change.active && (
          <p className="muted small">
            {change.scheduled
              ? 'A rolling restart is scheduled; the flavor can be changed once it has run or been cancelled.'
              : 'A rolling restart runs now; the flavor can be changed once it has finished.'}
          </p>
        )}
        <ProblemAlert error={change.error} title="The flavor could not be changed" />
        <DialogActions
          onCancel={onClose}
          submitLabel={when === 'NOW' ? 'Change flavor' : 'Schedule flavor change'}
          busyLabel={when === 'NOW' ? 'Changing…' : 'Scheduling…'}
          busy={change.pending}
          disabled={flavor === instance.flavor || change.active}
        />
      </form>
    </Dialog>
  );
}
