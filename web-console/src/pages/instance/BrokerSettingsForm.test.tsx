// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, instanceFixture, instanceJson, json, operationJson, problem, renderWithProviders, TUESDAY_WINDOW } from '../../test/render';
import { BrokerSettingsForm } from './BrokerSettingsForm';

const INSTANCE = /instances\/i-1$/;
const CONFIGURED = instanceFixture({ brokerConfig: { 'replica.lag.time.max.ms': '30000', 'log.cleaner.threads': '2' } });
const form = () => screen.getByRole('form', { name: 'Broker settings' });
const setting = (name: string, type: string, dynamic: boolean) => ({ name, type, dynamic, orderBound: false, min: null, max: null });
const CATALOG: [string, RegExp, Response] = ['GET', /\/broker-settings$/, json([
  setting('replica.lag.time.max.ms', 'LONG', false),
  setting('log.cleaner.threads', 'INT', true),
  setting('compression.type', 'STRING', true),
  setting('message.max.bytes', 'INT', true),
])];

describe('broker settings', () => {
  it('says a setting that needs a restart restarts the brokers, PATCHes the whole map and follows the restart', async () => {
    const accepted = instanceFixture({ brokerConfig: { 'replica.lag.time.max.ms': '60000', 'compression.type': 'zstd' }, currentOperationId: 'op-9' });
    const api = fakeApi([
      CATALOG,
      ['PATCH', /^$/, json(instanceJson(accepted), 202)],
      ['GET', /\/operations\/op-9$/, json({ id: 'op-9', instanceId: 'i-1', type: 'RESTART_BROKERS', status: 'RUNNING', percent: 67, currentStep: 'ROLL_BROKERS', detail: 'restarting broker 3 (the active controller goes last)', createdAt: '2025-03-02T10:00:00Z', updatedAt: '2025-03-02T10:00:00Z' })],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<BrokerSettingsForm instance={CONFIGURED} />);
    expect(within(form()).getByText(/the others by a rolling restart/)).toBeTruthy();
    expect((within(form()).getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);

    // settings 1 and 2 are log.cleaner.threads and replica.lag.time.max.ms, in name order
    const second = within(form()).getByLabelText('Setting 2 value');
    await user.clear(second);
    await user.type(second, '60000');
    await user.click(within(form()).getByRole('button', { name: 'Remove setting 1' }));
    await user.click(within(form()).getByRole('button', { name: 'Add setting' }));
    await user.type(within(form()).getByLabelText('Setting 2 name'), 'compression.type');
    await user.type(within(form()).getByLabelText('Setting 2 value'), 'zstd');
    expect(await within(form()).findByText('Needs a rolling restart: replica.lag.time.max.ms.')).toBeTruthy();
    await user.click(within(form()).getByRole('button', { name: 'Save and restart brokers' }));

    expect(await screen.findByText('restarting broker 3 (the active controller goes last)')).toBeTruthy();
    expect(api.callsTo('PATCH', INSTANCE).map((c) => c.body)).toEqual([{ brokerConfig: { 'replica.lag.time.max.ms': '60000', 'compression.type': 'zstd' } }]);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('67');
  });

  it('says settings Kafka changes while running apply at once, and saves them without a restart', async () => {
    const applied = instanceFixture({ brokerConfig: { 'log.cleaner.threads': '4', 'replica.lag.time.max.ms': '30000', 'message.max.bytes': '2097152' } });
    const api = fakeApi([CATALOG, ['PATCH', /^$/, json(instanceJson(applied), 200)]]);
    const user = userEvent.setup();
    renderWithProviders(<BrokerSettingsForm instance={CONFIGURED} />);

    const first = within(form()).getByLabelText('Setting 1 value');
    await user.clear(first);
    await user.type(first, '4');
    await user.click(within(form()).getByRole('button', { name: 'Add setting' }));
    await user.type(within(form()).getByLabelText('Setting 3 name'), 'message.max.bytes');
    await user.type(within(form()).getByLabelText('Setting 3 value'), '2097152');
    expect(await within(form()).findByText('Applies at once, without restarting any broker.')).toBeTruthy();
    await user.click(within(form()).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('No broker needed a restart.')).toBeTruthy();
    expect(api.callsTo('PATCH', INSTANCE).map((c) => c.body)).toEqual([
      { brokerConfig: { 'log.cleaner.threads': '4', 'replica.lag.time.max.ms': '30000', 'message.max.bytes': '2097152' } },
    ]);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('shows the API\'s field error on the setting it refused', async () => {
    fakeApi([
      CATALOG,
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
    const api = fakeApi([CATALOG]);
    const user = userEvent.setup();
    renderWithProviders(<BrokerSettingsForm instance={instanceFixture()} />);
    await user.click(within(form()).getByRole('button', { name: 'Add setting' }));
    await user.type(within(form()).getByLabelText('Setting 1 name'), 'log.retention.check.interval.ms{Enter}');
    expect(within(form()).getByText('“log.retention.check.interval.ms” needs a value.')).toBeTruthy();
    expect(api.callsTo('PATCH', INSTANCE)).toHaveLength(0);
  });

  it('asks when only for a change that needs a restart, and schedules it for the maintenance window', async () => {
    const instance = { ...CONFIGURED, maintenanceWindow: TUESDAY_WINDOW };
    const api = fakeApi([
      CATALOG,
      ['PATCH', /^$/, json(instanceJson({ ...instance, brokerConfig: { 'replica.lag.time.max.ms': '60000', 'log.cleaner.threads': '2' }, currentOperationId: 'op-5' }), 202)],
      ['GET', /\/operations\/op-5$/, json(operationJson())],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<BrokerSettingsForm instance={instance} />);
    // a setting Kafka changes while running: no choice, it applies at once
    const first = within(form()).getByLabelText('Setting 1 value');
    await user.clear(first);
    await user.type(first, '3');
    expect(await within(form()).findByText('Applies at once, without restarting any broker.')).toBeTruthy();
    expect(within(form()).queryByRole('group', { name: 'When' })).toBeNull();
    await user.clear(first);
    await user.type(first, '2');

    const second = within(form()).getByLabelText('Setting 2 value');
    await user.clear(second);
    await user.type(second, '60000');
    const when = await within(form()).findByRole('group', { name: 'When' });
    await user.click(within(when).getByRole('radio', { name: /^In the maintenance window/ }));
    await user.click(within(form()).getByRole('button', { name: 'Save and schedule restart' }));

    expect(await within(form()).findByText(/^Scheduled for .*\(Tuesday 02:00 UTC\)$/)).toBeTruthy();
    expect(api.callsTo('PATCH', INSTANCE).map((c) => c.body)).toEqual([
      { brokerConfig: { 'log.cleaner.threads': '2', 'replica.lag.time.max.ms': '60000' }, applyAt: 'MAINTENANCE_WINDOW' },
    ]);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
