import { useState } from 'react';
import { useInstanceEvents } from '../../api/hooks/instances';
import { EmptyState, Loading } from '../../components/EmptyState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime, humanize } from '../../lib/format';
import { Pager } from '../../components/Pager';

/** What happened to the instance on its own: disk capacity actions (PRODUCE_REJECT, TIME_BASE). */
export function EventsTab({ projectId, instanceId }: { projectId: string; instanceId: string }) {
  const [page, setPage] = useState(0);
  const events = useInstanceEvents(projectId, instanceId, page);
  if (events.isPending) return <Loading label="Loading events…" />;
  if (events.error) return <ProblemAlert error={events.error} title="The events could not be loaded" onRetry={() => events.refetch()} />;
  if (events.data.items.length === 0) {
    return (
      <EmptyState title="Nothing has happened on its own yet">
        <p>When a broker's disk fills up, the capacity policy acts and records it here.</p>
      </EmptyState>
    );
  }
  return (
    <section aria-labelledby="events-title">
      <h2 id="events-title" className="sr-only">
        Instance events
      </h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Event</th>
            <th scope="col" className="num">Broker</th>
            <th scope="col">What happened</th>
          </tr>
        </thead>
        <tbody>
          {events.data.items.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.occurredAt)}</td>
              <td>{humanize(e.type)}</td>
              <td className="num">{e.nodeId ?? '—'}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager label="Event pages" page={page} totalPages={events.data.totalPages} onPage={setPage} previousLabel="Newer" nextLabel="Older" />
    </section>
  );
}
