import type { BrokerLoad, PartitionMove, RebalancePlan } from '../../api/generated';
import { EmptyState } from '../../components/EmptyState';
import { formatBytes, formatCount } from '../../lib/format';

/** Past this many moves the table shows the first ones only: a dialog is no place for thousands of rows. */
export const MOVES_SHOWN = 200;

/** A dry run's plan: what would move in all, per broker before → after, and each partition that changes. */
export function RebalancePlanView({ plan }: { plan: RebalancePlan }) {
  const balanced = plan.partitionsToMove === 0 && plan.leadersToMove === 0;
  return (
    <section className="rebalance-plan" aria-labelledby="rebalance-plan-title">
      <h3 id="rebalance-plan-title">Plan</h3>
      <dl className="dl" aria-label="Plan summary">
        <dt>Partitions to move</dt>
        <dd>
          {formatCount(plan.partitionsToMove)} of {formatCount(plan.partitions)}
        </dd>
        <dt>Leaders to move</dt>
        <dd>{formatCount(plan.leadersToMove)}</dd>
        <dt>Data to copy</dt>
        <dd>{formatBytes(plan.bytesToMove)}</dd>
      </dl>

      <h4 id="rebalance-brokers-title">Per broker</h4>
      <table className="table table-compact" aria-labelledby="rebalance-brokers-title">
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Zone</th>
            <th scope="col" className="num">Replicas</th>
            <th scope="col" className="num">Leaders</th>
          </tr>
        </thead>
        <tbody>
          {plan.brokers.map((b) => (
            <BrokerRow key={b.nodeId} broker={b} />
          ))}
        </tbody>
      </table>

      {balanced ? (
        <EmptyState title="The partitions are already evenly spread">
          Nothing would move: every broker already carries its share of the replicas and leaders.
        </EmptyState>
      ) : (
        <MovesTable moves={plan.moves} />
      )}
    </section>
  );
}

function BrokerRow({ broker }: { broker: BrokerLoad }) {
  return (
    <tr>
      <td>{broker.nodeId}</td>
      <td>{broker.availabilityZone}</td>
      <td className="num">
        <BeforeAfter before={broker.replicasBefore} after={broker.replicasAfter} />
      </td>
      <td className="num">
        <BeforeAfter before={broker.leadersBefore} after={broker.leadersAfter} />
      </td>
    </tr>
  );
}

/** "12 → 8", the new value in bold when it changes. */
function BeforeAfter({ before, after }: { before: number; after: number }) {
  if (before === after) return <>{`${before} → ${after}`}</>;
  return (
    <>
      {`${before} → `}
      <strong>{after}</strong>
    </>
  );
}

function MovesTable({ moves }: { moves: PartitionMove[] }) {
  const shown = moves.slice(0, MOVES_SHOWN);
  return (
    <>
      <h4 id="rebalance-moves-title">Partition moves</h4>
      <div className="table-scroll">
        <table className="table table-compact" aria-labelledby="rebalance-moves-title">
          <thead>
            <tr>
              <th scope="col">Partition</th>
              <th scope="col">Replicas</th>
              <th scope="col">Leader</th>
              <th scope="col" className="num">Data</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <tr key={`${m.topic}-${m.partition}`}>
                <td className="truncate-cell">
                  {m.topic}-{m.partition}
                </td>
                <td className="nowrap">
                  {m.currentReplicas.join(', ')} → {m.proposedReplicas.join(', ')}
                </td>
                <td className="nowrap">{m.currentLeader === m.proposedLeader ? m.proposedLeader : `${m.currentLeader ?? '—'} → ${m.proposedLeader}`}</td>
                <td className="num">{formatBytes(m.bytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {moves.length > shown.length && (
        <p className="muted small table-note">
          The first {shown.length} of {formatCount(moves.length)} partitions that change are shown.
        </p>
      )}
    </>
  );
}
