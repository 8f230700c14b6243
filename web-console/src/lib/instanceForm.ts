// Client-side mirror of the API's instance rules, so a person sees a mistake before submitting.
// The server stays the authority: its field errors are shown in the same places.
import type {
  BillingMode,
  CapacityPolicy,
  Flavor,
  Instance,
  InstanceCreate,
  SaslMechanism,
  SecurityProtocol,
} from '../api/generated';
import { SASL_USERNAME } from './kafkaUsers';
import { parseCidrs, validateCidrs } from './network';
import type { KeyValueRow } from './topicForm';
import type { FieldErrors } from './validation';

export const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
export const MIN_BROKERS = 3;
export const MAX_TAGS = 50;
export const MIN_PASSWORD = 8;
export const MAX_BROKER_SETTINGS = 100;
export const MAX_BROKER_SETTING_VALUE = 1024;

export interface TagRow {
  key: string;
  value: string;
}

/** The wizard's state; numbers are kept as typed so a half-typed value is not lost. */
export interface WizardForm {
  name: string;
  description: string;
  flavor: string;
  brokerCount: string;
  availabilityZones: string[];
  storageGb: string;
  kafkaVersion: string;
  protocol: SecurityProtocol;
  saslMechanisms: SaslMechanism[];
  adminUsername: string;
  adminPassword: string;
  allowedCidrs: string;
  retentionHours: string;
  capacityPolicy: CapacityPolicy;
  billingMode: BillingMode;
  periodMonths: string;
  autoRenew: boolean;
  tags: TagRow[];
  /** Kafka's auto.create.topics.enable; set at ordering only. */
  autoCreateTopics: boolean;
  /** While true, the API refuses to delete the instance. */
  deletionProtection: boolean;
}

export interface ValidationContext {
  flavor?: Flavor;
  zones: string[];
}

export function isSasl(protocol: SecurityProtocol): boolean {
  return protocol !== 'PLAINTEXT';
}

function toInt(value: string): number | null {
  if (!/^\s*-?\d+\s*$/.test(value)) return null;
  return Number.parseInt(value, 10);
}

export function validateName(name: string): string | undefined {
  if (!name) return 'Enter a name.';
  if (name.length > 63) return 'At most 63 characters.';
  if (!DNS_LABEL.test(name))
    return 'Use lower-case letters, digits and hyphens; start with a letter and end with a letter or digit.';
  return undefined;
}

export function brokerRange(flavor?: Flavor): [number, number] {
  const min = Math.max(MIN_BROKERS, flavor?.minBrokers ?? MIN_BROKERS);
  const max = Math.max(min, flavor?.maxBrokers ?? min);
  return [min, max];
}

export function validateBrokerCount(value: string, flavor?: Flavor): string | undefined {
  const n = toInt(value);
  const [min, max] = brokerRange(flavor);
  if (n === null) return 'Enter a whole number of brokers.';
  if (n < min || n > max) return `Between ${min} and ${max} brokers${flavor ? ` for ${flavor.id}` : ''}.`;
  return undefined;
}

export function validateZones(selected: string[], known: string[]): string | undefined {
  if (selected.length === 0) return 'Pick at least one availability zone.';
  if (selected.length === 2)
    return 'Pick one zone, or three or more: with two zones, losing either one loses the KRaft quorum majority.';
  const unknown = selected.filter((z) => known.length > 0 && !known.includes(z));
  if (unknown.length) return `Unknown zone: ${unknown.join(', ')}.`;
  return undefined;
}

export function validateStorage(value: string, flavor?: Flavor): string | undefined {
  const n = toInt(value);
  if (n === null) return 'Enter whole gigabytes.';
  if (flavor && (n < flavor.minStorageGb || n > flavor.maxStorageGb))
    return `Between ${flavor.minStorageGb} and ${flavor.maxStorageGb} GB per broker for ${flavor.id}.`;
  if (n < 1) return 'At least 1 GB.';
  return undefined;
}

