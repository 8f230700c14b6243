import type { Flavor } from '../../api/generated';
import { estimatePrice, formatMoney, HOURS_PER_MONTH } from '../../lib/pricing';

export function PriceBox({ flavor, brokerCount, storageGb }: { flavor?: Flavor; brokerCount: string; storageGb: string }) {
  const brokers = Number.parseInt(brokerCount, 10);
  const storage = Number.parseInt(storageGb, 10);
  if (!flavor || !(brokers > 0) || !(storage >= 0)) {
    return (
      <aside className="price-box" aria-label="Estimated price">
        <h2>Estimated price</h2>
        <p className="muted">Pick a flavor, brokers and storage to see the price.</p>
      </aside>
    );
  }
  const price = estimatePrice(flavor, brokers, storage);
  return (
    <aside className="price-box" aria-label="Estimated price" aria-live="polite">
      <h2>Estimated price</h2>
      <p className="price-main" data-testid="price-hourly">
        {formatMoney(price.hourly, price.currency, 4)} <span className="muted">/ hour</span>
      </p>
      <p className="price-sub" data-testid="price-monthly">
        ≈ {formatMoney(price.monthly, price.currency)} <span className="muted">/ month ({HOURS_PER_MONTH} h)</span>
      </p>
      <p className="muted small">
        {brokers} × ({formatMoney(flavor.hourlyPricePerBroker, price.currency, 4)} per broker + {storage} GB ×{' '}
        {formatMoney(flavor.hourlyPricePerGb ?? 0, price.currency, 6)} per GB) per hour
      </p>
    </aside>
  );
}
