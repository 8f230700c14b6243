import type { FormEvent } from 'react';
import type { ConsumerGroup } from '../../../api/generated';
import { useDeleteConsumerGroup } from '../../../api/hooks/consumerGroups';
import { Dialog } from '../../../components/Dialog';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { DialogActions } from '../../../components/DialogActions';

/** Only an empty group can be deleted; otherwise the API's 409 is shown as it comes. */
export function DeleteGroupDialog({ projectId, instanceId, group, onClose, onDeleted }: { projectId: string; instanceId: string; group: ConsumerGroup; onClose: () => void; onDeleted: () => void }) {
  const remove = useDeleteConsumerGroup(projectId, instanceId, group.groupId);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    remove.mutate(undefined, { onSuccess: onDeleted });
  };
  return (
    <Dialog title={`Delete consumer group ${group.groupId}?`} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <p>
          This forgets the group's committed offsets. A consumer that joins <strong>{group.groupId}</strong> again starts from its{' '}
          <code>auto.offset.reset</code> position.
        </p>
        {group.members.length > 0 && !remove.error && (
          <p className="alert alert-info small">
            The group has {group.members.length} active {group.members.length === 1 ? 'member' : 'members'}: Kafka deletes only empty groups. Stop its consumers first.
          </p>
        )}
        <ProblemAlert error={remove.error} title="The group could not be deleted" />
        <DialogActions onCancel={onClose} submitLabel="Delete group" busyLabel="Deleting…" busy={remove.isPending} tone="danger" focusCancel />
      </form>
    </Dialog>
  );
}
