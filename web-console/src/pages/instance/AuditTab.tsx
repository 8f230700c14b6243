import { useState } from 'react';
import { useAuditEvents } from '../../api/hooks/audit';
import { EmptyState, Loading } from '../../components/EmptyState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../lib/format';
import { Pager } from '../../components/Pager';

/** The project's audit log (the API has no per-instance filter: this one is applied here, per page). */
export function AuditTab({ projectId, instanceId }: { projectId: string; instanceId: string }) {
  const [page, setPage] = useState(0);
  const [onlyThis, setOnlyThis] = useState(true);
  const events = useAuditEvents(projectId, page);
  if (events.isPending) return <Loading label="Loading audit events…" />;
  if (events.error) return <ProblemAlert error={events.error} title="The audit events could not be loaded" onRetry={() => events.refetch()} />;
  const items = onlyThis ? events.data.items.filter((e) => e.resourceId === instanceId) : events.data.items;
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title" className="sr-only">
        Audit events
      </h2>
      <div className="toolbar">
        <label className="checkbox">
          <input type="checkbox" checked={onlyThis} onChange={(e) => setOnlyThis(e.target.checked)} /> Only events about this instance
        </label>
      </div>
      {items.length === 0 ? (
        <EmptyState title="No audit event on this page">
          {onlyThis ? 'Untick “Only events about this instance” to see the whole project.' : undefined}
        </EmptyState>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Result</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.occurredAt)}</td>
                <td>{e.actor}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  <StatusBadge status={e.result} />
                </td>
                <td className="truncate-cell">{e.detail ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager label="Audit pages" page={page} totalPages={events.data.totalPages} onPage={setPage} previousLabel="Newer" nextLabel="Older" />
    </section>
  );
}
