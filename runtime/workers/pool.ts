/**
 * A worker_threads pool for CPU-heavy work (ARCHITECTURE decision 4: one big kustomize build or
 * Helm render must not stall every other reconcile on the event loop). A task is a module path +
 * export name + structured-cloneable input; the export runs in a worker and its return value comes
 * back. The queue is bounded (a full queue rejects at once, so callers see back-pressure), errors
 * come back as Errors with the worker's message and stack, a crashed worker is replaced, and an
 * aborted running task terminates its worker (the only way to stop CPU-bound code).
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
  /** Workers. @default max(1, availableParallelism() - 1) */
  readonly size?: number;
  /** Tasks allowed to wait. @default 1000 */
  readonly maxQueue?: number;
  /** Per-worker heap limit in MB (resourceLimits.maxOldGenerationSizeMb). */
  readonly maxOldGenerationSizeMb?: number;
}

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
  readonly stats = { completed: 0, failed: 0, rejectedFull: 0, workersReplaced: 0 };

  constructor(private readonly opts: WorkerPoolOptions = {}) {
    const size = Math.max(1, opts.size ?? availableParallelism() - 1);
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  get queued(): number {
    return this.queue.length;
  }

  private spawn(): Slot {
    const worker = newWorker({
      resourceLimits: this.opts.maxOldGenerationSizeMb ? { maxOldGenerationSizeMb: this.opts.maxOldGenerationSizeMb } : undefined,
    });
    worker.unref();
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

  /** Runs a task in a worker. Rejects with QueueFullError when the queue is full. */
  run<T = unknown>(task: Task, opts: { signal?: AbortSignal } = {}): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    if (this.broken) return Promise.reject(this.broken);
    if (opts.signal?.aborted) return Promise.reject(opts.signal.reason ?? new Error('aborted'));
    const free = this.slots.find((s) => !s.busy);
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
    else slot.worker.unref();
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

  private onCrash(slot: Slot, err: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    const p = slot.busy;
    slot.busy = undefined;
    if (p) {
      this.settle(p);
      this.stats.failed++;
      p.reject(err);
    }
    void slot.worker.terminate();
    if (!slot.ready && !this.closed && !this.broken) this.broken = new Error(`worker threads cannot start: ${err.message}`, { cause: err });
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
    if (slot) this.onCrash(slot, reason instanceof Error ? reason : new Error(String(reason)));
  }

  /** Rejects queued tasks, waits for nothing, and terminates the workers. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('the worker pool is closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
