import { describe, expect, it } from 'vitest';
import type { Flavor } from '../api/generated';
import {
  changedBrokerSettings,
  settingsNeedingRestart,
  flavorMismatch,
  passwordStrength,
  toInstanceCreate,
  validateBrokerCount,
  validateBrokerSettings,
  validateName,
  validateStorage,
  validateStorageGrowth,
  validateWizard,
  validateZones,
  type WizardForm,
} from './instanceForm';
import { isCidr, validateCidrs } from './network';

const flavor: Flavor = {
  id: 'kafka.2u4g', vcpus: 2, memoryGb: 4, maxPartitionsPerBroker: 1000, minBrokers: 3, maxBrokers: 12,
  minStorageGb: 100, maxStorageGb: 2000, brokerHeapMb: 2048, numNetworkThreads: 3, numIoThreads: 8,
  numReplicaFetchers: 2, hourlyPricePerBroker: 0.25, hourlyPricePerGb: 0.0001, currency: 'USD',
};
const zones = ['az1', 'az2', 'az3'];

function form(overrides: Partial<WizardForm> = {}): WizardForm {
  return {
    name: 'orders', description: '', flavor: 'kafka.2u4g', brokerCount: '3', availabilityZones: zones,
    storageGb: '100', kafkaVersion: '4.1.1', protocol: 'SASL_PLAINTEXT', saslMechanisms: ['SCRAM-SHA-512'],
    adminUsername: 'admin', adminPassword: 'correct-horse-9', allowedCidrs: '', retentionHours: '72',
    capacityPolicy: 'TIME_BASE', billingMode: 'PAY_PER_USE', periodMonths: '', autoRenew: false, tags: [],
    autoCreateTopics: false, deletionProtection: false,
    ...overrides,
  };
}
const validate = (o: Partial<WizardForm>) => validateWizard(form(o), { flavor, zones });

describe('a valid order', () => {
  it('has no errors', () => {
    expect(validate({})).toEqual({});
  });
});

describe('name is a DNS label', () => {
  it.each(['a', 'orders', 'orders-eu-1', 'a1', 'x'.repeat(63)])('accepts %s', (n) => {
    expect(validateName(n)).toBeUndefined();
  });
  it.each(['', 'Orders', '1orders', '-orders', 'orders-', 'or_ders', 'or ders', 'orders.eu', 'x'.repeat(64)])(
    'refuses "%s"',
    (n) => {
      expect(validateName(n)).toBeDefined();
      expect(validate({ name: n })).toHaveProperty('name');
    },
  );
});

describe('broker count is 3 .. flavor maximum', () => {
  it.each(['3', '7', '12'])('accepts %s', (n) => expect(validateBrokerCount(n, flavor)).toBeUndefined());
  it.each(['0', '1', '2', '13', '', 'three', '3.5', '-3'])('refuses "%s"', (n) => {
    expect(validate({ brokerCount: n })).toHaveProperty('brokerCount');
  });
  it('names the flavor limit', () => {
    expect(validateBrokerCount('13', flavor)).toContain('12');
  });
  it('never allows fewer than 3 even if a flavor would', () => {
    expect(validateBrokerCount('1', { ...flavor, minBrokers: 1 })).toBeDefined();
  });
});

describe('availability zones: one, or three and more, never two', () => {
  it('accepts one zone', () => expect(validateZones(['az1'], zones)).toBeUndefined());
  it('accepts three zones', () => expect(validateZones(zones, zones)).toBeUndefined());
  it('refuses two zones and says why', () => {
    expect(validateZones(['az1', 'az2'], zones)).toMatch(/quorum/);
    expect(validate({ availabilityZones: ['az1', 'az2'] })).toHaveProperty('availabilityZones');
  });
  it('refuses none', () => expect(validateZones([], zones)).toBeDefined());
  it('refuses an unknown zone', () => expect(validateZones(['az1', 'az2', 'az9'], zones)).toContain('az9'));
});

describe('storage is within the flavor bounds', () => {
  it.each(['100', '500', '2000'])('accepts %s', (s) => expect(validateStorage(s, flavor)).toBeUndefined());
  it.each(['99', '2001', '0', '', 'lots'])('refuses "%s"', (s) => {
    expect(validate({ storageGb: s })).toHaveProperty('storageGb');
  });
  it('names the bounds', () => expect(validateStorage('50', flavor)).toContain('100 and 2000'));
});

