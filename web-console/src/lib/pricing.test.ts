import { describe, expect, it } from 'vitest';
import type { Flavor } from '../api/generated';
import { estimatePrice, formatMoney, HOURS_PER_MONTH } from './pricing';

const flavor: Flavor = {
  id: 'kafka.2u4g', vcpus: 2, memoryGb: 4, maxPartitionsPerBroker: 1000, minBrokers: 3, maxBrokers: 30,
  minStorageGb: 100, maxStorageGb: 10000, brokerHeapMb: 2048, numNetworkThreads: 3, numIoThreads: 8,
  numReplicaFetchers: 2, hourlyPricePerBroker: 0.25, hourlyPricePerGb: 0.0001, currency: 'USD',
};

describe('estimatePrice', () => {
  it('is brokerCount × (per-broker price + storage × per-GB price)', () => {
    const p = estimatePrice(flavor, 3, 200);
    expect(p.hourly).toBeCloseTo(3 * (0.25 + 200 * 0.0001), 10);
    expect(p.currency).toBe('USD');
  });

  it('counts a month as 730 hours', () => {
    expect(HOURS_PER_MONTH).toBe(730);
    const p = estimatePrice(flavor, 5, 100);
    expect(p.monthly).toBeCloseTo(p.hourly * 730, 10);
    expect(p.monthly).toBeCloseTo(5 * (0.25 + 0.01) * 730, 10);
  });

  it('treats a missing per-GB price as free storage', () => {
    const p = estimatePrice({ ...flavor, hourlyPricePerGb: undefined }, 4, 500);
    expect(p.hourly).toBeCloseTo(1.0, 10);
  });

  it('grows linearly with brokers', () => {
    expect(estimatePrice(flavor, 6, 100).hourly).toBeCloseTo(2 * estimatePrice(flavor, 3, 100).hourly, 10);
  });
});

describe('formatMoney', () => {
  it('formats in the flavor currency', () => {
    expect(formatMoney(1234.5, 'USD')).toBe('$1,234.50');
    expect(formatMoney(0.0123, 'USD', 4)).toBe('$0.0123');
  });
});
