import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import {
  cidrsChanged,
  describeAcl,
  emptyAclForm,
  emptyTopicGrantForm,
  normalizePrincipal,
  OPERATIONS_BY_TYPE,
  serverCidrErrors,
  toAclCreate,
  toNetworkSpec,
  toTopicGrant,
  validateAcl,
  validateCidrRows,
  validateKafkaPassword,
  validateKafkaUsername,
  validateTopicGrant,
  withResourceType,
  type AclForm,
} from './security';

describe('network rule rows', () => {
  it('accepts IPv4 and IPv6 blocks and ignores blank rows', () => {
    expect(validateCidrRows(['10.0.0.0/16', ' ', '2001:db8::/32', '0.0.0.0/0'])).toEqual({ rows: {} });
  });

  it('names what is wrong with each row', () => {
    const v = validateCidrRows(['10.0.0.0/33', '192.168.1.7', 'any', '10.0.0.0/16', '10.0.0.0/16']);
    expect(v.rows[0]).toMatch(/is not a CIDR block/);
    expect(v.rows[1]).toMatch(/write e\.g\. 192\.168\.1\.7\/32/);
    expect(v.rows[2]).toBeDefined();
    expect(v.rows[3]).toBeUndefined();
    expect(v.rows[4]).toBe('Already listed in row 4.');
  });

  it('allows 50 blocks at most', () => {
    const rows = Array.from({ length: 51 }, (_, i) => `10.${i}.0.0/16`);
    expect(validateCidrRows(rows).list).toMatch(/At most 50/);
    expect(validateCidrRows(rows.slice(0, 50)).list).toBeUndefined();
  });

  it('sends the filled rows, trimmed, and maps the server errors back to their rows', () => {
    const { body, rowOf } = toNetworkSpec([' 10.0.0.0/16 ', '', '10.1.2.3/8']);
    expect(body).toEqual({ allowedCidrs: ['10.0.0.0/16', '10.1.2.3/8'] });
    const error = new ApiError(400, {
      errors: [
        { field: 'allowedCidrs[1]', message: 'host bits set' },
        { field: 'network.allowedCidrs[0]', message: 'overlaps' },
        { field: 'allowedCidrs', message: 'too many' },
        { field: 'other', message: 'odd' },
      ],
    });
    expect(serverCidrErrors(error, rowOf)).toEqual({ rows: { 2: 'host bits set', 0: 'overlaps' }, list: 'too many', other: ['other: odd'] });
  });

  it('knows when the list changed, whatever the order', () => {
    expect(cidrsChanged(['10.1.0.0/16', '10.0.0.0/16', ''], ['10.0.0.0/16', '10.1.0.0/16'])).toBe(false);
    expect(cidrsChanged([], ['10.0.0.0/16'])).toBe(true);
  });
});

describe('SASL users', () => {
  it.each(['alice', 'svc.orders-1', 'A_b'])('accepts the name %s', (n) => expect(validateKafkaUsername(n)).toBeUndefined());
  it.each(['', 'al', '1alice', 'alice smith', 'alice@corp', 'x'.repeat(65)])('refuses the name "%s"', (n) => expect(validateKafkaUsername(n)).toBeDefined());

  it('lets the password be empty (generated), else 8+ characters with letters and digits', () => {
    expect(validateKafkaPassword('')).toBeUndefined();
    expect(validateKafkaPassword('', false)).toBeDefined();
    expect(validateKafkaPassword('abc123')).toMatch(/At least 8/);
    expect(validateKafkaPassword('abcdefgh')).toMatch(/letters and digits/);
    expect(validateKafkaPassword('12345678')).toMatch(/letters and digits/);
    expect(validateKafkaPassword('abcd1234')).toBeUndefined();
    expect(validateKafkaPassword('a1'.repeat(65))).toMatch(/At most 128/);
  });
});

describe('ACLs', () => {
  const form = (o: Partial<AclForm> = {}): AclForm => ({ ...emptyAclForm(), resourceName: 'orders', principal: 'User:alice', ...o });

  it('builds the body, a bare name as User:name and a blank host as *', () => {
    expect(toAclCreate(form({ principal: ' alice ', host: '' }))).toEqual({
      resourceType: 'TOPIC', patternType: 'LITERAL', resourceName: 'orders', principal: 'User:alice', host: '*', operation: 'READ', permission: 'ALLOW',
    });
    expect(normalizePrincipal('User:*')).toBe('User:*');
  });

  it('checks names, principals and hosts', () => {
    expect(validateAcl(form())).toEqual({});
    expect(validateAcl(form({ resourceName: '' }))).toHaveProperty('resourceName');
    expect(validateAcl(form({ patternType: 'PREFIXED', resourceName: '*' }))).toHaveProperty('resourceName');
    expect(validateAcl(form({ principal: '' }))).toHaveProperty('principal');
    expect(validateAcl(form({ principal: 'Group:ops' }))).toHaveProperty('principal');
    expect(validateAcl(form({ host: '10.0.0.0/8' }))).toHaveProperty('host');
    expect(validateAcl(form({ host: '10.0.0.7' }))).toEqual({});
    expect(validateAcl(form({ host: '2001:db8::7' }))).toEqual({});
  });

  it('offers only the operations of the resource type, and names the cluster', () => {
    const group = withResourceType(form({ operation: 'WRITE' }), 'GROUP');
    expect(group.operation).toBe('READ');
    expect(OPERATIONS_BY_TYPE.GROUP).not.toContain('WRITE');
    const cluster = withResourceType(form({ patternType: 'PREFIXED' }), 'CLUSTER');
    expect(cluster).toMatchObject({ resourceName: 'kafka-cluster', patternType: 'LITERAL', operation: 'DESCRIBE' });
    expect(validateAcl({ ...cluster, resourceName: 'orders' })).toHaveProperty('resourceName');
    expect(withResourceType(cluster, 'TOPIC').resourceName).toBe('');
    expect(validateAcl({ ...form(), resourceType: 'TRANSACTIONAL_ID', operation: 'READ' })).toHaveProperty('operation');
  });

  it('reads as a sentence', () => {
    expect(describeAcl({ ...toAclCreate(form({ patternType: 'PREFIXED' })), host: '*', patternType: 'PREFIXED' })).toBe(
      'ALLOW User:alice READ on topic orders (prefix) from *',
    );
  });
});

describe('topic grants', () => {
  it('send a group only when consuming, and only when given', () => {
    const base = { ...emptyTopicGrantForm('alice'), topic: 'orders' };
    expect(toTopicGrant({ ...base, access: 'PUBLISH', group: 'billing' })).toEqual({ username: 'alice', topic: 'orders', prefixed: false, access: 'PUBLISH' });
    expect(toTopicGrant({ ...base, access: 'SUBSCRIBE', group: ' billing ' })).toEqual({ username: 'alice', topic: 'orders', prefixed: false, access: 'SUBSCRIBE', group: 'billing' });
    expect(toTopicGrant({ ...base, access: 'ALL', prefixed: true })).toEqual({ username: 'alice', topic: 'orders', prefixed: true, access: 'ALL' });
  });

  it('need a user and a valid topic name or prefix', () => {
    expect(validateTopicGrant(emptyTopicGrantForm())).toEqual({ username: expect.any(String), topic: expect.any(String) });
    expect(validateTopicGrant({ ...emptyTopicGrantForm('alice'), topic: 'orders events' })).toHaveProperty('topic');
    expect(validateTopicGrant({ ...emptyTopicGrantForm('alice'), topic: 'orders.' , prefixed: true })).toEqual({});
  });
});
