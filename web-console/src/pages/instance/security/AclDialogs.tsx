import { useState, type FormEvent } from 'react';
import type { Acl, AclOperation, AclPatternType, AclPermission, AclResourceType } from '../../../api/generated';
import { useCreateAcl, useDeleteAcl, useGrantTopicAccess } from '../../../api/hooks/acls';
import { useTopics } from '../../../api/hooks/topics';
import { fieldErrorMap } from '../../../api/problem';
import { Dialog } from '../../../components/Dialog';
import { Field, FieldGroup } from '../../../components/Field';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useToast } from '../../../components/Toasts';
import { humanize } from '../../../lib/format';
import {
  aclFieldErrors,
  describeAcl,
  CLUSTER_RESOURCE,
  emptyAclForm,
  emptyTopicGrantForm,
  grantUsesGroup,
  OPERATIONS_BY_TYPE,
  PATTERN_TYPES,
  PERMISSIONS,
  RESOURCE_TYPES,
  toAclCreate,
  TOPIC_ACCESS,
  toTopicGrant,
  validateAcl,
  validateTopicGrant,
  withResourceType,
  type AclForm,
  type TopicGrantForm,
} from '../../../lib/acls';
import type { FieldErrors } from '../../../lib/validation';
import { DialogActions } from '../../../components/DialogActions';

const PATTERN_LABEL: Record<AclPatternType, string> = { LITERAL: 'Exact name (LITERAL)', PREFIXED: 'Name prefix (PREFIXED)' };

