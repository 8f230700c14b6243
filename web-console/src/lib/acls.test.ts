import { describe, expect, it } from 'vitest';
import {
  describeAcl,
  emptyAclForm,
  emptyTopicGrantForm,
  normalizePrincipal,
  OPERATIONS_BY_TYPE,
  toAclCreate,
  toTopicGrant,
  validateAcl,
  validateTopicGrant,
  withResourceType,
  type AclForm,
} from './acls';

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
