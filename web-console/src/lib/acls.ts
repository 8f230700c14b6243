// ACLs and topic grants: the Security tab's forms → request bodies, with the API's rules
// mirrored so a mistake shows before anything is sent. The server stays the authority: its field
// errors land in the same places.
import type { Acl, AclCreate, AclOperation, AclPatternType, AclPermission, AclResourceType, TopicAccess, TopicGrant } from '../api/generated';
import { humanize } from './format';
import { isCidr } from './network';
import type { FieldErrors } from './validation';

export const RESOURCE_TYPES: readonly AclResourceType[] = ['TOPIC', 'GROUP', 'CLUSTER', 'TRANSACTIONAL_ID'];
export const PATTERN_TYPES: readonly AclPatternType[] = ['LITERAL', 'PREFIXED'];
export const PERMISSIONS: readonly AclPermission[] = ['ALLOW', 'DENY'];
/** The name Kafka gives its only CLUSTER resource. */
export const CLUSTER_RESOURCE = 'kafka-cluster';

/** The operations Kafka's authorizer knows for each resource type (ALL covers them). */
export const OPERATIONS_BY_TYPE: Record<AclResourceType, readonly AclOperation[]> = {
  TOPIC: ['READ', 'WRITE', 'DESCRIBE', 'CREATE', 'DELETE', 'ALTER', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS', 'ALL'],
  GROUP: ['READ', 'DESCRIBE', 'DELETE', 'ALL'],
  CLUSTER: ['DESCRIBE', 'CREATE', 'ALTER', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS', 'IDEMPOTENT_WRITE', 'CLUSTER_ACTION', 'ALL'],
  TRANSACTIONAL_ID: ['DESCRIBE', 'WRITE', 'ALL'],
};

export interface AclForm {
  resourceType: AclResourceType;
  patternType: AclPatternType;
  resourceName: string;
  principal: string;
  host: string;
  operation: AclOperation;
  permission: AclPermission;
}

export function emptyAclForm(): AclForm {
  return { resourceType: 'TOPIC', patternType: 'LITERAL', resourceName: '', principal: '', host: '*', operation: 'READ', permission: 'ALLOW' };
}

/** Switching the resource type keeps the operation when it still applies, and names the cluster. */
export function withResourceType(form: AclForm, resourceType: AclResourceType): AclForm {
  const operations = OPERATIONS_BY_TYPE[resourceType];
  return {
    ...form,
    resourceType,
    operation: operations.includes(form.operation) ? form.operation : operations[0],
    resourceName: resourceType === 'CLUSTER' ? CLUSTER_RESOURCE : form.resourceName === CLUSTER_RESOURCE ? '' : form.resourceName,
    patternType: resourceType === 'CLUSTER' ? 'LITERAL' : form.patternType,
  };
}

/** `alice` → `User:alice`; a principal with a type (`User:alice`, `User:*`) is kept as typed. */
export function normalizePrincipal(principal: string): string {
  const p = principal.trim();
  return !p || p.includes(':') ? p : `User:${p}`;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isHost(host: string): boolean {
  if (host === '*') return true;
  if (IPV4.test(host)) return true;
  // an IPv6 address: reuse the CIDR check with a full-length prefix
  return host.includes(':') && isCidr(`${host}/128`);
}

export function validateAcl(form: AclForm): FieldErrors {
  const errors: FieldErrors = {};
  const name = form.resourceName.trim();
  if (!name) errors.resourceName = form.patternType === 'PREFIXED' ? 'Enter the prefix.' : 'Enter the resource name, or * for all.';
  else if (name.length > 255) errors.resourceName = 'At most 255 characters.';
  else if (form.resourceType === 'CLUSTER' && name !== CLUSTER_RESOURCE) errors.resourceName = `The cluster resource is called ${CLUSTER_RESOURCE}.`;
  else if (form.patternType === 'PREFIXED' && name === '*') errors.resourceName = 'A prefix cannot be *: use LITERAL * for all.';

  const principal = normalizePrincipal(form.principal);
  if (!principal) errors.principal = 'Enter a principal, e.g. User:alice (User:* for every user).';
  else if (!/^User:\S+$/.test(principal)) errors.principal = 'Write User:<name>, or User:* for every user.';
  else if (principal.length > 300) errors.principal = 'At most 300 characters.';

  const host = form.host.trim() || '*';
  if (host.length > 100 || !isHost(host)) errors.host = 'A client IP address (no range), or * for any host.';

  if (!OPERATIONS_BY_TYPE[form.resourceType].includes(form.operation))
    errors.operation = `${form.operation} does not apply to ${form.resourceType}.`;
  return errors;
}

export function toAclCreate(form: AclForm): AclCreate {
  return {
    resourceType: form.resourceType,
    patternType: form.patternType,
    resourceName: form.resourceName.trim(),
    principal: normalizePrincipal(form.principal),
    host: form.host.trim() || '*',
    operation: form.operation,
    permission: form.permission,
  };
}

/** `ALLOW User:alice READ on topic orders (prefix) from *`: one ACL as a sentence. */
export function describeAcl(a: Pick<Acl, 'permission' | 'principal' | 'operation' | 'resourceType' | 'resourceName' | 'patternType' | 'host'>): string {
  const prefix = a.patternType === 'PREFIXED' ? ' (prefix)' : '';
  return `${a.permission} ${a.principal} ${a.operation} on ${humanize(a.resourceType).toLowerCase()} ${a.resourceName}${prefix} from ${a.host}`;
}

/** The API's field names (`resourceName`, `principal` ...) are the form's; anything else stays general. */
export function aclFieldErrors(errors: Record<string, string>): { fields: FieldErrors; other: string[] } {
  const known = new Set(['resourceType', 'patternType', 'resourceName', 'principal', 'host', 'operation', 'permission']);
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const [field, message] of Object.entries(errors)) {
    if (known.has(field)) fields[field] = message;
    else other.push(`${field}: ${message}`);
  }
  return { fields, other };
}

// ---------------------------------------------------------------------------------------------
// Topic grants (the PUBLISH / SUBSCRIBE / ALL shortcut)

export const TOPIC_ACCESS: ReadonlyArray<{ access: TopicAccess; label: string; hint: string }> = [
  { access: 'PUBLISH', label: 'Publish', hint: 'Produce to the topic (WRITE and DESCRIBE).' },
  { access: 'SUBSCRIBE', label: 'Subscribe', hint: 'Consume from the topic (READ and DESCRIBE on it, READ on the consumer group).' },
  { access: 'ALL', label: 'Publish and subscribe', hint: 'Both of the above.' },
];

export interface TopicGrantForm {
  username: string;
  topic: string;
  prefixed: boolean;
  access: TopicAccess;
  /** Blank = every group (`*`); only used when consuming. */
  group: string;
}

export function emptyTopicGrantForm(username = ''): TopicGrantForm {
  return { username, topic: '', prefixed: false, access: 'PUBLISH', group: '' };
}

export function grantUsesGroup(access: TopicAccess): boolean {
  return access !== 'PUBLISH';
}

export function validateTopicGrant(form: TopicGrantForm): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.username.trim()) errors.username = 'Pick the user to grant access to.';
  else if (form.username.trim().length > 64) errors.username = 'At most 64 characters.';
  const topic = form.topic.trim();
  if (!topic) errors.topic = form.prefixed ? 'Enter the topic name prefix.' : 'Enter the topic name.';
  else if (topic.length > 249) errors.topic = 'At most 249 characters.';
  else if (!/^[A-Za-z0-9._-]+$/.test(topic)) errors.topic = 'Topic names use letters, digits, “.”, “_” and “-”.';
  if (grantUsesGroup(form.access) && form.group.trim().length > 255) errors.group = 'At most 255 characters.';
  return errors;
}

export function toTopicGrant(form: TopicGrantForm): TopicGrant {
  const group = form.group.trim();
  return {
    username: form.username.trim(),
    topic: form.topic.trim(),
    prefixed: form.prefixed,
    access: form.access,
    ...(grantUsesGroup(form.access) && group ? { group } : {}),
  };
}
