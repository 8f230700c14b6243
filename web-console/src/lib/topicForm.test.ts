import { describe, expect, it } from 'vitest';
import type { Topic } from '../api/generated';
import {
  buildTopicUpdate,
  configsToRows,
  emptyTopicCreateForm,
  maxReplicationFactor,
  rowsToConfigs,
  toTopicCreate,
  topicFieldKey,
  topicToEditForm,
  validateConfigRows,
  validateTopicCreate,
  validateTopicName,
  type TopicCreateForm,
} from './topicForm';

const topic: Topic = {
  name: 'orders-events', partitions: 3, replicationFactor: 3, internal: false, retentionHours: 72,
  syncReplication: false, syncFlush: false,
  configs: { 'cleanup.policy': 'delete', 'retention.ms': '259200000', 'compression.type': 'zstd' },
  partitionDetails: [],
};

function createForm(overrides: Partial<TopicCreateForm> = {}): TopicCreateForm {
  return { ...emptyTopicCreateForm(3), name: 'orders-events', ...overrides };
}

describe('configs rows ↔ map', () => {
  it('round-trips, sorted by key, without the settings the form manages itself', () => {
    const rows = configsToRows(topic.configs);
    expect(rows).toEqual([
      { key: 'cleanup.policy', value: 'delete' },
      { key: 'compression.type', value: 'zstd' },
    ]);
    expect(rowsToConfigs(rows)).toEqual({ 'cleanup.policy': 'delete', 'compression.type': 'zstd' });
  });

  it('marks loaded rows locked when asked (the API cannot unset a setting)', () => {
    expect(configsToRows({ a: '1' }, true)).toEqual([{ key: 'a', value: '1', locked: true }]);
  });

  it('ignores blank rows and trims keys', () => {
    expect(rowsToConfigs([{ key: ' max.message.bytes ', value: '2048' }, { key: '', value: '' }])).toEqual({ 'max.message.bytes': '2048' });
  });

  it('refuses a value without a name, a repeated name, a bad name and managed settings', () => {
    expect(validateConfigRows([{ key: '', value: 'x' }])).toMatch(/needs a name/);
    expect(validateConfigRows([{ key: 'a.b', value: '1' }, { key: 'a.b ', value: '2' }])).toMatch(/set twice/);
    expect(validateConfigRows([{ key: 'cleanup policy', value: 'x' }])).toMatch(/not a setting name/);
    expect(validateConfigRows([{ key: 'retention.ms', value: '1' }])).toMatch(/Retention \(hours\)/);
    expect(validateConfigRows([{ key: 'cleanup.policy', value: ' ' }])).toMatch(/needs a value/);
    expect(validateConfigRows([{ key: 'cleanup.policy', value: 'compact' }, { key: '', value: '' }])).toBeUndefined();
  });

  it('allows at most 50 settings', () => {
    const rows = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    expect(validateConfigRows(rows)).toMatch(/At most 50/);
    expect(validateConfigRows(rows.slice(0, 50))).toBeUndefined();
  });
});

describe('topic creation', () => {
  it('accepts Kafka topic names and refuses the rest', () => {
    expect(validateTopicName('orders.v1_eu-west')).toBeUndefined();
    expect(validateTopicName('')).toMatch(/Enter/);
    expect(validateTopicName('..')).toMatch(/cannot/);
    expect(validateTopicName('orders/eu')).toMatch(/letters, digits/);
    expect(validateTopicName('a'.repeat(250))).toMatch(/249/);
  });

  it('caps the replication factor at the broker count, and at 3', () => {
    expect(maxReplicationFactor(1)).toBe(1);
    expect(maxReplicationFactor(3)).toBe(3);
    expect(maxReplicationFactor(12)).toBe(3);
    expect(emptyTopicCreateForm(1).replicationFactor).toBe('1');
    expect(validateTopicCreate(createForm({ replicationFactor: '3' }), 1).replicationFactor).toMatch(/Between 1 and 1.*has 1/);
    expect(validateTopicCreate(createForm({ replicationFactor: '4' }), 5).replicationFactor).toMatch(/Between 1 and 3/);
    expect(validateTopicCreate(createForm({ replicationFactor: '3' }), 3)).toEqual({});
  });

  it('checks partitions, retention and synchronous replication', () => {
    const errors = validateTopicCreate(createForm({ partitions: '0', retentionHours: '9000', replicationFactor: '2', syncReplication: true }), 3);
    expect(Object.keys(errors).sort()).toEqual(['partitions', 'retentionHours', 'syncReplication']);
    expect(validateTopicCreate(createForm({ partitions: '2001' }), 3).partitions).toMatch(/2000/);
  });

  it('builds the request, leaving retention and configs out when blank', () => {
    expect(toTopicCreate(createForm())).toEqual({
      name: 'orders-events', partitions: 3, replicationFactor: 3, retentionHours: undefined,
      syncReplication: false, syncFlush: false, configs: undefined,
    });
    const body = toTopicCreate(createForm({ retentionHours: '24', syncFlush: true, configs: [{ key: 'cleanup.policy', value: 'compact' }] }));
    expect(body.retentionHours).toBe(24);
    expect(body.syncFlush).toBe(true);
    expect(body.configs).toEqual({ 'cleanup.policy': 'compact' });
  });

  it('puts every configs.* field error under the configs rows', () => {
    expect(topicFieldKey('configs.cleanup.policy')).toBe('configs');
    expect(topicFieldKey('replicationFactor')).toBe('replicationFactor');
  });
});

describe('topic update', () => {
  it('sends nothing when nothing changed', () => {
    const result = buildTopicUpdate(topic, topicToEditForm(topic));
    expect(result).toEqual({ errors: {}, update: {}, changed: false });
  });

  it('sends only what changed', () => {
    const form = topicToEditForm(topic);
    form.partitions = '6';
    form.syncFlush = true;
    form.configs = [...form.configs.map((r) => (r.key === 'compression.type' ? { ...r, value: 'lz4' } : r)), { key: 'max.message.bytes', value: '2097152' }];
    const result = buildTopicUpdate(topic, form);
    expect(result.errors).toEqual({});
    expect(result.update).toEqual({ partitions: 6, syncFlush: true, configs: { 'compression.type': 'lz4', 'max.message.bytes': '2097152' } });
    expect(result.changed).toBe(true);
  });

  it('refuses fewer partitions with an explanation, before asking the API', () => {
    const form = { ...topicToEditForm(topic), partitions: '2' };
    const result = buildTopicUpdate(topic, form);
    expect(result.errors.partitions).toMatch(/can only be added \(it has 3\)/);
    expect(result.update.partitions).toBeUndefined();
  });

  it('keeps unlimited retention unless hours are typed, but will not clear a set one', () => {
    const unlimited = { ...topic, retentionHours: null };
    expect(buildTopicUpdate(unlimited, topicToEditForm(unlimited)).changed).toBe(false);
    expect(buildTopicUpdate(unlimited, { ...topicToEditForm(unlimited), retentionHours: '12' }).update).toEqual({ retentionHours: 12 });
    expect(buildTopicUpdate(topic, { ...topicToEditForm(topic), retentionHours: '' }).errors.retentionHours).toMatch(/Enter/);
  });

  it('refuses synchronous replication below 3 replicas, as the API does', () => {
    const two = { ...topic, replicationFactor: 2 };
    expect(buildTopicUpdate(two, { ...topicToEditForm(two), syncReplication: true }).errors.syncReplication).toMatch(/at least 3/);
    expect(buildTopicUpdate(topic, { ...topicToEditForm(topic), syncReplication: true }).update).toEqual({ syncReplication: true });
  });
});
