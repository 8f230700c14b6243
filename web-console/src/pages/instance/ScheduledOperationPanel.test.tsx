// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useInstance } from '../../api/hooks/instances';
import { fakeApi, instanceFixture, instanceJson, json, operationJson, problem, renderWithProviders, TUESDAY_WINDOW } from '../../test/render';
import { ScheduledOperationPanel } from './ScheduledOperationPanel';

const START = /^\/api\/v1\/projects\/p-1\/operations\/op-5\/start$/;
const CANCEL = /^\/api\/v1\/projects\/p-1\/operations\/op-5\/cancel$/;
const INSTANCE = /^\/api\/v1\/projects\/p-1\/instances\/i-1$/;
const SCHEDULED = instanceFixture({ currentOperationId: 'op-5', maintenanceWindow: TUESDAY_WINDOW });
const BEGUN = problem(409, { code: 'INVALID_STATE', title: 'The resource\'s current state does not allow this', detail: 'Operation op-5 has begun.' });

/** The panel as the instance page shows it: fed by the instance query, so a refresh of the instance is a real GET. */
function Page() {
  const instance = useInstance('p-1', 'i-1');
  if (!instance.data) return null;
  return (
    <>
      <p data-testid="instance-status">{instance.data.status}</p>
      <ScheduledOperationPanel instance={instance.data} />
    </>
  );
}

/** The operation's GET answers what `current()` says, so a test can move it on. */
function operationRoute(current: () => Record<string, unknown>): [string, RegExp, (call: unknown) => Response] {
  return ['GET', /\/operations\/op-5$/, () => json(current())];
}

const panel = () => screen.findByRole('region', { name: 'Scheduled: Restart brokers' });

