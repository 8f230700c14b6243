import type { FieldErrors } from '../../lib/validation';

export const STEPS = ['Cluster', 'Security & network', 'Retention, billing & tags', 'Review'] as const;

/** Which step shows a field (client or server error); unknown fields show on the review step. */
export function stepOfField(field: string): number {
  if (field.startsWith('security') || field.startsWith('network')) return 1;
  if (
    field.startsWith('retention') ||
    field.startsWith('billing') ||
    field.startsWith('tags') ||
    field.startsWith('maintenanceWindow') ||
    field === 'autoCreateTopics' ||
    field === 'deletionProtection'
  )
    return 2;
  if (['name', 'description', 'flavor', 'brokerCount', 'availabilityZones', 'storageGb', 'kafkaVersion'].includes(field)) return 0;
  return 3;
}

export function errorsOfStep(errors: FieldErrors, step: number): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([field]) => stepOfField(field) === step));
}

export function firstStepWithErrors(errors: FieldErrors): number | null {
  const steps = Object.keys(errors).map(stepOfField);
  return steps.length ? Math.min(...steps) : null;
}

/** A random password with letters and digits (what the API asks of SASL passwords). 64 symbols: no modulo bias. */
export function generatePassword(length = 20): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.!@#%';
  for (;;) {
    const bytes = new Uint8Array(length);
    crypto.getRandomValues(bytes);
    const password = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
    if (/[A-Za-z]/.test(password) && /\d/.test(password)) return password;
  }
}
