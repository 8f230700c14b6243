import { useState, type FormEvent } from 'react';
import type { Topic } from '../../../api/generated';
import { useUpdateTopic } from '../../../api/hooks/topics';
import { Field } from '../../../components/Field';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useToast } from '../../../components/Toasts';
import { buildTopicUpdate, MAX_PARTITIONS, MAX_RETENTION_HOURS, partitionDecreaseMessage, topicToEditForm, type TopicEditForm } from '../../../lib/topicForm';
import type { FieldErrors } from '../../../lib/validation';
import { topicErrors } from './CreateTopicDialog';
import { TopicSettingsFields } from './TopicSettingsFields';

export function TopicSettingsForm({ projectId, instanceId, topic, onDelete }: { projectId: string; instanceId: string; topic: Topic; onDelete: () => void }) {
  const update = useUpdateTopic(projectId, instanceId, topic.name);
  const toast = useToast();
  const [form, setForm] = useState<TopicEditForm>(() => topicToEditForm(topic));
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof TopicEditForm>(key: K, value: TopicEditForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  // refused as it is typed, not only on save: fewer partitions is never possible
  const typedPartitions = Number.parseInt(form.partitions, 10);
  const decreasing = Number.isFinite(typedPartitions) && typedPartitions < topic.partitions;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const built = buildTopicUpdate(topic, form);
    setErrors(built.errors);
    if (Object.keys(built.errors).length) {
      window.setTimeout(() => document.querySelector<HTMLElement>('.topic-settings [aria-invalid="true"]')?.focus());
      return;
    }
    if (!built.changed) {
      toast.info('Nothing to save', 'No setting differs from the topic’s.');
      return;
    }
    update.mutate(built.update, {
      onSuccess: (updated) => {
        setForm(topicToEditForm(updated));
        toast.success('Topic updated', built.update.partitions ? `${updated.name} now has ${updated.partitions} partitions.` : `${updated.name}'s settings are saved.`);
      },
      onError: (error) => setErrors(topicErrors(error)),
    });
  };

  return (
    <div className="topic-settings grid-2 align-start">
      <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="topic-edit-title">
        <h3 id="topic-edit-title">Edit settings</h3>
        <ProblemAlert error={update.error} title="The topic could not be updated" />
        <div className="grid-2">
          <Field
            id="edit-partitions"
            label="Partitions"
            error={errors.partitions ?? (decreasing ? partitionDecreaseMessage(topic.partitions) : undefined)}
            hint={`Currently ${topic.partitions}. Adding partitions changes which partition a key goes to.`}
          >
            <input type="number" inputMode="numeric" min={topic.partitions} max={MAX_PARTITIONS} value={form.partitions} onChange={(e) => set('partitions', e.target.value)} />
          </Field>
          <Field id="edit-retention" label="Retention (hours)" error={errors.retentionHours} hint={topic.retentionHours == null ? 'Unlimited now; enter hours to limit it.' : undefined}>
            <input type="number" inputMode="numeric" min={1} max={MAX_RETENTION_HOURS} value={form.retentionHours} onChange={(e) => set('retentionHours', e.target.value)} />
          </Field>
        </div>
        <TopicSettingsFields
          idPrefix="edit"
          values={form}
          onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
          errors={errors}
          configsHint="Change a value or add a setting. A setting cannot be removed here: set it back to the broker's default value instead."
        />
        <div className="form-actions">
          <button type="button" className="button" onClick={() => { setForm(topicToEditForm(topic)); setErrors({}); update.reset(); }}>
            Reset
          </button>
          <button type="submit" className="button button-primary" disabled={update.isPending || decreasing}>
            {update.isPending ? 'Saving…' : 'Save changes'}
          </button>
        </div>
      </form>
      <section className="card danger-zone" aria-labelledby="topic-danger-title">
        <h3 id="topic-danger-title">Delete topic</h3>
        <p>
          Deleting <strong>{topic.name}</strong> erases all its messages. Consumer groups keep their committed offsets for it until they are deleted.
        </p>
        <button type="button" className="button button-danger" onClick={onDelete}>
          Delete topic…
        </button>
      </section>
    </div>
  );
}
