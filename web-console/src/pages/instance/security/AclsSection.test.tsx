// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, instanceFixture, json, renderWithProviders } from '../../../test/render';
import { AclsSection } from './AclsSection';

const users = [
  { name: 'admin', mechanisms: ['SCRAM-SHA-512'], admin: true, createdAt: '2025-03-01T10:00:00Z' },
  { name: 'alice', mechanisms: ['SCRAM-SHA-512'], admin: false, createdAt: '2025-03-02T10:00:00Z' },
];
const readAcl = {
  id: 'TOPIC:LITERAL:orders:User:alice:*:READ:ALLOW',
  resourceType: 'TOPIC', resourceName: 'orders', patternType: 'LITERAL', principal: 'User:alice', host: '*', operation: 'READ', permission: 'ALLOW',
};
const topics = { items: [{ name: 'orders', internal: false, partitions: 3, replicationFactor: 3 }], page: 0, size: 200, totalItems: 1, totalPages: 1 };

describe('AclsSection', () => {
  it('has an empty state that offers the grant', async () => {
    fakeApi([
      ['GET', /\/acls$/, json([])],
      ['GET', /\/users$/, json(users)],
    ]);
    renderWithProviders(<AclsSection projectId="p-1" instance={instanceFixture()} kafkaReady />);
    expect(await screen.findByRole('heading', { name: 'No ACL yet' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Grant topic access…' }).length).toBeGreaterThan(0);
  });

  it('filters by principal (a bare name as User:name) and resource type', async () => {
    const api = fakeApi([
      ['GET', /\/acls$/, json([readAcl])],
      ['GET', /\/users$/, json(users)],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<AclsSection projectId="p-1" instance={instanceFixture()} kafkaReady />);
    await screen.findByText('User:alice');
    await user.type(screen.getByLabelText('Principal'), 'alice');
    await user.selectOptions(screen.getByLabelText('Resource type'), 'GROUP');
    await waitFor(() => {
      const last = api.callsTo('GET', /\/acls$/).at(-1)!.url.searchParams;
      expect(last.get('principal')).toBe('User:alice');
      expect(last.get('resourceType')).toBe('GROUP');
    });
  });

  it('sends the grant shortcut as the API expects it', async () => {
    const created = [readAcl, { ...readAcl, id: 'x2', operation: 'DESCRIBE' }, { ...readAcl, id: 'x3', resourceType: 'GROUP', resourceName: 'billing' }];
    const api = fakeApi([
      ['GET', /\/acls$/, json([])],
      ['GET', /\/users$/, json(users)],
      ['GET', /\/topics$/, json(topics)],
      ['POST', /\/topic-grants$/, json(created, 201)],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<AclsSection projectId="p-1" instance={instanceFixture()} kafkaReady />);
    await user.click((await screen.findAllByRole('button', { name: 'Grant topic access…' }))[0]);
    const dialog = screen.getByRole('dialog', { name: 'Grant topic access' });

    // nothing chosen: refused before sending
    await user.click(within(dialog).getByRole('button', { name: 'Grant access' }));
    expect(within(dialog).getByText('Pick the user to grant access to.')).toBeTruthy();
    expect(within(dialog).getByText('Enter the topic name.')).toBeTruthy();

    await user.selectOptions(within(dialog).getByLabelText('User'), 'alice');
    await user.type(within(dialog).getByLabelText('Topic'), 'orders');
    // a group applies to consuming only
    expect(within(dialog).queryByLabelText('Consumer group (optional)')).toBeNull();
    await user.click(within(dialog).getByRole('radio', { name: /Subscribe/ }));
    await user.type(within(dialog).getByLabelText('Consumer group (optional)'), 'billing');
    await user.click(within(dialog).getByRole('checkbox', { name: /starts with this/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Grant access' }));

    await screen.findByText('Access granted');
    expect(api.callsTo('POST', /\/topic-grants$/)[0].body).toEqual({ username: 'alice', topic: 'orders', prefixed: true, access: 'SUBSCRIBE', group: 'billing' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('adds an ACL with the enums chosen from selects, operations limited to the resource type', async () => {
    const api = fakeApi([
      ['GET', /\/acls$/, json([])],
      ['GET', /\/users$/, json(users)],
      ['POST', /\/acls$/, json({ ...readAcl, id: 'new', resourceType: 'GROUP', operation: 'DELETE', permission: 'DENY' }, 201)],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<AclsSection projectId="p-1" instance={instanceFixture()} kafkaReady />);
    await user.click((await screen.findAllByRole('button', { name: 'Add ACL…' }))[0]);
    const dialog = screen.getByRole('dialog', { name: 'Add an ACL' });

    await user.click(within(dialog).getByRole('button', { name: 'Add ACL' }));
    expect(within(dialog).getByText(/Enter the resource name/)).toBeTruthy();
    expect(within(dialog).getByText(/Enter a principal/)).toBeTruthy();

    await user.selectOptions(within(dialog).getByLabelText('Resource type'), 'GROUP');
    const operations = [...(within(dialog).getByLabelText('Operation') as HTMLSelectElement).options].map((o) => o.value);
    expect(operations).toEqual(['READ', 'DESCRIBE', 'DELETE', 'ALL']);
    await user.type(within(dialog).getByLabelText('Resource name'), 'billing');
    await user.type(within(dialog).getByLabelText('Principal'), 'alice');
    await user.selectOptions(within(dialog).getByLabelText('Operation'), 'DELETE');
    await user.selectOptions(within(dialog).getByLabelText('Permission'), 'DENY');
    await user.click(within(dialog).getByRole('button', { name: 'Add ACL' }));

    await screen.findByText('ACL added');
    expect(api.callsTo('POST', /\/acls$/)[0].body).toEqual({
      resourceType: 'GROUP', patternType: 'LITERAL', resourceName: 'billing', principal: 'User:alice', host: '*', operation: 'DELETE', permission: 'DENY',
    });
  });

  it('deletes an ACL by its URL-encoded id after confirming', async () => {
    const api = fakeApi([
      ['GET', /\/acls$/, json([readAcl])],
      ['GET', /\/users$/, json(users)],
      ['DELETE', /\/acls\/.+$/, new Response(null, { status: 204 })],
    ]);
    const user = userEvent.setup();
    renderWithProviders(<AclsSection projectId="p-1" instance={instanceFixture()} kafkaReady />);
    await user.click(await screen.findByRole('button', { name: /^Delete ACL: ALLOW User:alice READ on topic orders/ }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete ACL' }));
    await screen.findByText('ACL deleted');
    const call = api.callsTo('DELETE', /\/acls\//)[0];
    expect(call.url.pathname.endsWith(`/acls/${encodeURIComponent(readAcl.id)}`)).toBe(true);
  });
});
