// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, instanceFixture, instanceJson, json, operationJson, problem, renderWithProviders, TUESDAY_WINDOW } from '../../test/render';
import { UpgradeKafkaDialog } from './UpgradeKafkaDialog';

const VERSIONS = [
  { version: '4.0.0', isDefault: false },
  { version: '4.1.1', isDefault: false },
  { version: '4.3.1', isDefault: true },
  { version: '4.10.0', isDefault: false },
];
const INSTANCE = /instances\/i-1$/;

const upgrade = {
  id: 'op-8', instanceId: 'i-1', type: 'UPGRADE_KAFKA', status: 'RUNNING', percent: 55, currentStep: 'ROLL_BROKERS',
  detail: 'waiting: broker 2 runs 4.3.1 and is catching up (2 partitions under-replicated)', error: null,
  createdAt: '2025-03-02T10:00:00Z', updatedAt: '2025-03-02T10:01:00Z', finishedAt: null,
};

async function chooseAndSubmit(version: string) {
  const user = userEvent.setup();
  const dialog = screen.getByRole('dialog', { name: 'Upgrade Kafka' });
  await within(dialog).findByRole('option', { name: /^4\.3\.1/ });
  await user.selectOptions(within(dialog).getByLabelText('Kafka version'), version);
  await user.click(within(dialog).getByRole('button', { name: 'Upgrade Kafka' }));
}

describe('upgrade Kafka', () => {
  it('offers only the versions newer than the instance\'s, in numeric order, and warns that there is no way back', async () => {
    fakeApi([['GET', /\/kafka-versions$/, json(VERSIONS)]]);
    renderWithProviders(<UpgradeKafkaDialog instance={instanceFixture({ kafkaVersion: '4.1.1' })} onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Upgrade Kafka' });
    await within(dialog).findByRole('option', { name: /^4\.3\.1/ });
    expect(within(dialog).getAllByRole('option').map((o) => o.textContent)).toEqual(['4.3.1 (platform default)', '4.10.0']);
    expect(within(dialog).getByText('An upgrade cannot be undone')).toBeTruthy();
    expect(within(dialog).getByText(/restart one at a time/)).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Upgrade Kafka' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says so when the instance already runs the newest version, and offers nothing to submit', async () => {
    fakeApi([['GET', /\/kafka-versions$/, json(VERSIONS)]]);
    renderWithProviders(<UpgradeKafkaDialog instance={instanceFixture({ kafkaVersion: '4.10.0' })} onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Upgrade Kafka' });
    expect(await within(dialog).findByText('This instance runs the newest version the platform offers.')).toBeTruthy();
    expect(within(dialog).queryByRole('combobox')).toBeNull();
    expect((within(dialog).getByRole('button', { name: 'Upgrade Kafka' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('PATCHes the version alone and shows the progress of the upgrade the 202 named, with its step and detail', async () => {
    const accepted = instanceFixture({ kafkaVersion: '4.10.0', status: 'UPGRADING', currentOperationId: 'op-8' });
    const api = fakeApi([
      ['GET', /\/kafka-versions$/, json(VERSIONS)],
      ['PATCH', /^$/, json(instanceJson(accepted), 202)],
      ['GET', /\/operations\/op-8$/, json(upgrade)],
    ]);
    renderWithProviders(<UpgradeKafkaDialog instance={instanceFixture()} onClose={() => undefined} />);
    await chooseAndSubmit('4.10.0');

    expect(await screen.findByText(upgrade.detail)).toBeTruthy();
    expect(api.callsTo('PATCH', INSTANCE).map((c) => c.body)).toEqual([{ kafkaVersion: '4.10.0' }]);
    const bar = screen.getByRole('progressbar', { name: 'Upgrading Kafka' });
    expect(bar.getAttribute('aria-valuenow')).toBe('55');
    expect(screen.getByText('One broker at a time, each back in sync before the next')).toBeTruthy();
  });

  it('shows why the API refused the version', async () => {
    fakeApi([
      ['GET', /\/kafka-versions$/, json(VERSIONS)],
      [
        'PATCH',
        /^$/,
        problem(400, {
          code: 'VALIDATION_FAILED',
          title: 'The request is invalid',
          errors: [{ field: 'kafkaVersion', message: 'cannot go back from 4.1.1 to 4.0.0: the metadata version is finalized' }],
        }),
      ],
    ]);
    renderWithProviders(<UpgradeKafkaDialog instance={instanceFixture()} onClose={() => undefined} />);
    await chooseAndSubmit('4.3.1');
    const error = await screen.findByText('cannot go back from 4.1.1 to 4.0.0: the metadata version is finalized');
    expect(error.id).toBe('upgrade-kafka-version-error');
    expect(screen.getByLabelText('Kafka version').getAttribute('aria-invalid')).toBe('true');
  });

  it('cannot be submitted while another operation runs', async () => {
    fakeApi([['GET', /\/kafka-versions$/, json(VERSIONS)]]);
    renderWithProviders(<UpgradeKafkaDialog instance={instanceFixture({ status: 'RESTARTING' })} onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Upgrade Kafka' });
    await within(dialog).findByRole('option', { name: /^4\.3\.1/ });
    expect(within(dialog).getByText(/Another operation runs now/)).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Upgrade Kafka' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('schedules the upgrade for the maintenance window: PATCH with applyAt, then when it begins', async () => {
    const api = fakeApi([
      ['GET', /\/kafka-versions$/, json(VERSIONS)],
      ['PATCH', /^$/, json(instanceJson(instanceFixture({ kafkaVersion: '4.3.1', currentOperationId: 'op-5', maintenanceWindow: TUESDAY_WINDOW })), 202)],
      ['GET', /\/operations\/op-5$/, json(operationJson({ type: 'UPGRADE_KAFKA' }))],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<UpgradeKafkaDialog instance={instanceFixture({ maintenanceWindow: TUESDAY_WINDOW })} onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Upgrade Kafka' });
    await within(dialog).findByRole('option', { name: /^4\.3\.1/ });
    await user.click(within(dialog).getByRole('radio', { name: 'In the maintenance window (Tuesday 02:00–06:00 UTC)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Schedule upgrade' }));

    expect(await screen.findByText(/^Scheduled for .*\(Tuesday 02:00 UTC\)$/)).toBeTruthy();
    expect(api.callsTo('PATCH', INSTANCE).map((c) => c.body)).toEqual([{ kafkaVersion: '4.3.1', applyAt: 'MAINTENANCE_WINDOW' }]);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('shows the API\'s refusal of the window on the choice (no window set by then)', async () => {
    fakeApi([
      ['GET', /\/kafka-versions$/, json(VERSIONS)],
      ['PATCH', /^$/, problem(400, { code: 'VALIDATION_FAILED', title: 'The request is invalid', errors: [{ field: 'applyAt', message: 'the instance has no maintenance window' }] })],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<UpgradeKafkaDialog instance={instanceFixture({ maintenanceWindow: TUESDAY_WINDOW })} onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Upgrade Kafka' });
    await within(dialog).findByRole('option', { name: /^4\.3\.1/ });
    await user.click(within(dialog).getByRole('radio', { name: /^In the maintenance window/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Schedule upgrade' }));

    const message = await within(dialog).findByText('the instance has no maintenance window');
    expect(message.id).toBe('upgrade-kafka-apply-at-error');
    expect(within(dialog).getByRole('group', { name: 'When' }).getAttribute('aria-describedby')).toBe('upgrade-kafka-apply-at-error');
  });
});
