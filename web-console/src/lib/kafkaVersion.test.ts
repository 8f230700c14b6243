import { describe, expect, it } from 'vitest';
import { compareKafkaVersions, newerKafkaVersions } from './kafkaVersion';

describe('Kafka versions', () => {
  it('compares the dotted numbers as numbers, not as text', () => {
    expect(compareKafkaVersions('4.10.0', '4.3.1')).toBeGreaterThan(0);
    expect(compareKafkaVersions('4.1.1', '4.3.1')).toBeLessThan(0);
    expect(compareKafkaVersions('4.3', '4.3.0')).toBe(0);
  });

  it('offers only the releases newer than the current one, oldest first', () => {
    const versions = [
      { version: '4.10.0', isDefault: false },
      { version: '4.0.0', isDefault: false },
      { version: '4.1.1', isDefault: false },
      { version: '4.3.1', isDefault: true },
    ];
    expect(newerKafkaVersions(versions, '4.1.1').map((v) => v.version)).toEqual(['4.3.1', '4.10.0']);
    expect(newerKafkaVersions(versions, '4.10.0')).toEqual([]);
  });
});
