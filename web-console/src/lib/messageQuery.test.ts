import { describe, expect, it } from 'vitest';
import {
  buildExportQuery,
  buildMessageQuery,
  buildProduce,
  continueQuery,
  describeStop,
  emptyProduceForm,
  emptyQueryForm,
  formatValue,
  parseLocalDateTime,
  previewValue,
  toLocalDateTimeInput,
  type MessageQueryForm,
} from './messageQuery';

function form(overrides: Partial<MessageQueryForm>): MessageQueryForm {
  return { ...emptyQueryForm(overrides.mode), ...overrides };
}

describe('buildMessageQuery', () => {
  it('offset mode: partition and offset, plus the limit', () => {
    expect(buildMessageQuery(form({ mode: 'offset', partition: '2', offset: '40', limit: '20' }), 3)).toEqual({
      errors: {},
      params: { partition: 2, offset: 40, limit: 20 },
    });
  });

  it('offset mode needs a partition that exists', () => {
    expect(buildMessageQuery(form({ mode: 'offset', partition: '' })).errors.partition).toMatch(/Pick the partition/);
    expect(buildMessageQuery(form({ mode: 'offset', partition: '3' }), 3).errors.partition).toMatch(/0 to 2/);
    expect(buildMessageQuery(form({ mode: 'offset', offset: '-1' })).errors.offset).toBeDefined();
  });

  it('time mode: from as a local time, optional to after it, no offset sent', () => {
    const built = buildMessageQuery(form({ mode: 'time', partition: '', from: '2025-03-01T10:30', to: '2025-03-01T11:00' }));
    expect(built.errors).toEqual({});
    expect(built.params).toEqual({ from: new Date(2025, 2, 1, 10, 30), to: new Date(2025, 2, 1, 11, 0), limit: 50 });
    expect(buildMessageQuery(form({ mode: 'time', from: '' })).errors.from).toBeDefined();
    expect(buildMessageQuery(form({ mode: 'time', from: '2025-03-01T10:30', to: '2025-03-01T10:00' })).errors.to).toMatch(/after/);
  });

  it('key and content modes send only their text, an optional partition and the scan limits', () => {
    expect(buildMessageQuery(form({ mode: 'key', partition: '', key: 'k-1', maxScan: '1000', maxSeconds: '2.5' })).params).toEqual({
      key: 'k-1', limit: 50, maxScan: 1000, maxMillis: 2500,
    });
    expect(buildMessageQuery(form({ mode: 'contains', partition: '1', contains: 'tributary' })).params).toEqual({
      partition: 1, contains: 'tributary', limit: 50,
    });
    expect(buildMessageQuery(form({ mode: 'key', key: '' })).errors.key).toBeDefined();
    expect(buildMessageQuery(form({ mode: 'contains', contains: '' })).errors.contains).toBeDefined();
    expect(buildMessageQuery(form({ mode: 'key', key: 'k', maxSeconds: '61' })).errors.maxSeconds).toBeDefined();
  });

  it('never mixes modes: fields of the other modes are left out', () => {
    const built = buildMessageQuery(form({ mode: 'key', partition: '', key: 'k', offset: '5', from: '2025-03-01T10:30', contains: 'x' }));
    expect(Object.keys(built.params!).sort()).toEqual(['key', 'limit']);
  });

  it('limits the number of messages to 1..500', () => {
    expect(buildMessageQuery(form({ limit: '0' })).errors.limit).toBeDefined();
    expect(buildMessageQuery(form({ limit: '501' })).errors.limit).toBeDefined();
    expect(buildMessageQuery(form({ limit: '500' })).params?.limit).toBe(500);
  });
});

describe('incomplete searches', () => {
  it('continue with the cursor, keeping the other parameters', () => {
    const params = { key: 'k-1', limit: 50 };
    expect(continueQuery(params, { messages: [], scanned: 100000, complete: false, stoppedBy: 'MAX_SCAN', nextCursor: 'abc' })).toEqual({
      key: 'k-1', limit: 50, cursor: 'abc',
    });
    expect(continueQuery(params, { messages: [], scanned: 10, complete: true })).toBeNull();
  });

  it('tell a cancel apart from a limit', () => {
    expect(describeStop({ complete: false, stoppedBy: 'CANCELLED' })).toMatch(/You cancelled the search/);
    expect(continueQuery({ contains: 'x', limit: 50 }, { messages: [], scanned: 9, complete: false, stoppedBy: 'CANCELLED', nextCursor: 'c' })).toEqual({
      contains: 'x', limit: 50, cursor: 'c',
    });
  });

  it('say why they stopped', () => {
    expect(describeStop({ complete: true })).toBeNull();
    expect(describeStop({ complete: false, stoppedBy: 'MAX_MILLIS' })).toMatch(/longest time/);
    expect(describeStop({ complete: false, stoppedBy: 'MAX_SCAN' })).toMatch(/most messages/);
    expect(describeStop({ complete: false, stoppedBy: null })).toMatch(/a limit was reached/);
  });
});

