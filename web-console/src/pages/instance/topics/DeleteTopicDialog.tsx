import { useState, type FormEvent } from 'react';
import type { Topic } from '../../../api/generated';
import { useDeleteTopic } from '../../../api/hooks/topics';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatCount } from '../../../lib/format';
import { DialogActions } from '../../../components/DialogActions';

/** Delete only after the person types the topic's name. */
export function DeleteTopicDialog({ projectId, instanceId, topic, onClose, onDeleted }: { projectId: string; instanceId: string; topic: Topic; onClose: () => void; onDeleted: () => void }) {
  const [typed, setTyped] = useState('');
  const remove = useDeleteTopic(projectId, instanceId, topic.name);
  const matches = typed === topic.name;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!matches) return;
    remove.mutate(undefined, { onSuccess: onDeleted });
  };

  return (
    <Dialog title={`Delete topic ${topic.name}?`} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <p>
          This erases its {topic.partitions} partitions and about {formatCount(topic.messageCountEstimate)} messages. Producers writing to{' '}
          <strong>{topic.name}</strong> will fail, or recreate it if the brokers auto-create topics.
        </p>
        <ProblemAlert error={remove.error} title="The topic could not be deleted" />
        <Field id="confirm-topic-name" label={<>Type <strong>{topic.name}</strong> to confirm</>}>
          <input value={typed} autoComplete="off" spellCheck={false} autoFocus onChange={(e) => setTyped(e.target.value)} />
        </Field>
        <DialogActions onCancel={onClose} submitLabel="Delete topic" busyLabel="Deleting…" busy={remove.isPending} disabled={!matches} tone="danger" />
      </form>
    </Dialog>
  );
}
