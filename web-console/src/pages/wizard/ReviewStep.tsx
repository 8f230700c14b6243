import { estimatePrice, formatMoney, HOURS_PER_MONTH } from '../../lib/pricing';
import { humanize } from '../../lib/format';
import { isSasl } from '../../lib/instanceForm';
import { parseCidrs } from '../../lib/network';
import type { StepProps } from './types';

export function ReviewStep({ form, flavor, goTo }: StepProps & { goTo: (step: number) => void }) {
  const brokers = Number.parseInt(form.brokerCount, 10);
  const storage = Number.parseInt(form.storageGb, 10);
  const price = flavor ? estimatePrice(flavor, brokers, storage) : null;
  const cidrs = parseCidrs(form.allowedCidrs);
  const tags = form.tags.filter((t) => t.key.trim());
  const Edit = ({ step }: { step: number }) => (
    <button type="button" className="link-button" onClick={() => goTo(step)}>
      Edit
    </button>
  );
  return (
    <div className="review">
      <section className="review-section">
        <h3>
          Cluster <Edit step={0} />
        </h3>
        <dl className="dl">
          <dt>Name</dt>
          <dd>{form.name}</dd>
          {form.description && (
            <>
              <dt>Description</dt>
              <dd>{form.description}</dd>
            </>
          )}
          <dt>Flavor</dt>
          <dd>{flavor ? `${flavor.id} — ${flavor.vcpus} vCPU, ${flavor.memoryGb} GB` : form.flavor}</dd>
          <dt>Brokers</dt>
          <dd>{form.brokerCount}</dd>
          <dt>Zones</dt>
          <dd>{form.availabilityZones.join(', ')}</dd>
          <dt>Storage</dt>
          <dd>{form.storageGb} GB per broker</dd>
          <dt>Kafka</dt>
          <dd>{form.kafkaVersion}</dd>
        </dl>
      </section>
      <section className="review-section">
        <h3>
          Security &amp; network <Edit step={1} />
        </h3>
        <dl className="dl">
          <dt>Protocol</dt>
          <dd>{form.protocol}</dd>
          {isSasl(form.protocol) && (
            <>
              <dt>Mechanisms</dt>
              <dd>{form.saslMechanisms.join(', ')}</dd>
              <dt>Admin user</dt>
              <dd>{form.adminUsername}</dd>
            </>
          )}
          <dt>Allowed networks</dt>
          <dd>{cidrs.length ? cidrs.join(', ') : 'Any address'}</dd>
        </dl>
      </section>
      <section className="review-section">
        <h3>
          Retention, billing &amp; tags <Edit step={2} />
        </h3>
        <dl className="dl">
          <dt>Auto-create topics</dt>
          <dd>{form.autoCreateTopics ? 'Allowed' : 'Off'}</dd>
          <dt>Deletion protection</dt>
          <dd>{form.deletionProtection ? 'On' : 'Off'}</dd>
          <dt>Retention</dt>
          <dd>
            {form.retentionHours} h, {form.capacityPolicy === 'TIME_BASE' ? 'delete oldest when full' : 'reject writes when full'}
          </dd>
          <dt>Billing</dt>
          <dd>
            {humanize(form.billingMode)}
            {form.billingMode === 'PREPAID' && `, ${form.periodMonths} months${form.autoRenew ? ', renews automatically' : ''}`}
          </dd>
          <dt>Tags</dt>
          <dd>{tags.length ? tags.map((t) => `${t.key}=${t.value}`).join(', ') : 'None'}</dd>
        </dl>
      </section>
      {price && flavor && (
        <section className="review-section review-price">
          <h3>Estimated price</h3>
          <p className="price-main">
            {formatMoney(price.hourly, price.currency, 4)} <span className="muted">per hour</span>
          </p>
          <p className="price-sub">
            ≈ {formatMoney(price.monthly, price.currency)} <span className="muted">per month ({HOURS_PER_MONTH} h)</span>
          </p>
          <p className="muted small">
            {brokers} brokers × ({formatMoney(flavor.hourlyPricePerBroker, price.currency, 4)} + {storage} GB ×{' '}
            {formatMoney(flavor.hourlyPricePerGb ?? 0, price.currency, 6)})
          </p>
        </section>
      )}
    </div>
  );
}
