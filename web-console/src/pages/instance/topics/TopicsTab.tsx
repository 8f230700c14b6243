import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Instance } from '../../../api/generated';
import { useTopics } from '../../../api/hooks/topics';
import { EmptyState, Loading } from '../../../components/EmptyState';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatBytes, formatCount } from '../../../lib/format';
import { CreateTopicDialog } from './CreateTopicDialog';
import { TopicDetail } from './TopicDetail';
import { Pager } from '../../../components/Pager';

const PAGE_SIZE = 20;

/** The instance's topics, or one topic when the address names it. */
export function TopicsTab({ projectId, instance, topic, section }: { projectId: string; instance: Instance; topic?: string; section?: string }) {
  if (topic) return <TopicDetail key={topic} projectId={projectId} instance={instance} topicName={topic} section={section} />;
  return <TopicList projectId={projectId} instance={instance} />;
}

function TopicList({ projectId, instance }: { projectId: string; instance: Instance }) {
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [includeInternal, setIncludeInternal] = useState(false);
  const [page, setPage] = useState(0);
  const [creating, setCreating] = useState(false);
  const topics = useTopics(projectId, instance.id, { q, includeInternal, page, size: PAGE_SIZE });
  const base = `/projects/${projectId}/instances/${instance.id}/topics`;

  // search as one types, once typing pauses
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setQ(search.trim());
      setPage(0);
    }, 300);
    return () => window.clearTimeout(timer);
  }, [search]);

  const createButton = (
    <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
      Create topic
    </button>
  );

  return (
    <section aria-labelledby="topics-title">
      <div className="section-head">
        <h2 id="topics-title">Topics</h2>
        {createButton}
      </div>
      <div className="toolbar">
        <div className="toolbar-field">
          <label htmlFor="topic-search">Search by name</label>
          <input id="topic-search" type="search" value={search} maxLength={249} placeholder="orders" onChange={(e) => setSearch(e.target.value)} />
        </div>
        <label className="checkbox toolbar-check">
          <input
            type="checkbox"
            checked={includeInternal}
            onChange={(e) => {
              setIncludeInternal(e.target.checked);
              setPage(0);
            }}
          />{' '}
          Show internal topics
        </label>
        {topics.isFetching && !topics.isPending && <span className="muted small" role="status">Refreshing…</span>}
      </div>

      {topics.isPending ? (
        <Loading label="Loading topics…" />
      ) : topics.error && !topics.data ? (
        <ProblemAlert error={topics.error} title="The topics could not be loaded" onRetry={() => topics.refetch()} />
      ) : topics.data.items.length === 0 ? (
        q ? (
          <EmptyState title="No topic matches">No topic name contains “{q}”.</EmptyState>
        ) : (
          <EmptyState title="No topic yet" action={createButton}>
            Create a topic to start producing messages to this instance.
          </EmptyState>
        )
      ) : (
        <>
          {topics.error && <ProblemAlert error={topics.error} title="Refreshing the topics failed" />}
          <table className="table" aria-labelledby="topics-title">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" className="num">Partitions</th>
                <th scope="col" className="num">Replication</th>
                <th scope="col" className="num">Size</th>
                <th scope="col" className="num">Messages (est.)</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {topics.data.items.map((t) => (
                <tr key={t.name}>
                  <td>
                    <Link className="strong-link" to={`${base}/${encodeURIComponent(t.name)}`}>
                      {t.name}
                    </Link>
                    {t.internal && <span className="tag tag-inline">internal</span>}
                  </td>
                  <td className="num">{t.partitions}</td>
                  <td className="num">{t.replicationFactor}</td>
                  <td className="num">{formatBytes(t.sizeBytes)}</td>
                  <td className="num">{formatCount(t.messageCountEstimate)}</td>
                  <td className="num">
                    <Link to={`${base}/${encodeURIComponent(t.name)}/messages`} aria-label={`Messages of ${t.name}`}>
                      Messages
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager label="Topic pages" page={page} totalPages={topics.data.totalPages} onPage={setPage} summary={`${topics.data.totalItems} topics`} />
        </>
      )}

      {creating && <CreateTopicDialog projectId={projectId} instance={instance} onClose={() => setCreating(false)} />}
    </section>
  );
}
