/**
 * The manager's shared cache: one informer per (apiVersion, kind, namespace, label selector), so two
 * controllers watching GitRepositories share one watch. Applies the manager-wide label selector
 * (--watch-label-selector) and namespace restriction (--watch-all-namespaces=false) to the kinds
 * that opt in (the controllers' own kinds), never to the objects they merely read.
 */
import type { KubeClient, KubeObject } from '../client/index.js';
import { Informer } from './informer.js';
import type { InformerOptions } from './informer.js';

export interface CacheOptions {
  /** Restrict watched objects to one namespace (Flux: --watch-all-namespaces=false). */
  readonly namespace?: string;
  /** Flux's --watch-label-selector, applied to informers created with `sharded: true`. */
  readonly labelSelector?: string;
  readonly stallTimeoutMs?: number;
  readonly onError?: (err: unknown) => void;
}

export interface InformerKey {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly labelSelector?: string;
  /** Apply the cache-wide label selector (sharding) and namespace. @default false */
  readonly sharded?: boolean;
  /** Cache metadata only. @default false */
  readonly metadataOnly?: boolean;
}

export class Cache {
  private readonly informers = new Map<string, Informer>();
  private signal: AbortSignal | undefined;

  constructor(
    readonly kube: KubeClient,
    readonly options: CacheOptions = {},
  ) {}

  /** The shared informer for a key (created on first use; started if the cache is running). */
  informer<T extends KubeObject = KubeObject>(key: InformerKey, extra: Partial<InformerOptions<T>> = {}): Informer<T> {
    const namespace = key.namespace ?? (key.sharded ? this.options.namespace : undefined);
    const selectors = [key.labelSelector, key.sharded ? this.options.labelSelector : undefined].filter(Boolean);
    const labelSelector = selectors.length ? selectors.join(',') : undefined;
    const id = `${key.apiVersion}|${key.kind}|${namespace ?? ''}|${labelSelector ?? ''}|${key.metadataOnly ? 'meta' : 'full'}`;
    let inf = this.informers.get(id) as Informer<T> | undefined;
    if (!inf) {
      inf = new Informer<T>(this.kube, {
        stallTimeoutMs: this.options.stallTimeoutMs,
        onError: this.options.onError,
        ...extra,
        apiVersion: key.apiVersion,
        kind: key.kind,
        namespace,
        labelSelector,
        metadataOnly: key.metadataOnly,
      });
      this.informers.set(id, inf as unknown as Informer);
      if (this.signal) inf.start(this.signal);
    }
    return inf;
  }

  /** Starts every informer (and any created later) until the signal aborts. */
  start(signal: AbortSignal): void {
    this.signal = signal;
    for (const inf of this.informers.values()) inf.start(signal);
  }

  /** Resolves true when every informer has synced (false if the signal aborts first). */
  async waitForSync(signal?: AbortSignal): Promise<boolean> {
    const results = await Promise.all([...this.informers.values()].map((i) => i.waitForSync(signal)));
    return results.every(Boolean);
  }

  async stop(): Promise<void> {
    await Promise.all([...this.informers.values()].map((i) => i.stopAndWait()));
  }

  all(): Informer[] {
    return [...this.informers.values()];
  }
}
