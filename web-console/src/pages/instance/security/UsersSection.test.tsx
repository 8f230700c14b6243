// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, instanceFixture, json, problem, renderWithProviders } from '../../../test/render';
import { UsersSection } from './UsersSection';

const admin = { name: 'admin', mechanisms: ['SCRAM-SHA-512'], admin: true, createdAt: '2025-03-01T10:00:00Z', passwordChangedAt: null };
const alice = { name: 'alice', mechanisms: ['SCRAM-SHA-512'], admin: false, createdAt: '2025-03-02T10:00:00Z', passwordChangedAt: null };

describe('UsersSection', () => {
  it('explains a PLAINTEXT instance instead of listing users, without asking the API', () => {
    const api = fakeApi([]);
    const instance = instanceFixture({ security: { protocol: 'PLAINTEXT', saslMechanisms: [] } });
    renderWithProviders(<UsersSection projectId="p-1" instance={instance} kafkaReady />);
    expect(screen.getByRole('heading', { name: 'No users on a PLAINTEXT instance' })).toBeTruthy();
    expect(screen.getByText(/no SASL listener/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Create an instance with SASL' }).getAttribute('href')).toBe('/projects/p-1/instances/new');
    expect(screen.queryByRole('table')).toBeNull();
    expect(api.calls).toHaveLength(0);
  });

  it('shows the API explanation when it answers 409 INVALID_STATE', async () => {
    fakeApi([['GET', /\/users$/, problem(409, { code: 'INVALID_STATE', detail: 'orders has no SASL listener' })]]);
    renderWithProviders(<UsersSection projectId="p-1" instance={instanceFixture()} kafkaReady />);
    expect(await screen.findByText('orders has no SASL listener')).toBeTruthy();
  });

  it('lists users, the admin user first and not deletable', async () => {
    fakeApi([['GET', /\/users$/, json([alice, admin])]]);
    renderWithProviders(<UsersSection projectId="p-1" instance={instanceFixture()} kafkaReady />);
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual(['adminadmin', 'alice']);
    expect((screen.getByRole('button', { name: 'Delete admin' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Delete alice' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says when the instance is not running yet', () => {
    const api = fakeApi([]);
    renderWithProviders(<UsersSection projectId="p-1" instance={instanceFixture({ status: 'CREATING' })} kafkaReady={false} />);
    expect(screen.getByRole('heading', { name: 'Users are not available yet' })).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });

  it('checks the new user before sending it', async () => {
    const api = fakeApi([['GET', /\/users$/, json([admin])]]);
    const user = userEvent.setup();
    renderWithProviders(<UsersSection projectId="p-1" instance={instanceFixture()} kafkaReady />);
    await user.click(await screen.findByRole('button', { name: 'Create user' }));
    const dialog = screen.getByRole('dialog', { name: 'Create a user' });
    await user.type(within(dialog).getByLabelText('User name'), '1x');
    await user.type(within(dialog).getByLabelText('Password (optional)'), 'short');
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }));
    expect(within(dialog).getByText(/starting with a letter/)).toBeTruthy();
    expect(within(dialog).getByText(/At least 8 characters/)).toBeTruthy();
    expect(api.callsTo('POST', /\/users$/)).toHaveLength(0);
  });

  it('shows a generated password once, with a copy button and a warning', async () => {
    const api = fakeApi([
      ['GET', /\/users$/, json([admin])],
      ['POST', /\/users$/, json({ name: 'alice', password: 'Gen3rated-Secret' }, 201)],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<UsersSection projectId="p-1" instance={instanceFixture()} kafkaReady />);
    await user.click(await screen.findByRole('button', { name: 'Create user' }));
    await user.type(screen.getByLabelText('User name'), 'alice');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Create user' }));

    const shown = await screen.findByRole('dialog', { name: 'User alice created' });
    // no password typed: none sent, the server generates it
    expect(api.callsTo('POST', /\/users$/)[0].body).toEqual({ name: 'alice' });
    expect((within(shown).getByLabelText('Generated password') as HTMLInputElement).value).toBe('Gen3rated-Secret');
    expect(within(shown).getByRole('button', { name: 'Copy the password' })).toBeTruthy();
    expect(within(shown).getByText('Copy the password now: it will not be shown again.')).toBeTruthy();
    // the client properties come with the user and password filled in
    expect(within(shown).getByText(/username="alice" password="Gen3rated-Secret"/)).toBeTruthy();

    await user.click(within(shown).getByRole('button', { name: 'I have saved the password' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByDisplayValue('Gen3rated-Secret')).toBeNull();
    expect(document.body.textContent).not.toContain('Gen3rated-Secret');
  });

  it('resets a password to the one typed and shows it once', async () => {
    const api = fakeApi([
      ['GET', /\/users$/, json([admin, alice])],
      ['POST', /\/users\/alice\/password-resets$/, json({ name: 'alice', password: 'N3w-password' })],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<UsersSection projectId="p-1" instance={instanceFixture()} kafkaReady />);
    await user.click(await screen.findByRole('button', { name: 'Reset the password of alice' }));
    await user.type(screen.getByLabelText('New password (optional)'), 'N3w-password');
    await user.click(screen.getByRole('button', { name: 'Reset password' }));
    const shown = await screen.findByRole('dialog', { name: 'New password for alice' });
    expect(api.callsTo('POST', /password-resets$/)[0].body).toEqual({ password: 'N3w-password' });
    expect((within(shown).getByLabelText('Password') as HTMLInputElement).value).toBe('N3w-password');
  });

  it('deletes a user after confirming, and shows a refusal as it comes', async () => {
    const api = fakeApi([
      ['GET', /\/users$/, json([admin, alice])],
      ['DELETE', /\/users\/alice$/, problem(409, { code: 'CONFLICT', title: 'Conflict', detail: 'alice is in use' })],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<UsersSection projectId="p-1" instance={instanceFixture()} kafkaReady />);
    await user.click(await screen.findByRole('button', { name: 'Delete alice' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete user alice?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete user' }));
    await within(dialog).findByText('alice is in use');
    expect(api.callsTo('DELETE', /\/users\/alice$/)).toHaveLength(1);
  });

  it('shows a 429 as “Too many changes, retry in N s”', async () => {
    fakeApi([
      ['GET', /\/users$/, json([admin])],
      ['POST', /\/users$/, problem(429, { title: 'Too Many Requests', code: 'RATE_LIMITED' }, { 'Retry-After': '12' })],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<UsersSection projectId="p-1" instance={instanceFixture()} kafkaReady />);
    await user.click(await screen.findByRole('button', { name: 'Create user' }));
    await user.type(screen.getByLabelText('User name'), 'bob');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Create user' }));
    await waitFor(() => expect(screen.getByRole('dialog').textContent).toContain('Too many changes, retry in 12 s'));
  });
});
