import { FieldGroup } from './Field';
import type { KeyValueRow } from '../lib/topicForm';

interface Props {
  id: string;
  legend: string;
  hint?: string;
  /** Singular noun for labels: “Setting 1 name”, “Add setting”. */
  noun: string;
  keyPlaceholder?: string;
  valuePlaceholder?: string;
  rows: KeyValueRow[];
  onChange: (rows: KeyValueRow[]) => void;
  error?: string;
  max?: number;
  /** Names offered in a datalist (suggestions, not a restriction). */
  suggestions?: readonly string[];
}

/** Rows of name = value (topic settings, message headers); locked rows keep their name. */
export function KeyValueEditor({ id, legend, hint, noun, keyPlaceholder = 'name', valuePlaceholder = 'value', rows, onChange, error, max = 50, suggestions }: Props) {
  const update = (index: number, patch: Partial<KeyValueRow>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  return (
    <FieldGroup id={id} legend={legend} hint={hint} error={error}>
      {rows.map((r, i) => (
        <div className="tag-row" key={i}>
          <input
            aria-label={`${Noun} ${i + 1} name`}
            placeholder={keyPlaceholder}
            value={r.key}
            readOnly={r.locked}
            list={suggestions && !r.locked ? `${id}-names` : undefined}
            spellCheck={false}
            onChange={(e) => update(i, { key: e.target.value })}
          />
          <span aria-hidden="true">=</span>
          <input aria-label={`${Noun} ${i + 1} value`} placeholder={valuePlaceholder} value={r.value} spellCheck={false} onChange={(e) => update(i, { value: e.target.value })} />
          {r.locked ? (
            <span className="icon-spacer" aria-hidden="true" />
          ) : (
            <button type="button" className="icon-button" aria-label={`Remove ${noun} ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              ×
            </button>
          )}
        </div>
      ))}
      {suggestions && (
        <datalist id={`${id}-names`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
      <button type="button" className="button button-small" onClick={() => onChange([...rows, { key: '', value: '' }])} disabled={rows.length >= max}>
        Add {noun}
      </button>
    </FieldGroup>
  );
}
