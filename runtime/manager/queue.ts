/**
 * A rate-limited work queue with client-go semantics: a key is queued at most once (dedupe); a key
 * being processed that is added again is re-queued when `done()` is called, so one key is never
 * processed by two workers at once; `addAfter` keeps the earliest deadline; `addRateLimited` backs
 * off per key exponentially (Flux: --min-retry-delay 750ms … --max-retry-delay 15m); `forget` resets.
 */
import type { ControllerMetrics } from '../metrics/index.js';

export interface QueueOptions {
  /** First per-item retry delay. @default 750 (Flux --min-retry-delay) */
  readonly minRetryDelayMs?: number;
  /** Cap of the per-item retry delay. @default 900000 (Flux --max-retry-delay=15m) */
  readonly maxRetryDelayMs?: number;
  /** Name for metrics (`workqueue_*{name,controller}`). */
  readonly name?: string;
  readonly metrics?: ControllerMetrics;
}

export class WorkQueue {
  private readonly queue: string[] = [];
  private readonly dirty = new Set<string>();
  private readonly processing = new Map<string, number>();
  private readonly addedAt = new Map<string, number>();
  private readonly failures = new Map<string, number>();
  private readonly delayed = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  private readonly waiters: ((key: string | undefined) => void)[] = [];
  private shuttingDown = false;
  private readonly labels: { name: string; controller: string };

  constructor(private readonly opts: QueueOptions = {}) {
    const name = opts.name ?? 'queue';
    this.labels = { name, controller: name };
  }

  get length(): number {
    return this.queue.length;
  }

  /** Keys waiting for a delayed add. */
  get waitingCount(): number {
    return this.delayed.size;
  }

  isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  /** Queues a key now (deduped). */
  add(key: string): void {
    if (this.shuttingDown || this.dirty.has(key)) return;
    this.opts.metrics?.queueAdds.inc(this.labels);
    this.dirty.add(key);
    if (!this.addedAt.has(key)) this.addedAt.set(key, performance.now());
    if (this.processing.has(key)) return;
    const w = this.waiters.shift();
    if (w) {
      this.take(key);
      w(key);
      return;
    }
    this.queue.push(key);
    this.opts.metrics?.queueDepth.set(this.labels, this.queue.length);
  }

  /** Queues a key after `ms`; an earlier pending deadline for the same key wins. */
  addAfter(key: string, ms: number): void {
    if (this.shuttingDown) return;
    if (ms <= 0) return this.add(key);
    const at = performance.now() + ms;
    const existing = this.delayed.get(key);
    if (existing && existing.at <= at) return;
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(() => {
      this.delayed.delete(key);
      this.add(key);
    }, ms);
    this.delayed.set(key, { at, timer });
  }

  /** The next per-key backoff delay (does not count a failure). */
  retryDelay(key: string): number {
    const n = this.failures.get(key) ?? 0;
    const min = this.opts.minRetryDelayMs ?? 750;
    const max = this.opts.maxRetryDelayMs ?? 900_000;
    return Math.min(max, min * 2 ** Math.min(n, 40));
  }

  /** Queues a key after its exponential backoff and counts a failure. Returns the delay used. */
  addRateLimited(key: string): number {
    const d = this.retryDelay(key);
    this.failures.set(key, (this.failures.get(key) ?? 0) + 1);
    this.opts.metrics?.queueRetries.inc(this.labels);
    this.addAfter(key, d);
    return d;
  }

  /** Resets a key's backoff (after a success). */
  forget(key: string): void {
    this.failures.delete(key);
  }

  numRequeues(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  private take(key: string): void {
    this.dirty.delete(key);
    this.processing.set(key, performance.now());
    const added = this.addedAt.get(key);
    this.addedAt.delete(key);
    if (added !== undefined) this.opts.metrics?.queueLatency.observe(this.labels, (performance.now() - added) / 1000);
  }

  /** Waits for the next key; resolves undefined once shut down and drained. */
  get(): Promise<string | undefined> {
    const key = this.queue.shift();
    if (key !== undefined) {
      this.take(key);
      this.opts.metrics?.queueDepth.set(this.labels, this.queue.length);
      return Promise.resolve(key);
    }
    if (this.shuttingDown) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Marks a key processed; if it was added meanwhile it is queued again. */
  done(key: string): void {
    const started = this.processing.get(key);
    this.processing.delete(key);
    if (started !== undefined) this.opts.metrics?.workDuration.observe(this.labels, (performance.now() - started) / 1000);
    if (this.dirty.has(key)) {
      this.dirty.delete(key);
      this.add(key);
    }
  }

  /** Updates the unfinished-work gauges (call periodically). */
  updateUnfinishedWork(): void {
    const now = performance.now();
    let total = 0;
    let longest = 0;
    for (const t of this.processing.values()) {
      total += now - t;
      longest = Math.max(longest, now - t);
    }
    this.opts.metrics?.unfinishedWork.set(this.labels, total / 1000);
    this.opts.metrics?.longestRunning.set(this.labels, longest / 1000);
  }

  /** Stops accepting keys; pending delayed adds are cancelled; waiting getters resolve undefined. */
  shutdown(): void {
    this.shuttingDown = true;
    for (const d of this.delayed.values()) clearTimeout(d.timer);
    this.delayed.clear();
    this.queue.length = 0;
    for (const w of this.waiters.splice(0)) w(undefined);
  }
}
