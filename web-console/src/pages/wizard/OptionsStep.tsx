import { Field, FieldGroup } from '../../components/Field';
import { TagsEditor } from './TagsEditor';
import type { StepProps } from './types';

export function OptionsStep({ form, set, errors }: StepProps) {
  return (
    <>
      <FieldGroup id="autoCreateTopics" legend="Topics" error={errors.autoCreateTopics}>
        <label className="checkbox-block">
          <input type="checkbox" checked={form.autoCreateTopics} onChange={(e) => set({ autoCreateTopics: e.target.checked })} />
          <span>
            Allow clients to auto-create topics
            <span className="muted small block">
              A producer or consumer naming a topic that does not exist creates it with the broker defaults (Kafka's
              auto.create.topics.enable). Off is safer: a typo does not create a topic. Set at ordering only.
            </span>
          </span>
        </label>
      </FieldGroup>

      <FieldGroup id="deletionProtection" legend="Deletion" error={errors.deletionProtection}>
        <label className="checkbox-block">
          <input type="checkbox" checked={form.deletionProtection} onChange={(e) => set({ deletionProtection: e.target.checked })} />
          <span>
            Protect from deletion
            <span className="muted small block">
              The instance cannot be deleted until the protection is turned off in its settings. Can be changed later.
            </span>
          </span>
        </label>
      </FieldGroup>

      <div className="grid-2">
        <Field
          id="retention.defaultHours"
          label="Message retention (hours)"
          error={errors['retention.defaultHours'] ?? errors.retention}
          hint="Default for new topics: 1 to 8760 hours (72 h = 3 days)."
        >
          <input type="number" inputMode="numeric" min={1} max={8760} value={form.retentionHours} onChange={(e) => set({ retentionHours: e.target.value })} />
        </Field>
        <FieldGroup id="retention.capacityPolicy" legend="When disks are full" error={errors['retention.capacityPolicy']}>
          <div className="radio-list compact">
            <label className={`radio-card${form.capacityPolicy === 'TIME_BASE' ? ' selected' : ''}`}>
              <input type="radio" name="capacityPolicy" checked={form.capacityPolicy === 'TIME_BASE'} onChange={() => set({ capacityPolicy: 'TIME_BASE' })} />
              <span>
                <strong>Delete oldest messages</strong>
                <span className="muted small block">Keeps producers writing (TIME_BASE).</span>
              </span>
            </label>
            <label className={`radio-card${form.capacityPolicy === 'PRODUCE_REJECT' ? ' selected' : ''}`}>
              <input type="radio" name="capacityPolicy" checked={form.capacityPolicy === 'PRODUCE_REJECT'} onChange={() => set({ capacityPolicy: 'PRODUCE_REJECT' })} />
              <span>
                <strong>Reject new messages</strong>
                <span className="muted small block">Keeps every message (PRODUCE_REJECT).</span>
              </span>
            </label>
          </div>
        </FieldGroup>
      </div>

      <div className="grid-2">
        <FieldGroup id="billing.mode" legend="Billing" error={errors['billing.mode'] ?? errors.billing}>
          <div className="radio-list compact">
            <label className={`radio-card${form.billingMode === 'PAY_PER_USE' ? ' selected' : ''}`}>
              <input type="radio" name="billingMode" checked={form.billingMode === 'PAY_PER_USE'} onChange={() => set({ billingMode: 'PAY_PER_USE' })} />
              <span>
                <strong>Pay per use</strong>
                <span className="muted small block">Billed by the hour; delete any time.</span>
              </span>
            </label>
            <label className={`radio-card${form.billingMode === 'PREPAID' ? ' selected' : ''}`}>
              <input type="radio" name="billingMode" checked={form.billingMode === 'PREPAID'} onChange={() => set({ billingMode: 'PREPAID' })} />
              <span>
                <strong>Prepaid</strong>
                <span className="muted small block">Paid for a period of months.</span>
              </span>
            </label>
          </div>
        </FieldGroup>
        {form.billingMode === 'PREPAID' && (
          <div>
            <Field id="billing.periodMonths" label="Period (months)" error={errors['billing.periodMonths']} hint="1 to 36 months.">
              <input type="number" inputMode="numeric" min={1} max={36} value={form.periodMonths} onChange={(e) => set({ periodMonths: e.target.value })} />
            </Field>
            <label className="checkbox">
              <input type="checkbox" checked={form.autoRenew} onChange={(e) => set({ autoRenew: e.target.checked })} /> Renew automatically
            </label>
          </div>
        )}
      </div>

      <TagsEditor id="tags" tags={form.tags} onChange={(tags) => set({ tags })} error={errors.tags} />
    </>
  );
}
