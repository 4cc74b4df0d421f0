/**
 * A list+watch informer over our raw-JSON client (ARCHITECTURE decision 3): list (paginated) →
 * watch from the list's resourceVersion with bookmarks → on a clean end, re-watch from the last seen
 * resourceVersion (no relist) → on 410 Gone/Expired, relist and diff → on other errors, back off
 * exponentially and resume → if nothing (not even a bookmark) arrives for `stallTimeoutMs`, the
 * watch is presumed stalled and restarted.
 */
import type { KubeClient, KubeObject } from '../client/index.js';
import { isGone } from '../client/index.js';
import { Backoff, defaultBackoffOptions, sleep } from './backoff.js';
import type { BackoffOptions } from './backoff.js';
import { IndexedStore, objectKey } from './store.js';
import type { IndexFunc } from './store.js';

export interface InformerOptions<T extends KubeObject = KubeObject> {
  readonly apiVersion: string;
  readonly kind: string;
  /** Unset watches all namespaces. */
  readonly namespace?: string;
  /** e.g. `sharding.fluxcd.io/key=shard1` (--watch-label-selector). */
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
  /** Start watching from this resourceVersion instead of listing first (relists on 410). */
  readonly resourceVersion?: string;
  /** Restart a watch that delivered no event or bookmark for this long. @default 180000 */
  readonly stallTimeoutMs?: number;
  /** Server-side watch timeout range in seconds (randomised like client-go). @default [300, 600] */
  readonly watchTimeoutSeconds?: readonly [number, number];
  readonly backoff?: BackoffOptions;
  /** Applied to every object before it is stored. @default drops metadata.managedFields */
  readonly transform?: (obj: T) => T;
  /** Cache only metadata (PartialObjectMetadata), e.g. for Secret/ConfigMap watches. @default false */
  readonly metadataOnly?: boolean;
  /** Page size for the list. @default 500 */
  readonly pageSize?: number;
  /** Called with every error the loop recovers from (for logs). */
  readonly onError?: (err: unknown) => void;
}

export interface InformerHandlers<T extends KubeObject = KubeObject> {
  onAdd?(obj: T, initialList: boolean): void;
  onUpdate?(oldObj: T, newObj: T): void;
  onDelete?(obj: T): void;
}

export interface InformerStats {
  lists: number;
  watches: number;
  /** Relists caused by 410 Gone / Expired. */
  relists: number;
  /** Watches restarted by the stall detector. */
  stalls: number;
  errors: number;
  events: number;
  bookmarks: number;
}

export function stripManagedFields<T extends KubeObject>(obj: T): T {
  if (obj.metadata.managedFields) delete obj.metadata.managedFields;
  return obj;
}

export class Informer<T extends KubeObject = KubeObject> {
  readonly store = new IndexedStore<T>();
  readonly stats: InformerStats = { lists: 0, watches: 0, relists: 0, stalls: 0, errors: 0, events: 0, bookmarks: 0 };
  private readonly handlers: InformerHandlers<T>[] = [];
  private rv: string | undefined;
  private synced = false;
  private syncWaiters: (() => void)[] = [];
  private running: Promise<void> | undefined;
  private stop = new AbortController();

  constructor(
    private readonly kube: KubeClient,
    readonly options: InformerOptions<T>,
  ) {
    this.rv = options.resourceVersion;
  }

  /** Registers handlers; objects already in the store are replayed as adds. */
  addEventHandler(h: InformerHandlers<T>): void {
    this.handlers.push(h);
    if (this.synced) for (const o of this.store.list()) h.onAdd?.(o, true);
  }

  addIndex(name: string, fn: IndexFunc<T>): void {
    this.store.addIndex(name, fn);
  }

  get(namespace: string | undefined, name: string): T | undefined {
    return this.store.get(namespace ? `${namespace}/${name}` : name);
  }

  list(): T[] {
    return this.store.list();
  }

  byIndex(name: string, value: string): T[] {
    return this.store.byIndex(name, value);
  }

  hasSynced(): boolean {
    return this.synced;
  }

  /** The last resourceVersion seen (list, event or bookmark). */
  get resourceVersion(): string | undefined {
    return this.rv;
  }

