// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, instanceFixture, instanceJson, json, problem, renderWithProviders } from '../../test/render';
import { SettingsTab } from './SettingsTab';

const retentionForm = () => screen.getByRole('form', { name: 'Retention' });

describe('SettingsTab retention', () => {
  it('changes only the retention, with PATCH, and says no restart is needed', async () => {
    const updated = instanceFixture({ retention: { defaultHours: 48, capacityPolicy: 'PRODUCE_REJECT' } });
    const api = fakeApi([['PATCH', /^$/, json(instanceJson(updated))]]);
    const user = userEvent.setup();
    renderWithProviders(<SettingsTab projectId="p-1" instance={instanceFixture()} onDelete={() => undefined} />);
    const form = retentionForm();
    expect(within(form).getByText(/without a restart/)).toBeTruthy();
    const save = within(form).getByRole('button', { name: 'Save retention' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);

    const hours = within(form).getByLabelText('Default retention (hours)');
    await user.clear(hours);
    await user.type(hours, '48');
    await user.click(within(form).getByRole('radio', { name: /Reject new messages/ }));
    await user.click(save);

    const toast = await screen.findByText('Retention saved');
    expect(toast.parentElement!.textContent).toMatch(/48 h by default, new messages rejected .* without a restart/);
    const patch = api.callsTo('PATCH', /instances\/i-1$/);
    expect(patch[0].body).toEqual({ retention: { defaultHours: 48, capacityPolicy: 'PRODUCE_REJECT' } });
  });

  it('refuses hours outside 1..8760 before sending', async () => {
    const api = fakeApi([]);
    const user = userEvent.setup();
    renderWithProviders(<SettingsTab projectId="p-1" instance={instanceFixture()} onDelete={() => undefined} />);
    const hours = within(retentionForm()).getByLabelText('Default retention (hours)');
    await user.clear(hours);
    await user.type(hours, '9000');
    await user.click(within(retentionForm()).getByRole('button', { name: 'Save retention' }));
    expect(within(retentionForm()).getByText('Between 1 and 8760 hours (one year).')).toBeTruthy();
    expect(hours.getAttribute('aria-invalid')).toBe('true');
    // the broker settings card beside it loads its catalog; the retention form itself sends nothing
    expect(api.callsTo('PATCH', /./)).toHaveLength(0);
  });
});

describe('SettingsTab deletion protection', () => {
  it('turns the protection on with PATCH {deletionProtection: true}', async () => {
    const api = fakeApi([['PATCH', /^$/, json(instanceJson(instanceFixture({ deletionProtection: true })))]]);
    const user = userEvent.setup();
    renderWithProviders(<SettingsTab projectId="p-1" instance={instanceFixture()} onDelete={() => undefined} />);
    const toggle = screen.getByRole('switch', { name: /Protect from deletion/ }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    await user.click(toggle);

    expect(await screen.findByText('Deletion protection on')).toBeTruthy();
    expect(api.callsTo('PATCH', /instances\/i-1$/).map((c) => c.body)).toEqual([{ deletionProtection: true }]);
  });
});

describe('SettingsTab capacity', () => {
  it('opens the flavor, scaling and storage dialogs from the Capacity card', async () => {
    fakeApi([['GET', /\/flavors$/, json([])]]);
    const user = userEvent.setup();
    renderWithProviders(<SettingsTab projectId="p-1" instance={instanceFixture()} onDelete={() => undefined} />);
    const capacity = screen.getByRole('region', { name: 'Capacity' });
    expect(within(capacity).getByText('100 GB per broker, 300 GB in all')).toBeTruthy();

    await user.click(within(capacity).getByRole('button', { name: 'Expand storage…' }));
    const dialog = screen.getByRole('dialog', { name: 'Expand storage' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(capacity).getByRole('button', { name: 'Scale brokers…' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Scale brokers' })).getByRole('button', { name: 'Cancel' }));
    await user.click(within(capacity).getByRole('button', { name: 'Change flavor…' }));
    expect(screen.getByRole('dialog', { name: 'Change flavor' })).toBeTruthy();
  });

  it('opens the upgrade from the Capacity card, beside the instance\'s Kafka version', async () => {
    fakeApi([['GET', /\/kafka-versions$/, json([{ version: '4.3.1', isDefault: true }])]]);
    const user = userEvent.setup();
    renderWithProviders(<SettingsTab projectId="p-1" instance={instanceFixture()} onDelete={() => undefined} />);
    const capacity = screen.getByRole('region', { name: 'Capacity' });
    expect(within(capacity).getByText('4.1.1')).toBeTruthy();
    await user.click(within(capacity).getByRole('button', { name: 'Upgrade Kafka…' }));
    expect(screen.getByRole('dialog', { name: 'Upgrade Kafka' })).toBeTruthy();
  });

  it('offers no upgrade while one runs', () => {
    renderWithProviders(<SettingsTab projectId="p-1" instance={instanceFixture({ status: 'UPGRADING' })} onDelete={() => undefined} />);
    const capacity = screen.getByRole('region', { name: 'Capacity' });
    expect((within(capacity).getByRole('button', { name: 'Upgrade Kafka…' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('offers no storage expansion or scaling while a broker is down, and says why', () => {
    renderWithProviders(<SettingsTab projectId="p-1" instance={instanceFixture({ status: 'DEGRADED' })} onDelete={() => undefined} />);
    const capacity = screen.getByRole('region', { name: 'Capacity' });
    expect((within(capacity).getByRole('button', { name: 'Expand storage…' }) as HTMLButtonElement).disabled).toBe(true);
    expect((within(capacity).getByRole('button', { name: 'Scale brokers…' }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(capacity).getByText('Brokers can be added or removed, storage expanded and Kafka upgraded once every broker runs again.')).toBeTruthy();
  });

  it('shows the latest rebalance, "No rebalance yet" when the API has none, and opens the rebalance dialog', async () => {
    fakeApi([['GET', /\/rebalances$/, problem(404, { code: 'REBALANCE_NOT_FOUND', title: 'Not found' })]]);
    const user = userEvent.setup();
    renderWithProviders(<SettingsTab projectId="p-1" instance={instanceFixture()} onDelete={() => undefined} />);
    const capacity = screen.getByRole('region', { name: 'Capacity' });
    expect(await within(capacity).findByText('No rebalance yet')).toBeTruthy();
    await user.click(within(capacity).getByRole('button', { name: 'Rebalance partitions…' }));
    expect(screen.getByRole('dialog', { name: 'Rebalance partitions' })).toBeTruthy();
  });

  it('lets a running scale-out\'s rebalance be followed while the instance is extending', async () => {
    const running = {
      operationId: 'op-5', operationType: 'SCALE_OUT', status: 'RUNNING', percent: 60, partitionsToMove: 10, partitionsMoved: 6, bytesToMove: 0,
      cancelRequested: false, brokers: [], createdAt: '2025-03-02T10:00:00Z',
    };
    fakeApi([['GET', /\/rebalances$/, json(running)]]);
    renderWithProviders(<SettingsTab projectId="p-1" instance={instanceFixture({ status: 'EXTENDING' })} onDelete={() => undefined} />);
    const capacity = screen.getByRole('region', { name: 'Capacity' });
    expect(await within(capacity).findByText(/60%, 6 of 10 partitions moved \(part of a scale-out\)/)).toBeTruthy();
    expect((within(capacity).getByRole('button', { name: 'Rebalance partitions…' }) as HTMLButtonElement).disabled).toBe(false);
    expect((within(capacity).getByRole('button', { name: 'Scale brokers…' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
