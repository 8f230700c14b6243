// Client-side mirror of the API's topic rules and the form ↔ request mapping. The server stays
// the authority: its field errors land on the same keys (`name`, `partitions`, `configs` ...).
import type { Topic, TopicCreate, TopicUpdate } from '../api/generated';
import type { FieldErrors } from './validation';

export const TOPIC_NAME = /^[a-zA-Z0-9._-]+$/;
export const MAX_TOPIC_NAME = 249;
export const MAX_PARTITIONS = 2000;
export const MAX_REPLICATION_FACTOR = 3;
export const MAX_RETENTION_HOURS = 8760;
export const MAX_CONFIGS = 50;
export const MAX_CONFIG_VALUE = 1024;

/**
 * Topic settings the form sets through its own fields; as free-form configs they would fight
 * with those fields, so they are refused there and hidden from the configs rows.
 */
export const MANAGED_CONFIGS: Readonly<Record<string, string>> = {
  'retention.ms': 'Set it with “Retention (hours)”.',
  'min.insync.replicas': 'Set it with “Synchronous replication”.',
  'flush.messages': 'Set it with “Flush every message”.',
};

/** Settings the API lets one set on a topic (it answers 400 for others): offered as suggestions. */
export const KNOWN_TOPIC_CONFIGS: readonly string[] = [
  'cleanup.policy', 'compression.type', 'delete.retention.ms', 'file.delete.delay.ms', 'index.interval.bytes',
  'max.compaction.lag.ms', 'max.message.bytes', 'message.timestamp.after.max.ms', 'message.timestamp.before.max.ms',
  'message.timestamp.type', 'min.cleanable.dirty.ratio', 'min.compaction.lag.ms', 'preallocate', 'retention.bytes',
  'segment.bytes', 'segment.index.bytes', 'segment.jitter.ms', 'segment.ms',
];

/** Synchronous replication sets min.insync.replicas = max(2, RF − 1): below 3 replicas one lost broker would stop writes. */
export const MIN_SYNC_REPLICATION_FACTOR = 3;

/** One key/value row of an editor (topic configs, message headers). */
export interface KeyValueRow {
  key: string;
  value: string;
  /** Rows loaded from the server keep their key (the API cannot unset a topic setting). */
  locked?: boolean;
}

export interface TopicCreateForm {
  name: string;
  partitions: string;
  replicationFactor: string;
  retentionHours: string;
  syncReplication: boolean;
  syncFlush: boolean;
  configs: KeyValueRow[];
}

export interface TopicEditForm {
  partitions: string;
  retentionHours: string;
  syncReplication: boolean;
  syncFlush: boolean;
  configs: KeyValueRow[];
}

function toInt(value: string): number | null {
  if (!/^\s*-?\d+\s*$/.test(value)) return null;
  return Number.parseInt(value, 10);
}

/** The largest replication factor this instance allows: its broker count, at most 3. */
export function maxReplicationFactor(brokerCount: number): number {
  return Math.max(1, Math.min(MAX_REPLICATION_FACTOR, brokerCount));
}

export function emptyTopicCreateForm(brokerCount: number): TopicCreateForm {
  return {
    name: '',
    partitions: '3',
    replicationFactor: String(maxReplicationFactor(brokerCount)),
    retentionHours: '',
    syncReplication: false,
    syncFlush: false,
    configs: [],
  };
}

export function validateTopicName(name: string): string | undefined {
  if (!name) return 'Enter a topic name.';
  if (name.length > MAX_TOPIC_NAME) return `At most ${MAX_TOPIC_NAME} characters.`;
  if (name === '.' || name === '..') return 'A topic cannot be called “.” or “..”.';
  if (!TOPIC_NAME.test(name)) return 'Use letters, digits, “.”, “_” and “-” only.';
  return undefined;
}

function validatePartitions(value: string): string | undefined {
  const n = toInt(value);
  if (n === null || n < 1 || n > MAX_PARTITIONS) return `Between 1 and ${MAX_PARTITIONS} partitions.`;
  return undefined;
}

/** Blank means “keep / use the instance default”. */
function validateRetention(value: string): string | undefined {
  if (!value.trim()) return undefined;
  const n = toInt(value);
  if (n === null || n < 1 || n > MAX_RETENTION_HOURS) return `Between 1 and ${MAX_RETENTION_HOURS} hours (one year), or leave it empty.`;
  return undefined;
}

export function configsToRows(configs: Record<string, string> | undefined, locked = false): KeyValueRow[] {
  return Object.entries(configs ?? {})
    .filter(([key]) => !(key in MANAGED_CONFIGS))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => (locked ? { key, value, locked } : { key, value }));
}

/** Rows with neither key nor value are ignored; keys are trimmed. */
export function rowsToConfigs(rows: KeyValueRow[]): Record<string, string> {
  return Object.fromEntries(rows.filter((r) => r.key.trim()).map((r) => [r.key.trim(), r.value]));
}

