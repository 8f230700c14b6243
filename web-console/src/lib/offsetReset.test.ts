import { describe, expect, it } from 'vitest';
import { buildOffsetReset, emptyResetForm, parsePartitionList, type OffsetResetForm } from './offsetReset';

function form(overrides: Partial<OffsetResetForm>): OffsetResetForm {
  return { ...emptyResetForm(), ...overrides };
}

describe('parsePartitionList', () => {
  it('reads numbers and ranges, sorted without repeats', () => {
    expect(parsePartitionList('5-7, 0,2, 6')).toEqual([0, 2, 5, 6, 7]);
    expect(parsePartitionList('')).toEqual([]);
  });
  it('refuses anything else', () => {
    expect(parsePartitionList('a')).toBeNull();
    expect(parsePartitionList('3-1')).toBeNull();
    expect(parsePartitionList('-1')).toBeNull();
  });
});

describe('buildOffsetReset', () => {
  it('all topics to the earliest offset, as a dry run', () => {
    expect(buildOffsetReset(form({}), true)).toEqual({ errors: {}, body: { target: 'EARLIEST', dryRun: true } });
  });

  it('one topic, some partitions, to a time', () => {
    const built = buildOffsetReset(form({ topic: 'orders-events', partitions: '0, 2', target: 'TIMESTAMP', timestamp: '2025-03-01T10:30' }), false);
    expect(built.body).toEqual({ topic: 'orders-events', partitions: [0, 2], target: 'TIMESTAMP', timestamp: new Date(2025, 2, 1, 10, 30), dryRun: false });
  });

  it('sends only the value of the chosen target', () => {
    expect(buildOffsetReset(form({ target: 'OFFSET', offset: '42', shiftBy: '-5', timestamp: '2025-03-01T10:30' }), true).body).toEqual({ target: 'OFFSET', offset: 42, dryRun: true });
    expect(buildOffsetReset(form({ target: 'SHIFT_BY', shiftBy: '-100', offset: '1' }), true).body).toEqual({ target: 'SHIFT_BY', shiftBy: -100, dryRun: true });
  });

  it('needs the value of the chosen target', () => {
    expect(buildOffsetReset(form({ target: 'TIMESTAMP' }), true).errors.timestamp).toBeDefined();
    expect(buildOffsetReset(form({ target: 'OFFSET', offset: '-1' }), true).errors.offset).toBeDefined();
    expect(buildOffsetReset(form({ target: 'SHIFT_BY', shiftBy: '0' }), true).errors.shiftBy).toBeDefined();
  });

  it('partitions only with a topic', () => {
    expect(buildOffsetReset(form({ partitions: '0' }), true).errors.partitions).toMatch(/Pick a topic/);
    expect(buildOffsetReset(form({ topic: 't', partitions: 'x' }), true).errors.partitions).toMatch(/separated by commas/);
  });
});
