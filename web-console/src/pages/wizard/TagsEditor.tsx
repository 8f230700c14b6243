import type { TagRow } from '../../lib/instanceForm';
import { FieldGroup } from '../../components/Field';

interface Props {
  id: string;
  tags: TagRow[];
  onChange: (tags: TagRow[]) => void;
  error?: string;
}

export function TagsEditor({ id, tags, onChange, error }: Props) {
  const update = (index: number, patch: Partial<TagRow>) => onChange(tags.map((t, i) => (i === index ? { ...t, ...patch } : t)));
  return (
    <FieldGroup id={id} legend="Tags" hint="Key/value labels to find and group instances (at most 50)." error={error}>
      {tags.map((t, i) => (
        <div className="tag-row" key={i}>
          <input aria-label={`Tag ${i + 1} key`} placeholder="key" value={t.key} maxLength={128} onChange={(e) => update(i, { key: e.target.value })} />
          <span aria-hidden="true">=</span>
          <input aria-label={`Tag ${i + 1} value`} placeholder="value" value={t.value} maxLength={256} onChange={(e) => update(i, { value: e.target.value })} />
          <button type="button" className="icon-button" aria-label={`Remove tag ${i + 1}`} onClick={() => onChange(tags.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="button button-small" onClick={() => onChange([...tags, { key: '', value: '' }])} disabled={tags.length >= 50}>
        Add tag
      </button>
    </FieldGroup>
  );
}

export function tagsToRows(tags: Record<string, string> | undefined): TagRow[] {
  return Object.entries(tags ?? {}).map(([key, value]) => ({ key, value }));
}

export function rowsToTags(rows: TagRow[]): Record<string, string> {
  return Object.fromEntries(rows.filter((r) => r.key.trim()).map((r) => [r.key.trim(), r.value]));
}
