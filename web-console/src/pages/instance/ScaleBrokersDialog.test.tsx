// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Broker, Flavor } from '../../api/generated';
import { fakeApi, instanceFixture, instanceJson, json, problem, renderWithProviders } from '../../test/render';
import { ScaleBrokersDialog } from './ScaleBrokersDialog';

const FLAVOR: Flavor = {
  id: 'kafka.2u4g', vcpus: 2, memoryGb: 4, maxPartitionsPerBroker: 1000, minBrokers: 3, maxBrokers: 6, minStorageGb: 50, maxStorageGb: 2000,
  brokerHeapMb: 2048, numNetworkThreads: 3, numIoThreads: 8, numReplicaFetchers: 2, hourlyPricePerBroker: 0.25, currency: 'USD',
};
const INSTANCE = /instances\/i-1$/;
const broker = (nodeId: number, zone: string, roles: Broker['roles'] = ['broker']): Broker => ({ nodeId, availabilityZone: zone, roles, status: 'RUNNING' });
const THREE = instanceFixture({
  availabilityZones: ['az1', 'az2', 'az3'],
  brokers: [broker(1, 'az1', ['broker', 'controller']), broker(2, 'az2', ['broker', 'controller']), broker(3, 'az3', ['broker', 'controller'])],
});
const FIVE = instanceFixture({ ...THREE, brokerCount: 5, brokers: [...THREE.brokers, broker(4, 'az1'), broker(5, 'az2')] });

function operation(type: string, overrides: Record<string, unknown> = {}) {
  return {
    id: 'op-9', instanceId: 'i-1', type, status: 'RUNNING', percent: 35, currentStep: 'MOVE_REPLICAS',
    detail: 'moving replicas: 4 of 12 partitions done', error: null,
    createdAt: '2025-03-02T10:00:00Z', updatedAt: '2025-03-02T10:01:00Z', finishedAt: null, ...overrides,
  };
}

async function setCount(value: string) {
  const user = userEvent.setup();
  const field = await screen.findByLabelText('Brokers');
  await user.clear(field);
  await user.type(field, value);
  return user;
}

