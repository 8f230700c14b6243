import type { Flavor } from '../../api/generated';
import { formatMoney } from '../../lib/pricing';

interface Props {
  flavors: Flavor[];
  value: string;
  onChange: (flavor: Flavor) => void;
}

/** Radio buttons drawn as cards: arrow keys move between them, as with any radio group. */
export function FlavorCards({ flavors, value, onChange }: Props) {
  return (
    <div className="flavor-cards">
      {flavors.map((f) => (
        <label key={f.id} className={`flavor-card${f.id === value ? ' selected' : ''}`}>
          <input
            type="radio"
            name="flavor"
            value={f.id}
            checked={f.id === value}
            onChange={() => onChange(f)}
            aria-label={f.id}
            aria-describedby={`flavor-${f.id}-specs`}
          />
          <span className="flavor-name" aria-hidden="true">{f.id}</span>
          <span id={`flavor-${f.id}-specs`} className="flavor-specs">
          <span className="flavor-spec">
            {f.vcpus} vCPU · {f.memoryGb} GB memory
          </span>
          <span className="flavor-spec">Up to {f.maxPartitionsPerBroker.toLocaleString()} partitions per broker</span>
          <span className="flavor-spec">
            {f.minBrokers}–{f.maxBrokers} brokers · {f.minStorageGb}–{f.maxStorageGb.toLocaleString()} GB
          </span>
          <span className="flavor-price">
            {formatMoney(f.hourlyPricePerBroker, f.currency, 4)} <span className="muted">/ broker-hour</span>
          </span>
          </span>
        </label>
      ))}
    </div>
  );
}
