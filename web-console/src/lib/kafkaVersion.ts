import type { KafkaVersion } from '../api/generated';

/** Orders dotted releases by their numbers, part by part: 4.10.0 comes after 4.3.1, 4.3 before 4.3.1. */
export function compareKafkaVersions(a: string, b: string): number {
  const left = a.split('.').map((part) => Number.parseInt(part, 10) || 0);
  const right = b.split('.').map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The releases an instance on `current` can be upgraded to (Kafka never goes back), oldest first. */
export function newerKafkaVersions(versions: readonly KafkaVersion[], current: string): KafkaVersion[] {
  return versions.filter((v) => compareKafkaVersions(v.version, current) > 0).sort((a, b) => compareKafkaVersions(a.version, b.version));
}