  /** Resolves once the first list (or first watch) has been applied, or when stopped. */
  waitForSync(signal?: AbortSignal): Promise<boolean> {
    if (this.synced) return Promise.resolve(true);
    return new Promise((resolve) => {
      const onAbort = (): void => resolve(false);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.syncWaiters.push(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve(true);
      });
    });
  }

  /** Starts the loop (idempotent). It runs until `stop()` or the signal aborts. */
  start(signal?: AbortSignal): void {
    if (this.running) return;
    signal?.addEventListener('abort', () => this.stop.abort(), { once: true });
    this.running = this.loop().catch((err: unknown) => this.options.onError?.(err));
  }

  async stopAndWait(): Promise<void> {
    this.stop.abort();
    await this.running;
  }

  private transform(obj: T): T {
    return (this.options.transform ?? stripManagedFields)(obj);
  }

  private markSynced(): void {
    if (this.synced) return;
    this.synced = true;
    for (const w of this.syncWaiters.splice(0)) w();
  }

  private async loop(): Promise<void> {
    const backoff = new Backoff(this.options.backoff ?? defaultBackoffOptions());
    const signal = this.stop.signal;
    while (!signal.aborted) {
      try {
        if (this.rv === undefined) await this.relist();
        else if (!this.synced) this.markSynced();
        const stallsBefore = this.stats.stalls;
        const delivered = await this.watchOnce();
        if (delivered) backoff.reset();
        // Repeated silent stalls (a wedged connection or proxy) back off instead of hammering the server.
        else if (this.stats.stalls > stallsBefore) await sleep(backoff.next(), signal);
      } catch (err) {
        if (signal.aborted) break;
        this.stats.errors++;
        if (isGone(err)) {
          // The resourceVersion is older than the server keeps: list again and diff.
          this.stats.relists++;
          this.rv = undefined;
          continue;
        }
        this.options.onError?.(err);
        await sleep(backoff.next(), signal);
      }
    }
  }

  /** Lists everything and reconciles the store with it, emitting add/update/delete. */
  private async relist(): Promise<void> {
    this.stats.lists++;
    const { apiVersion, kind, namespace, labelSelector, fieldSelector } = this.options;
    const list = await this.kube.list<T>(apiVersion, kind, { namespace, labelSelector, fieldSelector, limit: this.options.pageSize ?? 500, metadataOnly: this.options.metadataOnly });
    const initial = !this.synced;
    const seen = new Set<string>();
    for (const raw of list.items) {
      const obj = this.transform(raw);
      const key = objectKey(obj);
      seen.add(key);
      const old = this.store.get(key);
      if (old && old.metadata.resourceVersion === obj.metadata.resourceVersion) continue;
      this.store.upsert(obj);
      if (old) for (const h of this.handlers) h.onUpdate?.(old, obj);
      else for (const h of this.handlers) h.onAdd?.(obj, initial);
    }
    for (const key of this.store.keys()) {
      if (seen.has(key)) continue;
      const gone = this.store.remove(key);
      if (gone) for (const h of this.handlers) h.onDelete?.(gone);
    }
    this.rv = list.metadata.resourceVersion;
    this.markSynced();
  }

  /** One watch; returns whether anything arrived. Throws on errors (410 included). */
  private async watchOnce(): Promise<boolean> {
    this.stats.watches++;
    const [lo, hi] = this.options.watchTimeoutSeconds ?? [300, 600];
    const ac = new AbortController();
    const onStop = (): void => ac.abort();
    this.stop.signal.addEventListener('abort', onStop, { once: true });
    const stallMs = this.options.stallTimeoutMs ?? 180_000;
    let stalled = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stalled = true;
        ac.abort();
      }, stallMs);
    };
    let delivered = false;
    try {
      arm();
      const { apiVersion, kind, namespace, labelSelector, fieldSelector } = this.options;
      for await (const ev of this.kube.watch<T>(apiVersion, kind, {
        namespace,
        labelSelector,
        fieldSelector,
        resourceVersion: this.rv,
        allowWatchBookmarks: true,
        timeoutSeconds: Math.floor(lo + Math.random() * (hi - lo)),
        signal: ac.signal,
        metadataOnly: this.options.metadataOnly,
      })) {
        arm();
        delivered = true;
        this.rv = ev.object.metadata.resourceVersion ?? this.rv;
        if (ev.type === 'BOOKMARK') {
          this.stats.bookmarks++;
          continue;
        }
        this.stats.events++;
        this.apply(ev.type, this.transform(ev.object));
      }
    } finally {
      clearTimeout(timer);
      this.stop.signal.removeEventListener('abort', onStop);
    }
    if (stalled && !this.stop.signal.aborted) {
      this.stats.stalls++;
      this.options.onError?.(new Error(`watch of ${this.options.kind} stalled: nothing received for ${stallMs}ms, restarting`));
    }
    return delivered;
  }

  private apply(type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'ERROR', obj: T): void {
    const key = objectKey(obj);
    if (type === 'DELETED') {
      const old = this.store.remove(key) ?? obj;
      for (const h of this.handlers) h.onDelete?.(old);
      return;
    }
    const old = this.store.upsert(obj);
    if (old) for (const h of this.handlers) h.onUpdate?.(old, obj);
    else for (const h of this.handlers) h.onAdd?.(obj, false);
  }
}