describe('values', () => {
  it('pretty-prints JSON values only', () => {
    expect(formatValue({ value: '{"hello":"tributary"}', valueEncoding: 'JSON' })).toBe('{\n  "hello": "tributary"\n}');
    expect(formatValue({ value: '{"hello":', valueEncoding: 'JSON' })).toBe('{"hello":');
    expect(formatValue({ value: '{"a":1}', valueEncoding: 'TEXT' })).toBe('{"a":1}');
    expect(formatValue({ value: null, valueEncoding: 'BASE64' })).toBe('');
  });

  it('previews on one line, cut', () => {
    expect(previewValue('a\n  b')).toBe('a b');
    expect(previewValue('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('reads and writes datetime-local values in local time', () => {
    const d = new Date(2025, 0, 2, 3, 4);
    expect(toLocalDateTimeInput(d)).toBe('2025-01-02T03:04');
    expect(parseLocalDateTime('2025-01-02T03:04')).toEqual(d);
    expect(parseLocalDateTime('yesterday')).toBeNull();
  });
});

describe('buildProduce', () => {
  it('sends key, value, headers and partition; blanks as null / absent', () => {
    expect(buildProduce({ key: 'k-1', value: '{"hello":"tributary"}', headers: [{ key: 'source', value: 'console' }, { key: '', value: '' }], partition: '2' }, 3)).toEqual({
      errors: {},
      body: { key: 'k-1', value: '{"hello":"tributary"}', headers: { source: 'console' }, partition: 2 },
    });
    expect(buildProduce(emptyProduceForm()).body).toEqual({ key: null, value: null, headers: undefined, partition: undefined });
  });

  it('refuses repeated or unnamed headers and unknown partitions', () => {
    expect(buildProduce({ ...emptyProduceForm(), headers: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] }).errors.headers).toMatch(/twice/);
    expect(buildProduce({ ...emptyProduceForm(), headers: [{ key: '', value: '1' }] }).errors.headers).toMatch(/name/);
    expect(buildProduce({ ...emptyProduceForm(), partition: '3' }, 3).errors.partition).toMatch(/0 to 2/);
  });
});

describe('buildExportQuery', () => {
  it('downloads the offset window with its own limit', () => {
    expect(buildExportQuery(form({ mode: 'offset', partition: '2', offset: '40', limit: '20', exportLimit: '5000' }), 'orders', 3)).toEqual({
      errors: {},
      params: { partition: 2, offset: 40, limit: 5000 },
      fileName: 'orders-p2-from-40.jsonl',
    });
  });

  it('downloads a time range, across partitions unless one is picked', () => {
    const from = new Date(2025, 2, 1, 10, 30);
    const to = new Date(2025, 2, 1, 11, 0);
    const built = buildExportQuery(form({ mode: 'time', partition: '', from: '2025-03-01T10:30', to: '2025-03-01T11:00' }), 'orders');
    expect(built.params).toEqual({ from, to, limit: 1000 });
    expect(built.fileName).toMatch(/^orders-\d{8}T\d{6}Z-\d{8}T\d{6}Z\.jsonl$/);
    expect(buildExportQuery(form({ mode: 'time', partition: '1', from: '2025-03-01T10:30' }), 'a/b').fileName).toMatch(/^a_b-p1-\d{8}T\d{6}Z\.jsonl$/);
  });

  it('refuses scans, bad windows and limits over 100,000', () => {
    expect(buildExportQuery(form({ mode: 'key', key: 'k' }), 't').params).toBeUndefined();
    expect(buildExportQuery(form({ mode: 'offset', exportLimit: '100001' }), 't').errors.exportLimit).toMatch(/100,000/);
    expect(buildExportQuery(form({ mode: 'offset', exportLimit: '100000' }), 't').params?.limit).toBe(100000);
    expect(buildExportQuery(form({ mode: 'time', from: '' }), 't').errors.from).toBeDefined();
    // the page's limit (at most 500) does not bound a download
    expect(buildExportQuery(form({ mode: 'offset', limit: '9999' }), 't').errors).toEqual({});
  });
});
