import { useEffect, useState, type FormEvent } from 'react';
import type { Message, MessageQueryResult, Topic } from '../../../api/generated';
import { useExportMessages, useQueryMessages } from '../../../api/hooks/messages';
import { isAborted } from '../../../api/problem';
import { useToast } from '../../../components/Toasts';
import { Field, FieldGroup } from '../../../components/Field';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatCount, formatTimestamp } from '../../../lib/format';
import {
  buildExportQuery,
  buildMessageQuery,
  canExport,
  continueQuery,
  describeStop,
  emptyQueryForm,
  isCancelled,
  isScan,
  MAX_EXPORT_LIMIT,
  previewValue,
  QUERY_MODES,
  MAX_LIMIT,
  type MessageQueryForm,
  type MessageQueryParams,
  toLocalDateTimeInput,
  type QueryMode,
} from '../../../lib/messageQuery';
import type { FieldErrors } from '../../../lib/validation';
import { MessageDrawer } from './MessageDrawer';
import { ProduceDialog } from './ProduceDialog';

/** What has been found so far by one search and its continuations. */
interface SearchRun {
  params: MessageQueryParams;
  messages: Message[];
  scanned: number;
  last: MessageQueryResult;
}

export function MessagesPanel({ projectId, instanceId, topic }: { projectId: string; instanceId: string; topic: Topic }) {
  const search = useQueryMessages(projectId, instanceId, topic.name);
  const download = useExportMessages(projectId, instanceId, topic.name);
  const toast = useToast();
  const [form, setForm] = useState<MessageQueryForm>(() => emptyQueryForm());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [run, setRun] = useState<SearchRun | null>(null);
  const [stopped, setStopped] = useState(false);
  const [stopping, setStopping] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [selected, setSelected] = useState<Message | null>(null);
  const [producing, setProducing] = useState(false);
  const elapsed = useElapsedSeconds(search.isPending);
  const set = <K extends keyof MessageQueryForm>(key: K, value: MessageQueryForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const { stop } = search;
  const { cancel: cancelDownload } = download;
  // leaving the page ends a running scan (on the server too) and a running download
  useEffect(
    () => () => {
      void stop({ abort: true });
      cancelDownload();
    },
    [stop, cancelDownload],
  );

  const switchMode = (mode: QueryMode) => {
    setForm((f) => ({
      ...f,
      mode,
      // a window by offset needs one partition; the other modes search all of them unless one is picked
      partition: mode === 'offset' ? f.partition || '0' : f.mode === 'offset' ? '' : f.partition,
      // a time search starts an hour ago unless a time was picked
      from: mode === 'time' && !f.from ? toLocalDateTimeInput(new Date(Date.now() - 3_600_000)) : f.from,
    }));
    setErrors({});
  };

  const start = (params: MessageQueryParams, previous: SearchRun | null) => {
    setStopped(false);
    setStopping(false);
    setScanning(!!(params.key || params.contains));
    search.mutate(params, {
      onSettled: () => setStopping(false),
      onSuccess: (result) =>
        setRun({
          params,
          messages: previous ? [...previous.messages, ...result.messages] : result.messages,
          scanned: (previous?.scanned ?? 0) + result.scanned,
          last: result,
        }),
      onError: (error) => {
        if (isAborted(error)) setStopped(true);
      },
    });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const built = buildMessageQuery(form, topic.partitions);
    setErrors(built.errors);
    if (!built.params) {
      window.setTimeout(() => document.querySelector<HTMLElement>('.query-form [aria-invalid="true"]')?.focus());
      return;
    }
    setRun(null);
    start(built.params, null);
  };

  /** A scan is cancelled on the server and answers with what it found; a read is dropped. */
  const onStop = () => {
    setStopping(true);
    void stop();
  };

  const onDownload = () => {
    const built = buildExportQuery(form, topic.name, topic.partitions);
    setErrors(built.errors);
    if (!built.params || !built.fileName) {
      window.setTimeout(() => document.querySelector<HTMLElement>('.query-form [aria-invalid="true"]')?.focus());
      return;
    }
    download.mutate(
      { params: built.params, fileName: built.fileName },
      {
        onSuccess: ({ fileName, lines }) =>
          toast.success('Download ready', `${formatCount(lines)} ${lines === 1 ? 'message' : 'messages'} saved as ${fileName}.`),
      },
    );
  };

  const next = run ? continueQuery(run.params, run.last) : null;
  const cancelled = run ? isCancelled(run.last) : false;
  const partitionOf = (p: number) => topic.partitionDetails.find((d) => d.partition === p);
  const offsetPartition = partitionOf(Number.parseInt(form.partition, 10));
  const stopReason = run ? describeStop(run.last) : null;

  return (
    <section aria-labelledby="messages-title" className="messages">
      <div className="section-head">
        <h3 id="messages-title">Find messages</h3>
        <button type="button" className="button" onClick={() => setProducing(true)}>
          Produce a test message…
        </button>
      </div>

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
            <select value={form.partition} onChange={(e) => set('partition', e.target.value)}>
              {form.mode !== 'offset' && <option value="">All partitions</option>}
              {topic.partitionDetails.map((p) => (
                <option key={p.partition} value={String(p.partition)}>
                  {p.partition}
                </option>
              ))}
            </select>
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
            (download.isPending ? (
              <button type="button" className="button" onClick={download.cancel}>
                Cancel download
              </button>
            ) : (
              <button type="button" className="button" onClick={onDownload}>
                Download as JSON lines
              </button>
            ))}
          <span className="spacer" />
          {search.isPending && (
            <button type="button" className="button" onClick={onStop} disabled={stopping}>
              {stopping ? 'Stopping…' : 'Stop'}
            </button>
          )}
          <button type="submit" className="button button-primary" disabled={search.isPending}>
            {isScan(form.mode) ? 'Search' : 'Read messages'}
          </button>
        </div>
      </form>

      {download.isPending && (
        <p className="download-status loading" role="status">
          <span className="spinner" aria-hidden="true" /> Downloading…{' '}
          {download.progress && download.progress.lines > 0 && `${formatCount(download.progress.lines)} messages received`}
        </p>
      )}
      {!download.isPending && download.error && !isAborted(download.error) && <ProblemAlert error={download.error} title="The download failed" />}

      <div className="query-status" role="status" aria-live="polite">
        {search.isPending ? (
          <span className="loading">
            <span className="spinner" aria-hidden="true" />{' '}
            {stopping ? 'Stopping the search' : scanning ? 'Scanning the topic' : 'Reading'}… {elapsed > 0 && `${elapsed} s`}
          </span>
        ) : stopped ? (
          <span>Stopped. {run ? 'The messages found before are kept below.' : 'Nothing was found before stopping.'}</span>
        ) : run ? (
          <span>
            {formatCount(run.messages.length)} {run.messages.length === 1 ? 'message' : 'messages'} found
            {(run.params.key || run.params.contains) && ` · ${formatCount(run.scanned)} scanned`}
            {run.last.complete && ' · search complete'}
            {cancelled && ' · cancelled'}
          </span>
        ) : null}
      </div>

      {search.error && !isAborted(search.error) && <ProblemAlert error={search.error} title="The search failed" />}

      {run && cancelled && !search.isPending ? (
        <div className="alert alert-warn" data-stopped-by="CANCELLED">
          <strong>Search cancelled</strong>
          <p>
            {stopReason} {formatCount(run.scanned)} {run.scanned === 1 ? 'message' : 'messages'} read so far
            {run.messages.length > 0 ? '; what was found is kept below.' : '.'}
            {next ? ' Continue to search on from where it stopped.' : ''}
          </p>
          {next && (
            <button type="button" className="button button-small" onClick={() => start(next, run)}>
              Continue
            </button>
          )}
        </div>
      ) : run && stopReason && !search.isPending && (
        <div className="alert alert-info">
          <strong>{stopReason}</strong>
          <p>
            {formatCount(run.scanned)} {run.scanned === 1 ? 'message' : 'messages'} read so far.
            {next ? ' Continue to search on from where it stopped.' : ''}
          </p>
          {next && (
            <button type="button" className="button button-small" onClick={() => start(next, run)}>
              Continue
            </button>
          )}
        </div>
      )}

      {run && run.messages.length === 0 && !search.isPending ? (
        <div className="empty">
          <h2>No message found</h2>
          <p>{run.last.complete ? 'Nothing matches in the whole range searched.' : 'Nothing matched in the part searched so far.'}</p>
        </div>
      ) : run && run.messages.length > 0 ? (
        <table className="table table-compact messages-table" aria-label="Messages found">
          <thead>
            <tr>
              <th scope="col" className="num">Partition</th>
              <th scope="col" className="num">Offset</th>
              <th scope="col">Timestamp</th>
              <th scope="col">Key</th>
              <th scope="col">Value</th>
              <th scope="col">
                <span className="sr-only">Details</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {run.messages.map((m) => (
              <tr key={`${m.partition}:${m.offset}`}>
                <td className="num">{m.partition}</td>
                <td className="num">{m.offset}</td>
                <td className="nowrap">{formatTimestamp(m.timestamp)}</td>
                <td className="truncate-cell">{m.key ?? <span className="muted">none</span>}</td>
                <td className="value-cell">
                  {m.value == null ? <span className="muted">null</span> : <code>{previewValue(m.value)}</code>}
                  {m.valueEncoding !== 'TEXT' && <span className="tag tag-inline">{m.valueEncoding}</span>}
                </td>
                <td className="num">
                  <button type="button" className="button button-small" aria-label={`View message ${m.partition}:${m.offset}`} onClick={() => setSelected(m)}>
                    View
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {selected && <MessageDrawer message={selected} topic={topic.name} onClose={() => setSelected(null)} />}
      {producing && <ProduceDialog projectId={projectId} instanceId={instanceId} topic={topic} onClose={() => setProducing(false)} />}
    </section>
  );
}

/** Whole seconds since `running` turned true (0 when not running). */
function useElapsedSeconds(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    setSeconds(0);
    if (!running) return;
    const started = Date.now();
    const timer = window.setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => window.clearInterval(timer);
  }, [running]);
  return seconds;
}