describe('SASL requires an admin user and a password of 8 or more', () => {
  it('requires the admin user, named as any SASL user', () => {
    expect(validate({ adminUsername: '' })).toHaveProperty(['security.adminUsername']);
    expect(validate({ adminUsername: 'ad' })).toHaveProperty(['security.adminUsername']);
    expect(validate({ adminUsername: '1admin' })).toHaveProperty(['security.adminUsername']);
    expect(validate({ adminUsername: 'kafka admin' })).toHaveProperty(['security.adminUsername']);
    expect(validate({ adminUsername: 'ops.admin-1' })).not.toHaveProperty(['security.adminUsername']);
  });
  it('requires 8 characters of password, with letters and digits (as the API does)', () => {
    expect(validate({ adminPassword: 'abc1234' })).toHaveProperty(['security.adminPassword']);
    expect(validate({ adminPassword: 'abcd1234' })).not.toHaveProperty(['security.adminPassword']);
    expect(validate({ adminPassword: '12345678' })['security.adminPassword']).toMatch(/letters and digits/);
    expect(validate({ adminPassword: 'abcdefgh' })['security.adminPassword']).toMatch(/letters and digits/);
  });
  it('requires a mechanism', () => {
    expect(validate({ saslMechanisms: [] })).toHaveProperty(['security.saslMechanisms']);
  });
  it('applies to SASL_SSL too', () => {
    expect(validate({ protocol: 'SASL_SSL', adminPassword: '' })).toHaveProperty(['security.adminPassword']);
  });
  it('does not apply to PLAINTEXT, and PLAINTEXT sends no credentials', () => {
    const f = form({ protocol: 'PLAINTEXT', adminUsername: '', adminPassword: '' });
    expect(validateWizard(f, { flavor, zones })).toEqual({});
    expect(toInstanceCreate(f).security).toEqual({ protocol: 'PLAINTEXT' });
  });
});

describe('PREPAID requires periodMonths', () => {
  it('refuses a missing period', () => {
    expect(validate({ billingMode: 'PREPAID', periodMonths: '' })).toHaveProperty(['billing.periodMonths']);
  });
  it.each(['0', '37', 'x'])('refuses %s months', (m) => {
    expect(validate({ billingMode: 'PREPAID', periodMonths: m })).toHaveProperty(['billing.periodMonths']);
  });
  it('accepts 1..36 months and sends them', () => {
    expect(validate({ billingMode: 'PREPAID', periodMonths: '12' })).toEqual({});
    expect(toInstanceCreate(form({ billingMode: 'PREPAID', periodMonths: '12' })).billing).toEqual({
      mode: 'PREPAID', periodMonths: 12, autoRenew: false,
    });
  });
  it('ignores the period when paying per use', () => {
    expect(validate({ billingMode: 'PAY_PER_USE', periodMonths: 'x' })).toEqual({});
  });
});

describe('CIDR syntax', () => {
  it.each(['10.0.0.0/16', '0.0.0.0/0', '192.168.1.7/32', '2001:db8::/32', '::/0', 'fe80::1/128', '::ffff:10.0.0.1/128'])(
    'accepts %s',
    (c) => expect(isCidr(c)).toBe(true),
  );
  it.each(['10.0.0.0', '10.0.0.0/33', '256.0.0.0/8', '10.0.0/8', '10.0.0.0/', '01.0.0.0/8', 'abc/8', '2001:db8::/129', '1::2::3/64', 'a.b.c.d/8', '10.0.0.0/16/1'])(
    'refuses %s',
    (c) => expect(isCidr(c)).toBe(false),
  );
  it('validates a list, one per line or comma-separated', () => {
    expect(validateCidrs('10.0.0.0/16\n192.168.0.0/24, 172.16.0.0/12')).toBeUndefined();
    expect(validateCidrs('10.0.0.0/16\nnope')).toContain('nope');
    expect(validate({ allowedCidrs: '10.0.0.0/40' })).toHaveProperty(['network.allowedCidrs']);
  });
  it('refuses more than 50 blocks', () => {
    const many = Array.from({ length: 51 }, (_, i) => `10.0.${i}.0/24`).join('\n');
    expect(validateCidrs(many)).toMatch(/50/);
  });
});

describe('retention and tags', () => {
  it.each(['0', '8761', ''])('refuses %s retention hours', (h) => {
    expect(validate({ retentionHours: h })).toHaveProperty(['retention.defaultHours']);
  });
  it('refuses duplicate and empty tag keys', () => {
    expect(validate({ tags: [{ key: 'env', value: 'a' }, { key: 'env', value: 'b' }] })).toHaveProperty('tags');
    expect(validate({ tags: [{ key: '', value: 'a' }] })).toHaveProperty('tags');
    expect(validate({ tags: [{ key: '', value: '' }] })).toEqual({});
  });
});

