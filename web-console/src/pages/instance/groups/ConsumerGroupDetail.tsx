import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Instance } from '../../../api/generated';
import { useConsumerGroup } from '../../../api/hooks/consumerGroups';
import { isNotFound } from '../../../api/problem';
import { EmptyState, Loading } from '../../../components/EmptyState';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useToast } from '../../../components/Toasts';
import { formatCount } from '../../../lib/format';
import { DeleteGroupDialog } from './DeleteGroupDialog';
import { GroupStateBadge } from './GroupStateBadge';
import { ResetOffsetsDialog } from './ResetOffsetsDialog';

export function ConsumerGroupDetail({ projectId, instance, groupId }: { projectId: string; instance: Instance; groupId: string }) {
  const query = useConsumerGroup(projectId, instance.id, groupId);
  const navigate = useNavigate();
  const toast = useToast();
  const [dialog, setDialog] = useState<'reset' | 'delete' | null>(null);
  const listPath = `/projects/${projectId}/instances/${instance.id}/consumer-groups`;
  const topicsPath = `/projects/${projectId}/instances/${instance.id}/topics`;

  const back = (
    <nav className="breadcrumbs" aria-label="Consumer group breadcrumb">
      <Link to={listPath}>Consumer groups</Link> <span aria-hidden="true">/</span> <span aria-current="page">{groupId}</span>
    </nav>
  );
  if (query.isPending)
    return (
      <>
        {back}
        <Loading label="Loading the consumer group…" />
      </>
    );
  if (isNotFound(query.error) && !query.data)
    return (
      <>
        {back}
        <EmptyState title="Consumer group not found" action={<Link to={listPath} className="button">Back to consumer groups</Link>}>
          There is no group “{groupId}” on this instance. It may have been deleted.
        </EmptyState>
      </>
    );
  if (!query.data)
    return (
      <>
        {back}
        <ProblemAlert error={query.error} title="The consumer group could not be loaded" onRetry={() => query.refetch()} />
      </>
    );

  const group = query.data;
  const offsets = [...group.offsets].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  return (
    <section aria-labelledby="group-title">
      {back}
      <div className="section-head">
        <div className="title-with-badge">
          <h2 id="group-title">{group.groupId}</h2>
          <GroupStateBadge state={group.state} />
        </div>
        <div className="button-row">
          <button type="button" className="button" onClick={() => setDialog('reset')}>
            Reset offsets…
          </button>
          <button type="button" className="button button-danger" onClick={() => setDialog('delete')}>
            Delete group…
          </button>
        </div>
      </div>
      {query.error && <ProblemAlert error={query.error} title="Refreshing the group failed" />}
      <p className="muted">
        {group.members.length} {group.members.length === 1 ? 'member' : 'members'} · total lag {formatCount(group.totalLag)}
      </p>

      <div className="overview">
        <section aria-labelledby="members-title">
          <h3 id="members-title">Members</h3>
          {group.members.length === 0 ? (
            <p className="muted">No active member: no consumer of this group is running.</p>
          ) : (
            <table className="table table-compact" aria-labelledby="members-title">
              <thead>
                <tr>
                  <th scope="col">Client id</th>
                  <th scope="col">Host</th>
                  <th scope="col">Assigned partitions</th>
                  <th scope="col">Member id</th>
                </tr>
              </thead>
              <tbody>
                {group.members.map((m) => (
                  <tr key={m.memberId}>
                    <td>{m.clientId}</td>
                    <td>
                      <code>{m.host}</code>
                    </td>
                    <td>{m.assignments.length ? m.assignments.map((a) => <span key={`${a.topic}-${a.partition}`} className="tag">{`${a.topic}-${a.partition}`}</span>) : '—'}</td>
                    <td className="truncate-cell small">
                      <code>{m.memberId}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section aria-labelledby="offsets-title">
          <h3 id="offsets-title">Offsets and lag</h3>
          {offsets.length === 0 ? (
            <p className="muted">The group has not committed any offset.</p>
          ) : (
            <table className="table table-compact" aria-labelledby="offsets-title">
              <thead>
                <tr>
                  <th scope="col">Topic</th>
                  <th scope="col" className="num">Partition</th>
                  <th scope="col" className="num">Committed</th>
                  <th scope="col" className="num">Log end</th>
                  <th scope="col" className="num">Lag</th>
                </tr>
              </thead>
              <tbody>
                {offsets.map((o) => (
                  <tr key={`${o.topic}-${o.partition}`}>
                    <td>
                      <Link to={`${topicsPath}/${encodeURIComponent(o.topic)}`}>{o.topic}</Link>
                    </td>
                    <td className="num">{o.partition}</td>
                    <td className="num">{o.committedOffset == null ? <span className="muted">none</span> : formatCount(o.committedOffset)}</td>
                    <td className="num">{formatCount(o.logEndOffset)}</td>
                    <td className={`num${o.lag > 0 ? ' text-warn' : ''}`}>{formatCount(o.lag)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      {dialog === 'reset' && <ResetOffsetsDialog projectId={projectId} instanceId={instance.id} group={group} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && (
        <DeleteGroupDialog
          projectId={projectId}
          instanceId={instance.id}
          group={group}
          onClose={() => setDialog(null)}
          onDeleted={() => {
            toast.success('Consumer group deleted', `${group.groupId} and its committed offsets are gone.`);
            navigate(listPath, { replace: true });
          }}
        />
      )}
    </section>
  );
}
