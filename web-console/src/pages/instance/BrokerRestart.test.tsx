// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Broker, Operation } from '../../api/generated';
import { fakeApi, instanceFixture, json, operationJson, renderWithProviders, TUESDAY_WINDOW } from '../../test/render';
import { BrokerRestart } from './BrokerRestart';

const RESTARTS = /^\/api\/v1\/projects\/p-1\/instances\/i-1\/restarts$/;
const BROKERS: Broker[] = [1, 2, 3].map((nodeId) => ({ nodeId, availabilityZone: `az${nodeId}`, roles: ['broker', 'controller'], status: 'RUNNING' }));

function operation(overrides: Partial<Record<keyof Operation, unknown>> = {}) {
  return {
    id: 'op-1',
    instanceId: 'i-1',
    type: 'RESTART_BROKERS',
    status: 'RUNNING',
    percent: 35,
    currentStep: 'ROLL_BROKERS',
    detail: 'waiting: partition t-0 would fall below min.insync.replicas=2 while broker 2 is down (in sync: [2, 3])',
    error: null,
    createdAt: '2025-03-02T10:00:00Z',
    updatedAt: '2025-03-02T10:01:00Z',
    finishedAt: null,
    ...overrides,
  };
}

async function openDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Restart brokers…' }));
  return screen.getByRole('dialog', { name: 'Restart brokers?' });
}

describe('rolling restart of the brokers', () => {
  it('asks first, then POSTs …/restarts for all brokers and shows why the roller waits', async () => {
    const api = fakeApi([
      ['POST', /\/restarts$/, json(operation({ status: 'PENDING', percent: 0, currentStep: null, detail: null }), 202)],
      ['GET', /\/operations\/op-1$/, json(operation())],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<BrokerRestart instance={instanceFixture({ brokers: BROKERS })} />);

    const dialog = await openDialog(user);
    expect(within(dialog).getByText(/The active controller goes last/)).toBeTruthy();
    expect(api.calls).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Restart' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo('POST', RESTARTS).map((c) => c.body)).toEqual([{}]);
    expect(await screen.findByText(/would fall below min.insync.replicas=2 while broker 2 is down/)).toBeTruthy();
  });

  it('restarts one broker when one is chosen', async () => {
    const api = fakeApi([
      ['POST', /\/restarts$/, json(operation({ status: 'PENDING', percent: 0 }), 202)],
      ['GET', /\/operations\/op-1$/, json(operation())],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<BrokerRestart instance={instanceFixture({ brokers: BROKERS })} />);

    const dialog = await openDialog(user);
    await user.selectOptions(within(dialog).getByLabelText('Brokers'), 'Broker 2');
    await user.click(within(dialog).getByRole('button', { name: 'Restart' }));

    await waitFor(() => expect(api.callsTo('POST', RESTARTS).map((c) => c.body)).toEqual([{ nodeId: 2 }]));
  });

  it('cancel closes the dialog without a request', async () => {
    const api = fakeApi([]);
    const user = userEvent.setup();
    renderWithProviders(<BrokerRestart instance={instanceFixture({ brokers: BROKERS })} />);
    const dialog = await openDialog(user);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.calls).toHaveLength(0);
  });

  it('shows the reason when the restart failed', async () => {
    fakeApi([['GET', /\/operations\/op-1$/, json(operation({ status: 'FAILED', error: 'ROLL_BROKERS failed: gave up after 5 min: broker 2 is restarting' }))]]);
    renderWithProviders(<BrokerRestart instance={instanceFixture({ brokers: BROKERS, currentOperationId: 'op-1' })} />);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('ROLL_BROKERS failed: gave up after 5 min: broker 2 is restarting')).toBeTruthy();
  });

  it('schedules the restart for the maintenance window, chosen with the keyboard, and then says when it begins', async () => {
    const api = fakeApi([
      ['POST', /\/restarts$/, json(operationJson(), 202)],
      ['GET', /\/operations\/op-5$/, json(operationJson())],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<BrokerRestart instance={instanceFixture({ brokers: BROKERS, maintenanceWindow: TUESDAY_WINDOW })} />);
    const dialog = await openDialog(user);
    const when = within(dialog).getByRole('group', { name: 'When' });
    const now = within(when).getByRole('radio', { name: 'Now' }) as HTMLInputElement;
    const inWindow = within(when).getByRole('radio', { name: 'In the maintenance window (Tuesday 02:00–06:00 UTC)' }) as HTMLInputElement;
    expect(now.checked).toBe(true);
    expect(inWindow.disabled).toBe(false);

    now.focus();
    await user.keyboard('{ArrowDown}');
    expect(inWindow.checked).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Schedule restart' }));

    const scheduled = await screen.findByRole('dialog', { name: 'Restart brokers' });
    expect(api.callsTo('POST', RESTARTS).map((c) => c.body)).toEqual([{ applyAt: 'MAINTENANCE_WINDOW' }]);
    expect(within(scheduled).getByText(/^Scheduled for .*\(Tuesday 02:00 UTC\)$/)).toBeTruthy();
    expect(within(scheduled).queryByRole('progressbar')).toBeNull();
    expect(within(scheduled).getByRole('link', { name: 'operations list' }).getAttribute('href')).toBe('/projects/p-1/instances/i-1/operations');

    await user.click(within(scheduled).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    // no bar at 0 % under the button either: the instance page's panel shows the scheduled restart
    await waitFor(() => expect((screen.getByRole('button', { name: 'Restart brokers…' }) as HTMLButtonElement).disabled).toBe(true));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText(/A rolling restart is scheduled/)).toBeTruthy();
  });

  it('cannot schedule without a maintenance window, and says where to set one', async () => {
    const api = fakeApi([
      ['POST', /\/restarts$/, json(operation({ status: 'PENDING', percent: 0 }), 202)],
      ['GET', /\/operations\/op-1$/, json(operation())],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<BrokerRestart instance={instanceFixture({ brokers: BROKERS, maintenanceWindow: undefined })} />);
    const dialog = await openDialog(user);
    const inWindow = within(dialog).getByRole('radio', { name: 'In the maintenance window' }) as HTMLInputElement;
    expect(inWindow.disabled).toBe(true);
    expect(inWindow.getAttribute('aria-describedby')).toBe('restart-apply-at-no-window');
    expect(document.getElementById('restart-apply-at-no-window')!.textContent).toBe('Set a maintenance window in Settings first.');
    await user.click(inWindow);
    expect(inWindow.checked).toBe(false);
    expect((within(dialog).getByRole('radio', { name: 'Now' }) as HTMLInputElement).checked).toBe(true);

    await user.click(within(dialog).getByRole('button', { name: 'Restart' }));
    await waitFor(() => expect(api.callsTo('POST', RESTARTS).map((c) => c.body)).toEqual([{}]));
  });

  it('says a cancelled restart restarted nothing, and allows a new one', async () => {
    fakeApi([['GET', /\/operations\/op-5$/, json(operationJson({ status: 'CANCELLED', scheduledAt: null }))]]);
    renderWithProviders(<BrokerRestart instance={instanceFixture({ brokers: BROKERS, currentOperationId: 'op-5', maintenanceWindow: TUESDAY_WINDOW })} />);
    expect(await screen.findByText(/^Cancelled before it began: no broker was restarted/)).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect((screen.getByRole('button', { name: 'Restart brokers…' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
