// The instance's network allow-list: CIDR syntax, the order wizard's text box and the Security
// tab's rows, mirrored from the API's rules so a mistake shows before anything is sent.
import type { NetworkSpec } from '../api/generated';
import { ApiError } from '../api/problem';

export const MAX_CIDRS = 50;

/** IPv4 `a.b.c.d/n` (n ≤ 32) or IPv6 `x::y/n` (n ≤ 128). */
export function isCidr(value: string): boolean {
  if (value.length > 43) return false;
  const slash = value.indexOf('/');
  if (slash < 0 || slash !== value.lastIndexOf('/')) return false;
  const address = value.slice(0, slash);
  const prefixText = value.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return false;
  const prefix = Number(prefixText);
  if (address.includes(':')) return prefix <= 128 && isIpv6(address);
  return prefix <= 32 && isIpv4(address);
}

function isIpv4(address: string): boolean {
  const parts = address.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function isIpv6(address: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(address)) return false;
  const doubles = address.split('::').length - 1;
  if (doubles > 1) return false;
  let groups = address.split(':').filter((g) => g !== '');
  // an embedded IPv4 tail (::ffff:10.0.0.1) counts as two groups
  const last = groups[groups.length - 1];
  if (last?.includes('.')) {
    if (!isIpv4(last)) return false;
    groups = [...groups.slice(0, -1), '0', '0'];
  }
  if (!groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return doubles === 1 ? groups.length <= 7 : groups.length === 8;
}

export function parseCidrs(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function validateCidrs(text: string): string | undefined {
  const cidrs = parseCidrs(text);
  if (cidrs.length > MAX_CIDRS) return `At most ${MAX_CIDRS} CIDR blocks.`;
  const bad = cidrs.filter((c) => !isCidr(c));
  if (bad.length) return `Not a CIDR block: ${bad.join(', ')} (write e.g. 10.0.0.0/16).`;
  return undefined;
}

export interface CidrRowsValidation {
  /** Error of each row, by row index. */
  rows: Record<number, string>;
  /** An error about the list as a whole (too many blocks). */
  list?: string;
}

/** Every non-blank row must be a CIDR block, listed once; blank rows are ignored (not sent). */
export function validateCidrRows(rows: string[]): CidrRowsValidation {
  const result: CidrRowsValidation = { rows: {} };
  const seen = new Map<string, number>();
  rows.forEach((raw, i) => {
    const value = raw.trim();
    if (!value) return;
    if (!isCidr(value)) {
      result.rows[i] = value.includes('/')
        ? `“${value}” is not a CIDR block: an IPv4 address with /0–/32 or an IPv6 address with /0–/128.`
        : `“${value}” has no prefix length: write e.g. ${value}/32 for one address.`;
      return;
    }
    const key = value.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) result.rows[i] = `Already listed in row ${first + 1}.`;
    else seen.set(key, i);
  });
  const filled = rows.filter((r) => r.trim()).length;
  if (filled > MAX_CIDRS) result.list = `At most ${MAX_CIDRS} CIDR blocks (${filled} given).`;
  return result;
}

export function hasCidrErrors(v: CidrRowsValidation): boolean {
  return !!v.list || Object.keys(v.rows).length > 0;
}

/** The PUT body, and for each sent entry the row it came from (to place the server's `allowedCidrs[i]` errors). */
export function toNetworkSpec(rows: string[]): { body: NetworkSpec; rowOf: number[] } {
  const allowedCidrs: string[] = [];
  const rowOf: number[] = [];
  rows.forEach((raw, i) => {
    const value = raw.trim();
    if (!value) return;
    allowedCidrs.push(value);
    rowOf.push(i);
  });
  return { body: { allowedCidrs }, rowOf };
}

/** The server's field errors (`allowedCidrs[2]`, `network.allowedCidrs[2]`) placed on the rows that were sent. */
export function serverCidrErrors(error: unknown, rowOf: number[]): CidrRowsValidation & { other: string[] } {
  const result: CidrRowsValidation & { other: string[] } = { rows: {}, other: [] };
  if (!(error instanceof ApiError)) return result;
  for (const e of error.fieldErrors) {
    const indexed = /^(?:network\.)?allowedCidrs\[(\d+)\]$/.exec(e.field);
    const row = indexed ? rowOf[Number(indexed[1])] : undefined;
    if (row !== undefined) result.rows[row] = result.rows[row] ? `${result.rows[row]}; ${e.message}` : e.message;
    else if (/^(?:network\.)?allowedCidrs$/.test(e.field) || e.field === 'network') result.list = e.message;
    else result.other.push(`${e.field}: ${e.message}`);
  }
  return result;
}

/** Did the rows change against what the instance has? (order matters to nobody: compare as sets) */
export function cidrsChanged(rows: string[], saved: string[]): boolean {
  const now = [...new Set(rows.map((r) => r.trim()).filter(Boolean))].sort();
  const before = [...new Set(saved)].sort();
  return now.length !== before.length || now.some((c, i) => c !== before[i]);
}
