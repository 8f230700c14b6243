import { useState } from 'react';
import type { Instance } from '../../api/generated';
import { ChangeFlavorDialog } from './ChangeFlavorDialog';
import { ExpandStorageDialog } from './ExpandStorageDialog';

/** The instance's flavor and storage, with the dialogs that change them (the API accepts them only in these states). */
export function CapacitySection({ instance }: { instance: Instance }) {
  const [open, setOpen] = useState<'flavor' | 'storage' | null>(null);
  // a flavor change is a rolling restart, which may also heal a degraded instance; storage needs every broker up
  const flavorChangeable = instance.status === 'RUNNING' || instance.status === 'DEGRADED';
  const storageExpandable = instance.status === 'RUNNING';
  return (
    <section className="card" aria-labelledby="capacity-title">
      <h2 id="capacity-title">Capacity</h2>
      <dl className="dl">
        <dt>Flavor</dt>
        <dd>{instance.flavor}</dd>
        <dt>Storage</dt>
        <dd>
          {instance.storageGb} GB per broker, {instance.storageGb * instance.brokerCount} GB in all
        </dd>
      </dl>
      {!storageExpandable && (
        <p className="muted small">
          {flavorChangeable ? 'Storage can be expanded once every broker runs again.' : 'Capacity can be changed once the instance is running.'}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" disabled={!flavorChangeable} onClick={() => setOpen('flavor')}>
          Change flavor…
        </button>
        <button type="button" className="button" disabled={!storageExpandable} onClick={() => setOpen('storage')}>
          Expand storage…
        </button>
      </div>
      {open === 'flavor' && <ChangeFlavorDialog instance={instance} onClose={() => setOpen(null)} />}
      {open === 'storage' && <ExpandStorageDialog instance={instance} onClose={() => setOpen(null)} />}
    </section>
  );
}
