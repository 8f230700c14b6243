// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Flavor } from '../../api/generated';
import { fakeApi, instanceFixture, instanceJson, json, operationJson, problem, renderWithProviders, TUESDAY_WINDOW } from '../../test/render';
import { ChangeFlavorDialog } from './ChangeFlavorDialog';

function flavor(id: string, overrides: Partial<Flavor> = {}): Flavor {
  return {
    id, vcpus: 2, memoryGb: 4, maxPartitionsPerBroker: 1000, minBrokers: 3, maxBrokers: 12, minStorageGb: 50, maxStorageGb: 2000,
    brokerHeapMb: 2048, numNetworkThreads: 3, numIoThreads: 8, numReplicaFetchers: 2, hourlyPricePerBroker: 0.25, currency: 'USD',
    ...overrides,
  };
}
const FLAVORS = [flavor('kafka.2u4g'), flavor('kafka.4u16g', { vcpus: 4, memoryGb: 16 }), flavor('kafka.16u64g', { vcpus: 16, memoryGb: 64, minBrokers: 6 })];
const INSTANCE = /instances\/i-1$/;

const restart = {
  id: 'op-7', instanceId: 'i-1', type: 'RESTART_BROKERS', status: 'RUNNING', percent: 40, currentStep: 'ROLL_BROKERS',
  detail: 'waiting: broker 2 is catching up (3 partitions under-replicated)', error: null,
  createdAt: '2025-03-02T10:00:00Z', updatedAt: '2025-03-02T10:01:00Z', finishedAt: null,
};

describe('change flavor', () => {
  it('marks the current flavor and disables one that does not fit the broker count, saying why', async () => {
    fakeApi([['GET', /\/flavors$/, json(FLAVORS)]]);
    renderWithProviders(<ChangeFlavorDialog instance={instanceFixture()} onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Change flavor' });
    const big = (await within(dialog).findByRole('option', { name: /^kafka\.16u64g/ })) as HTMLOptionElement;
    expect(big.disabled).toBe(true);
    expect(big.textContent).toMatch(/takes 6 to 12 brokers; this instance has 3/);
    expect(within(dialog).getByRole('option', { name: /^kafka\.2u4g.*\(current\)$/ })).toBeTruthy();
    expect((within(dialog).getByRole('option', { name: /^kafka\.4u16g/ }) as HTMLOptionElement).disabled).toBe(false);
    expect(within(dialog).getByText(/no downtime/)).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Change flavor' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('PATCHes only the flavor and shows the progress of the rolling restart the 202 started', async () => {
    const accepted = instanceFixture({ flavor: 'kafka.4u16g', status: 'RESTARTING', currentOperationId: 'op-7' });
    const api = fakeApi([
      ['GET', /\/flavors$/, json(FLAVORS)],
      ['PATCH', /^$/, json(instanceJson(accepted), 202)],
      ['GET', /\/operations\/op-7$/, json(restart)],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<ChangeFlavorDialog instance={instanceFixture()} onClose={() => undefined} />);
    await within(screen.getByRole('dialog')).findByRole('option', { name: /^kafka\.4u16g/ });
    await user.selectOptions(screen.getByLabelText('Flavor'), 'kafka.4u16g');
    await user.click(screen.getByRole('button', { name: 'Change flavor' }));

    expect(await screen.findByText('waiting: broker 2 is catching up (3 partitions under-replicated)')).toBeTruthy();
    expect(api.callsTo('PATCH', INSTANCE).map((c) => c.body)).toEqual([{ flavor: 'kafka.4u16g' }]);
    const bar = screen.getByRole('progressbar', { name: 'Restarting brokers' });
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
  });

  it('shows the conflict when another operation runs', async () => {
    fakeApi([
      ['GET', /\/flavors$/, json(FLAVORS)],
      ['PATCH', /^$/, problem(409, { code: 'INVALID_STATE', title: 'The resource\'s current state does not allow this', detail: 'Operation ROTATE_CERTIFICATES op-3 is running.' })],
      ['GET', /instances\/i-1$/, json(instanceJson(instanceFixture()))],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<ChangeFlavorDialog instance={instanceFixture()} onClose={() => undefined} />);
    await within(screen.getByRole('dialog')).findByRole('option', { name: /^kafka\.4u16g/ });
    await user.selectOptions(screen.getByLabelText('Flavor'), 'kafka.4u16g');
    await user.click(screen.getByRole('button', { name: 'Change flavor' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Operation ROTATE_CERTIFICATES op-3 is running.')).toBeTruthy();
    await waitFor(() => expect((screen.getByRole('button', { name: 'Change flavor' }) as HTMLButtonElement).disabled).toBe(false));
  });

  it('PATCHes the flavor with applyAt MAINTENANCE_WINDOW, then says when the restart begins instead of a progress bar', async () => {
    const scheduled = instanceFixture({ flavor: 'kafka.4u16g', maintenanceWindow: TUESDAY_WINDOW, currentOperationId: 'op-5' });
    const api = fakeApi([
      ['GET', /\/flavors$/, json(FLAVORS)],
      ['PATCH', /^$/, json(instanceJson(scheduled), 202)],
      ['GET', /\/operations\/op-5$/, json(operationJson())],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<ChangeFlavorDialog instance={instanceFixture({ maintenanceWindow: TUESDAY_WINDOW })} onClose={() => undefined} />);
    await within(screen.getByRole('dialog')).findByRole('option', { name: /^kafka\.4u16g/ });
    await user.selectOptions(screen.getByLabelText('Flavor'), 'kafka.4u16g');
    await user.click(screen.getByRole('radio', { name: /^In the maintenance window/ }));
    await user.click(screen.getByRole('button', { name: 'Schedule flavor change' }));

    expect(await screen.findByText(/^Scheduled for .*\(Tuesday 02:00 UTC\)$/)).toBeTruthy();
    expect(api.callsTo('PATCH', INSTANCE).map((c) => c.body)).toEqual([{ flavor: 'kafka.4u16g', applyAt: 'MAINTENANCE_WINDOW' }]);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('link', { name: 'operations list' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy();
  });

  it('offers the maintenance window only once one is set', async () => {
    fakeApi([['GET', /\/flavors$/, json(FLAVORS)]]);
    renderWithProviders(<ChangeFlavorDialog instance={instanceFixture()} onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Change flavor' });
    expect((within(dialog).getByRole('radio', { name: 'In the maintenance window' }) as HTMLInputElement).disabled).toBe(true);
    expect(within(dialog).getByText('Set a maintenance window in Settings first.')).toBeTruthy();
    expect((within(dialog).getByRole('radio', { name: 'Now' }) as HTMLInputElement).checked).toBe(true);
  });
});