export function validateConfigRows(rows: KeyValueRow[]): string | undefined {
  const filled = rows.filter((r) => r.key.trim() || r.value);
  if (filled.length > MAX_CONFIGS) return `At most ${MAX_CONFIGS} settings.`;
  if (filled.some((r) => !r.key.trim())) return 'Every setting needs a name.';
  const keys = filled.map((r) => r.key.trim());
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup) return `“${dup}” is set twice.`;
  const bad = keys.find((k) => !/^[a-z0-9][a-z0-9._-]*$/i.test(k));
  if (bad) return `“${bad}” is not a setting name (e.g. cleanup.policy).`;
  const managed = keys.find((k) => k in MANAGED_CONFIGS);
  if (managed) return `“${managed}” is managed by this form. ${MANAGED_CONFIGS[managed]}`;
  const empty = filled.find((r) => !r.value.trim());
  if (empty) return `“${empty.key.trim()}” needs a value.`;
  if (filled.some((r) => r.value.length > MAX_CONFIG_VALUE)) return `Values have at most ${MAX_CONFIG_VALUE} characters.`;
  return undefined;
}

function validateSync(syncReplication: boolean, replicationFactor: number | null): string | undefined {
  if (syncReplication && replicationFactor !== null && replicationFactor < MIN_SYNC_REPLICATION_FACTOR)
    return `Synchronous replication needs a replication factor of at least ${MIN_SYNC_REPLICATION_FACTOR}.`;
  return undefined;
}

export function validateTopicCreate(form: TopicCreateForm, brokerCount: number): FieldErrors {
  const errors: FieldErrors = {};
  const put = (field: string, message: string | undefined) => {
    if (message) errors[field] = message;
  };
  put('name', validateTopicName(form.name));
  put('partitions', validatePartitions(form.partitions));
  const maxRf = maxReplicationFactor(brokerCount);
  const rf = toInt(form.replicationFactor);
  if (rf === null || rf < 1 || rf > maxRf)
    put('replicationFactor', `Between 1 and ${maxRf}: at most one replica per broker${brokerCount < MAX_REPLICATION_FACTOR ? ` (this instance has ${brokerCount})` : ''}.`);
  put('retentionHours', validateRetention(form.retentionHours));
  put('syncReplication', validateSync(form.syncReplication, rf));
  put('configs', validateConfigRows(form.configs));
  return errors;
}

/** The request body for POST /topics. */
export function toTopicCreate(form: TopicCreateForm): TopicCreate {
  const configs = rowsToConfigs(form.configs);
  return {
    name: form.name,
    partitions: Number.parseInt(form.partitions, 10),
    replicationFactor: Number.parseInt(form.replicationFactor, 10),
    retentionHours: form.retentionHours.trim() ? Number.parseInt(form.retentionHours, 10) : undefined,
    syncReplication: form.syncReplication,
    syncFlush: form.syncFlush,
    configs: Object.keys(configs).length ? configs : undefined,
  };
}

export function topicToEditForm(topic: Topic): TopicEditForm {
  return {
    partitions: String(topic.partitions),
    retentionHours: topic.retentionHours == null ? '' : String(topic.retentionHours),
    syncReplication: topic.syncReplication,
    syncFlush: topic.syncFlush,
    configs: configsToRows(topic.configs, true),
  };
}

export function partitionDecreaseMessage(current: number): string {
  return `Partitions can only be added (it has ${current}). Kafka cannot remove a partition without deleting its messages; create a new topic instead.`;
}

export interface TopicUpdateResult {
  errors: FieldErrors;
  /** Only what changed; empty when nothing did. */
  update: TopicUpdate;
  changed: boolean;
}

/** PATCH body with only the fields that differ from the topic; refuses fewer partitions. */
export function buildTopicUpdate(topic: Topic, form: TopicEditForm): TopicUpdateResult {
  const errors: FieldErrors = {};
  const update: TopicUpdate = {};

  const partitionsError = validatePartitions(form.partitions);
  const partitions = toInt(form.partitions);
  if (partitionsError) errors.partitions = partitionsError;
  else if (partitions !== null && partitions < topic.partitions) errors.partitions = partitionDecreaseMessage(topic.partitions);
  else if (partitions !== null && partitions > topic.partitions) update.partitions = partitions;

  if (!form.retentionHours.trim()) {
    if (topic.retentionHours != null) errors.retentionHours = `Enter between 1 and ${MAX_RETENTION_HOURS} hours.`;
  } else {
    const retentionError = validateRetention(form.retentionHours);
    if (retentionError) errors.retentionHours = retentionError;
    else {
      const hours = Number.parseInt(form.retentionHours, 10);
      if (hours !== topic.retentionHours) update.retentionHours = hours;
    }
  }

  const syncError = validateSync(form.syncReplication, topic.replicationFactor);
  if (syncError) errors.syncReplication = syncError;
  else if (form.syncReplication !== topic.syncReplication) update.syncReplication = form.syncReplication;
  if (form.syncFlush !== topic.syncFlush) update.syncFlush = form.syncFlush;

  const configsError = validateConfigRows(form.configs);
  if (configsError) errors.configs = configsError;
  else {
    const changed = Object.entries(rowsToConfigs(form.configs)).filter(([k, v]) => topic.configs[k] !== v);
    if (changed.length) update.configs = Object.fromEntries(changed);
  }

  return { errors, update, changed: Object.keys(update).length > 0 };
}

/** `configs.cleanup.policy` → `configs`, so every settings error shows under the rows. */
export function topicFieldKey(field: string): string {
  return field.startsWith('configs') ? 'configs' : field;
}
