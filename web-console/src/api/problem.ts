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

  constructor(status: number, problem: Partial<Problem>) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? `HTTP_${status}`;
    this.title = problem.title ?? defaultTitle(status);
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
    return new ApiError(response.status, problem);
  }
}

export function defaultTitle(status: number): string {
  if (status === 0) return 'The server could not be reached';
  if (status === 401) return 'Not signed in';
  if (status === 403) return 'Not allowed';
  if (status === 404) return 'Not found';
  if (status === 409) return 'Conflict';
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
