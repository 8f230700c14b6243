import { useEffect, useState } from 'react';
import type { Acl, AclResourceType, Instance } from '../../../api/generated';
import { useAcls, type AclFilter } from '../../../api/hooks/acls';
import { useKafkaUsers } from '../../../api/hooks/kafkaUsers';
import { isInvalidState, toApiError } from '../../../api/problem';
import { EmptyState, Loading } from '../../../components/EmptyState';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { humanize } from '../../../lib/format';
import { describeAcl, normalizePrincipal, RESOURCE_TYPES } from '../../../lib/acls';
import { AddAclDialog, DeleteAclDialog, GrantTopicDialog } from './AclDialogs';

type Open = { kind: 'add' } | { kind: 'grant' } | { kind: 'delete'; acl: Acl } | null;

/** The instance's Kafka ACLs, filtered; add one, delete one, or grant topic access in one step. */
export function AclsSection({ projectId, instance, kafkaReady }: { projectId: string; instance: Instance; kafkaReady: boolean }) {
  const [principal, setPrincipal] = useState('');
  const [resourceType, setResourceType] = useState<AclResourceType | ''>('');
  const [resourceName, setResourceName] = useState('');
  const [filter, setFilter] = useState<AclFilter>({});
  const [open, setOpen] = useState<Open>(null);
  const sasl = instance.security.protocol !== 'PLAINTEXT';
  const acls = useAcls(projectId, instance.id, filter, kafkaReady);
  // user names for the principal and user pickers (a PLAINTEXT instance has none)
  const users = useKafkaUsers(projectId, instance.id, kafkaReady && sasl);
  const userNames = (users.data ?? []).map((u) => u.name).sort();

  // filter as one types, once typing pauses
  useEffect(() => {
    const timer = window.setTimeout(
      () =>
        setFilter({
          principal: principal.trim() ? normalizePrincipal(principal) : undefined,
          resourceType: resourceType || undefined,
          resourceName: resourceName.trim() || undefined,
        }),
      300,
    );
    return () => window.clearTimeout(timer);
  }, [principal, resourceType, resourceName]);
  const filtered = !!(filter.principal || filter.resourceType || filter.resourceName);

  if (!kafkaReady)
    return (
      <EmptyState title="ACLs are not available yet">
        ACLs can be managed once the instance is running; it is {humanize(instance.status).toLowerCase()}.
      </EmptyState>
    );

  const actions = (
    <div className="button-row">
      <button type="button" className="button button-primary" onClick={() => setOpen({ kind: 'grant' })}>
        Grant topic access…
      </button>
      <button type="button" className="button" onClick={() => setOpen({ kind: 'add' })}>
        Add ACL…
      </button>
    </div>
  );

  return (
    <section aria-labelledby="acls-title">
      <div className="section-head">
        <div>
          <h3 id="acls-title">ACLs</h3>
          <p className="muted small">What each user may do, as the brokers enforce it. The admin user is a super user and needs none.</p>
        </div>
        {actions}
      </div>
      {!sasl && (
        <p className="alert alert-info small">
          {instance.name} is PLAINTEXT: every client is the anonymous principal <code>User:ANONYMOUS</code>, so ACLs can tell clients apart only by host.
        </p>
      )}

      <div className="toolbar" role="search" aria-label="Filter ACLs">
        <div className="toolbar-field">
          <label htmlFor="acl-filter-principal">Principal</label>
          <input id="acl-filter-principal" type="search" value={principal} maxLength={300} placeholder="User:alice" list="acl-filter-users" spellCheck={false} onChange={(e) => setPrincipal(e.target.value)} />
          <datalist id="acl-filter-users">
            {userNames.map((n) => (
              <option key={n} value={`User:${n}`} />
            ))}
          </datalist>
        </div>
        <div className="toolbar-field">
          <label htmlFor="acl-filter-type">Resource type</label>
          <select id="acl-filter-type" value={resourceType} onChange={(e) => setResourceType(e.target.value as AclResourceType | '')}>
            <option value="">All types</option>
            {RESOURCE_TYPES.map((t) => (
              <option key={t} value={t}>
                {humanize(t)}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar-field">
          <label htmlFor="acl-filter-name">Resource name</label>
          <input id="acl-filter-name" type="search" value={resourceName} maxLength={255} placeholder="orders" spellCheck={false} onChange={(e) => setResourceName(e.target.value)} />
        </div>
        {(principal || resourceType || resourceName) && (
          <button
            type="button"
            className="button button-ghost"
            onClick={() => {
              setPrincipal('');
              setResourceType('');
              setResourceName('');
            }}
          >
            Clear filters
          </button>
        )}
        {acls.isFetching && !acls.isPending && (
          <span className="muted small" role="status">
            Refreshing…
          </span>
        )}
      </div>

      {acls.isPending ? (
        <Loading label="Loading ACLs…" />
      ) : isInvalidState(acls.error) ? (
        <EmptyState title="ACLs cannot be managed now">{toApiError(acls.error).detail ?? 'The instance does not accept ACL changes in its current state.'}</EmptyState>
      ) : !acls.data ? (
        <ProblemAlert error={acls.error} title="The ACLs could not be loaded" onRetry={() => acls.refetch()} />
      ) : acls.data.length === 0 ? (
        filtered ? (
          <EmptyState title="No ACL matches">No ACL has this principal, resource type or name. Clear the filters to see them all.</EmptyState>
        ) : (
          <EmptyState title="No ACL yet" action={actions}>
            Users other than the admin user can do only what ACLs allow. Grant a user access to a topic to let it publish or subscribe.
          </EmptyState>
        )
      ) : (
        <>
          {!!acls.error && <ProblemAlert error={acls.error} title="Refreshing the ACLs failed" />}
          <table className="table table-compact" aria-labelledby="acls-title">
            <thead>
              <tr>
                <th scope="col">Principal</th>
                <th scope="col">Resource</th>
                <th scope="col">Pattern</th>
                <th scope="col">Operation</th>
                <th scope="col">Permission</th>
                <th scope="col">Host</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {acls.data.map((a) => (
                <tr key={a.id}>
                  <td>
                    <code>{a.principal}</code>
                  </td>
                  <td>
                    <span className="muted small">{humanize(a.resourceType)}</span> <code>{a.resourceName}</code>
                  </td>
                  <td>{a.patternType === 'PREFIXED' ? 'Prefix' : 'Exact'}</td>
                  <td>{a.operation}</td>
                  <td>
                    <span className={`badge ${a.permission === 'ALLOW' ? 'badge-ok' : 'badge-bad'}`}>{humanize(a.permission)}</span>
                  </td>
                  <td>
                    <code>{a.host}</code>
                  </td>
                  <td className="num">
                    <button type="button" className="button button-small" aria-label={`Delete ACL: ${describeAcl(a)}`} onClick={() => setOpen({ kind: 'delete', acl: a })}>
                      Delete…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      {open?.kind === 'add' && <AddAclDialog projectId={projectId} instanceId={instance.id} userNames={userNames} onClose={() => setOpen(null)} />}
      {open?.kind === 'grant' && <GrantTopicDialog projectId={projectId} instanceId={instance.id} userNames={sasl ? userNames : null} onClose={() => setOpen(null)} />}
      {open?.kind === 'delete' && <DeleteAclDialog projectId={projectId} instanceId={instance.id} acl={open.acl} onClose={() => setOpen(null)} />}
    </section>
  );
}
