/** The reconcile error classes of source-controller (internal/error): they drive requeue and events. */
export type ReconcileErrorKind = 'generic' | 'waiting' | 'stalling';

export class ReconcileError extends Error {
  override readonly name = 'ReconcileError';
  /** Generic errors with `ignore` are not failures (e.g. "no changes"): requeue at the interval. */
  ignore = false;
  /** Event type for this error; Trace events are never forwarded. */
  event: 'Warning' | 'Normal' | 'Trace' = 'Warning';
  /** Whether the event may be forwarded as a notification. */
  notification = true;
  requeueAfterMs?: number;

  constructor(
    readonly kind: ReconcileErrorKind,
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

export const generic = (message: string, reason: string): ReconcileError =>
  new ReconcileError('generic', message, reason);
export const stalling = (message: string, reason: string): ReconcileError =>
  new ReconcileError('stalling', message, reason);
export function waiting(message: string, reason: string, requeueAfterMs: number): ReconcileError {
  const e = new ReconcileError('waiting', message, reason);
  e.requeueAfterMs = requeueAfterMs;
  e.event = 'Normal';
  e.notification = false;
  return e;
}
