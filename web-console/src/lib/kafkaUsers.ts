// SASL users: the API's KafkaUserCreate rules, for the Security tab's dialogs and the order
// wizard's admin user.

/** A SASL user name, the admin user's included (the API's KafkaUserCreate rule). */
export const SASL_USERNAME = /^[A-Za-z][A-Za-z0-9._-]{2,63}$/;
export const KAFKA_USERNAME = SASL_USERNAME;
export const MIN_USER_PASSWORD = 8;
export const MAX_USER_PASSWORD = 128;

export function validateKafkaUsername(name: string): string | undefined {
  if (!name) return 'Enter a user name.';
  if (name.length < 3 || name.length > 64) return '3 to 64 characters.';
  if (!KAFKA_USERNAME.test(name)) return 'Letters, digits, “.”, “_” and “-”, starting with a letter.';
  return undefined;
}

/** A password the person chose; empty is fine when `optional` (the server generates one). */
export function validateKafkaPassword(password: string, optional = true): string | undefined {
  if (!password) return optional ? undefined : 'Enter a password.';
  if (password.length < MIN_USER_PASSWORD) return `At least ${MIN_USER_PASSWORD} characters (${password.length} typed).`;
  if (password.length > MAX_USER_PASSWORD) return `At most ${MAX_USER_PASSWORD} characters.`;
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return 'Use letters and digits.';
  return undefined;
}
