import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatCount } from '../../../lib/format';
import type { MessageSearchRun } from './useMessageSearchRun';

/** The line that says how the search goes or went, its failure, and why it stopped early (with Continue). */
export function QueryOutcome({ search }: { search: MessageSearchRun }) {
  const { run, running, stopping, scanning, stopped, elapsed, cancelled, stopReason, next } = search;
  return (
    <>
      <div className="query-status" role="status" aria-live="polite">
        {running ? (
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

      {search.error && <ProblemAlert error={search.error} title="The search failed" />}

      {run && !running && (cancelled || stopReason) && (
        <div className={`alert ${cancelled ? 'alert-warn' : 'alert-info'}`} data-stopped-by={cancelled ? 'CANCELLED' : undefined}>
          <strong>{cancelled ? 'Search cancelled' : stopReason}</strong>
          <p>
            {cancelled
              ? `${stopReason ?? ''} ${readSoFar(run.scanned)}${run.messages.length > 0 ? '; what was found is kept below.' : '.'}`
              : `${readSoFar(run.scanned)}.`}
            {next ? ' Continue to search on from where it stopped.' : ''}
          </p>
          {next && (
            <button type="button" className="button button-small" onClick={search.continueRun}>
              Continue
            </button>
          )}
        </div>
      )}
    </>
  );
}

function readSoFar(scanned: number): string {
  return `${formatCount(scanned)} ${scanned === 1 ? 'message' : 'messages'} read so far`;
}
