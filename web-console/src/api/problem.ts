import type { FieldError, Problem } from './generated';

/**
 * An RFC 9457 problem answered by the API (or made up here when the server could not be
 * reached or answered something that is not a problem document).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly fieldErrors: FieldError[];
  /** A 429's `Retry-After`, in whole seconds (absent when the server gave none). */
  readonly retryAfterSeconds?: number;

  constructor(status: number, problem: Partial<Problem>, retryAfterSeconds?: number) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? `HTTP_${status}`;
    this.retryAfterSeconds = retryAfterSeconds;
    // a rate limit reads the same whatever the server titled it: what happened and when to retry
    this.title = status === 429 ? rateLimitTitle(retryAfterSeconds) : problem.title ?? defaultTitle(status);
    this.detail = problem.detail;
    this.fieldErrors = problem.errors ?? [];
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    let problem: Partial<Problem> = {};
    try {
      const body = await response.json();
      if (body && typeof body === 'object') problem = body as Partial<Problem>;
    } catch {
      // not JSON: keep the status-based title
    }
    const retryAfter = response.status === 429 ? parseRetryAfter(response.headers.get('Retry-After')) : undefined;
    return new ApiError(response.status, problem, retryAfter);
  }
}

/** `Retry-After` as seconds: either delta-seconds (`30`) or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value == null || !value.trim()) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number.parseInt(text, 10);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

export function rateLimitTitle(retryAfterSeconds?: number): string {
  return retryAfterSeconds === undefined
    ? 'Too many changes, retry in a moment'
    : `Too many changes, retry in ${Math.max(1, retryAfterSeconds)} s`;
}

/** A 429: this API key made too many changes in a short time. */
export function isRateLimited(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 429;
}

export function defaultTitle(status: number): string {
  if (status === 0) return 'The server could not be reached';
  if (status === 401) return 'Not signed in';
  if (status === 403) return 'Not allowed';
  if (status === 404) return 'Not found';
  if (status === 409) return 'Conflict';
  if (status === 429) return rateLimitTitle();
  if (status >= 500) return 'The server failed';
  return 'The request was refused';
}

/** Any thrown value as an ApiError, so every error renders the same way. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError(0, { title: defaultTitle(0), detail: message });
}

/** A fetch cancelled through its AbortSignal. */
export function isAborted(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** A 409 INVALID_STATE: the instance is not in a state that allows this (e.g. still creating). */
export function isInvalidState(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === 'INVALID_STATE';
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** Field errors keyed by field path (`security.adminPassword`, `availabilityZones`, ...). */
export function fieldErrorMap(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const map: Record<string, string> = {};
  for (const e of error.fieldErrors) {
    const key = normaliseField(e.field);
    map[key] = map[key] ? `${map[key]}; ${e.message}` : e.message;
  }
  return map;
}

/** `availabilityZones[1]` → `availabilityZones`, `network.allowedCidrs[0]` → `network.allowedCidrs`. */
export function normaliseField(field: string): string {
  return field.replace(/\[\d+\]/g, '');
}