/** Why `flavor` cannot carry `instance` (its broker count or storage is outside the flavor's bounds), or undefined. */
export function flavorMismatch(flavor: Flavor, instance: Pick<Instance, 'brokerCount' | 'storageGb'>): string | undefined {
  const [min, max] = brokerRange(flavor);
  if (instance.brokerCount < min || instance.brokerCount > max)
    return `takes ${min} to ${max} brokers; this instance has ${instance.brokerCount}`;
  if (instance.storageGb < flavor.minStorageGb || instance.storageGb > flavor.maxStorageGb)
    return `takes ${flavor.minStorageGb} to ${flavor.maxStorageGb} GB per broker; this instance has ${instance.storageGb} GB`;
  return undefined;
}

/** A new storage size per broker: more than `current` (storage only grows), at most the flavor's maximum. */
export function validateStorageGrowth(value: string, current: number, flavor?: Flavor): string | undefined {
  const n = toInt(value);
  if (n === null) return 'Enter whole gigabytes.';
  if (n <= current) return `Storage can only grow: enter more than the current ${current} GB.`;
  if (flavor && n > flavor.maxStorageGb) return `At most ${flavor.maxStorageGb} GB for ${flavor.id}.`;
  return undefined;
}

/** The broker settings rows: named, each once, with a value (the API screens which names are allowed). */
export function validateBrokerSettings(rows: KeyValueRow[]): string | undefined {
  const filled = rows.filter((r) => r.key.trim() || r.value);
  if (filled.length > MAX_BROKER_SETTINGS) return `At most ${MAX_BROKER_SETTINGS} settings.`;
  const keys = filled.map((r) => r.key.trim());
  if (keys.some((k) => !k)) return 'Every setting needs a name.';
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup) return `“${dup}” is set twice.`;
  const bad = keys.find((k) => !/^[a-z0-9][a-z0-9._-]*$/i.test(k));
  if (bad) return `“${bad}” is not a setting name (e.g. message.max.bytes).`;
  const empty = filled.find((r) => !r.value.trim());
  if (empty) return `“${empty.key.trim()}” needs a value.`;
  if (filled.some((r) => r.value.length > MAX_BROKER_SETTING_VALUE)) return `Values have at most ${MAX_BROKER_SETTING_VALUE} characters.`;
  return undefined;
}

/** The names of the settings `after` adds, changes or removes compared with `before`, sorted. */
export function changedBrokerSettings(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((k) => before[k] !== after[k]).sort();
}

/**
 * Which of the changed settings need a rolling restart: those the catalog does not mark dynamic (an unknown name
 * counts as one, the API refuses it anyway).
 */
export function settingsNeedingRestart(changed: string[], catalog: { name: string; dynamic: boolean }[]): string[] {
  const dynamic = new Set(catalog.filter((s) => s.dynamic).map((s) => s.name));
  return changed.filter((k) => !dynamic.has(k));
}

export function validateRetentionHours(value: string): string | undefined {
  const hours = toInt(value);
  if (hours === null || hours < 1 || hours > 8760) return 'Between 1 and 8760 hours (one year).';
  return undefined;
}

export function validateTags(tags: TagRow[]): string | undefined {
  const rows = tags.filter((t) => t.key || t.value);
  if (rows.length > MAX_TAGS) return `At most ${MAX_TAGS} tags.`;
  if (rows.some((t) => !t.key.trim())) return 'Every tag needs a key.';
  const keys = rows.map((t) => t.key.trim());
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup) return `Tag key "${dup}" is used twice.`;
  if (rows.some((t) => t.value.length > 256)) return 'Tag values have at most 256 characters.';
  return undefined;
}

