/**
 * A controller: a work queue of `namespace/name` keys drained by `concurrent` workers that call the
 * reconciler, with controller-runtime's result semantics — an error re-queues with per-key
 * exponential backoff; `requeueAfterMs` re-queues after that delay (and resets the backoff);
 * `requeue: true` re-queues with backoff; otherwise the key is forgotten.
 */
import { randomUUID } from 'node:crypto';
import type { Informer } from '../cache/index.js';
import { objectKey, splitKey } from '../cache/index.js';
import type { KubeObject } from '../client/index.js';
import type { Logger } from '../logging/index.js';
import type { ControllerMetrics } from '../metrics/index.js';
import { WorkQueue } from './queue.js';

export interface Request {
  readonly namespace?: string;
  readonly name: string;
}

export interface Result {
  /** Re-queue after this many milliseconds (success path: the interval, jittered). */
  readonly requeueAfterMs?: number;
  /** Re-queue with the per-key backoff. */
  readonly requeue?: boolean;
}

export interface ReconcileContext {
  /** Aborted on shutdown. */
  readonly signal: AbortSignal;
  /** A child logger with controller, kind, name, namespace and reconcileID. */
  readonly log: Logger;
}

export type Reconciler = (req: Request, ctx: ReconcileContext) => Promise<Result | void>;

export interface ControllerOptions {
  /** Lowercase kind, e.g. `gitrepository` (controller-runtime's controller name). */
  readonly name: string;
  /** The primary kind, for logs (`GitRepository`). */
  readonly kind: string;
  /** The API group, for logs (`source.toolkit.fluxcd.io`). */
  readonly group?: string;
  readonly reconcile: Reconciler;
  /** Workers (Flux --concurrent). @default 1 */
  readonly concurrent?: number;
  readonly minRetryDelayMs?: number;
  readonly maxRetryDelayMs?: number;
}

/** The watch predicates Flux puts on primary objects: generation or requestedAt changed. */
export function generationOrRequestedAtChanged(oldObj: KubeObject, newObj: KubeObject): boolean {
  if (oldObj.metadata.generation !== newObj.metadata.generation) return true;
  const k = 'reconcile.fluxcd.io/requestedAt';
  const a = oldObj.metadata.annotations?.[k];
  const b = newObj.metadata.annotations?.[k];
  return b !== undefined && a !== b;
}

export class Controller {
  readonly queue: WorkQueue;
  private readonly metrics?: ControllerMetrics;
  private readonly log: Logger;
  private active = 0;
  private workers: Promise<void>[] = [];
  private gaugeTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly options: ControllerOptions,
    deps: { metrics?: ControllerMetrics; log: Logger },
  ) {
    this.metrics = deps.metrics;
    this.log = deps.log.child({ controller: options.name, controllerGroup: options.group, controllerKind: options.kind });
    this.queue = new WorkQueue({
      name: options.name,
      metrics: deps.metrics,
      minRetryDelayMs: options.minRetryDelayMs,
      maxRetryDelayMs: options.maxRetryDelayMs,
    });
  }

  enqueue(req: Request | string): void {
    this.queue.add(typeof req === 'string' ? req : req.namespace ? `${req.namespace}/${req.name}` : req.name);
  }

  enqueueAfter(req: Request, ms: number): void {
    this.queue.addAfter(req.namespace ? `${req.namespace}/${req.name}` : req.name, ms);
  }

  /**
   * Watches the primary kind: enqueue on add and delete, and on update when `predicate` says so
   * (default: generation or the requestedAt annotation changed; status-only updates are ignored).
   */
  watchPrimary(informer: Informer, predicate: (o: KubeObject, n: KubeObject) => boolean = generationOrRequestedAtChanged): void {
    informer.addEventHandler({
      onAdd: (o) => this.enqueue(objectKey(o)),
      onUpdate: (o, n) => {
        if (predicate(o, n)) this.enqueue(objectKey(n));
      },
      onDelete: (o) => this.enqueue(objectKey(o)),
    });
  }

  /** Watches a related kind and maps each change to requests (e.g. Kustomizations of a source). */
  watchMapped(informer: Informer, map: (obj: KubeObject) => readonly Request[], predicate?: (o: KubeObject, n: KubeObject) => boolean): void {
    informer.addEventHandler({
      onAdd: (o) => map(o).forEach((r) => this.enqueue(r)),
      onUpdate: (o, n) => {
        if (!predicate || predicate(o, n)) map(n).forEach((r) => this.enqueue(r));
      },
      onDelete: (o) => map(o).forEach((r) => this.enqueue(r)),
    });
  }

  /** Runs the workers until the signal aborts; resolves when they have all finished. */
  async run(signal: AbortSignal): Promise<void> {
    const n = Math.max(1, this.options.concurrent ?? 1);
    this.metrics?.maxConcurrent.set({ controller: this.options.name }, n);
    this.metrics?.activeWorkers.set({ controller: this.options.name }, 0);
    signal.addEventListener('abort', () => this.queue.shutdown(), { once: true });
    this.gaugeTimer = setInterval(() => this.queue.updateUnfinishedWork(), 1000);
    this.gaugeTimer.unref();
    this.log.info({ worker_count: n }, 'Starting workers');
    this.workers = Array.from({ length: n }, () => this.worker(signal));
    await Promise.all(this.workers);
    clearInterval(this.gaugeTimer);
    this.log.info('All workers finished');
  }

  private async worker(signal: AbortSignal): Promise<void> {
    for (;;) {
      const key = await this.queue.get();
      if (key === undefined) return;
      try {
        await this.process(key, signal);
      } finally {
        this.queue.done(key);
      }
    }
  }

  private async process(key: string, signal: AbortSignal): Promise<void> {
    const req = splitKey(key);
    const name = this.options.name;
    const log = this.log.child({ [this.options.kind]: { name: req.name, namespace: req.namespace }, namespace: req.namespace, name: req.name, reconcileID: randomUUID() });
    this.active++;
    this.metrics?.activeWorkers.set({ controller: name }, this.active);
    const started = performance.now();
    let result: Result | void;
    try {
      result = await this.options.reconcile(req, { signal, log });
    } catch (err) {
      this.metrics?.reconcileErrors.inc({ controller: name });
      this.metrics?.reconcileTotal.inc({ controller: name, result: 'error' });
      if (!signal.aborted) {
        const delay = this.queue.addRateLimited(key);
        log.error({ err: err instanceof Error ? err.message : String(err), retryIn: `${delay}ms` }, 'Reconciler error');
      }
      return;
    } finally {
      this.active--;
      this.metrics?.activeWorkers.set({ controller: name }, this.active);
      this.metrics?.reconcileTime.observe({ controller: name }, (performance.now() - started) / 1000);
    }
    if (result?.requeueAfterMs && result.requeueAfterMs > 0) {
      this.queue.forget(key);
      this.queue.addAfter(key, result.requeueAfterMs);
      this.metrics?.reconcileTotal.inc({ controller: name, result: 'requeue_after' });
    } else if (result?.requeue) {
      this.queue.addRateLimited(key);
      this.metrics?.reconcileTotal.inc({ controller: name, result: 'requeue' });
    } else {
      this.queue.forget(key);
      this.metrics?.reconcileTotal.inc({ controller: name, result: 'success' });
    }
  }
}
