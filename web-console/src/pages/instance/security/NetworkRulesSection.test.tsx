// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, instanceFixture, instanceJson, json, problem, renderWithProviders } from '../../../test/render';
import { NetworkRulesSection } from './NetworkRulesSection';

const rows = () => screen.queryAllByRole('textbox', { name: /^CIDR block \d+$/ }) as HTMLInputElement[];
const save = () => screen.getByRole('button', { name: 'Save network rules' });

describe('NetworkRulesSection', () => {
  it('starts from the instance rules and says when every address may connect', async () => {
    fakeApi([]);
    const user = userEvent.setup();
    renderWithProviders(<NetworkRulesSection projectId="p-1" instance={instanceFixture({ network: { allowedCidrs: ['10.0.0.0/16'] } })} />);
    expect(rows().map((r) => r.value)).toEqual(['10.0.0.0/16']);
    expect((save() as HTMLButtonElement).disabled).toBe(true); // nothing changed yet
    await user.click(screen.getByRole('button', { name: 'Remove CIDR block 1' }));
    expect(rows()).toHaveLength(0);
    expect(screen.getByText('No rule: every address can connect.')).toBeTruthy();
  });

  it('refuses what is not a CIDR block, next to its row, and sends nothing', async () => {
    const api = fakeApi([]);
    const user = userEvent.setup();
    renderWithProviders(<NetworkRulesSection projectId="p-1" instance={instanceFixture()} />);
    await user.click(screen.getByRole('button', { name: 'Add network' }));
    await user.type(rows()[0], '10.0.0.0/33');
    await user.click(screen.getByRole('button', { name: 'Add network' }));
    await user.type(rows()[1], '192.168.1.7');
    await user.click(screen.getByRole('button', { name: 'Add network' }));
    await user.type(rows()[2], '10.0.0.0/33');
    await user.click(save());

    expect(rows()[0].getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(rows()[0].getAttribute('aria-describedby')!)!.textContent).toMatch(/is not a CIDR block/);
    expect(document.getElementById(rows()[1].getAttribute('aria-describedby')!)!.textContent).toMatch(/192\.168\.1\.7\/32/);
    expect(document.getElementById(rows()[2].getAttribute('aria-describedby')!)!.textContent).toMatch(/is not a CIDR block/);
    expect(api.calls).toHaveLength(0);

    // fixing a row clears its error as one types
    await user.clear(rows()[1]);
    await user.type(rows()[1], '192.168.1.7/32');
    expect(rows()[1].getAttribute('aria-invalid')).toBeNull();
  });

  it('replaces the list with PUT, leaving blank rows out, and shows the saved list', async () => {
    const saved = instanceFixture({ network: { allowedCidrs: ['10.0.0.0/16', '2001:db8::/32'] } });
    const api = fakeApi([['PUT', /\/network-rules$/, json(instanceJson(saved))]]);
    const user = userEvent.setup();
    renderWithProviders(<NetworkRulesSection projectId="p-1" instance={instanceFixture()} />);
    for (const value of [' 10.0.0.0/16 ', '', '2001:db8::/32']) {
      await user.click(screen.getByRole('button', { name: 'Add network' }));
      if (value) await user.type(rows()[rows().length - 1], value);
    }
    await user.click(save());
    await screen.findByText('Network rules saved');
    expect(api.callsTo('PUT', /\/network-rules$/)[0].body).toEqual({ allowedCidrs: ['10.0.0.0/16', '2001:db8::/32'] });
    expect(rows().map((r) => r.value)).toEqual(['10.0.0.0/16', '2001:db8::/32']);
  });

  it('puts the server field errors next to the rows they name', async () => {
    fakeApi([
      [
        'PUT',
        /\/network-rules$/,
        problem(400, {
          code: 'VALIDATION_FAILED',
          title: 'Invalid request',
          errors: [{ field: 'allowedCidrs[1]', message: 'host bits must be zero' }],
        }),
      ],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<NetworkRulesSection projectId="p-1" instance={instanceFixture()} />);
    for (const value of ['10.0.0.0/16', '', '10.1.2.3/8']) {
      await user.click(screen.getByRole('button', { name: 'Add network' }));
      if (value) await user.type(rows()[rows().length - 1], value);
    }
    await user.click(save());
    // entry 1 of what was sent is row 3 (row 2 was blank)
    await waitFor(() => expect(rows()[2].getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(rows()[2].getAttribute('aria-describedby')!)!.textContent).toContain('host bits must be zero');
    expect(rows()[0].getAttribute('aria-invalid')).toBeNull();
  });

  it('shows a 429 with its retry time', async () => {
    fakeApi([['PUT', /\/network-rules$/, problem(429, { title: 'Too Many Requests' }, { 'Retry-After': '7' })]]);
    const user = userEvent.setup();
    renderWithProviders(<NetworkRulesSection projectId="p-1" instance={instanceFixture()} />);
    await user.click(screen.getByRole('button', { name: 'Add network' }));
    await user.type(rows()[0], '10.0.0.0/8');
    await user.click(save());
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/Too many changes, retry in 7 s/)).toBeTruthy();
  });
});