describe('scale brokers', () => {
  it('shows the current count and the flavor\'s bounds, and refuses a count outside them before sending', async () => {
    const api = fakeApi([['GET', /\/flavors$/, json([FLAVOR])]]);
    renderWithProviders(<ScaleBrokersDialog instance={THREE} onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Scale brokers' });
    expect(await within(dialog).findByText('Now 3 brokers; kafka.2u4g takes 3 to 6.')).toBeTruthy();
    const field = within(dialog).getByLabelText('Brokers');
    expect(field.getAttribute('min')).toBe('3');
    expect(field.getAttribute('max')).toBe('6');
    expect((within(dialog).getByRole('button', { name: 'Scale brokers' }) as HTMLButtonElement).disabled).toBe(true);

    const user = await setCount('7');
    await user.click(within(dialog).getByRole('button', { name: 'Scale brokers' }));
    expect(within(dialog).getByText('Between 3 and 6 brokers for kafka.2u4g.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(api.callsTo('PATCH', INSTANCE)).toHaveLength(0);
  });

  it('scales out: says where the new brokers go, PATCHes brokerCount alone and follows the SCALE_OUT', async () => {
    const accepted = instanceFixture({ ...THREE, status: 'EXTENDING', brokerCount: 5, currentOperationId: 'op-9' });
    const api = fakeApi([
      ['GET', /\/flavors$/, json([FLAVOR])],
      ['PATCH', /^$/, json(instanceJson(accepted), 202)],
      ['GET', /\/operations\/op-9$/, json(operation('SCALE_OUT'))],
    ]);
    renderWithProviders(<ScaleBrokersDialog instance={THREE} onClose={() => undefined} />);
    const user = await setCount('5');
    const dialog = screen.getByRole('dialog', { name: 'Scale brokers' });
    expect(within(dialog).getByText(/2 new broker-only nodes are added, spread round-robin over the instance's zones \(az1, az2, az3\)/)).toBeTruthy();
    const checkbox = within(dialog).getByRole('checkbox', { name: /Rebalance partitions onto the new brokers/ }) as HTMLInputElement;
    expect(checkbox.checked).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Scale brokers' }));

    expect(await screen.findByText('moving replicas: 4 of 12 partitions done')).toBeTruthy();
    expect(api.callsTo('PATCH', INSTANCE).map((c) => c.body)).toEqual([{ brokerCount: 5 }]);
    const bar = screen.getByRole('progressbar', { name: 'Adding brokers' });
    expect(bar.getAttribute('aria-valuenow')).toBe('35');
    expect(screen.getByText(/grows from 3 to/).textContent).toMatch(/grows from 3 to 5 brokers/);
  });

  it('sends rebalance: false when the new brokers should stay empty', async () => {
    const api = fakeApi([
      ['GET', /\/flavors$/, json([FLAVOR])],
      ['PATCH', /^$/, json(instanceJson(instanceFixture({ ...THREE, status: 'EXTENDING', brokerCount: 4, currentOperationId: 'op-9' })), 202)],
      ['GET', /\/operations\/op-9$/, json(operation('SCALE_OUT'))],
    ]);
    renderWithProviders(<ScaleBrokersDialog instance={THREE} onClose={() => undefined} />);
    const user = await setCount('4');
    expect(screen.getByText(/One new broker-only node is added/)).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: /Rebalance partitions onto the new brokers/ }));
    expect(screen.getByText(/They stay empty/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Scale brokers' }));
    await screen.findByRole('progressbar', { name: 'Adding brokers' });
    expect(api.callsTo('PATCH', INSTANCE).map((c) => c.body)).toEqual([{ brokerCount: 4, rebalance: false }]);
  });

  it('scales in: names the highest-numbered brokers it empties, warns that data moves, and follows the SCALE_IN', async () => {
    const api = fakeApi([
      ['GET', /\/flavors$/, json([FLAVOR])],
      ['PATCH', /^$/, json(instanceJson(instanceFixture({ ...FIVE, status: 'EXTENDING', currentOperationId: 'op-9' })), 202)],
      ['GET', /\/operations\/op-9$/, json(operation('SCALE_IN', { detail: 'moving the replicas off brokers 5 and 4' }))],
    ]);
    renderWithProviders(<ScaleBrokersDialog instance={FIVE} onClose={() => undefined} />);
    const user = await setCount('3');
    const dialog = screen.getByRole('dialog', { name: 'Scale brokers' });
    expect(within(dialog).getByText(/^Brokers 5 and 4, the highest-numbered, are emptied first/)).toBeTruthy();
    expect(within(dialog).getByText('This moves data')).toBeTruthy();
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Scale brokers' }));

    expect(await screen.findByText('moving the replicas off brokers 5 and 4')).toBeTruthy();
    expect(api.callsTo('PATCH', INSTANCE).map((c) => c.body)).toEqual([{ brokerCount: 3 }]);
    expect(screen.getByRole('progressbar', { name: 'Removing brokers' }).getAttribute('aria-valuenow')).toBe('35');
  });

  it('shows the API\'s refusal inline, e.g. a topic whose replication factor is larger than the new count', async () => {
    const detail = 'Topic orders has replication factor 4; the instance cannot have fewer than 4 brokers.';
    fakeApi([
      ['GET', /\/flavors$/, json([FLAVOR])],
      ['PATCH', /^$/, problem(400, { code: 'VALIDATION_FAILED', title: 'The request is not valid', detail })],
    ]);
    renderWithProviders(<ScaleBrokersDialog instance={FIVE} onClose={() => undefined} />);
    await screen.findByText('Now 5 brokers; kafka.2u4g takes 3 to 6.');
    const user = await setCount('3');
    await user.click(screen.getByRole('button', { name: 'Scale brokers' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The broker count could not be changed')).toBeTruthy();
    expect(within(alert).getByText(detail)).toBeTruthy();
    await waitFor(() => expect((screen.getByRole('button', { name: 'Scale brokers' }) as HTMLButtonElement).disabled).toBe(false));
  });

  it('warns when a scale-in would leave a zone without a broker', async () => {
    const uneven = instanceFixture({ ...FIVE, brokers: [broker(1, 'az1'), broker(2, 'az2'), broker(3, 'az1'), broker(4, 'az2'), broker(5, 'az3')] });
    fakeApi([['GET', /\/flavors$/, json([FLAVOR])]]);
    renderWithProviders(<ScaleBrokersDialog instance={uneven} onClose={() => undefined} />);
    await screen.findByText('Now 5 brokers; kafka.2u4g takes 3 to 6.');
    await setCount('4');
    expect(screen.getByText(/^Broker 5, the highest-numbered, is emptied first/)).toBeTruthy();
    expect(screen.getByText('az3 would be left without a broker; the API refuses this.')).toBeTruthy();
  });
});
