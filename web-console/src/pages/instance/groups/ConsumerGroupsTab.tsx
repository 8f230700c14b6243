import { Link } from 'react-router';
import type { Instance } from '../../../api/generated';
import { useConsumerGroups } from '../../../api/hooks/consumerGroups';
import { EmptyState, Loading } from '../../../components/EmptyState';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatCount } from '../../../lib/format';
import { ConsumerGroupDetail } from './ConsumerGroupDetail';
import { GroupStateBadge } from './GroupStateBadge';

/** The instance's consumer groups, or one group when the address names it. */
export function ConsumerGroupsTab({ projectId, instance, group }: { projectId: string; instance: Instance; group?: string }) {
  if (group) return <ConsumerGroupDetail key={group} projectId={projectId} instance={instance} groupId={group} />;
  return <GroupList projectId={projectId} instanceId={instance.id} />;
}

function GroupList({ projectId, instanceId }: { projectId: string; instanceId: string }) {
  const groups = useConsumerGroups(projectId, instanceId);
  const base = `/projects/${projectId}/instances/${instanceId}/consumer-groups`;
  if (groups.isPending) return <Loading label="Loading consumer groups…" />;
  if (groups.error && !groups.data) return <ProblemAlert error={groups.error} title="The consumer groups could not be loaded" onRetry={() => groups.refetch()} />;
  const items = [...groups.data].sort((a, b) => a.groupId.localeCompare(b.groupId));
  return (
    <section aria-labelledby="groups-title">
      <div className="section-head">
        <h2 id="groups-title">Consumer groups</h2>
        <span className="muted small">Lag is refreshed every 15 seconds.</span>
      </div>
      {groups.error && <ProblemAlert error={groups.error} title="Refreshing the consumer groups failed" />}
      {items.length === 0 ? (
        <EmptyState title="No consumer group yet">
          A group appears here once consumers with a group.id join it or commit offsets.
        </EmptyState>
      ) : (
        <table className="table" aria-labelledby="groups-title">
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">State</th>
              <th scope="col" className="num">Members</th>
              <th scope="col" className="num">Total lag</th>
            </tr>
          </thead>
          <tbody>
            {items.map((g) => (
              <tr key={g.groupId}>
                <td>
                  <Link className="strong-link" to={`${base}/${encodeURIComponent(g.groupId)}`}>
                    {g.groupId}
                  </Link>
                </td>
                <td>
                  <GroupStateBadge state={g.state} />
                </td>
                <td className="num">{g.members}</td>
                <td className="num">{formatCount(g.totalLag)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