describe('toInstanceCreate', () => {
  it('builds the API body', () => {
    const body = toInstanceCreate(form({ allowedCidrs: '10.0.0.0/16, 10.1.0.0/16', tags: [{ key: 'env', value: 'prod' }] }));
    expect(body).toMatchObject({
      name: 'orders', flavor: 'kafka.2u4g', brokerCount: 3, availabilityZones: zones, storageGb: 100,
      security: { protocol: 'SASL_PLAINTEXT', saslMechanisms: ['SCRAM-SHA-512'], adminUsername: 'admin', adminPassword: 'correct-horse-9' },
      network: { allowedCidrs: ['10.0.0.0/16', '10.1.0.0/16'] },
      retention: { defaultHours: 72, capacityPolicy: 'TIME_BASE' },
      billing: { mode: 'PAY_PER_USE' },
      tags: { env: 'prod' },
      autoCreateTopics: false,
    });
  });

  it('asks for auto-created topics only when the box is ticked', () => {
    expect(toInstanceCreate(form({ autoCreateTopics: true })).autoCreateTopics).toBe(true);
    expect(toInstanceCreate(form()).autoCreateTopics).toBe(false);
  });
});

describe('password strength hint', () => {
  it('grades short, weak and strong passwords', () => {
    expect(passwordStrength('abc').score).toBe(0);
    expect(passwordStrength('abcdefgh').score).toBeLessThanOrEqual(2);
    expect(passwordStrength('Tr1butary!Kafka#2024').score).toBe(4);
  });
});

describe('changing a running instance', () => {
  it('lets storage only grow, up to the flavor\'s maximum', () => {
    expect(validateStorageGrowth('100', 100, flavor)).toBe('Storage can only grow: enter more than the current 100 GB.');
    expect(validateStorageGrowth('50', 100, flavor)).toMatch(/only grow/);
    expect(validateStorageGrowth(String(flavor.maxStorageGb + 1), 100, flavor)).toBe(`At most ${flavor.maxStorageGb} GB for ${flavor.id}.`);
    expect(validateStorageGrowth('101', 100, flavor)).toBeUndefined();
  });

  it('says why a flavor cannot carry the instance', () => {
    expect(flavorMismatch(flavor, { brokerCount: flavor.maxBrokers + 1, storageGb: 100 })).toMatch(/brokers; this instance has/);
    expect(flavorMismatch(flavor, { brokerCount: 3, storageGb: flavor.maxStorageGb + 1 })).toMatch(/GB per broker/);
    expect(flavorMismatch(flavor, { brokerCount: 3, storageGb: flavor.minStorageGb })).toBeUndefined();
  });

  it('refuses unnamed, repeated or empty broker settings', () => {
    expect(validateBrokerSettings([{ key: '', value: '1' }])).toBe('Every setting needs a name.');
    expect(validateBrokerSettings([{ key: 'a.b', value: '1' }, { key: 'a.b', value: '2' }])).toBe('“a.b” is set twice.');
    expect(validateBrokerSettings([{ key: 'log.segment.bytes', value: ' ' }])).toBe('“log.segment.bytes” needs a value.');
    expect(validateBrokerSettings([{ key: 'log.segment.bytes', value: '1048576' }, { key: '', value: '' }])).toBeUndefined();
  });
});

describe('which broker settings a change restarts for', () => {
  it('names what is added, changed or removed, and of those what the catalog does not mark dynamic', () => {
    const changed = changedBrokerSettings(
      { 'log.cleaner.threads': '2', 'replica.lag.time.max.ms': '30000', 'compression.type': 'lz4' },
      { 'log.cleaner.threads': '3', 'compression.type': 'lz4', 'message.max.bytes': '2097152' },
    );
    expect(changed).toEqual(['log.cleaner.threads', 'message.max.bytes', 'replica.lag.time.max.ms']);
    const catalog = [
      { name: 'log.cleaner.threads', dynamic: true },
      { name: 'message.max.bytes', dynamic: true },
      { name: 'replica.lag.time.max.ms', dynamic: false },
    ];
    expect(settingsNeedingRestart(changed, catalog)).toEqual(['replica.lag.time.max.ms']);
    expect(settingsNeedingRestart(['log.cleaner.threads', 'made.up'], catalog)).toEqual(['made.up']);
  });
});
