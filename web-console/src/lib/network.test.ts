import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { cidrsChanged, serverCidrErrors, toNetworkSpec, validateCidrRows } from './network';

describe('network rule rows', () => {
  it('accepts IPv4 and IPv6 blocks and ignores blank rows', () => {
    expect(validateCidrRows(['10.0.0.0/16', ' ', '2001:db8::/32', '0.0.0.0/0'])).toEqual({ rows: {} });
  });

  it('names what is wrong with each row', () => {
    const v = validateCidrRows(['10.0.0.0/33', '192.168.1.7', 'any', '10.0.0.0/16', '10.0.0.0/16']);
    expect(v.rows[0]).toMatch(/is not a CIDR block/);
    expect(v.rows[1]).toMatch(/write e\.g\. 192\.168\.1\.7\/32/);
    expect(v.rows[2]).toBeDefined();
    expect(v.rows[3]).toBeUndefined();
    expect(v.rows[4]).toBe('Already listed in row 4.');
  });

  it('allows 50 blocks at most', () => {
    const rows = Array.from({ length: 51 }, (_, i) => `10.${i}.0.0/16`);
    expect(validateCidrRows(rows).list).toMatch(/At most 50/);
    expect(validateCidrRows(rows.slice(0, 50)).list).toBeUndefined();
  });

  it('sends the filled rows, trimmed, and maps the server errors back to their rows', () => {
    const { body, rowOf } = toNetworkSpec([' 10.0.0.0/16 ', '', '10.1.2.3/8']);
    expect(body).toEqual({ allowedCidrs: ['10.0.0.0/16', '10.1.2.3/8'] });
    const error = new ApiError(400, {
      errors: [
        { field: 'allowedCidrs[1]', message: 'host bits set' },
        { field: 'network.allowedCidrs[0]', message: 'overlaps' },
        { field: 'allowedCidrs', message: 'too many' },
        { field: 'other', message: 'odd' },
      ],
    });
    expect(serverCidrErrors(error, rowOf)).toEqual({ rows: { 2: 'host bits set', 0: 'overlaps' }, list: 'too many', other: ['other: odd'] });
  });

  it('knows when the list changed, whatever the order', () => {
    expect(cidrsChanged(['10.1.0.0/16', '10.0.0.0/16', ''], ['10.0.0.0/16', '10.1.0.0/16'])).toBe(false);
    expect(cidrsChanged([], ['10.0.0.0/16'])).toBe(true);
  });
});
