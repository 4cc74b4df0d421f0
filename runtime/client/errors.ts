/**
 * Typed API errors. The API server answers failures with a metav1.Status body; we keep its code,
 * reason and message so callers branch on data (`isNotFound(err)`), never on message text.
 */
import type { StatusBody } from './types.js';

/** metav1.StatusReason values we branch on (the API server may send others). */
export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Gone'
  | 'Expired'
  | 'Invalid'
  | 'Forbidden'
  | 'Unauthorized'
  | 'BadRequest'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'UnsupportedMediaType'
  | 'TooManyRequests'
  | 'Timeout'
  | 'ServerTimeout'
  | 'InternalError'
  | 'ServiceUnavailable'
  | 'RequestEntityTooLarge'
  | 'Unknown'
  | (string & {});

export class KubeApiError extends Error {
  override readonly name = 'KubeApiError';
  readonly code: number;
  readonly reason: StatusReason;
  readonly status: StatusBody;
  readonly method: string;
  readonly path: string;

  constructor(code: number, status: StatusBody, method: string, path: string) {
    super(status.message || `the server responded with status ${code} to ${method} ${stripQuery(path)}`);
    this.code = code;
    this.reason = status.reason || reasonForCode(code);
    this.status = status;
    this.method = method;
    this.path = stripQuery(path);
  }

  /** Seconds the server asked us to wait (429/503/500 with Retry-After), if any. */
  get retryAfterSeconds(): number | undefined {
    return this.status.details?.retryAfterSeconds;
  }
}

function stripQuery(path: string): string {
  const i = path.indexOf('?');
  return i < 0 ? path : path.slice(0, i);
}

/** The reason the API server implies for a status code when the body carried none. */
export function reasonForCode(code: number): StatusReason {
  switch (code) {
    case 400:
      return 'BadRequest';
    case 401:
      return 'Unauthorized';
    case 403:
      return 'Forbidden';
    case 404:
      return 'NotFound';
    case 405:
      return 'MethodNotAllowed';
    case 406:
      return 'NotAcceptable';
    case 409:
      return 'Conflict';
    case 410:
      return 'Gone';
    case 413:
      return 'RequestEntityTooLarge';
    case 415:
      return 'UnsupportedMediaType';
    case 422:
      return 'Invalid';
    case 429:
      return 'TooManyRequests';
    case 500:
      return 'InternalError';
    case 503:
      return 'ServiceUnavailable';
    case 504:
      return 'ServerTimeout';
    default:
      return 'Unknown';
  }
}

function hasReason(err: unknown, reason: string, code?: number): boolean {
  return err instanceof KubeApiError && (err.reason === reason || (code !== undefined && err.code === code && !err.status.reason));
}

export const isNotFound = (err: unknown): boolean => hasReason(err, 'NotFound', 404);
export const isAlreadyExists = (err: unknown): boolean => hasReason(err, 'AlreadyExists');
/** 409 Conflict (optimistic-concurrency or SSA field conflict); AlreadyExists is also a 409 but not a conflict. */
export const isConflict = (err: unknown): boolean => hasReason(err, 'Conflict', 409);
/** 410 Gone or reason Expired: the resourceVersion is too old (watch/list continue), relist. */
export const isGone = (err: unknown): boolean => hasReason(err, 'Gone', 410) || hasReason(err, 'Expired');
export const isInvalid = (err: unknown): boolean => hasReason(err, 'Invalid', 422);
export const isForbidden = (err: unknown): boolean => hasReason(err, 'Forbidden', 403);
export const isUnauthorized = (err: unknown): boolean => hasReason(err, 'Unauthorized', 401);
export const isTooManyRequests = (err: unknown): boolean => hasReason(err, 'TooManyRequests', 429);
export const isBadRequest = (err: unknown): boolean => hasReason(err, 'BadRequest', 400);
/** The kind is not served (no REST mapping), distinct from a missing object. */
export const isNoMatch = (err: unknown): boolean => err instanceof NoKindMatchError;

export class NoKindMatchError extends Error {
  override readonly name = 'NoKindMatchError';
  constructor(
    readonly group: string,
    readonly version: string,
    readonly kind: string,
  ) {
    super(`no matches for kind "${kind}" in version "${group ? `${group}/${version}` : version}"`);
  }
}
