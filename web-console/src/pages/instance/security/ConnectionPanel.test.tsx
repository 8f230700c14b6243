// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, instanceFixture, renderWithProviders } from '../../../test/render';
import { ConnectionPanel, fillCredentials } from './ConnectionPanel';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('ConnectionPanel', () => {
  it('shows the server’s client properties, protocol and mechanisms', () => {
    fakeApi([]);
    renderWithProviders(<ConnectionPanel instance={instanceFixture()} detailed />);
    expect((screen.getByRole('textbox', { name: 'Bootstrap servers' }) as HTMLInputElement).value).toBe('b1:9092,b2:9092');
    expect(screen.getByText('SASL_PLAINTEXT')).toBeTruthy();
    expect(screen.getByText('SCRAM-SHA-512')).toBeTruthy();
    expect(screen.getByText(/username="<username>" password="<password>"/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy client properties' })).toBeTruthy();
  });

  it('downloads the CA certificate with the API key as <instance>-ca.pem', async () => {
    sessionStorage.setItem('tributary.apiKey', 'trb_console');
    const api = fakeApi([['GET', /\/certificates\/ca$/, new Response(PEM, { headers: { 'Content-Type': 'application/x-pem-file' } })]]);
    const names: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const createUrl = vi.spyOn(URL, 'createObjectURL');
    const user = userEvent.setup();
    const instance = instanceFixture({ name: 'payments', connection: { ...instanceFixture().connection!, securityProtocol: 'SASL_SSL', tlsEnabled: true } });
    renderWithProviders(<ConnectionPanel instance={instance} detailed />);
    expect(screen.getByText(/Clients must trust this certificate/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Download CA certificate' }));
    await screen.findByText('CA certificate saved');
    expect(names).toEqual(['payments-ca.pem']);
    expect(api.calls[0].headers.get('Authorization')).toBe('Bearer trb_console');
    expect(await (createUrl.mock.calls[0][0] as Blob).text()).toBe(PEM);
    click.mockRestore();
    createUrl.mockRestore();
    sessionStorage.clear();
  });

  it('fills a user into the properties', () => {
    expect(fillCredentials('username="<username>" password="<password>"', 'alice', 's3cret-pw')).toBe('username="alice" password="s3cret-pw"');
  });
});
