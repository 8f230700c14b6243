import { useState, type FormEvent } from 'react';
import type { CapacityPolicy, Instance } from '../../api/generated';
import { useUpdateInstance } from '../../api/hooks/instances';
import { fieldErrorMap } from '../../api/problem';
import { Field, FieldGroup } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useToast } from '../../components/Toasts';
import { validateName, validateRetentionHours, validateTags } from '../../lib/instanceForm';
import type { FieldErrors } from '../../lib/validation';
import { rowsToTags, TagsEditor, tagsToRows } from '../wizard/TagsEditor';
import { BrokerSettingsForm } from './BrokerSettingsForm';
import { CapacitySection } from './CapacitySection';
import { DeletionProtectionSwitch } from './DeletionProtectionSwitch';
import { MaintenanceWindowForm } from './MaintenanceWindowForm';

export function SettingsTab({ projectId, instance, onDelete }: { projectId: string; instance: Instance; onDelete: () => void }) {
  const update = useUpdateInstance(projectId, instance.id);
  const toast = useToast();
  const [name, setName] = useState(instance.name);
  const [description, setDescription] = useState(instance.description ?? '');
  const [tags, setTags] = useState(() => tagsToRows(instance.tags));
  const [errors, setErrors] = useState<FieldErrors>({});

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const local: FieldErrors = {};
    const nameError = validateName(name);
    if (nameError) local.name = nameError;
    if (description.length > 1000) local.description = 'At most 1000 characters.';
    const tagError = validateTags(tags);
    if (tagError) local.tags = tagError;
    setErrors(local);
    if (Object.keys(local).length) {
      document.querySelector<HTMLElement>('.settings [aria-invalid="true"]')?.focus();
      return;
    }
    update.mutate(
      { name, description, tags: rowsToTags(tags) },
      {
        onSuccess: (updated) => toast.success('Settings saved', `The instance is now called ${updated.name}.`),
        onError: (error) => {
          setErrors(fieldErrorMap(error));
          toast.error(error);
        },
      },
    );
  };

  return (
    <div className="settings grid-2 align-start">
      <div className="stack">
        <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="settings-title">
          <h2 id="settings-title">General</h2>
          {update.error && Object.keys(errors).length === 0 && <ProblemAlert error={update.error} />}
          <Field id="settings-name" label="Name" error={errors.name} hint="Lower-case letters, digits and hyphens; unique in the project.">
            <input value={name} maxLength={63} spellCheck={false} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field id="settings-description" label="Description" error={errors.description}>
            <textarea rows={2} value={description} maxLength={1000} onChange={(e) => setDescription(e.target.value)} />
          </Field>
          <TagsEditor id="settings-tags" tags={tags} onChange={setTags} error={errors.tags} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={update.isPending}>
              {update.isPending ? 'Saving…' : 'Save changes'}
            </button>
          </div>
        </form>
        <RetentionForm projectId={projectId} instance={instance} />
        <MaintenanceWindowForm instance={instance} />
      </div>
      <div className="stack">
        <CapacitySection instance={instance} />
        <BrokerSettingsForm instance={instance} />
        <section className="card danger-zone" aria-labelledby="danger-title">
          <h2 id="danger-title">Delete instance</h2>
          <p>
            Deleting <strong>{instance.name}</strong> stops its {instance.brokerCount} brokers and erases their hosts and all
            messages. This cannot be undone.
          </p>
          <DeletionProtectionSwitch instance={instance} />
          <button type="button" className="button button-danger" onClick={onDelete} disabled={instance.status === 'DELETING'}>
            Delete instance…
          </button>
        </section>
      </div>
    </div>
  );
}

const POLICIES: ReadonlyArray<{ policy: CapacityPolicy; label: string; hint: string }> = [
  { policy: 'TIME_BASE', label: 'Delete oldest messages', hint: 'Keeps producers writing (TIME_BASE).' },
  { policy: 'PRODUCE_REJECT', label: 'Reject new messages', hint: 'Keeps every message; producers get errors until space is freed (PRODUCE_REJECT).' },
];

/**
 * The default retention and the disk-full policy, changed with PATCH `retention` alone: the control
 * plane applies them to the running brokers, no restart.
 */
function RetentionForm({ projectId, instance }: { projectId: string; instance: Instance }) {
  const update = useUpdateInstance(projectId, instance.id);
  const toast = useToast();
  const savedHours = instance.retention?.defaultHours ?? 72;
  const savedPolicy = instance.retention?.capacityPolicy ?? 'TIME_BASE';
  const [hours, setHours] = useState(String(savedHours));
  const [policy, setPolicy] = useState<CapacityPolicy>(savedPolicy);
  const [errors, setErrors] = useState<FieldErrors>({});
  const changed = hours.trim() !== String(savedHours) || policy !== savedPolicy;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const hoursError = validateRetentionHours(hours);
    setErrors(hoursError ? { 'retention.defaultHours': hoursError } : {});
    if (hoursError) {
      document.querySelector<HTMLElement>('.retention-form [aria-invalid="true"]')?.focus();
      return;
    }
    const defaultHours = Number.parseInt(hours, 10);
    update.mutate(
      { retention: { defaultHours, capacityPolicy: policy } },
      {
        onSuccess: (updated) =>
          toast.success(
            'Retention saved',
            `${updated.retention?.defaultHours ?? defaultHours} h by default, ${(updated.retention?.capacityPolicy ?? policy) === 'TIME_BASE' ? 'oldest messages deleted' : 'new messages rejected'} when disks are full. Applied to the running brokers without a restart.`,
          ),
        onError: (error) => setErrors(fieldErrorMap(error)),
      },
    );
  };

  const general = update.error && !Object.keys(errors).length ? update.error : null;
  return (
    <form className="card retention-form" onSubmit={onSubmit} noValidate aria-labelledby="retention-title">
      <h2 id="retention-title">Retention</h2>
      <p className="muted small">Changes apply to the running brokers within seconds, without a restart. Topics with their own retention keep it.</p>
      <ProblemAlert error={general} title="The retention could not be saved" />
      <Field
        id="settings-retention-hours"
        label="Default retention (hours)"
        error={errors['retention.defaultHours'] ?? errors.retention}
        hint={`1 to 8760 hours (a year). Now ${savedHours} h.`}
      >
        <input type="number" inputMode="numeric" min={1} max={8760} value={hours} onChange={(e) => setHours(e.target.value)} />
      </Field>
      <FieldGroup id="settings-capacity-policy" legend="When disks are full" error={errors['retention.capacityPolicy']}>
        <div className="radio-list compact">
          {POLICIES.map((p) => (
            <label key={p.policy} className={`radio-card${policy === p.policy ? ' selected' : ''}`}>
              <input type="radio" name="settings-capacity-policy" checked={policy === p.policy} onChange={() => setPolicy(p.policy)} />
              <span>
                <strong>{p.label}</strong>
                <span className="muted small block">{p.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </FieldGroup>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={!changed || update.isPending}>
          {update.isPending ? 'Saving…' : 'Save retention'}
        </button>
      </div>
    </form>
  );
}
