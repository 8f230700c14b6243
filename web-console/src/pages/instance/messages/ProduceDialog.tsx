import { useState, type FormEvent } from 'react';
import type { Topic } from '../../../api/generated';
import { useProduceMessage } from '../../../api/hooks/messages';
import { fieldErrorMap } from '../../../api/problem';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { KeyValueEditor } from '../../../components/KeyValueEditor';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useToast } from '../../../components/Toasts';
import { formatTimestamp } from '../../../lib/format';
import { buildProduce, emptyProduceForm, type ProduceForm } from '../../../lib/messageQuery';
import type { FieldErrors } from '../../../lib/validation';
import { DialogActions } from '../../../components/DialogActions';
import { PartitionSelect } from './PartitionSelect';

/** Writes one message (acks=all) and tells where it landed. */
export function ProduceDialog({ projectId, instanceId, topic, onClose }: { projectId: string; instanceId: string; topic: Topic; onClose: () => void }) {
  const produce = useProduceMessage(projectId, instanceId, topic.name);
  const toast = useToast();
  const [form, setForm] = useState<ProduceForm>(emptyProduceForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof ProduceForm>(key: K, value: ProduceForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const built = buildProduce(form, topic.partitions);
    setErrors(built.errors);
    if (!built.body) return;
    produce.mutate(built.body, {
      onSuccess: (position) => {
        toast.success('Message written', `Partition ${position.partition}, offset ${position.offset} at ${formatTimestamp(position.timestamp)}.`);
        onClose();
      },
      onError: (error) => {
        const fields = fieldErrorMap(error);
        setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.startsWith('headers') ? 'headers' : k, v])));
      },
    });
  };

  return (
    <Dialog title={`Produce a test message to ${topic.name}`} onClose={onClose} className="dialog-wide">
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={produce.error} title="The message could not be written" />
        <div className="grid-2">
          <Field id="produce-key" label="Key" error={errors.key} hint="Empty: no key (partitions are picked in turn).">
            <input value={form.key} spellCheck={false} autoComplete="off" autoFocus onChange={(e) => set('key', e.target.value)} />
          </Field>
          <Field id="produce-partition" label="Partition" error={errors.partition} hint="By default the key decides.">
            <PartitionSelect topic={topic} value={form.partition} onChange={(p) => set('partition', p)} noneLabel="Chosen by the producer" />
          </Field>
        </div>
        <Field id="produce-value" label="Value" error={errors.value} hint="Text or JSON, sent as UTF-8. Empty: no value (a tombstone).">
          <textarea rows={6} className="code-input" value={form.value} spellCheck={false} onChange={(e) => set('value', e.target.value)} />
        </Field>
        <KeyValueEditor id="produce-headers" legend="Headers" noun="header" keyPlaceholder="source" valuePlaceholder="console" rows={form.headers} onChange={(rows) => set('headers', rows)} error={errors.headers} />
        <p className="muted small">Written with acks=all: the answer comes once every in-sync replica has the message.</p>
        <DialogActions onCancel={onClose} submitLabel="Produce message" busyLabel="Writing…" busy={produce.isPending} />
      </form>
    </Dialog>
  );
}
