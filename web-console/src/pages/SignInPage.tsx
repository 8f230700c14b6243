import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { Field } from '../components/Field';
import { ProblemAlert } from '../components/ProblemAlert';
import { ApiError } from '../api/problem';

export function SignInPage() {
  const { token, signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [key, setKey] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [inputError, setInputError] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (token && !busy) return <Navigate to="/" replace />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const candidate = key.trim();
    if (!candidate) {
      setInputError('Paste your API key.');
      return;
    }
    if (!candidate.startsWith('trb_')) {
      setInputError('Tributary API keys start with "trb_".');
      return;
    }
    setInputError(undefined);
    setBusy(true);
    try {
      await signIn(candidate);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/sign-in' ? from : '/', { replace: true });
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? new ApiError(401, { title: 'This API key was not accepted', detail: 'Check that it is complete and has not been revoked.' })
          : err,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="signin" id="main">
      <form className="card signin-card" onSubmit={onSubmit} noValidate aria-labelledby="signin-title">
        <div className="brand brand-large" aria-hidden="true">
          <svg viewBox="0 0 32 32" width="28" height="28">
            <path d="M4 10c6 0 6 6 12 6s6-6 12-6M4 18c6 0 6 6 12 6s6-6 12-6" stroke="currentColor" strokeWidth="3" fill="none" />
          </svg>
          Tributary
        </div>
        <h1 id="signin-title">Sign in to the console</h1>
        <p className="muted">Managed Apache Kafka. Sign in with an API key; it is kept only for this browser tab.</p>
        <ProblemAlert error={error} />
        <Field id="api-key" label="API key" error={inputError} hint="Created under API keys, or printed when the control plane was bootstrapped.">
          <input
            type="password"
            autoComplete="current-password"
            spellCheck={false}
            placeholder="trb_…"
            value={key}
            onChange={(e) => setKey(e.target.value)}
            autoFocus
          />
        </Field>
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
