import { useState, type FormEvent } from 'react';
import type { Instance } from '../../api/generated';
import { useFlavors } from '../../api/hooks/catalog';
import { useUpdateInstance } from '../../api/hooks/instances';
import { fieldErrorMap } from '../../api/problem';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useToast } from '../../components/Toasts';
import { validateStorageGrowth } from '../../lib/instanceForm';

/** More storage per broker (it only grows, within the flavor's maximum): PATCH `storageGb`, applied without a restart. */
export function ExpandStorageDialog({ instance, onClose }: { instance: Instance; onClose: () => void }) {
  const flavor = useFlavors().data?.find((f) => f.id === instance.flavor);
  const update = useUpdateInstance(instance.projectId, instance.id);
  const toast = useToast();
  const [storage, setStorage] = useState(String(instance.storageGb));
  const [error, setError] = useState<string | undefined>();
  const perBroker = Number.parseInt(storage, 10);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const local = validateStorageGrowth(storage, instance.storageGb, flavor);
    setError(local);
    if (local) return;
    update.mutate(
      { storageGb: perBroker },
      {
        onSuccess: (updated) => {
          toast.success('Storage expanded', `${updated.storageGb} GB per broker, applied without a restart.`);
          onClose();
        },
        onError: (failure) => setError(fieldErrorMap(failure).storageGb),
      },
    );
  };

  const limit = flavor ? `; at most ${flavor.maxStorageGb} GB for ${flavor.id}` : '';
  return (
    <Dialog title="Expand storage" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <Field id="expand-storage" label="Storage per broker (GB)" error={error} hint={`Now ${instance.storageGb} GB; storage can only grow${limit}.`}>
          <input
            type="number"
            inputMode="numeric"
            min={instance.storageGb + 1}
            max={flavor?.maxStorageGb}
            value={storage}
            autoFocus
            onChange={(e) => setStorage(e.target.value)}
          />
        </Field>
        <p>
          Total: <strong>{Number.isFinite(perBroker) ? `${perBroker * instance.brokerCount} GB` : '—'}</strong> across {instance.brokerCount} brokers. The
          brokers get the new size at once, without a restart.
        </p>
        {update.error && !error && <ProblemAlert error={update.error} title="The storage could not be expanded" />}
        <DialogActions onCancel={onClose} submitLabel="Expand storage" busyLabel="Expanding…" busy={update.isPending} />
      </form>
    </Dialog>
  );
}
