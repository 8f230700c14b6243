import { Field, FieldGroup } from '../../components/Field';
import { brokerRange } from '../../lib/instanceForm';
import { FlavorCards } from './FlavorCards';
import { ZonePicker } from './ZonePicker';
import type { StepProps } from './types';

export function ClusterStep({ form, set, errors, flavors, zones, versions, flavor }: StepProps) {
  const [minBrokers, maxBrokers] = brokerRange(flavor);
  return (
    <>
      <div className="grid-2">
        <Field id="name" label="Instance name" error={errors.name} hint="Lower-case letters, digits and hyphens; unique in the project.">
          <input value={form.name} maxLength={63} autoComplete="off" spellCheck={false} onChange={(e) => set({ name: e.target.value })} />
        </Field>
        <Field id="description" label="Description (optional)" error={errors.description}>
          <input value={form.description} maxLength={1000} onChange={(e) => set({ description: e.target.value })} />
        </Field>
      </div>

      <FieldGroup id="flavor" legend="Flavor" error={errors.flavor} hint="The size of each broker. Limits and tuning follow from it.">
        <FlavorCards
          flavors={flavors}
          value={form.flavor}
          onChange={(f) => {
            const [min, max] = brokerRange(f);
            const brokers = Math.min(max, Math.max(min, Number.parseInt(form.brokerCount, 10) || min));
            const storage = Math.min(f.maxStorageGb, Math.max(f.minStorageGb, Number.parseInt(form.storageGb, 10) || f.minStorageGb));
            set({ flavor: f.id, brokerCount: String(brokers), storageGb: String(storage) });
          }}
        />
      </FieldGroup>

      <div className="grid-3">
        <Field id="brokerCount" label="Brokers" error={errors.brokerCount} hint={`${minBrokers} to ${maxBrokers} for this flavor.`}>
          <input type="number" inputMode="numeric" min={minBrokers} max={maxBrokers} value={form.brokerCount} onChange={(e) => set({ brokerCount: e.target.value })} />
        </Field>
        <Field
          id="storageGb"
          label="Storage per broker (GB)"
          error={errors.storageGb}
          hint={flavor ? `${flavor.minStorageGb} to ${flavor.maxStorageGb.toLocaleString()} GB.` : undefined}
        >
          <input
            type="number"
            inputMode="numeric"
            min={flavor?.minStorageGb}
            max={flavor?.maxStorageGb}
            step={10}
            value={form.storageGb}
            onChange={(e) => set({ storageGb: e.target.value })}
          />
        </Field>
        <Field id="kafkaVersion" label="Kafka version" error={errors.kafkaVersion}>
          <select value={form.kafkaVersion} onChange={(e) => set({ kafkaVersion: e.target.value })}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                {v.version}
                {v.isDefault ? ' (default)' : ''}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <ZonePicker zones={zones} value={form.availabilityZones} onChange={(z) => set({ availabilityZones: z })} error={errors.availabilityZones} />
    </>
  );
}
