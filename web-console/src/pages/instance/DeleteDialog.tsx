import { useState, type FormEvent } from 'react';
import type { Instance } from '../../api/generated';
import { useDeleteInstance } from '../../api/hooks/instances';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DialogActions } from '../../components/DialogActions';

/** Delete only after the person types the instance's name. */
export function DeleteDialog({ projectId, instance, onClose, onDeleting }: { projectId: string; instance: Instance; onClose: () => void; onDeleting: () => void }) {
  const [typed, setTyped] = useState('');
  const remove = useDeleteInstance(projectId, instance.id);
  const matches = typed === instance.name;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!matches) return;
    remove.mutate(undefined, { onSuccess: onDeleting });
  };

  return (
    <Dialog title={`Delete ${instance.name}?`} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <p>
          This stops all {instance.brokerCount} brokers and permanently erases their data. Clients connected to{' '}
          <strong>{instance.name}</strong> will fail.
        </p>
        <ProblemAlert error={remove.error} />
        <Field id="confirm-name" label={<>Type <strong>{instance.name}</strong> to confirm</>}>
          <input value={typed} autoComplete="off" spellCheck={false} autoFocus onChange={(e) => setTyped(e.target.value)} />
        </Field>
        <DialogActions onCancel={onClose} submitLabel="Delete instance" busyLabel="Deleting…" busy={remove.isPending} disabled={!matches} tone="danger" />
      </form>
    </Dialog>
  );
}
