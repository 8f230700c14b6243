// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { fakeApi, instanceFixture, instanceJson, json, renderWithProviders } from '../test/render';
import { CreateInstancePage } from './CreateInstancePage';

const flavor = {
  id: 'kafka.2u4g', vcpus: 2, memoryGb: 4, maxPartitionsPerBroker: 1000, minBrokers: 3, maxBrokers: 12, minStorageGb: 100, maxStorageGb: 2000,
  brokerHeapMb: 2048, numNetworkThreads: 3, numIoThreads: 8, numReplicaFetchers: 2, hourlyPricePerBroker: 0.25, hourlyPricePerGb: 0.0001, currency: 'USD',
};

function renderWizard() {
  const api = fakeApi([
    ['GET', /\/flavors$/, json([flavor])],
    ['GET', /\/availability-zones$/, json([{ name: 'az1' }, { name: 'az2' }, { name: 'az3' }])],
    ['GET', /\/kafka-versions$/, json([{ version: '4.1.1', isDefault: true }])],
    ['POST', /\/instances$/, json({ instance: instanceJson(instanceFixture({ id: 'new-1' })), operation: { id: 'op-1' } }, 202)],
  ]);
  renderWithProviders(
    <Routes>
      <Route path="/projects/:projectId/instances/new" element={<CreateInstancePage />} />
      <Route path="*" element={<p>left the wizard</p>} />
    </Routes>,
    { route: '/projects/p-1/instances/new' },
  );
  return api;
}

describe('the order wizard', () => {
  it('orders a SASL instance with SCRAM, an admin user and auto-created topics', async () => {
    const api = renderWizard();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Instance name'), 'payments');
    await user.click(screen.getByRole('button', { name: /^Next/ }));

    // SASL is offered first-class: SASL_SSL by default, its mechanisms and admin credentials
    expect((screen.getByRole('radio', { name: /^SASL_SSL/ }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('radio', { name: /^SASL_PLAINTEXT/ }));
    expect((screen.getByRole('checkbox', { name: 'SCRAM-SHA-512' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'PLAIN' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Admin user') as HTMLInputElement).value).toBe('admin');
    // the admin password follows the API's rule: letters and digits
    await user.type(screen.getByLabelText('Admin password'), 'onlyletters');
    await user.click(screen.getByRole('button', { name: /^Next/ }));
    expect(screen.getByText('Use letters and digits in the password.')).toBeTruthy();
    await user.type(screen.getByLabelText('Admin password'), '42');
    await user.click(screen.getByRole('button', { name: /^Next/ }));

    const autoCreate = screen.getByRole('checkbox', { name: /Allow clients to auto-create topics/ }) as HTMLInputElement;
    expect(autoCreate.checked).toBe(false);
    await user.click(autoCreate);
    await user.click(screen.getByRole('button', { name: /^Next/ }));
    expect(screen.getByText('Auto-create topics').nextElementSibling!.textContent).toBe('Allowed');
    await user.click(screen.getByRole('button', { name: 'Create instance' }));

    await waitFor(() => expect(api.callsTo('POST', /\/instances$/)).toHaveLength(1));
    expect(api.callsTo('POST', /\/instances$/)[0].body).toMatchObject({
      name: 'payments',
      security: { protocol: 'SASL_PLAINTEXT', saslMechanisms: ['SCRAM-SHA-512'], adminUsername: 'admin', adminPassword: 'onlyletters42' },
      autoCreateTopics: true,
    });
  });

  it('sends no credentials for PLAINTEXT and leaves auto-creation off by default', async () => {
    const api = renderWizard();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Instance name'), 'plain');
    await user.click(screen.getByRole('button', { name: /^Next/ }));
    await user.click(screen.getByRole('radio', { name: /^PLAINTEXT/ }));
    expect(screen.queryByLabelText('Admin password')).toBeNull();
    await user.click(screen.getByRole('button', { name: /^Next/ }));
    await user.click(screen.getByRole('button', { name: /^Next/ }));
    await user.click(screen.getByRole('button', { name: 'Create instance' }));
    await waitFor(() => expect(api.callsTo('POST', /\/instances$/)).toHaveLength(1));
    const body = api.callsTo('POST', /\/instances$/)[0].body as Record<string, unknown>;
    expect(body.security).toEqual({ protocol: 'PLAINTEXT' });
    expect(body.autoCreateTopics).toBe(false);
    expect(body.deletionProtection).toBe(false);
  });

  it('orders deletion protection when it is ticked, and shows it on the review', async () => {
    const api = renderWizard();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Instance name'), 'ledger');
    await user.click(screen.getByRole('button', { name: /^Next/ }));
    await user.click(screen.getByRole('radio', { name: /^PLAINTEXT/ }));
    await user.click(screen.getByRole('button', { name: /^Next/ }));
    const protection = screen.getByRole('checkbox', { name: /Protect from deletion/ }) as HTMLInputElement;
    expect(protection.checked).toBe(false);
    await user.click(protection);
    await user.click(screen.getByRole('button', { name: /^Next/ }));
    expect(screen.getByText('Deletion protection').nextElementSibling!.textContent).toBe('On');
    await user.click(screen.getByRole('button', { name: 'Create instance' }));
    await waitFor(() => expect(api.callsTo('POST', /\/instances$/)).toHaveLength(1));
    expect(api.callsTo('POST', /\/instances$/)[0].body).toMatchObject({ name: 'ledger', deletionProtection: true });
  });
});
