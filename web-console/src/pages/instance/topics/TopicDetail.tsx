import { Link, useNavigate } from 'react-router';
import { useState } from 'react';
import type { Instance, Topic } from '../../../api/generated';
import { useTopic } from '../../../api/hooks/topics';
import { isNotFound } from '../../../api/problem';
import { EmptyState, Loading } from '../../../components/EmptyState';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useToast } from '../../../components/Toasts';
import { formatCount } from '../../../lib/format';
import { MessagesPanel } from '../messages/MessagesPanel';
import { DeleteTopicDialog } from './DeleteTopicDialog';
import { TopicSettingsForm } from './TopicSettingsForm';

const SECTIONS = [
  { path: 'partitions', label: 'Partitions' },
  { path: 'messages', label: 'Messages' },
  { path: 'configuration', label: 'Configuration' },
] as const;

export function TopicDetail({ projectId, instance, topicName, section = 'partitions' }: { projectId: string; instance: Instance; topicName: string; section?: string }) {
  const query = useTopic(projectId, instance.id, topicName);
  const navigate = useNavigate();
  const toast = useToast();
  const [deleting, setDeleting] = useState(false);
  const listPath = `/projects/${projectId}/instances/${instance.id}/topics`;
  const topicPath = `${listPath}/${encodeURIComponent(topicName)}`;

  const back = (
    <nav className="breadcrumbs" aria-label="Topic breadcrumb">
      <Link to={listPath}>Topics</Link> <span aria-hidden="true">/</span> <span aria-current="page">{topicName}</span>
    </nav>
  );

  if (query.isPending)
    return (
      <>
        {back}
        <Loading label="Loading the topic…" />
      </>
    );
  if (isNotFound(query.error) && !query.data)
    return (
      <>
        {back}
        <EmptyState title="Topic not found" action={<Link to={listPath} className="button">Back to topics</Link>}>
          There is no topic called “{topicName}” on this instance. It may have been deleted.
        </EmptyState>
      </>
    );
  if (!query.data)
    return (
      <>
        {back}
        <ProblemAlert error={query.error} title="The topic could not be loaded" onRetry={() => query.refetch()} />
      </>
    );

  const topic = query.data;
  return (
    <section aria-labelledby="topic-title" className="topic-detail">
      {back}
      <div className="section-head">
        <div className="title-with-badge">
          <h2 id="topic-title">{topic.name}</h2>
          {topic.internal && <span className="tag">internal</span>}
        </div>
        <span className="muted">
          {topic.partitions} partitions · replication factor {topic.replicationFactor} · {formatCount(topic.messageCountEstimate)} {topic.messageCountEstimate === 1 ? 'message' : 'messages'} (est.)
        </span>
      </div>
      {query.error && <ProblemAlert error={query.error} title="Refreshing the topic failed" />}

      <nav className="subtabs" aria-label="Topic sections">
        {SECTIONS.map((s) => (
          <Link key={s.path} to={`${topicPath}/${s.path}`} className={`subtab${section === s.path ? ' active' : ''}`} aria-current={section === s.path ? 'page' : undefined}>
            {s.label}
          </Link>
        ))}
      </nav>

      {section === 'partitions' && <PartitionsPanel topic={topic} />}
      {section === 'messages' && <MessagesPanel projectId={projectId} instanceId={instance.id} topic={topic} />}
      {section === 'configuration' && (
        <TopicSettingsForm key={topic.name} projectId={projectId} instanceId={instance.id} topic={topic} onDelete={() => setDeleting(true)} />
      )}
      {!SECTIONS.some((s) => s.path === section) && <EmptyState title="No such section" />}

      {deleting && (
        <DeleteTopicDialog
          projectId={projectId}
          instanceId={instance.id}
          topic={topic}
          onClose={() => setDeleting(false)}
          onDeleted={() => {
            toast.success('Topic deleted', `${topic.name} and its messages are gone.`);
            navigate(listPath, { replace: true });
          }}
        />
      )}
    </section>
  );
}

function PartitionsPanel({ topic }: { topic: Topic }) {
  const configs = Object.entries(topic.configs).sort(([a], [b]) => a.localeCompare(b));
  const underReplicated = topic.partitionDetails.filter((p) => p.isr.length < p.replicas.length).length;
  const offline = topic.partitionDetails.filter((p) => p.leader == null).length;
  return (
    <div className="overview">
      <section className="card" aria-labelledby="topic-settings-title">
        <h3 id="topic-settings-title">Settings</h3>
        <dl className="dl">
          <dt>Retention</dt>
          <dd>{topic.retentionHours == null ? 'Unlimited' : `${topic.retentionHours} h`}</dd>
          <dt>Synchronous replication</dt>
          <dd>{topic.syncReplication ? 'On (acks=all producers wait for all but one replica)' : 'Off'}</dd>
          <dt>Flush every message</dt>
          <dd>{topic.syncFlush ? 'On' : 'Off'}</dd>
          <dt>Topic settings</dt>
          <dd>
            {configs.length === 0
              ? 'Broker defaults only'
              : configs.map(([k, v]) => (
                  <span key={k} className="tag">
                    <code>{`${k}=${v}`}</code>
                  </span>
                ))}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="partitions-title">
        <div className="section-head">
          <h3 id="partitions-title">Partitions</h3>
          <span className="muted small" role="status">
            {offline > 0 && <span className="text-bad">{offline} without a leader · </span>}
            {underReplicated > 0 ? <span className="text-warn">{underReplicated} under-replicated</span> : 'All replicas in sync'}
          </span>
        </div>
        <table className="table table-compact" aria-labelledby="partitions-title">
          <thead>
            <tr>
              <th scope="col" className="num">Partition</th>
              <th scope="col" className="num">Leader</th>
              <th scope="col">Replicas</th>
              <th scope="col">In sync</th>
              <th scope="col">Replica zones</th>
              <th scope="col" className="num">Earliest offset</th>
              <th scope="col" className="num">Latest offset</th>
            </tr>
          </thead>
          <tbody>
            {topic.partitionDetails.map((p) => {
              const outOfSync = p.replicas.filter((r) => !p.isr.includes(r));
              return (
                <tr key={p.partition}>
                  <td className="num">{p.partition}</td>
                  <td className="num">{p.leader ?? <span className="text-bad">none</span>}</td>
                  <td>{p.replicas.join(', ')}</td>
                  <td>
                    {p.isr.join(', ') || '—'}
                    {outOfSync.length > 0 && <span className="text-warn small"> (missing {outOfSync.join(', ')})</span>}
                  </td>
                  <td>{p.replicaRacks?.length ? p.replicaRacks.join(', ') : '—'}</td>
                  <td className="num">{formatCount(p.earliestOffset)}</td>
                  <td className="num">{formatCount(p.latestOffset)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
