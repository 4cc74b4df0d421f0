/**
 * Typed reconcile errors (fluxcd/pkg runtime/reconcile + source-controller's serror): each carries
 * the condition reason, the event type (severity) and whether to notify, so the skeleton can turn
 * any failure into conditions, an event and a requeue decision without parsing messages.
 *  - StallingError: terminal until the spec changes → Stalled=True, no requeue, Warning event.
 *  - WaitingError: not an error really (dependency not ready) → requeue after `requeueAfterMs`,
 *    Normal event kept Kubernetes-only.
 *  - GenericError: transient → retry with backoff (or retryInterval), Warning event; with
 *    `ignore: true` it is a non-failure (e.g. "no changes") → Trace event, requeue at interval.
 */

export type ErrorEventType = 'Normal' | 'Warning' | 'Trace';

interface ReconcileErrorOptions {
  readonly cause?: unknown;
  /** Override the event type. */
  readonly eventType?: ErrorEventType;
  /** Forward the event to notification-controller. */
  readonly notify?: boolean;
}

export abstract class ReconcileError extends Error {
  abstract readonly kind: 'Stalling' | 'Waiting' | 'Generic';
  readonly reason: string;
  readonly eventType: ErrorEventType;
  readonly notify: boolean;

  protected constructor(reason: string, message: string, eventType: ErrorEventType, notify: boolean, opts: ReconcileErrorOptions) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.reason = reason;
    this.eventType = opts.eventType ?? eventType;
    this.notify = opts.notify ?? notify;
  }
}

export class StallingError extends ReconcileError {
  readonly kind = 'Stalling' as const;
  override readonly name = 'StallingError';
  constructor(reason: string, message: string, opts: ReconcileErrorOptions = {}) {
    super(reason, message, 'Warning', true, opts);
  }
}

export class WaitingError extends ReconcileError {
  readonly kind = 'Waiting' as const;
  override readonly name = 'WaitingError';
  constructor(
    reason: string,
    message: string,
    readonly requeueAfterMs: number,
    opts: ReconcileErrorOptions = {},
  ) {
    super(reason, message, 'Normal', false, opts);
  }
}

export class GenericError extends ReconcileError {
  readonly kind = 'Generic' as const;
  override readonly name = 'GenericError';
  /** A non-failure reported through the error path (Flux's Ignore config). */
  readonly ignore: boolean;
  constructor(reason: string, message: string, opts: ReconcileErrorOptions & { ignore?: boolean } = {}) {
    super(reason, message, opts.ignore ? 'Trace' : 'Warning', !opts.ignore, opts);
    this.ignore = opts.ignore ?? false;
  }
}

/** Wraps any thrown value as a ReconcileError (plain errors become Generic with `fallbackReason`). */
export function asReconcileError(err: unknown, fallbackReason: string): ReconcileError {
  if (err instanceof ReconcileError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new GenericError(fallbackReason, message, { cause: err });
}
