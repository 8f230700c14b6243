import { useState } from 'react';
import type { Instance, KafkaUser } from '../../../api/generated';
import { useKafkaUsers } from '../../../api/hooks/kafkaUsers';
import { isInvalidState, toApiError } from '../../../api/problem';
import { EmptyState, Loading } from '../../../components/EmptyState';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatDateTime, humanize } from '../../../lib/format';
import { PlaintextExplanation } from './PlaintextExplanation';
import { CreateUserDialog, DeleteUserDialog, ResetPasswordDialog } from './UserDialogs';

type Open = { kind: 'create' } | { kind: 'reset'; user: KafkaUser } | { kind: 'delete'; user: KafkaUser } | null;

/** The instance's SASL users: create (password shown once), reset a password, delete. */
export function UsersSection({ projectId, instance, kafkaReady }: { projectId: string; instance: Instance; kafkaReady: boolean }) {
  const plaintext = instance.security.protocol === 'PLAINTEXT';
  const users = useKafkaUsers(projectId, instance.id, kafkaReady && !plaintext);
  const [open, setOpen] = useState<Open>(null);

  if (plaintext) return <PlaintextExplanation projectId={projectId} instance={instance} />;
  if (!kafkaReady)
    return (
      <EmptyState title="Users are not available yet">
        Users can be managed once the instance is running; it is {humanize(instance.status).toLowerCase()}.
      </EmptyState>
    );
  if (users.isPending) return <Loading label="Loading users…" />;
  if (isInvalidState(users.error))
    return (
      <EmptyState title="Users cannot be managed now">{toApiError(users.error).detail ?? 'The instance does not accept user changes in its current state.'}</EmptyState>
    );
  if (!users.data) return <ProblemAlert error={users.error} title="The users could not be loaded" onRetry={() => users.refetch()} />;

  const items = [...users.data].sort((a, b) => Number(b.admin) - Number(a.admin) || a.name.localeCompare(b.name));
  const createButton = (
    <button type="button" className="button button-primary" onClick={() => setOpen({ kind: 'create' })}>
      Create user
    </button>
  );

  return (
    <section aria-labelledby="users-title">
      <div className="section-head">
        <div>
          <h3 id="users-title">Users</h3>
          <p className="muted small">
            SASL users ({instance.security.saslMechanisms.join(', ')}) that clients authenticate as. Passwords are shown only when set.
          </p>
        </div>
        {createButton}
      </div>
      {!!users.error && <ProblemAlert error={users.error} title="Refreshing the users failed" />}
      {items.length === 0 ? (
        <EmptyState title="No user yet" action={createButton}>
          Create a user for each application, then grant it access to its topics in ACLs.
        </EmptyState>
      ) : (
        <table className="table" aria-labelledby="users-title">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Mechanisms</th>
              <th scope="col">Created</th>
              <th scope="col">Password changed</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((u) => (
              <tr key={u.name}>
                <td>
                  <strong>{u.name}</strong>
                  {u.admin && (
                    <span className="tag tag-inline" title="A super user: every ACL check passes">
                      admin
                    </span>
                  )}
                </td>
                <td>{u.mechanisms.join(', ')}</td>
                <td className="nowrap">{formatDateTime(u.createdAt)}</td>
                <td className="nowrap">{u.passwordChangedAt ? formatDateTime(u.passwordChangedAt) : 'Never'}</td>
                <td className="num">
                  <div className="button-row row-actions">
                    <button type="button" className="button button-small" aria-label={`Reset the password of ${u.name}`} onClick={() => setOpen({ kind: 'reset', user: u })}>
                      Reset password…
                    </button>
                    {u.admin ? (
                      <button type="button" className="button button-small" disabled aria-label={`Delete ${u.name}`} aria-describedby="admin-note" title="The admin user cannot be deleted">
                        Delete…
                      </button>
                    ) : (
                      <button type="button" className="button button-small" aria-label={`Delete ${u.name}`} onClick={() => setOpen({ kind: 'delete', user: u })}>
                        Delete…
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p id="admin-note" className="muted small table-note">
        The admin user was created with the instance and cannot be deleted; reset its password if it was lost.
      </p>

      {open?.kind === 'create' && <CreateUserDialog projectId={projectId} instance={instance} onClose={() => setOpen(null)} />}
      {open?.kind === 'reset' && <ResetPasswordDialog projectId={projectId} instance={instance} user={open.user} onClose={() => setOpen(null)} />}
      {open?.kind === 'delete' && <DeleteUserDialog projectId={projectId} instanceId={instance.id} user={open.user} onClose={() => setOpen(null)} />}
    </section>
  );
}
