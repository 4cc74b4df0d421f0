import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  /** @default 30_000 */
  readonly timeoutMs?: number;
  /** @default 200 */
  readonly intervalMs?: number;
  /** Describes what was awaited, for the timeout message. */
  readonly what?: string;
}

/**
 * Polls `probe` until it returns a value other than undefined/false, then returns it. On timeout, throws
 * with the description and the last probe error, so a failing test says what never happened.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  opts: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? `: last error: ${lastError.message}` : '';
      throw new Error(
        `timed out after ${opts.timeoutMs ?? 30_000} ms waiting for ${opts.what ?? 'condition'}${why}`,
      );
    }
    await sleep(opts.intervalMs ?? 200);
  }
}

interface ConditionLike {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

/** Finds a status condition of an object fetched as JSON. */
export function findCondition(obj: unknown, type: string): ConditionLike | undefined {
  const conds = (obj as { status?: { conditions?: ConditionLike[] } } | undefined)?.status?.conditions ?? [];
  return conds.find((c) => c.type === type);
}
