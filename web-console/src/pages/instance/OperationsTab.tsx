import { useState } from 'react';
import type { Operation } from '../../api/generated';
import { isScheduled, useOperations } from '../../api/hooks/operations';
import { EmptyState, Loading } from '../../components/EmptyState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime, formatScheduledAt, operationLabel, stepLabel } from '../../lib/format';
import { Pager } from '../../components/Pager';

export function OperationsTab({ projectId, instanceId }: { projectId: string; instanceId: string }) {
  const [page, setPage] = useState(0);
  const ops = useOperations(projectId, instanceId, page);
  if (ops.isPending) return <Loading label="Loading operations…" />;
  if (ops.error) return <ProblemAlert error={ops.error} title="The operations could not be loaded" onRetry={() => ops.refetch()} />;
  if (ops.data.items.length === 0) return <EmptyState title="No operation yet" />;
  return (
    <section aria-labelledby="ops-title">
      <h2 id="ops-title" className="sr-only">
        Operations history
      </h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Operation</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">Progress</th>
            <th scope="col">Step</th>
            <th scope="col">Started</th>
            <th scope="col">Finished</th>
          </tr>
        </thead>
        <tbody>
          {ops.data.items.map((o) => (
            <tr key={o.id}>
              <td>
                {operationLabel(o.type)}
                {o.error && <div className="field-error small">{o.error}</div>}
              </td>
              <td>
                <StatusBadge status={isScheduled(o) ? 'SCHEDULED' : o.status} />
              </td>
              <td className="num">
                <OperationProgress operation={o} />
              </td>
              <td>{stepLabel(o.currentStep) || '—'}</td>
              <td>{formatDateTime(o.createdAt)}</td>
              <td>{formatDateTime(o.finishedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager label="Operation pages" page={page} totalPages={ops.data.totalPages} onPage={setPage} previousLabel="Newer" nextLabel="Older" />
    </section>
  );
}

/** How far an operation got; one waiting for the maintenance window says when it begins instead of 0 %. */
function OperationProgress({ operation }: { operation: Operation }) {
  if (isScheduled(operation)) return <span className="small">Scheduled for {formatScheduledAt(operation.scheduledAt)}</span>;
  if (operation.status === 'CANCELLED') return <span className="muted">—</span>;
  return <>{operation.percent}%</>;
}
