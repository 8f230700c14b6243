import type { Broker, Flavor, Instance } from '../api/generated';
import { validateBrokerCount } from './instanceForm';

/** A new broker count: a whole number within the flavor's bounds, other than the current one. */
export function validateScale(value: string, current: number, flavor?: Flavor): string | undefined {
  const error = validateBrokerCount(value, flavor);
  if (error) return error;
  if (Number.parseInt(value, 10) === current) return `The instance has ${current} brokers now: enter another number.`;
  return undefined;
}

function hasBrokerRole(broker: Broker): boolean {
  return broker.roles.includes('broker');
}

/**
 * The brokers a scale-in from `current` to `target` empties and removes, as the API picks them: the highest-numbered
 * nodes with the broker role, highest first. Empty when the instance's brokers are not known (or it does not shrink).
 */
export function brokersToRemove(brokers: Broker[], current: number, target: number): number[] {
  if (target >= current) return [];
  return brokers
    .filter(hasBrokerRole)
    .map((b) => b.nodeId)
    .sort((a, b) => b - a)
    .slice(0, current - target);
}

/** The instance's zones that would keep no broker once `removed` are gone (the API refuses such a scale-in). */
export function zonesLeftWithoutBroker(instance: Pick<Instance, 'availabilityZones' | 'brokers'>, removed: number[]): string[] {
  if (instance.brokers.length === 0) return [];
  const kept = new Set(instance.brokers.filter((b) => hasBrokerRole(b) && !removed.includes(b.nodeId)).map((b) => b.availabilityZone));
  return instance.availabilityZones.filter((z) => !kept.has(z));
}

/** "4", "4 and 5", "3, 4 and 5". */
export function listNodes(nodeIds: number[]): string {
  if (nodeIds.length <= 1) return nodeIds.join('');
  return `${nodeIds.slice(0, -1).join(', ')} and ${nodeIds[nodeIds.length - 1]}`;
}

export const MIB = 1024 * 1024;
/** The API's bounds for a rebalance throttle, 1 MiB/s to 10 GiB/s, in the MiB/s the form takes. */
export const MIN_THROTTLE_MIB = 1;
export const MAX_THROTTLE_MIB = 10 * 1024;

/**
 * The throttle field (whole MiB per second; empty for none) as the bytes per second the API takes, or why it cannot be:
 * `{ bytes: null }` is no throttle.
 */
export function parseThrottle(value: string): { bytes: number | null; error?: string } {
  const text = value.trim();
  if (!text) return { bytes: null };
  if (!/^\d+$/.test(text)) return { bytes: null, error: 'Enter whole MiB per second, or leave it empty for no throttle.' };
  const mib = Number.parseInt(text, 10);
  if (mib < MIN_THROTTLE_MIB || mib > MAX_THROTTLE_MIB)
    return { bytes: null, error: `Between ${MIN_THROTTLE_MIB} and ${MAX_THROTTLE_MIB} MiB/s (10 GiB/s).` };
  return { bytes: mib * MIB };
}
