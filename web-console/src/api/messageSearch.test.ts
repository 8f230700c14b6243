import { describe, expect, it, vi } from 'vitest';
import { configuration } from './client';
import { MessagesApi } from './generated';
import { downloadMessages, newSearchId, startMessageSearch } from './messageSearch';
import { ApiError, isAborted } from './problem';

const messages = () => new MessagesApi(configuration(() => 'trb_test'));
const base = { project: 'p', instance: 'i', topic: 't' };
const cancelledAnswer = { messages: [], scanned: 4200, complete: false, stoppedBy: 'CANCELLED', nextCursor: 'cur-1' };

interface Pending {
  url: URL;
  method: string;
  init: RequestInit;
  resolve: (r: Response) => void;
}

/** A fetch whose GET /messages stays open until answered by the test; other calls answer at once with `others`. */
function stubFetch(others: (url: URL, method: string) => Response) {
  const pending: Pending[] = [];
  const calls: Array<{ url: URL; method: string; headers: Headers }> = [];
  vi.stubGlobal('fetch', (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://console.test');
    const method = init.method ?? 'GET';
    calls.push({ url, method, headers: new Headers(init.headers) });
    if (method === 'GET' && url.pathname.endsWith('/messages')) {
      return new Promise<Response>((resolve, reject) => {
        const abort = () => reject(new DOMException('stopped', 'AbortError'));
        if (init.signal?.aborted) abort();
        init.signal?.addEventListener('abort', abort);
        pending.push({ url, method, init, resolve });
      });
    }
    return Promise.resolve(others(url, method));
  });
  return { pending, calls };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('a cancellable message search', () => {
  it('sends a scan with a searchId, and Stop cancels that same id on the server', async () => {
    const { pending, calls } = stubFetch(() => new Response(null, { status: 204 }));
    const search = startMessageSearch(messages(), { ...base, contains: 'needle' }, { newId: () => '5b7c1f0e-0000-4000-8000-000000000001' });
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    const sentId = pending[0].url.searchParams.get('searchId');
    expect(sentId).toBe('5b7c1f0e-0000-4000-8000-000000000001');
    expect(search.searchId).toBe(sentId);

    const stopping = search.stop();
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
    const cancel = calls.find((c) => c.method === 'DELETE')!;
    expect(cancel.url.pathname).toBe(`/api/v1/projects/p/instances/i/message-searches/${sentId}`);
    expect(cancel.headers.get('Authorization')).toBe('Bearer trb_test');
    expect(await stopping).toBe('cancelled');

    // the server then answers the search with what it found and a cursor
    pending[0].resolve(json(cancelledAnswer));
    const result = await search.result;
    expect(result.stoppedBy).toBe('CANCELLED');
    expect(result.nextCursor).toBe('cur-1');
  });

  it('makes a new id for every search', () => {
    expect(newSearchId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newSearchId()).not.toBe(newSearchId());
  });

  it('aborts a read by offset (no searchId, nothing to cancel on the server)', async () => {
    const { pending, calls } = stubFetch(() => new Response(null, { status: 204 }));
    const search = startMessageSearch(messages(), { ...base, partition: 0, offset: 0 });
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    expect(pending[0].url.searchParams.has('searchId')).toBe(false);
    expect(await search.stop()).toBe('aborted');
    expect(isAborted(await search.result.catch((e: unknown) => e))).toBe(true);
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
  });

  it('aborts when the server does not know the search (404)', async () => {
    const { pending } = stubFetch(() => json({ status: 404, title: 'Not found' }, 404));
    const search = startMessageSearch(messages(), { ...base, key: 'k-1' });
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    expect(await search.stop()).toBe('aborted');
    expect(isAborted(await search.result.catch((e: unknown) => e))).toBe(true);
  });

  it('stops waiting when no answer follows the cancel', async () => {
    const { pending } = stubFetch(() => new Response(null, { status: 204 }));
    const search = startMessageSearch(messages(), { ...base, key: 'k-1' }, { graceMs: 20 });
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    expect(await search.stop()).toBe('cancelled');
    expect(isAborted(await search.result.catch((e: unknown) => e))).toBe(true);
  });

  it('leaving the page cancels on the server and drops the request at once', async () => {
    const { pending, calls } = stubFetch(() => new Response(null, { status: 204 }));
    const search = startMessageSearch(messages(), { ...base, key: 'k-1' });
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    expect(await search.stop({ abort: true })).toBe('aborted');
    await vi.waitFor(() => expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1));
    expect(isAborted(await search.result.catch((e: unknown) => e))).toBe(true);
  });
});

describe('downloading messages as JSON lines', () => {
  it('fetches the window with the API key and counts the lines as they stream', async () => {
    const lines = ['{"partition":0,"offset":0}', '{"partition":0,"offset":1}', '{"partition":0,"offset":2}'];
    let seen: { url: URL; headers: Headers } | undefined;
    vi.stubGlobal('fetch', (input: string, init: RequestInit = {}) => {
      seen = { url: new URL(input, 'http://console.test'), headers: new Headers(init.headers) };
      const encoder = new TextEncoder();
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(encoder.encode(`${lines[0]}\n${lines[1].slice(0, 5)}`));
          controller.enqueue(encoder.encode(`${lines[1].slice(5)}\n${lines[2]}\n`));
          controller.close();
        },
      });
      return Promise.resolve(new Response(body, { status: 200, headers: { 'Content-Type': 'application/x-ndjson' } }));
    });
    const progress: number[] = [];
    const { blob, lines: count } = await downloadMessages(messages(), { ...base, partition: 0, offset: 0, limit: 3 }, { onProgress: (p) => progress.push(p.lines) });
    expect(seen!.url.pathname).toBe('/api/v1/projects/p/instances/i/topics/t/messages/export');
    expect(Object.fromEntries(seen!.url.searchParams)).toEqual({ partition: '0', offset: '0', limit: '3' });
    expect(seen!.headers.get('Authorization')).toBe('Bearer trb_test');
    expect(count).toBe(3);
    expect(progress).toEqual([1, 3]);
    expect(await blob.text()).toBe(lines.join('\n') + '\n');
    expect(blob.type).toBe('application/x-ndjson');
  });

  it('turns a refusal into the usual problem', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(new Response(JSON.stringify({ status: 400, title: 'Invalid request', detail: 'limit is at most 100000' }), { status: 400, headers: { 'Content-Type': 'application/problem+json' } })),
    );
    const error = await downloadMessages(messages(), { ...base, limit: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).detail).toBe('limit is at most 100000');
  });
});