describe('scheduled operation panel', () => {
  it('says what is scheduled and when it begins, in local time and in UTC', async () => {
    fakeApi([['GET', /^$/, json(instanceJson(SCHEDULED))], operationRoute(() => operationJson())]);
    renderWithProviders(<Page />);
    const region = await panel();
    expect(within(region).getByText(/\(Tuesday 02:00 UTC\)$/)).toBeTruthy();
    expect(within(region).getByText(/^Begins/).textContent).toMatch(/at the start of the maintenance window/);
    expect(within(region).getByRole('button', { name: 'Start now' })).toBeTruthy();
    expect(within(region).getByRole('button', { name: 'Cancel…' })).toBeTruthy();
  });

  it('shows nothing for an operation that runs, or for none', async () => {
    const api = fakeApi([
      ['GET', /^$/, json(instanceJson(SCHEDULED))],
      operationRoute(() => operationJson({ status: 'RUNNING', scheduledAt: null, percent: 30 })),
    ]);
    renderWithProviders(<Page />);
    await waitFor(() => expect(api.callsTo('GET', /\/operations\/op-5$/)).toHaveLength(1));
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('Start now POSTs …/start, then fetches the instance again when the operation begins', async () => {
    let operation = operationJson();
    const api = fakeApi([
      // the instance is RESTARTING once its operation runs
      ['GET', /^$/, () => json(instanceJson({ ...SCHEDULED, status: operation.status === 'RUNNING' ? 'RESTARTING' : 'RUNNING' }))],
      operationRoute(() => operation),
      [
        'POST',
        START,
        () => {
          // started: no longer scheduled, and it begins within seconds
          operation = operationJson({ scheduledAt: null });
          setTimeout(() => (operation = operationJson({ status: 'RUNNING', scheduledAt: null, percent: 10 })), 100);
          return json(operationJson({ scheduledAt: null }));
        },
      ],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<Page />);
    await user.click(within(await panel()).getByRole('button', { name: 'Start now' }));

    expect(await screen.findByText('Restart brokers started')).toBeTruthy();
    expect(api.callsTo('POST', START)).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('region')).toBeNull());
    expect(screen.getByTestId('instance-status').textContent).toBe('RUNNING');
    // it runs a poll later: the instance is fetched again and is RESTARTING (its own polling follows from there)
    await waitFor(() => expect(screen.getByTestId('instance-status').textContent).toBe('RESTARTING'), { timeout: 5_000 });
    expect(api.callsTo('GET', INSTANCE).length).toBeGreaterThanOrEqual(3);
  });

  it('shows why the API refused to start it, and what the operation does now', async () => {
    let operation = operationJson();
    fakeApi([
      ['GET', /^$/, json(instanceJson(SCHEDULED))],
      operationRoute(() => operation),
      [
        'POST',
        START,
        () => {
          operation = operationJson({ status: 'RUNNING', scheduledAt: null, percent: 10 });
          return BEGUN;
        },
      ],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<Page />);
    const region = await panel();
    await user.click(within(region).getByRole('button', { name: 'Start now' }));

    const alert = await within(region).findByRole('alert');
    expect(within(alert).getByText('The operation could not be started now')).toBeTruthy();
    expect(within(alert).getByText('Operation op-5 has begun.')).toBeTruthy();
    expect(await within(region).findByText('No longer scheduled: it is running.')).toBeTruthy();
    expect(within(region).queryByRole('button', { name: 'Start now' })).toBeNull();
    await user.click(within(region).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('Cancel asks first, saying the change is undone, then POSTs …/cancel and refreshes the instance', async () => {
    let operation = operationJson();
    const api = fakeApi([
      ['GET', /^$/, json(instanceJson(SCHEDULED))],
      operationRoute(() => operation),
      [
        'POST',
        CANCEL,
        () => {
          operation = operationJson({ status: 'CANCELLED', scheduledAt: null, finishedAt: '2025-03-02T11:00:00Z' });
          return json(operation);
        },
      ],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<Page />);
    await user.click(within(await panel()).getByRole('button', { name: 'Cancel…' }));

    let dialog = screen.getByRole('dialog', { name: 'Cancel the scheduled operation?' });
    expect(within(dialog).getByText(/gets back the flavor, broker settings and Kafka version it had before/)).toBeTruthy();
    expect(within(dialog).getByText(/scheduled for .*\(Tuesday 02:00 UTC\), will not run/)).toBeTruthy();
    // the safe answer has focus
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep it scheduled' }));
    await user.click(within(dialog).getByRole('button', { name: 'Keep it scheduled' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.callsTo('POST', CANCEL)).toHaveLength(0);

    await user.click(within(await panel()).getByRole('button', { name: 'Cancel…' }));
    dialog = screen.getByRole('dialog', { name: 'Cancel the scheduled operation?' });
    const instanceGets = api.callsTo('GET', INSTANCE).length;
    await user.click(within(dialog).getByRole('button', { name: 'Cancel operation' }));

    expect(await screen.findByText('Restart brokers cancelled')).toBeTruthy();
    expect(api.callsTo('POST', CANCEL)).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('region')).toBeNull());
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(api.callsTo('GET', INSTANCE).length).toBeGreaterThan(instanceGets));
  });

  it('shows why the API refused to cancel it, in the confirmation', async () => {
    let operation = operationJson();
    fakeApi([
      ['GET', /^$/, json(instanceJson(SCHEDULED))],
      operationRoute(() => operation),
      [
        'POST',
        CANCEL,
        () => {
          operation = operationJson({ status: 'RUNNING', scheduledAt: null, percent: 10 });
          return BEGUN;
        },
      ],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<Page />);
    await user.click(within(await panel()).getByRole('button', { name: 'Cancel…' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel the scheduled operation?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel operation' }));

    const alert = await within(dialog).findByRole('alert');
    expect(within(alert).getByText('The operation could not be cancelled')).toBeTruthy();
    expect(within(alert).getByText('Operation op-5 has begun.')).toBeTruthy();
    // it began meanwhile: nothing left to cancel
    await waitFor(() => expect((within(dialog).getByRole('button', { name: 'Cancel operation' }) as HTMLButtonElement).disabled).toBe(true));
  });
});
