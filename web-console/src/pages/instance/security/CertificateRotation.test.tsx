// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Operation } from '../../../api/generated';
import { fakeApi, instanceFixture, json, problem, renderWithProviders } from '../../../test/render';
import { ConnectionPanel } from './ConnectionPanel';

const ROTATIONS = /^\/api\/v1\/projects\/p-1\/instances\/i-1\/certificates\/rotations$/;

function operation(overrides: Partial<Record<keyof Operation, unknown>> = {}) {
  return {
    id: 'op-1',
    instanceId: 'i-1',
    type: 'ROTATE_CERTIFICATES',
    status: 'RUNNING',
    percent: 40,
    currentStep: 'ROTATE_BROKERS',
    error: null,
    createdAt: '2025-03-02T10:00:00Z',
    updatedAt: '2025-03-02T10:01:00Z',
    finishedAt: null,
    ...overrides,
  };
}

async function openDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Rotate broker certificates…' }));
  return screen.getByRole('dialog', { name: 'Rotate broker certificates?' });
}

describe('broker certificate rotation', () => {
  it('explains the reload and POSTs to …/certificates/rotations only on confirm', async () => {
    const api = fakeApi([
      ['POST', /\/certificates\/rotations$/, json(operation({ status: 'PENDING', percent: 0, currentStep: null }), 202)],
      ['GET', /\/operations\/op-1$/, json(operation({ status: 'PENDING', percent: 0, currentStep: null }))],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<ConnectionPanel instance={instanceFixture()} detailed />);

    const dialog = await openDialog(user);
    expect(within(dialog).getByText(/Each broker reloads it without a restart, one at a/)).toBeTruthy();
    expect(within(dialog).getByText(/Clients keep working and need no change/)).toBeTruthy();
    expect(api.calls).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Rotate certificates' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const posts = api.callsTo('POST', ROTATIONS);
    expect(posts).toHaveLength(1);
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    expect(await screen.findByText('Waiting to start…')).toBeTruthy();
  });

  it('cancel closes the dialog without a request', async () => {
    const api = fakeApi([]);
    const user = userEvent.setup();
    renderWithProviders(<ConnectionPanel instance={instanceFixture()} detailed />);
    const dialog = await openDialog(user);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.calls).toHaveLength(0);
  });

  it('shows the operation’s progress and step until it succeeded', async () => {
    let polls = 0;
    fakeApi([
      ['POST', /\/certificates\/rotations$/, json(operation(), 202)],
      ['GET', /\/operations\/op-1$/, () => (++polls < 2 ? json(operation()) : json(operation({ status: 'SUCCEEDED', percent: 100, finishedAt: '2025-03-02T10:05:00Z' })))],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<ConnectionPanel instance={instanceFixture()} detailed />);
    await user.click(within(await openDialog(user)).getByRole('button', { name: 'Rotate certificates' }));

    const bar = await screen.findByRole('progressbar', { name: 'Rotating broker certificates' });
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(screen.getByText('One broker at a time, without a restart')).toBeTruthy();
    // one rotation at a time
    expect((screen.getByRole('button', { name: 'Rotate broker certificates…' }) as HTMLButtonElement).disabled).toBe(true);

    // polled (every 1.5 s) until it has finished
    const done = await screen.findByRole('progressbar', { name: 'Broker certificates rotated' }, { timeout: 4000 });
    expect(done.getAttribute('aria-valuenow')).toBe('100');
    expect((screen.getByRole('button', { name: 'Rotate broker certificates…' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows why the rotation failed', async () => {
    fakeApi([
      ['POST', /\/certificates\/rotations$/, json(operation({ percent: 5 }), 202)],
      ['GET', /\/operations\/op-1$/, json(operation({ status: 'FAILED', percent: 35, error: 'timed out in ROTATE_BROKERS: waiting for broker 2 to be back' }))],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<ConnectionPanel instance={instanceFixture()} detailed />);
    await user.click(within(await openDialog(user)).getByRole('button', { name: 'Rotate certificates' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The certificate rotation failed')).toBeTruthy();
    expect(within(alert).getByText('timed out in ROTATE_BROKERS: waiting for broker 2 to be back')).toBeTruthy();
    expect(within(alert).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('35');
  });

  it('shows the problem detail of a 409 in the dialog', async () => {
    fakeApi([
      ['POST', /\/certificates\/rotations$/, problem(409, { code: 'INVALID_STATE', title: 'Invalid state', detail: 'Another operation is running on instance orders.' })],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<ConnectionPanel instance={instanceFixture()} detailed />);
    const dialog = await openDialog(user);
    await user.click(within(dialog).getByRole('button', { name: 'Rotate certificates' }));

    const alert = await within(dialog).findByRole('alert');
    expect(within(alert).getByText('The rotation could not be started')).toBeTruthy();
    expect(within(alert).getByText('Another operation is running on instance orders.')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('says when to retry after a 429', async () => {
    fakeApi([['POST', /\/certificates\/rotations$/, problem(429, { code: 'RATE_LIMITED', detail: 'Too many changes by this API key.' }, { 'Retry-After': '30' })]]);
    const user = userEvent.setup();
    renderWithProviders(<ConnectionPanel instance={instanceFixture()} detailed />);
    const dialog = await openDialog(user);
    await user.click(within(dialog).getByRole('button', { name: 'Rotate certificates' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Too many changes, retry in 30 s');
    expect(alert.textContent).toContain('Too many changes by this API key.');
  });

  it('follows a rotation the control plane started on its own', async () => {
    fakeApi([['GET', /\/operations\/op-9$/, json(operation({ id: 'op-9', percent: 65 }))]]);
    renderWithProviders(<ConnectionPanel instance={instanceFixture({ currentOperationId: 'op-9' })} detailed />);
    const bar = await screen.findByRole('progressbar', { name: 'Rotating broker certificates' });
    expect(bar.getAttribute('aria-valuenow')).toBe('65');
  });

  it('offers no rotation while the instance is not running', () => {
    fakeApi([]);
    renderWithProviders(<ConnectionPanel instance={instanceFixture({ status: 'DEGRADED' })} detailed />);
    expect(screen.queryByRole('button', { name: 'Rotate broker certificates…' })).toBeNull();
  });

  it('is not part of the overview’s short connection panel', () => {
    fakeApi([]);
    renderWithProviders(<ConnectionPanel instance={instanceFixture()} />);
    expect(screen.queryByRole('button', { name: 'Rotate broker certificates…' })).toBeNull();
  });
});
