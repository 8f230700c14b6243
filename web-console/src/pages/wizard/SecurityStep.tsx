import { useState } from 'react';
import { SaslMechanism, SecurityProtocol } from '../../api/generated';
import { Field, FieldGroup } from '../../components/Field';
import { isSasl, passwordStrength } from '../../lib/instanceForm';
import { generatePassword } from './steps';
import type { StepProps } from './types';

const PROTOCOL_HELP: Record<SecurityProtocol, string> = {
  PLAINTEXT: 'No authentication, no encryption. Only for trusted, isolated networks.',
  SASL_PLAINTEXT: 'Clients authenticate with a user and password; traffic is not encrypted.',
  SASL_SSL: 'Clients authenticate and all traffic is encrypted with TLS (recommended).',
};

export function SecurityStep({ form, set, errors }: StepProps) {
  const [showPassword, setShowPassword] = useState(false);
  const sasl = isSasl(form.protocol);
  const strength = passwordStrength(form.adminPassword);
  const toggleMechanism = (m: SaslMechanism) =>
    set({ saslMechanisms: form.saslMechanisms.includes(m) ? form.saslMechanisms.filter((x) => x !== m) : [...form.saslMechanisms, m] });

  return (
    <>
      <FieldGroup id="security.protocol" legend="Security protocol" error={errors['security.protocol'] ?? errors.security}>
        <div className="radio-list">
          {Object.values(SecurityProtocol).map((p) => (
            <label key={p} className={`radio-card${form.protocol === p ? ' selected' : ''}`}>
              <input type="radio" name="protocol" value={p} checked={form.protocol === p} onChange={() => set({ protocol: p })} />
              <span>
                <strong>{p}</strong>
                <span className="muted small block">{PROTOCOL_HELP[p]}</span>
              </span>
            </label>
          ))}
        </div>
      </FieldGroup>

      {sasl && (
        <>
          <FieldGroup id="security.saslMechanisms" legend="SASL mechanisms" error={errors['security.saslMechanisms']}>
            <div className="chips">
              {Object.values(SaslMechanism).map((m) => (
                <label key={m} className={`chip${form.saslMechanisms.includes(m) ? ' selected' : ''}`}>
                  <input type="checkbox" checked={form.saslMechanisms.includes(m)} onChange={() => toggleMechanism(m)} />
                  {m}
                </label>
              ))}
            </div>
          </FieldGroup>
          <div className="grid-2">
            <Field id="security.adminUsername" label="Admin user" error={errors['security.adminUsername']} hint="A Kafka superuser created with the instance.">
              <input value={form.adminUsername} maxLength={64} autoComplete="off" spellCheck={false} onChange={(e) => set({ adminUsername: e.target.value })} />
            </Field>
            <div>
              <Field
                id="security.adminPassword"
                label="Admin password"
                error={errors['security.adminPassword']}
                hint={
                  <span className={`strength strength-${strength.score}`}>
                    <span className="strength-meter" aria-hidden="true">
                      {[1, 2, 3, 4].map((i) => (
                        <span key={i} className={i <= strength.score ? 'on' : ''} />
                      ))}
                    </span>
                    Strength: {strength.label}. At least 8 characters; it is never shown again after creation.
                  </span>
                }
              >
                <input
                  type={showPassword ? 'text' : 'password'}
                  value={form.adminPassword}
                  maxLength={128}
                  autoComplete="new-password"
                  onChange={(e) => set({ adminPassword: e.target.value })}
                />
              </Field>
              <div className="inline-actions">
                <button type="button" className="link-button" onClick={() => setShowPassword((s) => !s)} aria-pressed={showPassword}>
                  {showPassword ? 'Hide password' : 'Show password'}
                </button>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    set({ adminPassword: generatePassword() });
                    setShowPassword(true);
                  }}
                >
                  Generate a strong password
                </button>
              </div>
            </div>
          </div>
        </>
      )}

      <Field
        id="network.allowedCidrs"
        label="Allowed client networks (optional)"
        error={errors['network.allowedCidrs'] ?? errors.network}
        hint="CIDR blocks allowed to connect, one per line (e.g. 10.0.0.0/16). Leave empty to allow any address."
      >
        <textarea rows={3} spellCheck={false} value={form.allowedCidrs} onChange={(e) => set({ allowedCidrs: e.target.value })} />
      </Field>
    </>
  );
}
