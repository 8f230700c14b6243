import type { Instance } from '../../api/generated';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime, humanize, formatBytes } from '../../lib/format';
import { ConnectionPanel } from './security/ConnectionPanel';
import { BrokerRestart } from './BrokerRestart';
import { describeWindow } from './MaintenanceWindowForm';

export function OverviewTab({ instance }: { instance: Instance }) {
  const tags = Object.entries(instance.tags ?? {});
  const cidrs = instance.network?.allowedCidrs ?? [];
  return (
    <div className="overview">
      <ConnectionPanel instance={instance} />
      <div className="grid-2 align-start">
        <section className="card" aria-labelledby="details-title">
          <h2 id="details-title">Details</h2>
          <dl className="dl">
            <dt>Flavor</dt>
            <dd>{instance.flavor}</dd>
            <dt>Brokers</dt>
            <dd>{instance.brokerCount}</dd>
            <dt>Zones</dt>
            <dd>{instance.availabilityZones.join(', ')}</dd>
            <dt>Storage</dt>
            <dd>{instance.storageGb} GB per broker</dd>
            <dt>Kafka</dt>
            <dd>{instance.kafkaVersion}</dd>
            <dt>Security</dt>
            <dd>
              {instance.security.protocol}
              {instance.security.saslMechanisms.length > 0 && ` (${instance.security.saslMechanisms.join(', ')})`}
              {instance.security.adminUsername && `, admin user ${instance.security.adminUsername}`}
            </dd>
            <dt>Auto-create topics</dt>
            <dd>{instance.autoCreateTopics ? 'Allowed' : 'Off'}</dd>
            <dt>Allowed networks</dt>
            <dd>{cidrs.length ? cidrs.join(', ') : 'Any address'}</dd>
            <dt>Retention</dt>
            <dd>
              {instance.retention?.defaultHours ?? 72} h
              {instance.retention?.capacityPolicy &&
                (instance.retention.capacityPolicy === 'TIME_BASE' ? ', delete oldest when full' : ', reject writes when full')}
            </dd>
            <dt>Maintenance window</dt>
            <dd>{instance.maintenanceWindow ? describeWindow(instance.maintenanceWindow) : 'None set'}</dd>
            <dt>Deletion protection</dt>
            <dd>{instance.deletionProtection ? 'On: the instance cannot be deleted until it is turned off' : 'Off'}</dd>
            <dt>Billing</dt>
            <dd>
              {humanize(instance.billing.mode)}
              {instance.billing.periodMonths ? `, ${instance.billing.periodMonths} months` : ''}
            </dd>
            <dt>Tags</dt>
            <dd>{tags.length ? tags.map(([k, v]) => <span key={k} className="tag">{`${k}=${v}`}</span>) : 'None'}</dd>
            <dt>Created</dt>
            <dd>{formatDateTime(instance.createdAt)}</dd>
            <dt>Instance id</dt>
            <dd>
              <code>{instance.id}</code>
            </dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="brokers-title">
          <h2 id="brokers-title">Brokers</h2>
          <BrokerRestart instance={instance} />
          {instance.brokers.length === 0 ? (
            <p className="muted">No broker has been placed yet.</p>
          ) : (
            <table className="table table-compact">
              <thead>
                <tr>
                  <th scope="col">Node</th>
                  <th scope="col">Zone</th>
                  <th scope="col">Roles</th>
                  <th scope="col">Status</th>
                  <th scope="col">Kafka</th>
                  <th scope="col">Endpoint</th>
                  <th scope="col">Disk</th>
                </tr>
              </thead>
              <tbody>
                {instance.brokers.map((b) => (
                  <tr key={b.nodeId}>
                    <td>{b.nodeId}</td>
                    <td>{b.availabilityZone}</td>
                    <td>{b.roles.join(', ')}</td>
                    <td>
                      <StatusBadge status={b.status} />
                      {b.pendingRestart && (
                        <span className="badge badge-warn" title="This broker runs an older configuration; the next rolling restart applies the new one.">
                          restart pending
                        </span>
                      )}
                      {b.statusReason && <div className="muted small">{b.statusReason}</div>}
                    </td>
                    <td>
                      <BrokerKafkaVersion runs={b.kafkaVersion} target={instance.kafkaVersion} />
                    </td>
                    <td>{b.host ? <code>{`${b.host}:${b.port ?? ''}`}</code> : '—'}</td>
                    <td>
                      <DiskUsage used={b.diskUsedBytes} limit={b.diskLimitBytes} rejected={b.produceRejected} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </div>
  );
}

/** The release a broker's agent reports; during an upgrade, a broker not yet rolled onto the instance's release is marked. */
function BrokerKafkaVersion({ runs, target }: { runs?: string | null; target: string }) {
  if (!runs) return <>—</>;
  if (runs === target) return <>{runs}</>;
  return (
    <span>
      {runs} → {target}{' '}
      <span className="badge badge-warn" title={`This broker still runs Kafka ${runs}; the upgrade restarts it on ${target}.`}>
        upgrade pending
      </span>
    </span>
  );
}

/** A broker's disk use against its ordered storage, with the PRODUCE_REJECT state when it applies. */
function DiskUsage({ used, limit, rejected }: { used?: number | null; limit?: number | null; rejected?: boolean | null }) {
  if (used == null || !limit) return <>—</>;
  const percent = Math.min(100, Math.round((used / limit) * 100));
  return (
    <span>
      <meter min={0} max={100} low={85} high={95} optimum={0} value={percent} aria-label={`Disk ${percent}% used`} /> {percent}%{' '}
      <span className="muted small">
        ({formatBytes(used)} of {formatBytes(limit)})
      </span>
      {rejected && <span className="field-error small"> producing refused: disk full</span>}
    </span>
  );
}
