// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Broker, Operation } from '../../api/generated';
import { fakeApi, instanceFixture, json, renderWithProviders } from '../../test/render';
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
});
