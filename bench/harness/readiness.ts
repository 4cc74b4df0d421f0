/**
 * Watch-driven completion tracking: list once, then watch from that resourceVersion, and note the moment
 * the last named object satisfies a predicate (no polling cadence in the measurement).
 */
import { isGone } from '../../runtime/client/index.js';
import type { KubeClient, KubeObject } from '../../runtime/client/index.js';

/** A set of objects of one kind in one namespace. */
export interface Tracked {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace: string;
  readonly names: readonly string[];
}

export type Predicate = (obj: KubeObject) => boolean;

interface Condition {
  readonly type?: string;
  readonly status?: string;
}

interface FluxStatus {
  readonly observedGeneration?: number;
  readonly conditions?: readonly Condition[];
  readonly lastHandledReconcileAt?: string;
}

const statusOf = (obj: KubeObject): FluxStatus => (obj['status'] ?? {}) as FluxStatus;

/** kstatus Current for a Flux object: Ready=True for the current generation. */
export const readyForGeneration: Predicate = (obj) => {
  const st = statusOf(obj);
  return (
    st.observedGeneration === obj.metadata.generation &&
    (st.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
  );
};

/** The object handled the reconcile request `token` (status.lastHandledReconcileAt). */
export const handledRequest =
  (token: string): Predicate =>
  (obj) =>
    statusOf(obj).lastHandledReconcileAt === token;

export interface Completion {
  /** Milliseconds from `t0` to the moment the last object of each kind satisfied the predicate. */
  readonly perKindMs: Readonly<Record<string, number>>;
  readonly allMs: number;
}

export class TimeoutError extends Error {
  readonly pending: Readonly<Record<string, readonly string[]>>;
  constructor(message: string, pending: Record<string, string[]>) {
    super(message);
    this.pending = pending;
  }
}

/**
 * Starts watching now; resolves once every tracked object satisfies `predicate`, with times relative
 * to `t0()` (read when the watch is established, so call `start` before creating objects and set t0
 * at the first write).
 */
export class CompletionWatch {
  private readonly abort = new AbortController();
  private readonly pending = new Map<string, Set<string>>();
  private readonly doneAt = new Map<string, number>();
  private readonly ready: Promise<void>[] = [];
  private finished!: Promise<void>;

  constructor(
    private readonly client: KubeClient,
    private readonly tracked: readonly Tracked[],
    private readonly predicate: Predicate,
  ) {}

  /** Lists every tracked kind and opens the watches; resolves once they are established. */
  async start(): Promise<void> {
    const loops: Promise<void>[] = [];
    for (const t of this.tracked) {
      this.pending.set(t.kind, new Set(t.names));
      let established!: () => void;
      this.ready.push(new Promise<void>((r) => (established = r)));
      loops.push(this.loop(t, established));
    }
    this.finished = Promise.all(loops).then(() => undefined);
    // A loop that fails before establishing must not leave start() hanging.
    await Promise.race([Promise.all(this.ready), this.finished]);
  }

  /** Resolves with completion times, or rejects with TimeoutError listing what is still pending. */
  async wait(t0: number, timeoutMs: number): Promise<Completion> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const pending: Record<string, string[]> = {};
        for (const [k, s] of this.pending) if (s.size) pending[k] = [...s];
        const count = Object.values(pending).reduce((a, b) => a + b.length, 0);
        reject(new TimeoutError(`${count} object(s) not done after ${timeoutMs} ms`, pending));
      }, timeoutMs);
    });
    try {
      await Promise.race([this.finished, timeout]);
    } finally {
      clearTimeout(timer);
      this.abort.abort();
    }
    const perKindMs: Record<string, number> = {};
    for (const [k, at] of this.doneAt) perKindMs[k] = Math.round(at - t0);
    return { perKindMs, allMs: Math.max(...Object.values(perKindMs)) };
  }

  /** Stops watching (after a failure elsewhere). */
  close(): void {
    this.abort.abort();
  }

  private observe(kind: string, obj: KubeObject): boolean {
    const set = this.pending.get(kind)!;
    const name = obj.metadata.name ?? '';
    if (set.has(name) && this.predicate(obj)) {
      set.delete(name);
      if (set.size === 0) this.doneAt.set(kind, performance.now());
    }
    return set.size === 0;
  }

  private async loop(t: Tracked, established: () => void): Promise<void> {
    const signal = this.abort.signal;
    let rv: string | undefined;
    while (!signal.aborted) {
      if (rv === undefined) {
        const list = await this.client.list(t.apiVersion, t.kind, { namespace: t.namespace });
        rv = list.metadata.resourceVersion;
        for (const o of list.items) if (this.observe(t.kind, o)) break;
        established();
        if (this.pending.get(t.kind)!.size === 0) {
          this.doneAt.set(t.kind, this.doneAt.get(t.kind) ?? performance.now());
          return;
        }
      }
      try {
        for await (const ev of this.client.watch(t.apiVersion, t.kind, {
          namespace: t.namespace,
          resourceVersion: rv,
          timeoutSeconds: 300,
          signal,
        })) {
          rv = ev.object.metadata.resourceVersion ?? rv;
          if (ev.type === 'BOOKMARK' || ev.type === 'DELETED') continue;
          if (this.observe(t.kind, ev.object)) return;
        }
      } catch (err) {
        if (signal.aborted) return;
        if (isGone(err)) rv = undefined;
        else throw err;
      }
    }
  }
}