/** Every rule, keyed by the API's field path so server and client errors land in the same place. */
export function validateWizard(form: WizardForm, ctx: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  const put = (field: string, message: string | undefined) => {
    if (message) errors[field] = message;
  };

  put('name', validateName(form.name));
  if (form.description.length > 1000) put('description', 'At most 1000 characters.');
  if (!form.flavor) put('flavor', 'Pick a flavor.');
  else if (!ctx.flavor) put('flavor', `Unknown flavor ${form.flavor}.`);
  put('brokerCount', validateBrokerCount(form.brokerCount, ctx.flavor));
  put('availabilityZones', validateZones(form.availabilityZones, ctx.zones));
  put('storageGb', validateStorage(form.storageGb, ctx.flavor));

  if (isSasl(form.protocol)) {
    if (form.saslMechanisms.length === 0) put('security.saslMechanisms', 'Pick at least one SASL mechanism.');
    const admin = form.adminUsername.trim();
    if (!admin) put('security.adminUsername', 'An admin user is required with SASL.');
    else if (admin.length < 3 || admin.length > 64) put('security.adminUsername', '3 to 64 characters.');
    else if (!SASL_USERNAME.test(admin)) put('security.adminUsername', 'Letters, digits, “.”, “_” and “-”, starting with a letter.');
    if (form.adminPassword.length < MIN_PASSWORD)
      put('security.adminPassword', `A password of at least ${MIN_PASSWORD} characters is required with SASL.`);
    else if (form.adminPassword.length > 128) put('security.adminPassword', 'At most 128 characters.');
    else if (!/[A-Za-z]/.test(form.adminPassword) || !/\d/.test(form.adminPassword))
      put('security.adminPassword', 'Use letters and digits in the password.');
  }

  put('network.allowedCidrs', validateCidrs(form.allowedCidrs));

  put('retention.defaultHours', validateRetentionHours(form.retentionHours));

  if (form.billingMode === 'PREPAID') {
    const months = toInt(form.periodMonths);
    if (months === null || months < 1 || months > 36)
      put('billing.periodMonths', 'A prepaid instance needs a period of 1 to 36 months.');
  }

  put('tags', validateTags(form.tags));
  return errors;
}

/** The request body for POST /instances. */
export function toInstanceCreate(form: WizardForm): InstanceCreate {
  const sasl = isSasl(form.protocol);
  const cidrs = parseCidrs(form.allowedCidrs);
  const tags = Object.fromEntries(
    form.tags.filter((t) => t.key.trim()).map((t) => [t.key.trim(), t.value] as const),
  );
  return {
    name: form.name,
    description: form.description || undefined,
    flavor: form.flavor,
    brokerCount: Number.parseInt(form.brokerCount, 10),
    availabilityZones: form.availabilityZones,
    storageGb: Number.parseInt(form.storageGb, 10),
    kafkaVersion: form.kafkaVersion || undefined,
    security: sasl
      ? {
          protocol: form.protocol,
          saslMechanisms: form.saslMechanisms,
          adminUsername: form.adminUsername.trim(),
          adminPassword: form.adminPassword,
        }
      : { protocol: form.protocol },
    network: { allowedCidrs: cidrs },
    retention: { defaultHours: Number.parseInt(form.retentionHours, 10), capacityPolicy: form.capacityPolicy },
    billing:
      form.billingMode === 'PREPAID'
        ? { mode: 'PREPAID', periodMonths: Number.parseInt(form.periodMonths, 10), autoRenew: form.autoRenew }
        : { mode: 'PAY_PER_USE' },
    tags,
    autoCreateTopics: form.autoCreateTopics,
    deletionProtection: form.deletionProtection,
  };
}

export interface PasswordStrength {
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
}

/** A rough hint, not a policy: length counts most, then variety of characters. */
export function passwordStrength(password: string): PasswordStrength {
  if (password.length < MIN_PASSWORD) return { score: 0, label: `Too short (${password.length}/${MIN_PASSWORD})` };
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  let score = 1 + (password.length >= 12 ? 1 : 0) + (password.length >= 16 ? 1 : 0) + (classes >= 3 ? 1 : 0);
  if (classes === 1) score = Math.min(score, 2);
  const clamped = Math.min(4, score) as PasswordStrength['score'];
  return { score: clamped, label: ['Too short', 'Weak', 'Fair', 'Good', 'Strong'][clamped] };
}
