import { afterEach, describe, expect, it, vi } from 'vitest';
import { configuration } from './client';
import { MessagesApi } from './generated';
import { ApiError, isAborted, isInvalidState, isRateLimited, parseRetryAfter } from './problem';

const messages = () => new MessagesApi(configuration(() => 'trb_test'));
const request = { project: 'p', instance: 'i', topic: 't', key: 'k-1' };

afterEach(() => vi.unstubAllGlobals());

describe('the API client', () => {
  it('lets a stopped request fail as an abort, not as “server unreachable”', async () => {
    // like fetch: rejects at once when already aborted, else when the signal fires
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        const abort = () => reject(new DOMException('stopped', 'AbortError'));
        if (init.signal?.aborted) abort();
        else init.signal?.addEventListener('abort', abort);
      }),
    );
    const controller = new AbortController();
    const pending = messages().queryMessages(request, { signal: controller.signal });
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(isAborted(error)).toBe(true);
    expect(error).not.toBeInstanceOf(ApiError);
  });

  it('turns a network failure into a problem with status 0', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const error = await messages().queryMessages(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(0);
    expect(isAborted(error)).toBe(false);
  });

  it('carries the problem document of a refusal', async () => {
    const problem = { type: 'https://tributary.io/problems/invalid-state', title: 'Not now', status: 409, code: 'INVALID_STATE', detail: 'the instance is CREATING' };
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify(problem), { status: 409, headers: { 'Content-Type': 'application/problem+json' } })));
    const error = await messages().queryMessages(request).catch((e: unknown) => e);
    expect(isInvalidState(error)).toBe(true);
    expect((error as ApiError).detail).toBe('the instance is CREATING');
  });

  it('shows a 429 as “Too many changes, retry in N s”, whatever the server titled it', async () => {
    const problem = { title: 'Too Many Requests', status: 429, code: 'RATE_LIMITED', detail: '30 changes a minute per API key' };
    vi.stubGlobal('fetch', () =>
      Promise.resolve(new Response(JSON.stringify(problem), { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '17' } })),
    );
    const error = await messages().produceMessage({ ...request, messageProduce: { value: 'x' } }).catch((e: unknown) => e);
    expect(isRateLimited(error)).toBe(true);
    expect((error as ApiError).retryAfterSeconds).toBe(17);
    expect((error as ApiError).title).toBe('Too many changes, retry in 17 s');
    expect((error as ApiError).detail).toBe('30 changes a minute per API key');
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2025-03-01T10:00:00Z');
    expect(parseRetryAfter('5', now)).toBe(5);
    expect(parseRetryAfter('Sat, 01 Mar 2025 10:00:42 GMT', now)).toBe(42);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(new ApiError(429, {}).title).toBe('Too many changes, retry in a moment');
  });
});
