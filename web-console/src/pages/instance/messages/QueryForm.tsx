import type { FormEvent } from 'react';
import type { Topic } from '../../../api/generated';
import { Field, FieldGroup } from '../../../components/Field';
import { formatCount } from '../../../lib/format';
import { canExport, isScan, MAX_EXPORT_LIMIT, MAX_LIMIT, QUERY_MODES, type MessageQueryForm, type QueryMode } from '../../../lib/messageQuery';
import type { FieldErrors } from '../../../lib/validation';
import { PartitionSelect } from './PartitionSelect';

interface QueryFormProps {
  topic: Topic;
  form: MessageQueryForm;
  errors: FieldErrors;
  set: <K extends keyof MessageQueryForm>(key: K, value: MessageQueryForm[K]) => void;
  switchMode: (mode: QueryMode) => void;
  onSubmit: (e: FormEvent) => void;
  searching: boolean;
  stopping: boolean;
  onStop: () => void;
  downloading: boolean;
  onDownload: () => void;
  onCancelDownload: () => void;
}

/** What to look for in a topic: by offset, time, key or content, with the limits of a read, a scan and a download. */
export function QueryForm({ topic, form, errors, set, switchMode, onSubmit, searching, stopping, onStop, downloading, onDownload, onCancelDownload }: QueryFormProps) {
  const offsetPartition = topic.partitionDetails.find((d) => d.partition === Number.parseInt(form.partition, 10));
  return (
    <form className="card query-form" onSubmit={onSubmit} noValidate aria-labelledby="messages-title">
      <FieldGroup id="query-mode" legend="Find by" hint={QUERY_MODES.find((m) => m.mode === form.mode)?.hint}>
        <div className="segmented">
          {QUERY_MODES.map((m) => (
            <label key={m.mode} className={`segment${form.mode === m.mode ? ' selected' : ''}`}>
              <input type="radio" name="query-mode" value={m.mode} checked={form.mode === m.mode} onChange={() => switchMode(m.mode)} />
              {m.label}
            </label>
          ))}
        </div>
      </FieldGroup>

      <div className="query-fields">
        <Field
          id="query-partition"
          label={form.mode === 'offset' ? 'Partition' : 'Partition (optional)'}
          error={errors.partition}
        >
          <PartitionSelect topic={topic} value={form.partition} onChange={(p) => set('partition', p)} noneLabel={form.mode !== 'offset' ? 'All partitions' : undefined} />
        </Field>

        {form.mode === 'offset' && (
          <Field
            id="query-offset"
            label="From offset"
            error={errors.offset}
            hint={offsetPartition ? `Partition ${offsetPartition.partition} holds ${offsetPartition.earliestOffset === offsetPartition.latestOffset ? 'no message' : `offsets ${formatCount(offsetPartition.earliestOffset)}–${formatCount(offsetPartition.latestOffset - 1)}`}.` : undefined}
          >
            <input type="number" inputMode="numeric" min={0} value={form.offset} onChange={(e) => set('offset', e.target.value)} />
          </Field>
        )}
        {form.mode === 'time' && (
          <>
            <Field id="query-from" label="From" error={errors.from} hint="Your local time.">
              <input type="datetime-local" value={form.from} onChange={(e) => set('from', e.target.value)} />
            </Field>
            <Field id="query-to" label="To (optional)" error={errors.to}>
              <input type="datetime-local" value={form.to} onChange={(e) => set('to', e.target.value)} />
            </Field>
          </>
        )}
        {form.mode === 'key' && (
          <Field id="query-key" label="Key" error={errors.key} hint="The exact key, as text.">
            <input value={form.key} maxLength={1000} spellCheck={false} autoComplete="off" onChange={(e) => set('key', e.target.value)} />
          </Field>
        )}
        {form.mode === 'contains' && (
          <Field id="query-contains" label="Value contains" error={errors.contains} hint="Case-sensitive text in the value.">
            <input value={form.contains} maxLength={1000} spellCheck={false} autoComplete="off" onChange={(e) => set('contains', e.target.value)} />
          </Field>
        )}
        <Field id="query-limit" label="Limit" error={errors.limit} hint={`At most ${MAX_LIMIT} messages.`}>
          <input type="number" inputMode="numeric" min={1} max={MAX_LIMIT} value={form.limit} onChange={(e) => set('limit', e.target.value)} />
        </Field>
        {canExport(form.mode) && (
          <Field
            id="query-export-limit"
            label="Download at most"
            error={errors.exportLimit}
            hint={`Messages in a download, up to ${MAX_EXPORT_LIMIT.toLocaleString('en')}.`}
          >
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_EXPORT_LIMIT}
              value={form.exportLimit}
              onChange={(e) => set('exportLimit', e.target.value)}
            />
          </Field>
        )}
      </div>

      {isScan(form.mode) && (
        <details className="scan-limits" open={!!(errors.maxScan || errors.maxSeconds)}>
          <summary>Scan limits</summary>
          <div className="query-fields">
            <Field id="query-max-scan" label="Messages to read at most" error={errors.maxScan} hint="Empty: 100,000.">
              <input type="number" inputMode="numeric" min={1} value={form.maxScan} onChange={(e) => set('maxScan', e.target.value)} />
            </Field>
            <Field id="query-max-seconds" label="Seconds at most" error={errors.maxSeconds} hint="Empty: 10 s.">
              <input type="number" inputMode="decimal" min={0.1} max={60} step={0.1} value={form.maxSeconds} onChange={(e) => set('maxSeconds', e.target.value)} />
            </Field>
          </div>
        </details>
      )}

      <div className="form-actions">
        {canExport(form.mode) &&
          (downloading ? (
            <button type="button" className="button" onClick={onCancelDownload}>
              Cancel download
            </button>
          ) : (
            <button type="button" className="button" onClick={onDownload}>
              Download as JSON lines
            </button>
          ))}
        <span className="spacer" />
        {searching && (
          <button type="button" className="button" onClick={onStop} disabled={stopping}>
            {stopping ? 'Stopping…' : 'Stop'}
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={searching}>
          {isScan(form.mode) ? 'Search' : 'Read messages'}
        </button>
      </div>
    </form>
  );
}
