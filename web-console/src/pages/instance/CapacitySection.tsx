import { useState } from 'react';
import type { Instance } from '../../api/generated';
import { TRANSITIONAL } from '../../api/hooks/instances';
import { isRebalanceActive, useLatestRebalance } from '../../api/hooks/rebalances';
import { toApiError } from '../../api/problem';
import { ChangeFlavorDialog } from './ChangeFlavorDialog';
import { ExpandStorageDialog } from './ExpandStorageDialog';
import { RebalanceDialog } from './RebalanceDialog';
import { RebalanceSummary } from './RebalanceProgress';
import { ScaleBrokersDialog } from './ScaleBrokersDialog';
import { UpgradeKafkaDialog } from './UpgradeKafkaDialog';

/**
 * The instance's flavor, brokers, storage and Kafka version, with the dialogs that change them (the API accepts them only in
 * these states), and its latest rebalance.
 */
export function CapacitySection({ instance }: { instance: Instance }) {
  const [open, setOpen] = useState<'flavor' | 'scale' | 'rebalance' | 'storage' | 'kafka' | null>(null);
  // a flavor change is a rolling restart, which may also heal a degraded instance; storage needs every broker up
  const flavorChangeable = instance.status === 'RUNNING' || instance.status === 'DEGRADED';
  const storageExpandable = instance.status === 'RUNNING';
  // adding or removing brokers moves partitions: every broker up and no other operation
  const scalable = instance.status === 'RUNNING';
  // while the instance changes (a scale-out), its rebalance may start any moment: watch for it
  const latest = useLatestRebalance(instance.projectId, instance.id, { watch: TRANSITIONAL.has(instance.status) });
  // a rebalance starts only on a running instance; one that runs (a scale-out's too) can be followed and cancelled
  const rebalanceable = instance.status === 'RUNNING' || isRebalanceActive(latest.data);
  // an upgrade needs every broker up and no other operation (the instance is RUNNING only then)
  const upgradable = instance.status === 'RUNNING';
  return (
    <section className="card" aria-labelledby="capacity-title">
      <h2 id="capacity-title">Capacity</h2>
      <dl className="dl">
        <dt>Flavor</dt>
        <dd>{instance.flavor}</dd>
        <dt>Brokers</dt>
        <dd>{instance.brokerCount}</dd>
        <dt>Storage</dt>
        <dd>
          {instance.storageGb} GB per broker, {instance.storageGb * instance.brokerCount} GB in all
        </dd>
        <dt>Kafka</dt>
        <dd>{instance.kafkaVersion}</dd>
        <dt>Last rebalance</dt>
        <dd>
          {latest.isPending ? (
            'Loading…'
          ) : latest.error ? (
            <span className="text-bad">
              Could not be loaded ({toApiError(latest.error).title}).{' '}
              <button type="button" className="link-button" onClick={() => latest.refetch()}>
                Try again
              </button>
            </span>
          ) : (
            <RebalanceSummary rebalance={latest.data ?? null} />
          )}
        </dd>
      </dl>
      {!storageExpandable && (
        <p className="muted small">
          {flavorChangeable ? 'Brokers can be added or removed, storage expanded and Kafka upgraded once every broker runs again.' : 'Capacity can be changed once the instance is running.'}
        </p>
      )}
      <div className="form-actions form-actions-wrap">
        <button type="button" className="button" disabled={!flavorChangeable} onClick={() => setOpen('flavor')}>
          Change flavor…
        </button>
        <button type="button" className="button" disabled={!scalable} onClick={() => setOpen('scale')}>
          Scale brokers…
        </button>
        <button type="button" className="button" disabled={!rebalanceable} onClick={() => setOpen('rebalance')}>
          Rebalance partitions…
        </button>
        <button type="button" className="button" disabled={!storageExpandable} onClick={() => setOpen('storage')}>
          Expand storage…
        </button>
        <button type="button" className="button" disabled={!upgradable} onClick={() => setOpen('kafka')}>
          Upgrade Kafka…
        </button>
      </div>
      {open === 'flavor' && <ChangeFlavorDialog instance={instance} onClose={() => setOpen(null)} />}
      {open === 'scale' && <ScaleBrokersDialog instance={instance} onClose={() => setOpen(null)} />}
      {open === 'rebalance' && <RebalanceDialog instance={instance} onClose={() => setOpen(null)} />}
      {open === 'storage' && <ExpandStorageDialog instance={instance} onClose={() => setOpen(null)} />}
      {open === 'kafka' && <UpgradeKafkaDialog instance={instance} onClose={() => setOpen(null)} />}
    </section>
  );
}
