import { useMemo, useState, type FormEvent } from 'react';
import type { ConsumerGroup, OffsetResetResult } from '../../../api/generated';
import { useResetOffsets } from '../../../api/hooks/consumerGroups';
import { useTopics } from '../../../api/hooks/topics';
import { ApiError, fieldErrorMap } from '../../../api/problem';
import { Dialog } from '../../../components/Dialog';
import { Field, FieldGroup } from '../../../components/Field';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useToast } from '../../../components/Toasts';
import { formatCount } from '../../../lib/format';
import { buildOffsetReset, emptyResetForm, RESET_TARGETS, type OffsetResetForm } from '../../../lib/offsetReset';
import type { FieldErrors } from '../../../lib/validation';
import { DialogActions } from '../../../components/DialogActions';

/**
 * Backtracking in two steps: a dry run shows current → new for every partition, then Confirm
 * applies exactly that request. Changing the form drops the preview.
 */
export function ResetOffsetsDialog({ projectId, instanceId, group, onClose }: { projectId: string; instanceId: string; group: ConsumerGroup; onClose: () => void }) {
  const reset = useResetOffsets(projectId, instanceId, group.groupId);
  const topics = useTopics(projectId, instanceId, { size: 200 });
  const toast = useToast();
  const [form, setForm] = useState<OffsetResetForm>(() => emptyResetForm());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [preview, setPreview] = useState<OffsetResetResult | null>(null);

  const set = <K extends keyof OffsetResetForm>(key: K, value: OffsetResetForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setPreview(null);
    reset.reset();
  };

  // the group's own topics first, then every other topic of the instance
  const topicNames = useMemo(() => {
    const own = [...new Set(group.offsets.map((o) => o.topic))].sort();
    const others = (topics.data?.items ?? []).map((t) => t.name).filter((n) => !own.includes(n));
    return { own, others };
  }, [group.offsets, topics.data]);

  const submit = (dryRun: boolean) => {
    const built = buildOffsetReset(form, dryRun);
    setErrors(built.errors);
    if (!built.body) return;
    reset.mutate(built.body, {
      onSuccess: (result) => {
        if (result.dryRun) {
          setPreview(result);
          return;
        }
        const count = result.partitions.length;
        toast.success('Offsets reset', `${group.groupId}: new committed offsets on ${count} ${count === 1 ? 'partition' : 'partitions'}.`);
        onClose();
      },
      onError: (error) => setErrors(fieldErrorMap(error)),
    });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit(!preview);
  };

  const active = reset.error instanceof ApiError && reset.error.status === 409;
  const moved = preview?.partitions.filter((p) => p.currentOffset !== p.newOffset).length ?? 0;

  return (
    <Dialog title={`Reset offsets of ${group.groupId}`} onClose={onClose} className="dialog-wide">
      <form onSubmit={onSubmit} noValidate>
        {group.members.length > 0 && (
          <p className="alert alert-info small">
            The group has {group.members.length} active {group.members.length === 1 ? 'member' : 'members'}. Kafka moves the offsets of a group only
            while none of its consumers runs: stop them first.
          </p>
        )}
        <div className="grid-2">
          <Field id="reset-topic" label="Topic" error={errors.topic}>
            <select value={form.topic} onChange={(e) => set('topic', e.target.value)}>
              <option value="">All topics of the group</option>
              {topicNames.own.length > 0 && (
                <optgroup label="Consumed by this group">
                  {topicNames.own.map((t) => (
                    <option key={t} value={t}>
                      {t}
                    </option>
                  ))}
                </optgroup>
              )}
              {topicNames.others.length > 0 && (
                <optgroup label="Other topics">
                  {topicNames.others.map((t) => (
                    <option key={t} value={t}>
                      {t}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </Field>
          <Field id="reset-partitions" label="Partitions (optional)" error={errors.partitions} hint={form.topic ? 'e.g. 0, 2, 5-7. Empty: all.' : 'Pick a topic to choose partitions.'}>
            <input value={form.partitions} disabled={!form.topic} placeholder="all" spellCheck={false} onChange={(e) => set('partitions', e.target.value)} />
          </Field>
        </div>

        <FieldGroup id="reset-target" legend="Move to" error={errors.target}>
          <div className="radio-list compact">
            {RESET_TARGETS.map((t) => (
              <label key={t.target} className={`radio-card${form.target === t.target ? ' selected' : ''}`}>
                <input type="radio" name="reset-target" value={t.target} checked={form.target === t.target} onChange={() => set('target', t.target)} />
                <span>
                  <strong>{t.label}</strong>
                  <span className="block muted small">{t.hint}</span>
                </span>
              </label>
            ))}
          </div>
        </FieldGroup>
        {form.target === 'TIMESTAMP' && (
          <Field id="reset-timestamp" label="Time" error={errors.timestamp} hint="Your local time.">
            <input type="datetime-local" value={form.timestamp} onChange={(e) => set('timestamp', e.target.value)} />
          </Field>
        )}
        {form.target === 'OFFSET' && (
          <Field id="reset-offset" label="Offset" error={errors.offset}>
            <input type="number" inputMode="numeric" min={0} value={form.offset} onChange={(e) => set('offset', e.target.value)} />
          </Field>
        )}
        {form.target === 'SHIFT_BY' && (
          <Field id="reset-shift" label="Shift by" error={errors.shiftBy} hint="-100 re-reads the last 100 messages of each partition.">
            <input type="number" inputMode="numeric" value={form.shiftBy} onChange={(e) => set('shiftBy', e.target.value)} />
          </Field>
        )}

        <ProblemAlert error={reset.error} title={active ? 'The group is active' : preview ? 'The offsets could not be reset' : 'The preview failed'} />
        {active && <p className="field-error">Stop every consumer of {group.groupId}, wait for the group to be empty, then try again.</p>}

        {preview && (
          <section aria-labelledby="reset-preview-title" className="reset-preview">
            <h3 id="reset-preview-title">Preview: {moved} of {preview.partitions.length} partitions move</h3>
            {preview.partitions.length === 0 ? (
              <p className="muted">Nothing to reset: the group has no offset on the chosen topic and partitions.</p>
            ) : (
              <div className="table-scroll">
                <table className="table table-compact" aria-labelledby="reset-preview-title">
                  <thead>
                    <tr>
                      <th scope="col">Topic</th>
                      <th scope="col" className="num">Partition</th>
                      <th scope="col" className="num">Current</th>
                      <th scope="col" className="num">New</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.partitions.map((p) => (
                      <tr key={`${p.topic}-${p.partition}`}>
                        <td>{p.topic}</td>
                        <td className="num">{p.partition}</td>
                        <td className="num">{p.currentOffset == null ? <span className="muted">none</span> : formatCount(p.currentOffset)}</td>
                        <td className="num">
                          <span aria-hidden="true">→ </span>
                          {formatCount(p.newOffset)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        )}

        <DialogActions
          onCancel={onClose}
          submitLabel={preview ? 'Confirm reset' : 'Preview'}
          busyLabel={preview ? 'Resetting…' : 'Previewing…'}
          busy={reset.isPending}
          disabled={preview?.partitions.length === 0}
          tone={preview ? 'danger' : 'primary'}
        />
      </form>
    </Dialog>
  );
}
