// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, instanceFixture, instanceJson, json, renderWithProviders } from '../../test/render';
import { ExpandStorageDialog } from './ExpandStorageDialog';

const FLAVOR = {
  id: 'kafka.2u4g', vcpus: 2, memoryGb: 4, maxPartitionsPerBroker: 1000, minBrokers: 3, maxBrokers: 12, minStorageGb: 50, maxStorageGb: 500,
  brokerHeapMb: 2048, numNetworkThreads: 3, numIoThreads: 8, numReplicaFetchers: 2, hourlyPricePerBroker: 0.25, currency: 'USD',
};

async function typeStorage(user: ReturnType<typeof userEvent.setup>, value: string) {
  const input = screen.getByLabelText('Storage per broker (GB)');
  await user.clear(input);
  await user.type(input, value);
  return input;
}

describe('expand storage', () => {
  it('refuses a smaller size before sending anything', async () => {
    const api = fakeApi([['GET', /\/flavors$/, json([FLAVOR])]]);
    const user = userEvent.setup();
    renderWithProviders(<ExpandStorageDialog instance={instanceFixture()} onClose={() => undefined} />);
    const input = await typeStorage(user, '80');
    await user.click(screen.getByRole('button', { name: 'Expand storage' }));
    expect(screen.getByText('Storage can only grow: enter more than the current 100 GB.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(api.callsTo('PATCH', /instances\/i-1$/)).toHaveLength(0);
  });

  it('refuses more than the flavor allows, naming the flavor', async () => {
    fakeApi([['GET', /\/flavors$/, json([FLAVOR])]]);
    const user = userEvent.setup();
    renderWithProviders(<ExpandStorageDialog instance={instanceFixture()} onClose={() => undefined} />);
    expect(await screen.findByText(/at most 500 GB for kafka\.2u4g/)).toBeTruthy();
    await typeStorage(user, '600');
    await user.click(screen.getByRole('button', { name: 'Expand storage' }));
    expect(screen.getByText('At most 500 GB for kafka.2u4g.')).toBeTruthy();
  });

  it('shows the total, PATCHes only storageGb on Enter and closes with a toast', async () => {
    const api = fakeApi([
      ['GET', /\/flavors$/, json([FLAVOR])],
      ['PATCH', /^$/, json(instanceJson(instanceFixture({ storageGb: 250 })))],
    ]);
    const onClose = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<ExpandStorageDialog instance={instanceFixture()} onClose={onClose} />);
    await typeStorage(user, '250{Enter}');
    expect(screen.getByText('750 GB')).toBeTruthy();

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.callsTo('PATCH', /instances\/i-1$/).map((c) => c.body)).toEqual([{ storageGb: 250 }]);
    expect(await screen.findByText('Storage expanded')).toBeTruthy();
  });
});
