import { toApiError } from '../api/problem';

/** Title + detail of an RFC 9457 problem, announced to screen readers. */
export function ProblemAlert({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  if (!error) return null;
  const problem = toApiError(error);
  return (
    <div className="alert alert-error" role="alert">
      <strong>{title ?? problem.title}</strong>
      {title && problem.title !== title && <span> — {problem.title}</span>}
      {problem.detail && <p>{problem.detail}</p>}
      {onRetry && (
        <button type="button" className="button button-small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
