/**
 * Exponential backoff with jitter (client-go wait.Backoff): each failure doubles the delay from
 * `initialMs` up to `maxMs`; `reset()` after a success.
 */

export interface BackoffOptions {
  /** @default 800 (client-go reflector) */
  readonly initialMs: number;
  /** @default 30000 */
  readonly maxMs: number;
  /** Extra random fraction added to each delay. @default 0.1 */
  readonly jitter: number;
}

export function defaultBackoffOptions(): BackoffOptions {
  return { initialMs: 800, maxMs: 30_000, jitter: 0.1 };
}

export class Backoff {
  private failures = 0;
  constructor(private readonly opts: BackoffOptions = defaultBackoffOptions()) {}

  /** The delay before the next attempt, and counts this failure. */
  next(): number {
    const base = Math.min(this.opts.maxMs, this.opts.initialMs * 2 ** this.failures);
    this.failures++;
    return Math.round(base * (1 + Math.random() * this.opts.jitter));
  }

  reset(): void {
    this.failures = 0;
  }

  get attempts(): number {
    return this.failures;
  }
}

/** Sleeps, resolving early (without throwing) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
