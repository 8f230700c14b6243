// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, instanceFixture, instanceJson, json, problem, renderWithProviders } from '../../test/render';
import { DeleteDialog } from './DeleteDialog';

const confirm = () => screen.getByRole('button', { name: 'Delete instance' }) as HTMLButtonElement;

describe('DeleteDialog', () => {
  it('keeps the confirm button of a protected instance disabled, explains why and offers to turn protection off', async () => {
    const api = fakeApi([['PATCH', /^$/, json(instanceJson(instanceFixture({ deletionProtection: false })))]]);
    const user = userEvent.setup();
    renderWithProviders(<DeleteDialog projectId="p-1" instance={instanceFixture({ deletionProtection: true })} onClose={() => undefined} onDeleting={() => undefined} />);
    await user.type(screen.getByLabelText(/to confirm/), 'orders');
    expect(confirm().disabled).toBe(true);
    expect(screen.getByText(/cannot be deleted while it is protected/)).toBeTruthy();

    await user.click(within(screen.getByRole('note')).getByRole('switch', { name: /Protect from deletion/ }));
    expect(await screen.findByText('Deletion protection off')).toBeTruthy();
    expect(api.callsTo('PATCH', /instances\/i-1$/).map((c) => c.body)).toEqual([{ deletionProtection: false }]);
    expect(api.callsTo('DELETE', /instances\/i-1$/)).toHaveLength(0);
  });

  it('says clearly when the API refuses because the instance is protected', async () => {
    fakeApi([['DELETE', /^$/, problem(409, { code: 'DELETION_PROTECTED', title: 'The instance is protected from deletion' })]]);
    const user = userEvent.setup();
    renderWithProviders(<DeleteDialog projectId="p-1" instance={instanceFixture()} onClose={() => undefined} onDeleting={() => undefined} />);
    await user.type(screen.getByLabelText(/to confirm/), 'orders');
    expect(confirm().disabled).toBe(false);
    await user.click(confirm());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Deletion protection is on: turn it off to delete the instance/);
  });
});
