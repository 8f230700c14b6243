// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { fakeApi, instanceFixture, instanceJson, json, renderWithProviders } from '../../../test/render';
import { InstancePage } from '../../InstancePage';

function renderInstance(path: string, instance = instanceFixture()) {
  const api = fakeApi([
    ['GET', /^$/, json(instanceJson(instance))],
    ['GET', /\/operations/, json({ items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 })],
  ]);
  renderWithProviders(
    <Routes>
      <Route path="/projects/:projectId/instances/:instanceId/:tab?" element={<InstancePage />} />
      <Route path="/projects/:projectId/instances/:instanceId/security/:securitySection" element={<InstancePage />} />
    </Routes>,
    { route: path },
  );
  return api;
}

describe('the Security tab', () => {
  it('opens on the connection, with sections for users, ACLs and network rules', async () => {
    renderInstance('/projects/p-1/instances/i-1/security');
    expect(await screen.findByRole('heading', { name: 'Connection' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Security' }).getAttribute('aria-current')).toBe('page');
    const sections = screen.getByRole('navigation', { name: 'Security sections' });
    expect([...sections.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Connection', 'Users', 'ACLs', 'Network rules']);
  });

  it('explains users on a PLAINTEXT instance and edits its network rules', async () => {
    const user = userEvent.setup();
    renderInstance('/projects/p-1/instances/i-1/security/users', instanceFixture({ security: { protocol: 'PLAINTEXT', saslMechanisms: [] } }));
    expect(await screen.findByRole('heading', { name: 'No users on a PLAINTEXT instance' })).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Network rules' }));
    expect(await screen.findByRole('button', { name: 'Add network' })).toBeTruthy();
  });
});
