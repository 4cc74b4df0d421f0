/**
 * A worker_threads pool for CPU-heavy work (ARCHITECTURE decision 4: one big kustomize build or
 * Helm render must not stall every other reconcile on the event loop). A task is a module path +
 * export name + structured-cloneable input; the export runs in a worker and its return value comes
 * back. The queue is bounded (a full queue rejects at once, so callers see back-pressure), errors
 * come back as Errors with the worker's message and stack, a crashed worker is replaced, and an
 * aborted running task terminates its worker (the only way to stop CPU-bound code).
 *
 * Memory: a worker is its own V8 isolate (~10 MiB empty, more once it has imported the task's module
 * tree and grown its young generation), so workers start on demand — up to `size`, when a task finds
 * none free — and a worker idle for `idleTimeoutMs` exits; the next task starts a fresh one.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ResultMessage, SerializedError, TaskMessage } from './protocol.js';

export interface Task {
  /** Absolute path or file: URL of an ES module. */
  readonly module: string;
  /** The exported function to call with `input`; may be async. */
  readonly exportName: string;
  /** Structured-cloneable input. */
  readonly input?: unknown;
}

export interface WorkerPoolOptions {
  /** Most workers at once (started on demand). @default max(1, availableParallelism() - 1) */
  readonly size?: number;
  /** A worker with no task for this long exits (0: never). @default 60000 */
  readonly idleTimeoutMs?: number;
  /** Tasks allowed to wait. @default 1000 */
  readonly maxQueue?: number;
  /** Per-worker heap limit in MB (resourceLimits.maxOldGenerationSizeMb). */
  readonly maxOldGenerationSizeMb?: number;
  /** Per-worker young generation limit in MB (resourceLimits.maxYoungGenerationSizeMb). @default V8's */
  readonly maxYoungGenerationSizeMb?: number;
}

/** How long an idle worker is kept by default. */
export const defaultIdleTimeoutMs = 60_000;

export class QueueFullError extends Error {
  override readonly name = 'QueueFullError';
}

export class TaskError extends Error {
  override readonly name = 'TaskError';
  readonly code?: string;
  constructor(readonly remote: SerializedError) {
    super(remote.message);
    this.code = remote.code;
    if (remote.stack) this.stack = `${remote.name}: ${remote.message}\n    (in worker)\n${remote.stack.split('\n').slice(1).join('\n')}`;
  }
}

interface Pending {
  readonly msg: TaskMessage;
  resolve(v: unknown): void;
  reject(e: unknown): void;
  readonly signal?: AbortSignal;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker;
  busy?: Pending;
  /** The worker loaded its entry module (a crash before that is a broken install, not a task failure). */
  ready?: boolean;
  /** Ends an idle worker after idleTimeoutMs. */
  idleTimer?: NodeJS.Timeout;
}

/** The worker entry next to this file (.ts under tsx, .js when built). */
function workerUrl(): URL {
  const here = import.meta.url;
  return new URL(here.endsWith('.ts') ? './worker.ts' : './worker.js', here);
}

/**
 * Loader hooks registered with `--import` do not reach worker threads on Node 20, so under tsx
 * (tests, `npm run sluice`) the worker first registers tsx itself; built code loads worker.js directly.
 */
