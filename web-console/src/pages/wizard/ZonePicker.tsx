import type { AvailabilityZone } from '../../api/generated';
import { FieldGroup } from '../../components/Field';

interface Props {
  zones: AvailabilityZone[];
  value: string[];
  onChange: (zones: string[]) => void;
  error?: string;
}

export function ZonePicker({ zones, value, onChange, error }: Props) {
  const toggle = (name: string) =>
    onChange(value.includes(name) ? value.filter((z) => z !== name) : zones.map((z) => z.name).filter((z) => z === name || value.includes(z)));
  const spread = zones.length >= 3;
  return (
    <FieldGroup
      id="availabilityZones"
      legend="Availability zones"
      error={error}
      hint={
        <>
          One zone, or three and more — never two. Brokers are spread over the zones you pick (each zone is the
          brokers' rack), and KRaft needs a majority of controllers: with two zones, losing either one loses the
          majority, so two zones are no safer than one.
        </>
      }
    >
      <div className="chips">
        {zones.map((z) => (
          <label key={z.name} className={`chip${value.includes(z.name) ? ' selected' : ''}`}>
            <input type="checkbox" checked={value.includes(z.name)} onChange={() => toggle(z.name)} />
            {z.name}
          </label>
        ))}
      </div>
      <div className="quick-picks">
        {spread && (
          <button type="button" className="link-button" onClick={() => onChange(zones.slice(0, 3).map((z) => z.name))}>
            Spread over 3 zones (recommended)
          </button>
        )}
        {zones[0] && (
          <button type="button" className="link-button" onClick={() => onChange([zones[0].name])}>
            Single zone
          </button>
        )}
      </div>
    </FieldGroup>
  );
}
