import { useState, type FormEvent } from 'react';
import type { Instance } from '../../api/generated';
import { useDeleteInstance } from '../../api/hooks/instances';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DialogActions } from '../../components/DialogActions';
import { ApiError } from '../../api/problem';
import { DeletionProtectionSwitch } from './DeletionProtectionSwitch';

const isDeletionProtected = (error: unknown) => error instanceof ApiError && error.code === 'DELETION_PROTECTED';

/** Delete only after the person types the instance's name, and only once deletion protection is off. */
export function DeleteDialog({ projectId, instance, onClose, onDeleting }: { projectId: string; instance: Instance; onClose: () => void; onDeleting: () => void }) {
  const [typed, setTyped] = useState('');
  const remove = useDeleteInstance(projectId, instance.id);
  const matches = typed === instance.name;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!matches || instance.deletionProtection) return;
    remove.mutate(undefined, { onSuccess: onDeleting });
  };

  return (
    <Dialog title={`Delete ${instance.name}?`} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <p>
          This stops all {instance.brokerCount} brokers and permanently erases their data. Clients connected to{' '}
          <strong>{instance.name}</strong> will fail.
        </p>
        {instance.deletionProtection && (
          <div className="alert alert-warn" role="note" aria-labelledby="protected-title">
            <strong id="protected-title">Deletion protection is on</strong>
            <p>{instance.name} cannot be deleted while it is protected. Turn the protection off first, here or in the settings.</p>
            <DeletionProtectionSwitch instance={instance} />
          </div>
        )}
        <ProblemAlert
          error={remove.error}
          title={isDeletionProtected(remove.error) ? 'Deletion protection is on: turn it off to delete the instance' : undefined}
        />
        <Field id="confirm-name" label={<>Type <strong>{instance.name}</strong> to confirm</>}>
          <input value={typed} autoComplete="off" spellCheck={false} autoFocus onChange={(e) => setTyped(e.target.value)} />
        </Field>
        <DialogActions onCancel={onClose} submitLabel="Delete instance" busyLabel="Deleting…" busy={remove.isPending} disabled={!matches || instance.deletionProtection} tone="danger" />
      </form>
    </Dialog>
  );
}