function newWorker(opts: ConstructorParameters<typeof Worker>[1]): Worker {
  const url = workerUrl();
  if (!url.pathname.endsWith('.ts')) return new Worker(url, opts);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { ...opts, eval: true });
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  /** Set when workers cannot start at all: every task fails with it instead of respawning forever. */
  private broken: Error | undefined;
  readonly stats = { completed: 0, failed: 0, rejectedFull: 0, workersReplaced: 0, workersStarted: 0, workersIdledOut: 0 };
  private readonly maxSize: number;

  constructor(private readonly opts: WorkerPoolOptions = {}) {
    this.maxSize = Math.max(1, opts.size ?? availableParallelism() - 1);
  }

  /** The most workers this pool runs at once. */
  get size(): number {
    return this.maxSize;
  }

  /** Workers running now (started on demand, ended when idle). */
  get live(): number {
    return this.slots.length;
  }

  get queued(): number {
    return this.queue.length;
  }

  private spawn(): Slot {
    const { maxOldGenerationSizeMb, maxYoungGenerationSizeMb } = this.opts;
    const limits = { ...(maxOldGenerationSizeMb ? { maxOldGenerationSizeMb } : {}), ...(maxYoungGenerationSizeMb ? { maxYoungGenerationSizeMb } : {}) };
    const worker = newWorker({ resourceLimits: Object.keys(limits).length ? limits : undefined });
    worker.unref();
    this.stats.workersStarted++;
    const slot: Slot = { worker };
    worker.on('message', (m: ResultMessage | { ready: true }) => {
      if ('ready' in m) slot.ready = true;
      else this.onResult(slot, m);
    });
    worker.on('error', (err) => this.onCrash(slot, err));
    worker.on('exit', (code) => {
      if (slot.busy || !this.closed) this.onCrash(slot, new Error(`worker exited with code ${code}`));
    });
    return slot;
  }

  /** A free worker, or a new one when fewer than `size` run. */
  private freeSlot(): Slot | undefined {
    const free = this.slots.find((s) => !s.busy);
    if (free || this.slots.length >= this.maxSize) return free;
    const slot = this.spawn();
    this.slots.push(slot);
    return slot;
  }

  private armIdle(slot: Slot): void {
    const ms = this.opts.idleTimeoutMs ?? defaultIdleTimeoutMs;
    if (ms <= 0) return;
    clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => this.retire(slot), ms);
    slot.idleTimer.unref();
  }

  /** Ends an idle worker (its slot goes first, so its exit is not taken for a crash). */
  private retire(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i < 0 || slot.busy) return;
    this.slots.splice(i, 1);
    this.stats.workersIdledOut++;
    void slot.worker.terminate();
  }

  /** Runs a task in a worker. Rejects with QueueFullError when the queue is full. */
  run<T = unknown>(task: Task, opts: { signal?: AbortSignal } = {}): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    if (this.broken) return Promise.reject(this.broken);
    if (opts.signal?.aborted) return Promise.reject(opts.signal.reason ?? new Error('aborted'));
    const free = this.freeSlot();
    if (!free && this.queue.length >= (this.opts.maxQueue ?? 1000)) {
      this.stats.rejectedFull++;
      return Promise.reject(new QueueFullError(`the worker pool queue is full (${this.queue.length} tasks waiting)`));
    }
    return new Promise<T>((resolve, reject) => {
      const p: Pending = {
        msg: { id: this.nextId++, module: task.module, exportName: task.exportName, input: task.input },
        resolve: resolve as (v: unknown) => void,
        reject,
        signal: opts.signal,
      };
      if (opts.signal) {
        p.onAbort = () => this.abort(p);
        opts.signal.addEventListener('abort', p.onAbort, { once: true });
      }
      if (free) this.dispatch(free, p);
      else this.queue.push(p);
    });
  }

  private dispatch(slot: Slot, p: Pending): void {
    clearTimeout(slot.idleTimer);
    slot.busy = p;
    slot.worker.ref();
    slot.worker.postMessage(p.msg);
  }

  private settle(p: Pending): void {
    if (p.onAbort) p.signal?.removeEventListener('abort', p.onAbort);
  }

  private next(slot: Slot): void {
    slot.busy = undefined;
    const p = this.queue.shift();
    if (p) this.dispatch(slot, p);
    else {
      slot.worker.unref();
      this.armIdle(slot);
    }
  }

  private onResult(slot: Slot, m: ResultMessage): void {
    const p = slot.busy;
    if (!p || p.msg.id !== m.id) return;
    this.settle(p);
    if (m.ok) {
      this.stats.completed++;
      p.resolve(m.value);
    } else {
      this.stats.failed++;
      p.reject(new TaskError(m.error));
    }
    this.next(slot);
  }

  /** A worker died or was terminated for an aborted task (`aborted`: never a sign of a broken install). */
  private onCrash(slot: Slot, err: Error, aborted = false): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    const p = slot.busy;
    slot.busy = undefined;
    if (p) {
      this.settle(p);
      this.stats.failed++;
      p.reject(err);
    }
    clearTimeout(slot.idleTimer);
    void slot.worker.terminate();
    if (!slot.ready && !aborted && !this.closed && !this.broken) this.broken = new Error(`worker threads cannot start: ${err.message}`, { cause: err });
    if (this.broken) {
      for (const q of this.queue.splice(0)) q.reject(this.broken);
      this.slots.splice(i, 1);
      return;
    }
    if (this.closed) {
      this.slots.splice(i, 1);
      return;
    }
    this.stats.workersReplaced++;
    if (this.queue.length === 0) {
      // Nothing waits: the next task starts a worker on demand.
      this.slots.splice(i, 1);
      return;
    }
    const fresh = this.spawn();
    this.slots[i] = fresh;
    this.next(fresh);
  }

  private abort(p: Pending): void {
    const reason = p.signal?.reason ?? new Error('aborted');
    const qi = this.queue.indexOf(p);
    if (qi >= 0) {
      this.queue.splice(qi, 1);
      p.reject(reason);
      return;
    }
    const slot = this.slots.find((s) => s.busy === p);
    if (slot) this.onCrash(slot, reason instanceof Error ? reason : new Error(String(reason)), true);
  }

  /** Rejects queued tasks, waits for nothing, and terminates the workers. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('the worker pool is closed'));
    for (const s of this.slots) clearTimeout(s.idleTimer);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
