import { useState, type FormEvent } from 'react';
import type { Instance } from '../../api/generated';
import { useUpdateInstance } from '../../api/hooks/instances';
import { fieldErrorMap } from '../../api/problem';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useToast } from '../../components/Toasts';
import { validateName, validateTags, type FieldErrors } from '../../lib/validation';
import { rowsToTags, TagsEditor, tagsToRows } from '../wizard/TagsEditor';

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
      <section className="card danger-zone" aria-labelledby="danger-title">
        <h2 id="danger-title">Delete instance</h2>
        <p>
          Deleting <strong>{instance.name}</strong> stops its {instance.brokerCount} brokers and erases their hosts and all
          messages. This cannot be undone.
        </p>
        <button type="button" className="button button-danger" onClick={onDelete} disabled={instance.status === 'DELETING'}>
          Delete instance…
        </button>
      </section>
    </div>
  );
}
