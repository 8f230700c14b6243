// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Topic } from '../../../api/generated';
import { fakeApi, json, renderWithProviders, type RecordedCall } from '../../../test/render';
import { MessagesPanel } from './MessagesPanel';

const topic: Topic = {
  name: 'orders',
  partitions: 2,
  replicationFactor: 3,
  internal: false,
  retentionHours: null,
  syncReplication: false,
  syncFlush: false,
  configs: {},
  partitionDetails: [0, 1].map((partition) => ({ partition, leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3], earliestOffset: 0, latestOffset: 10 })),
  messageCountEstimate: 20,
};
const found = { partition: 1, offset: 4, timestamp: '2025-03-01T10:00:00Z', key: 'k-1', headers: {}, value: 'a needle', valueEncoding: 'TEXT', truncated: false };

/** GET /messages answers only when the test says so (a scan in progress). */
function openSearch() {
  const waiting: Array<{ call: RecordedCall; answer: (r: Response) => void }> = [];
  const answer = (call: RecordedCall) =>
    new Promise<Response>((resolve, reject) => {
      call.signal?.addEventListener('abort', () => reject(new DOMException('stopped', 'AbortError')));
      waiting.push({ call, answer: resolve });
    });
  return { waiting, answer };
}

describe('MessagesPanel', () => {
  it('Stop cancels the running scan on the server with the searchId it sent, then offers to continue', async () => {
    const search = openSearch();
    const api = fakeApi([
      ['GET', /\/topics\/orders\/messages$/, search.answer],
      ['DELETE', /\/message-searches\/[^/]+$/, new Response(null, { status: 204 })],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<MessagesPanel projectId="p-1" instanceId="i-1" topic={topic} />);
    await user.click(screen.getByRole('radio', { name: 'Content' }));
    await user.type(screen.getByLabelText('Value contains'), 'needle');
    await user.click(screen.getByRole('button', { name: 'Search' }));

    await waitFor(() => expect(search.waiting).toHaveLength(1));
    const searchId = search.waiting[0].call.url.searchParams.get('searchId');
    expect(searchId).toMatch(/^[0-9a-f-]{36}$/);
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(api.callsTo('DELETE', /message-searches/)).toHaveLength(1));
    expect(api.callsTo('DELETE', /message-searches/)[0].url.pathname).toBe(`/api/v1/projects/p-1/instances/i-1/message-searches/${searchId}`);
    expect(screen.getByRole('button', { name: 'Stopping…' })).toBeTruthy();

    // the server answers the cancelled scan with what it found and a cursor
    search.waiting[0].answer(json({ messages: [found], scanned: 5000, complete: false, stoppedBy: 'CANCELLED', nextCursor: 'cur-1' }));
    const cancelled = await screen.findByText('Search cancelled');
    const box = cancelled.closest('.alert') as HTMLElement;
    expect(box.getAttribute('data-stopped-by')).toBe('CANCELLED');
    expect(within(box).getByText(/You cancelled the search before the end/)).toBeTruthy();
    expect(screen.queryByText(/The search stopped before the end/)).toBeNull(); // not mixed up with a limit
    expect(screen.getByText(/1 message found · 5,000 scanned · cancelled/)).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Messages found' })).toBeTruthy();

    // Continue goes on from the cursor, as a new search with a new id
    await user.click(within(box).getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(search.waiting).toHaveLength(2));
    const next = search.waiting[1].call.url.searchParams;
    expect(next.get('cursor')).toBe('cur-1');
    expect(next.get('contains')).toBe('needle');
    expect(next.get('searchId')).not.toBe(searchId);
  });

  it('tells a limit stop apart from a cancel', async () => {
    fakeApi([['GET', /\/messages$/, json({ messages: [], scanned: 100, complete: false, stoppedBy: 'MAX_SCAN', nextCursor: 'c' })]]);
    const user = userEvent.setup();
    renderWithProviders(<MessagesPanel projectId="p-1" instanceId="i-1" topic={topic} />);
    await user.click(screen.getByRole('radio', { name: 'Key' }));
    await user.type(screen.getByRole('textbox', { name: 'Key' }), 'k-1');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await screen.findByText(/The search stopped before the end: it read the most messages/);
    expect(screen.queryByText('Search cancelled')).toBeNull();
  });

  it('downloads the offset window as a .jsonl file, fetched with the API key', async () => {
    sessionStorage.setItem('tributary.apiKey', 'trb_console');
    const body = '{"partition":1,"offset":4}\n{"partition":1,"offset":5}\n';
    const api = fakeApi([['GET', /\/messages\/export$/, new Response(body, { headers: { 'Content-Type': 'application/x-ndjson' } })]]);
    const saved: Array<{ name: string; href: string }> = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, href: this.href });
    });
    const createUrl = vi.spyOn(URL, 'createObjectURL');
    const user = userEvent.setup();
    renderWithProviders(<MessagesPanel projectId="p-1" instanceId="i-1" topic={topic} />);
    await user.selectOptions(screen.getByLabelText('Partition'), '1');
    await user.clear(screen.getByLabelText('From offset'));
    await user.type(screen.getByLabelText('From offset'), '4');
    await user.clear(screen.getByLabelText('Download at most'));
    await user.type(screen.getByLabelText('Download at most'), '2500');
    await user.click(screen.getByRole('button', { name: 'Download as JSON lines' }));

    await screen.findByText('Download ready');
    const call = api.callsTo('GET', /\/messages\/export$/)[0];
    expect(Object.fromEntries(call.url.searchParams)).toEqual({ partition: '1', offset: '4', limit: '2500' });
    expect(call.headers.get('Authorization')).toBe('Bearer trb_console');
    expect(saved).toEqual([{ name: 'orders-p1-from-4.jsonl', href: expect.any(String) }]);
    const blob = createUrl.mock.calls[0][0] as Blob;
    expect(await blob.text()).toBe(body);
    expect(screen.getByText(/2 messages saved as orders-p1-from-4\.jsonl/)).toBeTruthy();
    click.mockRestore();
    createUrl.mockRestore();
    sessionStorage.clear();
  });

  it('checks the download limit and offers no download for a scan', async () => {
    const api = fakeApi([]);
    const user = userEvent.setup();
    renderWithProviders(<MessagesPanel projectId="p-1" instanceId="i-1" topic={topic} />);
    await user.clear(screen.getByLabelText('Download at most'));
    await user.type(screen.getByLabelText('Download at most'), '100001');
    await user.click(screen.getByRole('button', { name: 'Download as JSON lines' }));
    expect(screen.getByText('Between 1 and 100,000 messages.')).toBeTruthy();
    expect(api.calls).toHaveLength(0);
    await user.click(screen.getByRole('radio', { name: 'Key' }));
    expect(screen.queryByRole('button', { name: 'Download as JSON lines' })).toBeNull();
  });
});
