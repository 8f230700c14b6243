import { useState, type FormEvent } from 'react';
import type { Instance } from '../../../api/generated';
import { useCreateTopic } from '../../../api/hooks/topics';
import { fieldErrorMap } from '../../../api/problem';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useToast } from '../../../components/Toasts';
import {
  emptyTopicCreateForm,
  maxReplicationFactor,
  MAX_PARTITIONS,
  MAX_RETENTION_HOURS,
  toTopicCreate,
  topicFieldKey,
  validateTopicCreate,
  type TopicCreateForm,
} from '../../../lib/topicForm';
import type { FieldErrors } from '../../../lib/validation';
import { TopicSettingsFields } from './TopicSettingsFields';
import { DialogActions } from '../../../components/DialogActions';

/** Errors of the API keyed as the form's fields (`configs.x` → `configs`). */
export function topicErrors(error: unknown): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, message] of Object.entries(fieldErrorMap(error))) {
    const key = topicFieldKey(field);
    out[key] = out[key] ? `${out[key]}; ${message}` : message;
  }
  return out;
}

export function CreateTopicDialog({ projectId, instance, onClose }: { projectId: string; instance: Instance; onClose: () => void }) {
  const create = useCreateTopic(projectId, instance.id);
  const toast = useToast();
  const [form, setForm] = useState<TopicCreateForm>(() => emptyTopicCreateForm(instance.brokerCount));
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof TopicCreateForm>(key: K, value: TopicCreateForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const maxRf = maxReplicationFactor(instance.brokerCount);
  const defaultRetention = instance.retention?.defaultHours;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const local = validateTopicCreate(form, instance.brokerCount);
    setErrors(local);
    if (Object.keys(local).length) {
      window.setTimeout(() => document.querySelector<HTMLElement>('.dialog [aria-invalid="true"], .dialog .field-invalid input')?.focus());
      return;
    }
    create.mutate(toTopicCreate(form), {
      onSuccess: (topic) => {
        toast.success('Topic created', `${topic.name}: ${topic.partitions} partitions, replication factor ${topic.replicationFactor}.`);
        onClose();
      },
      onError: (error) => setErrors(topicErrors(error)),
    });
  };

  return (
    <Dialog title="Create a topic" onClose={onClose} className="dialog-wide">
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={create.error} title="The topic could not be created" />
        <Field id="topic-name" label="Topic name" error={errors.name} hint="Letters, digits, “.”, “_” and “-”; at most 249 characters.">
          <input value={form.name} maxLength={249} spellCheck={false} autoComplete="off" autoFocus onChange={(e) => set('name', e.target.value)} />
        </Field>
        <div className="grid-3">
          <Field id="topic-partitions" label="Partitions" error={errors.partitions} hint="More partitions, more parallel consumers. Can be raised later, never lowered.">
            <input type="number" inputMode="numeric" min={1} max={MAX_PARTITIONS} value={form.partitions} onChange={(e) => set('partitions', e.target.value)} />
          </Field>
          <Field id="topic-replication" label="Replication factor" error={errors.replicationFactor} hint={`Copies of each partition; at most ${maxRf} on ${instance.brokerCount} brokers.`}>
            <input type="number" inputMode="numeric" min={1} max={maxRf} value={form.replicationFactor} onChange={(e) => set('replicationFactor', e.target.value)} />
          </Field>
          <Field id="topic-retention" label="Retention (hours)" error={errors.retentionHours} hint={`Empty: the instance's default${defaultRetention ? ` (${defaultRetention} h)` : ''}.`}>
            <input type="number" inputMode="numeric" min={1} max={MAX_RETENTION_HOURS} value={form.retentionHours} placeholder={defaultRetention ? String(defaultRetention) : ''} onChange={(e) => set('retentionHours', e.target.value)} />
          </Field>
        </div>
        <TopicSettingsFields
          idPrefix="topic"
          values={form}
          onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
          errors={errors}
          configsHint="Kafka topic settings, e.g. cleanup.policy = compact, max.message.bytes, compression.type."
        />
        <DialogActions onCancel={onClose} submitLabel="Create topic" busyLabel="Creating…" busy={create.isPending} />
      </form>
    </Dialog>
  );
}
