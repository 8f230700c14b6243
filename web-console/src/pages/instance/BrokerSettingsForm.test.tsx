// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, instanceFixture, instanceJson, json, problem, renderWithProviders } from '../../test/render';
import { BrokerSettingsForm } from './BrokerSettingsForm';

const INSTANCE = /instances\/i-1$/;
const CONFIGURED = instanceFixture({ brokerConfig: { 'log.segment.bytes': '1073741824', 'num.recovery.threads.per.data.dir': '2' } });
const form = () => screen.getByRole('form', { name: 'Broker settings' });

describe('broker settings', () => {
  it('says saving restarts the brokers, PATCHes the whole map and follows the restart', async () => {
    const accepted = instanceFixture({ brokerConfig: { 'log.segment.bytes': '536870912', 'compression.type': 'zstd' }, currentOperationId: 'op-9' });
    const api = fakeApi([
      ['PATCH', /^$/, json(instanceJson(accepted), 202)],
      ['GET', /\/operations\/op-9$/, json({ id: 'op-9', instanceId: 'i-1', type: 'RESTART_BROKERS', status: 'RUNNING', percent: 67, currentStep: 'ROLL_BROKERS', detail: 'restarting broker 3 (the active controller goes last)', createdAt: '2025-03-02T10:00:00Z', updatedAt: '2025-03-02T10:00:00Z' })],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<BrokerSettingsForm instance={CONFIGURED} />);
    expect(within(form()).getByText(/applies them by a rolling restart/)).toBeTruthy();
    const save = within(form()).getByRole('button', { name: 'Save and restart brokers' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);

    const first = within(form()).getByLabelText('Setting 1 value');
    await user.clear(first);
    await user.type(first, '536870912');
    await user.click(within(form()).getByRole('button', { name: 'Remove setting 2' }));
    await user.click(within(form()).getByRole('button', { name: 'Add setting' }));
    await user.type(within(form()).getByLabelText('Setting 2 name'), 'compression.type');
    await user.type(within(form()).getByLabelText('Setting 2 value'), 'zstd');
    await user.click(save);

    expect(await screen.findByText('restarting broker 3 (the active controller goes last)')).toBeTruthy();
    expect(api.callsTo('PATCH', INSTANCE).map((c) => c.body)).toEqual([{ brokerConfig: { 'log.segment.bytes': '536870912', 'compression.type': 'zstd' } }]);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('67');
  });

  it('shows the API\'s field error on the setting it refused', async () => {
    fakeApi([
      ['PATCH', /^$/, problem(400, { code: 'VALIDATION_FAILED', title: 'The request is invalid', errors: [{ field: 'brokerConfig.listeners', message: 'is managed by the platform' }] })],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<BrokerSettingsForm instance={instanceFixture()} />);
    await user.click(within(form()).getByRole('button', { name: 'Add setting' }));
    await user.type(within(form()).getByLabelText('Setting 1 name'), 'listeners');
    await user.type(within(form()).getByLabelText('Setting 1 value'), 'PLAINTEXT://:9092');
    await user.click(within(form()).getByRole('button', { name: 'Save and restart brokers' }));

    expect(await within(form()).findByText('listeners: is managed by the platform')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('refuses a setting without a value before sending', async () => {
    const api = fakeApi([]);
    const user = userEvent.setup();
    renderWithProviders(<BrokerSettingsForm instance={instanceFixture()} />);
    await user.click(within(form()).getByRole('button', { name: 'Add setting' }));
    await user.type(within(form()).getByLabelText('Setting 1 name'), 'log.retention.check.interval.ms{Enter}');
    expect(within(form()).getByText('“log.retention.check.interval.ms” needs a value.')).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });
});
