import { describe, expect, it } from 'vitest';
import { formatBytes, formatScheduledAt, operationLabel, stepLabel } from './format';

describe('formatBytes', () => {
  it('uses binary units with one decimal under 10', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(200 * 1024 * 1024)).toBe('200 MiB');
    expect(formatBytes(null)).toBe('—');
  });
});

describe('operationLabel', () => {
  it('names operation types for people, new ones humanized', () => {
    expect(operationLabel('ROTATE_CERTIFICATES')).toBe('Rotate certificates');
    expect(operationLabel('CREATE_INSTANCE')).toBe('Create instance');
    expect(operationLabel('UPGRADE_KAFKA')).toBe('Upgrade Kafka');
    expect(operationLabel('SCALE_OUT')).toBe('Add brokers');
    expect(operationLabel('SCALE_IN')).toBe('Remove brokers');
    expect(operationLabel('REBALANCE')).toBe('Rebalance partitions');
    expect(stepLabel('FINALIZE_METADATA_VERSION')).toBe('Finalizing the metadata version: from here there is no way back');
    expect(operationLabel('RESIZE_STORAGE')).toBe('Resize storage');
    expect(stepLabel('ROTATE_BROKERS')).toBe('One broker at a time, without a restart');
    expect(stepLabel('WAIT_FOR_BROKERS')).toBe('Wait for brokers');
    expect(stepLabel(null)).toBe('');
  });
});

describe('formatScheduledAt', () => {
  it('gives the local date and time, then the weekday and time in UTC, the maintenance window\'s zone', () => {
    const at = new Date('2025-03-04T02:00:00Z');
    const text = formatScheduledAt(at);
    expect(text.endsWith(' (Tuesday 02:00 UTC)')).toBe(true);
    expect(text.startsWith(at.toLocaleString(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }))).toBe(true);
    expect(formatScheduledAt('2025-03-09T23:30:00Z')).toMatch(/\(Sunday 23:30 UTC\)$/);
    expect(formatScheduledAt(null)).toBe('—');
  });
});
