// A message search that can be cancelled on the server, and a message window downloaded as
// JSON lines. Plain functions over the generated client, so they are testable without React.
import type { ExportMessagesRequest, MessageQueryResult, MessagesApi, QueryMessagesRequest } from './generated';

/** How a stop ended: the server cancelled the scan (its answer follows), the request was dropped, or it was already over. */
export type StopOutcome = 'cancelled' | 'aborted' | 'finished';

export interface MessageSearch {
  /** The id sent as `searchId`; only key/content scans have one (reads by offset or time are not cancellable). */
  readonly searchId?: string;
  readonly result: Promise<MessageQueryResult>;
  /**
   * Stops the search. A scan is cancelled on the server (`DELETE .../message-searches/{searchId}`),
   * which answers it at once with what it found and a cursor; if that fails, or no answer comes within
   * `graceMs`, the request is aborted. `{ abort: true }` also drops the request at once (leaving the page).
   */
  stop(options?: { abort?: boolean }): Promise<StopOutcome>;
}

/** crypto.randomUUID() where the browser offers it (secure contexts); a v4 UUID from getRandomValues otherwise (plain http). */
export function newSearchId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function isScanRequest(request: Pick<QueryMessagesRequest, 'key' | 'contains'>): boolean {
  return request.key != null || request.contains != null;
}

export function startMessageSearch(
  messages: MessagesApi,
  request: QueryMessagesRequest,
  options: { graceMs?: number; newId?: () => string } = {},
): MessageSearch {
  const { graceMs = 5_000, newId = newSearchId } = options;
  const controller = new AbortController();
  const searchId = isScanRequest(request) ? newId() : undefined;
  let settled = false;
  const result = messages.queryMessages({ ...request, searchId }, { signal: controller.signal }).finally(() => {
    settled = true;
  });
  result.catch(() => undefined); // the caller handles the failure; this copy must not be "unhandled"

  const stop = async ({ abort = false } = {}): Promise<StopOutcome> => {
    if (settled) return 'finished';
    if (!searchId) {
      controller.abort();
      return 'aborted';
    }
    const cancel = messages.cancelMessageSearch({ project: request.project, instance: request.instance, searchId });
    if (abort) {
      controller.abort();
      cancel.catch(() => undefined); // best effort: the scan is left anyway
      return 'aborted';
    }
    try {
      await cancel;
    } catch {
      // unknown to the server (already over, or not started yet) or unreachable: drop the request
      if (settled) return 'finished';
      controller.abort();
      return 'aborted';
    }
    if (settled) return 'cancelled';
    const timer = setTimeout(() => controller.abort(), graceMs);
    result.finally(() => clearTimeout(timer)).catch(() => undefined);
    return 'cancelled';
  };

  return { searchId, result, stop };
}

export interface DownloadProgress {
  bytes: number;
  /** Complete lines received so far: one message each. */
  lines: number;
}

/**
 * GET .../messages/export, read as it streams in (for progress), as one `application/x-ndjson` blob.
 * The request carries the API key like every other call; a refusal arrives as the usual ApiError.
 */
export async function downloadMessages(
  messages: MessagesApi,
  request: ExportMessagesRequest,
  options: { signal?: AbortSignal; onProgress?: (progress: DownloadProgress) => void } = {},
): Promise<{ blob: Blob; lines: number }> {
  const response = await messages.exportMessagesRaw(request, { signal: options.signal });
  const raw = response.raw;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  let lines = 0;
  let lastByte = 10;
  const reader = raw.body?.getReader();
  if (!reader) {
    const text = await raw.text();
    const blob = new Blob([text], { type: 'application/x-ndjson' });
    return { blob, lines: countLines(text) };
  }
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!value?.length) continue;
    chunks.push(value as Uint8Array<ArrayBuffer>);
    bytes += value.length;
    for (const b of value) if (b === 10) lines++;
    lastByte = value[value.length - 1];
    options.onProgress?.({ bytes, lines });
  }
  if (bytes > 0 && lastByte !== 10) lines++; // a last line without its newline
  return { blob: new Blob(chunks, { type: 'application/x-ndjson' }), lines };
}

function countLines(text: string): number {
  if (!text) return 0;
  const newlines = text.split('\n').length - 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}
