import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useInstances } from '../api/hooks/instances';
import { InstanceStatus } from '../api/generated';
import { StatusBadge } from '../components/StatusBadge';
import { ProblemAlert } from '../components/ProblemAlert';
import { EmptyState, Loading } from '../components/EmptyState';
import { formatDateTime, humanize } from '../lib/format';
import { Pager } from '../components/Pager';

const STATUSES = Object.values(InstanceStatus);
const PAGE_SIZE = 20;

export function InstancesPage() {
  const { projectId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as InstanceStatus | null) ?? undefined;
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? 0) || 0;
  const [search, setSearch] = useState(q);

  // search as you type, debounced, kept in the URL so the view can be shared and reloaded
  useEffect(() => {
    const t = window.setTimeout(() => {
      if (search !== q) update({ q: search || null, page: null });
    }, 300);
    return () => window.clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  }

  const list = useInstances(projectId, { status, q: q || undefined, page, size: PAGE_SIZE });
  const filtered = !!status || !!q;
  const newLink = `/projects/${projectId}/instances/new`;

  return (
    <section aria-labelledby="instances-title">
      <div className="page-head">
        <h1 id="instances-title">Kafka instances</h1>
        <Link to={newLink} className="button button-primary">
          Create instance
        </Link>
      </div>

      <div className="toolbar" role="search">
        <div className="toolbar-field">
          <label htmlFor="instance-search">Search by name</label>
          <input
            id="instance-search"
            type="search"
            value={search}
            maxLength={63}
            placeholder="e.g. orders"
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="toolbar-field">
          <label htmlFor="instance-status">Status</label>
          <select id="instance-status" value={status ?? ''} onChange={(e) => update({ status: e.target.value || null, page: null })}>
            <option value="">All statuses</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {humanize(s)}
              </option>
            ))}
          </select>
        </div>
        {list.isFetching && !list.isPending && <span className="muted small" role="status">Refreshing…</span>}
      </div>

      {list.isPending ? (
        <Loading label="Loading instances…" />
      ) : list.error ? (
        <ProblemAlert error={list.error} title="The instances could not be loaded" onRetry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No instance matches"
            action={
              <button type="button" className="button" onClick={() => { setSearch(''); update({ q: null, status: null, page: null }); }}>
                Clear filters
              </button>
            }
          >
            Nothing here {status ? `is ${humanize(status).toLowerCase()}` : ''}{status && q ? ' and ' : ''}
            {q ? `has "${q}" in its name` : ''}.
          </EmptyState>
        ) : (
          <EmptyState title="No Kafka instance yet" action={<Link to={newLink} className="button button-primary">Create your first instance</Link>}>
            An instance is a secured, rack-aware Apache Kafka cluster. Pick a flavor, the number of brokers and the
            zones to spread them over; it is ready in a minute or two.
          </EmptyState>
        )
      ) : (
        <>
          <table className="table">
            <caption className="sr-only">Instances of this project</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Flavor</th>
                <th scope="col" className="num">Brokers</th>
                <th scope="col">Zones</th>
                <th scope="col">Kafka</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((i) => (
                <tr key={i.id}>
                  <td>
                    <Link to={`/projects/${projectId}/instances/${i.id}`} className="strong-link">
                      {i.name}
                    </Link>
                    {i.description && <div className="muted small truncate">{i.description}</div>}
                  </td>
                  <td>
                    <StatusBadge status={i.status} />
                  </td>
                  <td>{i.flavor}</td>
                  <td className="num">{i.brokerCount}</td>
                  <td>{i.availabilityZones.join(', ')}</td>
                  <td>{i.kafkaVersion}</td>
                  <td>{formatDateTime(i.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager label="Pages" page={page} totalPages={list.data.totalPages} onPage={(p) => update({ page: String(p) })} summary={`${list.data.totalItems} instances`} />
        </>
      )}
    </section>
  );
}
