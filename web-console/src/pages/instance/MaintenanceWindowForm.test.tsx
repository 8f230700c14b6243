// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, instanceFixture, instanceJson, json, renderWithProviders } from '../../test/render';
import { MaintenanceWindowForm } from './MaintenanceWindowForm';

const form = () => screen.getByRole('form', { name: 'Maintenance window' });

describe('maintenance window', () => {
  it('PATCHes the chosen day, start hour (UTC) and duration', async () => {
    const window = { dayOfWeek: 'WEDNESDAY', startHour: 22, durationHours: 3 } as const;
    const api = fakeApi([['PATCH', /^$/, json(instanceJson(instanceFixture({ maintenanceWindow: window })))]]);
    const user = userEvent.setup();
    renderWithProviders(<MaintenanceWindowForm instance={instanceFixture({ maintenanceWindow: { dayOfWeek: 'SUNDAY', startHour: 2, durationHours: 4 } })} />);
    expect(within(form()).getByText(/Now Sunday 02:00–06:00 UTC/)).toBeTruthy();
    const save = within(form()).getByRole('button', { name: 'Save window' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);

    await user.selectOptions(within(form()).getByLabelText('Day of week'), 'Wednesday');
    await user.selectOptions(within(form()).getByLabelText('Start hour (UTC)'), '22:00');
    const duration = within(form()).getByLabelText('Duration (hours)');
    await user.clear(duration);
    await user.type(duration, '3');
    await user.click(save);

    expect(await screen.findByText('Wednesday 22:00–01:00 UTC')).toBeTruthy();
    expect(api.callsTo('PATCH', /instances\/i-1$/).map((c) => c.body)).toEqual([{ maintenanceWindow: window }]);
  });

  it('refuses a duration over 8 hours before sending', async () => {
    const api = fakeApi([]);
    const user = userEvent.setup();
    renderWithProviders(<MaintenanceWindowForm instance={instanceFixture()} />);
    expect(within(form()).getByText(/No window is set yet/)).toBeTruthy();
    const duration = within(form()).getByLabelText('Duration (hours)');
    await user.clear(duration);
    await user.type(duration, '9{Enter}');
    expect(within(form()).getByText('Between 1 and 8 hours.')).toBeTruthy();
    expect(duration.getAttribute('aria-invalid')).toBe('true');
    expect(api.calls).toHaveLength(0);
  });
});
