import { describe, expect, it } from 'vitest';
import { validateKafkaPassword, validateKafkaUsername } from './kafkaUsers';

describe('SASL users', () => {
  it.each(['alice', 'svc.orders-1', 'A_b'])('accepts the name %s', (n) => expect(validateKafkaUsername(n)).toBeUndefined());
  it.each(['', 'al', '1alice', 'alice smith', 'alice@corp', 'x'.repeat(65)])('refuses the name "%s"', (n) => expect(validateKafkaUsername(n)).toBeDefined());

  it('lets the password be empty (generated), else 8+ characters with letters and digits', () => {
    expect(validateKafkaPassword('')).toBeUndefined();
    expect(validateKafkaPassword('', false)).toBeDefined();
    expect(validateKafkaPassword('abc123')).toMatch(/At least 8/);
    expect(validateKafkaPassword('abcdefgh')).toMatch(/letters and digits/);
    expect(validateKafkaPassword('12345678')).toMatch(/letters and digits/);
    expect(validateKafkaPassword('abcd1234')).toBeUndefined();
    expect(validateKafkaPassword('a1'.repeat(65))).toMatch(/At most 128/);
  });
});
