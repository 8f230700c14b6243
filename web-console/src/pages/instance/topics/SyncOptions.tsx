import { FieldGroup } from '../../../components/Field';

interface Props {
  idPrefix: string;
  syncReplication: boolean;
  syncFlush: boolean;
  onChange: (patch: { syncReplication?: boolean; syncFlush?: boolean }) => void;
  error?: string;
}

/** The two durability switches of a topic, each with what it costs. */
export function SyncOptions({ idPrefix, syncReplication, syncFlush, onChange, error }: Props) {
  return (
    <FieldGroup id={`${idPrefix}-durability`} legend="Durability" error={error}>
      <label className="checkbox-block">
        <input type="checkbox" checked={syncReplication} onChange={(e) => onChange({ syncReplication: e.target.checked })} />
        <span>
          <strong>Synchronous replication</strong>
          <span className="block muted small">
            A write is acknowledged once all replicas but one (at least 2) have it; needs a replication factor of 3 or more. Producers must use acks=all; writes fail when too few replicas are in sync.
          </span>
        </span>
      </label>
      <label className="checkbox-block">
        <input type="checkbox" checked={syncFlush} onChange={(e) => onChange({ syncFlush: e.target.checked })} />
        <span>
          <strong>Flush every message</strong>
          <span className="block muted small">Every message is written to disk before it is acknowledged. Much slower; rarely needed with replication.</span>
        </span>
      </label>
    </FieldGroup>
  );
}