/** One ACL, every field chosen: the enums as selects, the operations limited to those of the resource type. */
export function AddAclDialog({ projectId, instanceId, userNames, onClose }: { projectId: string; instanceId: string; userNames: string[]; onClose: () => void }) {
  const create = useCreateAcl(projectId, instanceId);
  const toast = useToast();
  const [form, setForm] = useState<AclForm>(emptyAclForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [other, setOther] = useState<string[]>([]);
  const set = <K extends keyof AclForm>(key: K, value: AclForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const cluster = form.resourceType === 'CLUSTER';

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const local = validateAcl(form);
    setErrors(local);
    setOther([]);
    if (Object.keys(local).length) {
      focusInvalid();
      return;
    }
    create.mutate(toAclCreate(form), {
      onSuccess: (acl) => {
        toast.success('ACL added', describeAcl(acl));
        onClose();
      },
      onError: (error) => {
        const mapped = aclFieldErrors(fieldErrorMap(error));
        setErrors(mapped.fields);
        setOther(mapped.other);
      },
    });
  };

  return (
    <Dialog title="Add an ACL" onClose={onClose} className="dialog-wide">
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={create.error} title="The ACL could not be added" />
        {other.length > 0 && (
          <ul className="alert alert-error">
            {other.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
        <div className="grid-2">
          <Field id="acl-principal" label="Principal" error={errors.principal} hint="User:<name>, or User:* for every user. A bare name means User:<name>.">
            <input value={form.principal} maxLength={300} list="acl-users" spellCheck={false} autoComplete="off" autoFocus placeholder="User:alice" onChange={(e) => set('principal', e.target.value)} />
          </Field>
          <datalist id="acl-users">
            {userNames.map((n) => (
              <option key={n} value={`User:${n}`} />
            ))}
            <option value="User:*" />
          </datalist>
          <Field id="acl-host" label="Host" error={errors.host} hint="The client's IP address, or * for any host.">
            <input value={form.host} maxLength={100} spellCheck={false} autoComplete="off" onChange={(e) => set('host', e.target.value)} />
          </Field>
        </div>
        <div className="grid-3">
          <Field id="acl-resource-type" label="Resource type" error={errors.resourceType}>
            <select value={form.resourceType} onChange={(e) => setForm((f) => withResourceType(f, e.target.value as AclResourceType))}>
              {RESOURCE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {humanize(t)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="acl-pattern" label="Match" error={errors.patternType} hint={cluster ? 'The cluster has one name.' : undefined}>
            <select value={form.patternType} disabled={cluster} onChange={(e) => set('patternType', e.target.value as AclPatternType)}>
              {PATTERN_TYPES.map((p) => (
                <option key={p} value={p}>
                  {PATTERN_LABEL[p]}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id="acl-resource-name"
            label={form.patternType === 'PREFIXED' ? 'Name prefix' : 'Resource name'}
            error={errors.resourceName}
            hint={cluster ? `Always ${CLUSTER_RESOURCE}.` : form.patternType === 'PREFIXED' ? 'Every name starting with this.' : 'A name, or * for all.'}
          >
            <input value={form.resourceName} maxLength={255} readOnly={cluster} spellCheck={false} autoComplete="off" onChange={(e) => set('resourceName', e.target.value)} />
          </Field>
        </div>
        <div className="grid-2">
          <Field id="acl-operation" label="Operation" error={errors.operation} hint={`The operations that apply to a ${humanize(form.resourceType).toLowerCase()}; ALL covers them.`}>
            <select value={form.operation} onChange={(e) => set('operation', e.target.value as AclOperation)}>
              {OPERATIONS_BY_TYPE[form.resourceType].map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </Field>
          <Field id="acl-permission" label="Permission" error={errors.permission} hint="DENY wins over any ALLOW.">
            <select value={form.permission} onChange={(e) => set('permission', e.target.value as AclPermission)}>
              {PERMISSIONS.map((p) => (
                <option key={p} value={p}>
                  {humanize(p)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <DialogActions onCancel={onClose} submitLabel="Add ACL" busyLabel="Adding…" busy={create.isPending} />
      </form>
    </Dialog>
  );
}

/**
 * The PUBLISH / SUBSCRIBE / ALL shortcut: the server adds the ACLs Kafka needs and answers with
 * them. `userNames` is null on a PLAINTEXT instance (no user list): then the name is typed.
 */
export function GrantTopicDialog({ projectId, instanceId, userNames, onClose }: { projectId: string; instanceId: string; userNames: string[] | null; onClose: () => void }) {
  const grant = useGrantTopicAccess(projectId, instanceId);
  const topics = useTopics(projectId, instanceId, { size: 200 });
  const toast = useToast();
  const [form, setForm] = useState<TopicGrantForm>(() => emptyTopicGrantForm());
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof TopicGrantForm>(key: K, value: TopicGrantForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const pickUser = !!userNames && userNames.length > 0;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const local = validateTopicGrant(form);
    setErrors(local);
    if (Object.keys(local).length) {
      focusInvalid();
      return;
    }
    const body = toTopicGrant(form);
    grant.mutate(body, {
      onSuccess: (acls: Acl[]) => {
        const what = TOPIC_ACCESS.find((a) => a.access === body.access)?.label.toLowerCase() ?? body.access;
        toast.success('Access granted', `${body.username} can ${what} ${body.prefixed ? `topics starting with ${body.topic}` : body.topic}: ${acls.length} ${acls.length === 1 ? 'ACL' : 'ACLs'}.`);
        onClose();
      },
      onError: (error) => setErrors(fieldErrorMap(error)),
    });
  };

  return (
    <Dialog title="Grant topic access" onClose={onClose} className="dialog-wide">
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={grant.error} title="The access could not be granted" />
        <div className="grid-2">
          {pickUser ? (
            <Field id="grant-user" label="User" error={errors.username}>
              <select value={form.username} autoFocus onChange={(e) => set('username', e.target.value)}>
                <option value="">Choose a user…</option>
                {userNames.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </Field>
          ) : (
            <Field id="grant-user" label="User name" error={errors.username}>
              <input value={form.username} maxLength={64} spellCheck={false} autoComplete="off" autoFocus onChange={(e) => set('username', e.target.value)} />
            </Field>
          )}
          <div>
            <Field id="grant-topic" label={form.prefixed ? 'Topic name prefix' : 'Topic'} error={errors.topic}>
              <input value={form.topic} maxLength={249} list="grant-topics" spellCheck={false} autoComplete="off" onChange={(e) => set('topic', e.target.value)} />
            </Field>
            <datalist id="grant-topics">
              {(topics.data?.items ?? []).filter((t) => !t.internal).map((t) => (
                <option key={t.name} value={t.name} />
              ))}
            </datalist>
            <label className="checkbox-block">
              <input type="checkbox" checked={form.prefixed} onChange={(e) => set('prefixed', e.target.checked)} />
              <span>
                Every topic whose name starts with this
                <span className="muted small block">Also covers topics created later with the prefix.</span>
              </span>
            </label>
          </div>
        </div>
        <FieldGroup id="grant-access" legend="Access" error={errors.access}>
          <div className="radio-list">
            {TOPIC_ACCESS.map((a) => (
              <label key={a.access} className={`radio-card${form.access === a.access ? ' selected' : ''}`}>
                <input type="radio" name="grant-access" value={a.access} checked={form.access === a.access} onChange={() => set('access', a.access)} />
                <span>
                  <strong>{a.label}</strong>
                  <span className="muted small block">{a.hint}</span>
                </span>
              </label>
            ))}
          </div>
        </FieldGroup>
        {grantUsesGroup(form.access) && (
          <Field id="grant-group" label="Consumer group (optional)" error={errors.group} hint="The group.id the consumer uses. Empty: any group (*).">
            <input value={form.group} maxLength={255} spellCheck={false} autoComplete="off" onChange={(e) => set('group', e.target.value)} />
          </Field>
        )}
        <DialogActions onCancel={onClose} submitLabel="Grant access" busyLabel="Granting…" busy={grant.isPending} />
      </form>
    </Dialog>
  );
}

export function DeleteAclDialog({ projectId, instanceId, acl, onClose }: { projectId: string; instanceId: string; acl: Acl; onClose: () => void }) {
  const remove = useDeleteAcl(projectId, instanceId);
  const toast = useToast();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    remove.mutate(acl.id, {
      onSuccess: () => {
        toast.success('ACL deleted', describeAcl(acl));
        onClose();
      },
    });
  };
  return (
    <Dialog title="Delete this ACL?" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <p>
          <code>{describeAcl(acl)}</code>
        </p>
        <p>Clients relying on it are refused within seconds.</p>
        <ProblemAlert error={remove.error} title="The ACL could not be deleted" />
        <DialogActions onCancel={onClose} submitLabel="Delete ACL" busyLabel="Deleting…" busy={remove.isPending} tone="danger" focusCancel />
      </form>
    </Dialog>
  );
}

function focusInvalid() {
  window.setTimeout(() => document.querySelector<HTMLElement>('.dialog [aria-invalid="true"]')?.focus());
}
