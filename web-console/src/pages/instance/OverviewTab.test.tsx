// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { instanceFixture, renderWithProviders } from '../../test/render';
import { OverviewTab } from './OverviewTab';

describe('OverviewTab', () => {
  it('shows the maintenance window and whether the instance is protected from deletion', () => {
    renderWithProviders(
      <OverviewTab instance={instanceFixture({ deletionProtection: true, maintenanceWindow: { dayOfWeek: 'WEDNESDAY', startHour: 22, durationHours: 4 } })} />,
    );
    const details = screen.getByRole('region', { name: 'Details' });
    expect(within(details).getByText('Wednesday 22:00–02:00 UTC')).toBeTruthy();
    expect(within(details).getByText(/^On: the instance cannot be deleted/)).toBeTruthy();
  });

  it('says why a broker is down beside its status', () => {
    const instance = instanceFixture({
      status: 'DEGRADED',
      brokers: [
        { nodeId: 1, availabilityZone: 'az1', roles: ['broker', 'controller'], status: 'RUNNING' },
        {
          nodeId: 2,
          availabilityZone: 'az1',
          roles: ['broker', 'controller'],
          status: 'DOWN',
          statusReason: 'refuses SASL logins (SCRAM-SHA-512)',
        },
      ],
    });
    renderWithProviders(<OverviewTab instance={instance} />);
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(within(rows[2]).getByText('refuses SASL logins (SCRAM-SHA-512)')).toBeTruthy();
    expect(within(rows[1]).queryByText(/refuses/)).toBeNull();
  });

  it('shows the Kafka each broker runs, and marks one still on the old release during an upgrade', () => {
    const instance = instanceFixture({
      status: 'UPGRADING',
      kafkaVersion: '4.3.1',
      brokers: [
        { nodeId: 1, availabilityZone: 'az1', roles: ['broker'], status: 'RUNNING', kafkaVersion: '4.3.1' },
        { nodeId: 2, availabilityZone: 'az1', roles: ['broker'], status: 'RUNNING', kafkaVersion: '4.1.1' },
      ],
    });
    renderWithProviders(<OverviewTab instance={instance} />);
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(within(rows[1]).getByRole('cell', { name: '4.3.1' })).toBeTruthy();
    expect(within(rows[1]).queryByText('upgrade pending')).toBeNull();
    expect(within(rows[2]).getByRole('cell', { name: '4.1.1 → 4.3.1 upgrade pending' })).toBeTruthy();
  });

  it('marks the brokers that still run an older configuration as restart pending', () => {
    const instance = instanceFixture({
      brokers: [
        { nodeId: 1, availabilityZone: 'az1', roles: ['broker'], status: 'RUNNING', pendingRestart: false },
        { nodeId: 2, availabilityZone: 'az1', roles: ['broker'], status: 'RUNNING', pendingRestart: true },
      ],
    });
    renderWithProviders(<OverviewTab instance={instance} />);
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(within(rows[1]).queryByText('restart pending')).toBeNull();
    const badge = within(rows[2]).getByText('restart pending');
    expect(badge.getAttribute('title')).toMatch(/next rolling restart applies/);
  });
});
