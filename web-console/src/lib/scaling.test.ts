import { describe, expect, it } from 'vitest';
import type { Broker, Flavor } from '../api/generated';
import { brokersToRemove, listNodes, parseThrottle, validateScale, zonesLeftWithoutBroker } from './scaling';

const flavor = { id: 'kafka.2u4g', minBrokers: 3, maxBrokers: 12 } as Flavor;
const broker = (nodeId: number, zone: string, roles: Broker['roles'] = ['broker']): Broker => ({ nodeId, availabilityZone: zone, roles, status: 'RUNNING' });

describe('validateScale', () => {
  it('takes a whole number within the flavor, other than the current count', () => {
    expect(validateScale('5', 3, flavor)).toBeUndefined();
    expect(validateScale('3', 3, flavor)).toBe('The instance has 3 brokers now: enter another number.');
    expect(validateScale('13', 3, flavor)).toBe('Between 3 and 12 brokers for kafka.2u4g.');
    expect(validateScale('2', 4, flavor)).toBe('Between 3 and 12 brokers for kafka.2u4g.');
    expect(validateScale('4.5', 3, flavor)).toBe('Enter a whole number of brokers.');
  });
});

describe('brokersToRemove', () => {
  const brokers = [broker(1, 'az1', ['broker', 'controller']), broker(2, 'az2', ['broker', 'controller']), broker(3, 'az3', ['broker', 'controller']), broker(4, 'az1'), broker(5, 'az2'), broker(100, 'az3', ['controller'])];

  it('picks the highest-numbered brokers, never a controller-only node', () => {
    expect(brokersToRemove(brokers, 5, 3)).toEqual([5, 4]);
    expect(brokersToRemove(brokers, 5, 4)).toEqual([5]);
    expect(brokersToRemove(brokers, 5, 6)).toEqual([]);
  });

  it('names the zones a scale-in would leave without a broker', () => {
    const instance = { availabilityZones: ['az1', 'az2', 'az3'], brokers: [broker(1, 'az1'), broker(2, 'az2'), broker(3, 'az3'), broker(4, 'az3')] };
    expect(zonesLeftWithoutBroker(instance, [4])).toEqual([]);
    expect(zonesLeftWithoutBroker(instance, [4, 3])).toEqual(['az3']);
    expect(zonesLeftWithoutBroker({ availabilityZones: ['az1'], brokers: [] }, [4])).toEqual([]);
  });

  it('lists node ids for a sentence', () => {
    expect(listNodes([5])).toBe('5');
    expect(listNodes([5, 4])).toBe('5 and 4');
    expect(listNodes([6, 5, 4])).toBe('6, 5 and 4');
  });
});

describe('parseThrottle', () => {
  it('turns MiB/s into bytes/s within 1 MiB/s..10 GiB/s; empty is no throttle', () => {
    expect(parseThrottle('')).toEqual({ bytes: null });
    expect(parseThrottle(' 50 ')).toEqual({ bytes: 50 * 1024 * 1024 });
    expect(parseThrottle('1')).toEqual({ bytes: 1_048_576 });
    expect(parseThrottle('10240')).toEqual({ bytes: 10_737_418_240 });
    expect(parseThrottle('0').error).toBe('Between 1 and 10240 MiB/s (10 GiB/s).');
    expect(parseThrottle('10241').error).toBe('Between 1 and 10240 MiB/s (10 GiB/s).');
    expect(parseThrottle('2.5').error).toMatch(/whole MiB per second/);
  });
});
