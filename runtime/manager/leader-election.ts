/**
 * Leader election on a coordination.k8s.io/v1 Lease, with client-go's algorithm: a candidate takes
 * the lease when it is free or when the holder has not renewed it for `leaseDuration` as observed on
 * OUR clock (never comparing server timestamps with local time, so clock skew is harmless); the
 * leader renews every `retryPeriod` and gives up leadership if it cannot renew within
 * `renewDeadline`. On a clean stop the lease is released (Flux --leader-election-release-on-cancel)
 * so a successor takes over at once. All writes use optimistic concurrency (resourceVersion).
 */
import type { KubeClient, KubeObject } from '../client/index.js';
import { isAlreadyExists, isConflict, isNotFound } from '../client/index.js';
import { sleep } from '../cache/index.js';
import type { Logger } from '../logging/index.js';

export interface LeaderElectionOptions {
  /** The Lease name, e.g. `source-controller-leader-election`. */
  readonly id: string;
  readonly namespace: string;
  /** This process's identity (hostname + random suffix). */
  readonly identity: string;
  /** @default 35000 (Flux --leader-election-lease-duration=35s) */
  readonly leaseDurationMs?: number;
  /** @default 30000 (Flux --leader-election-renew-deadline=30s) */
  readonly renewDeadlineMs?: number;
  /** @default 5000 (Flux --leader-election-retry-period=5s) */
  readonly retryPeriodMs?: number;
  /** @default true */
  readonly releaseOnCancel?: boolean;
}

interface LeaseSpec {
  holderIdentity?: string;
  leaseDurationSeconds?: number;
  acquireTime?: string;
  renewTime?: string;
  leaseTransitions?: number;
}

interface Lease extends KubeObject {
  spec?: LeaseSpec;
}

/** Go's metav1.MicroTime wire format: RFC 3339 with microseconds. */
function microTime(d = new Date()): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export class LeaderElector {
  private observed: { record: string; at: number } | undefined;
  private lease: Lease | undefined;
  private leading = false;
  readonly leaseDurationMs: number;
  readonly renewDeadlineMs: number;
  readonly retryPeriodMs: number;

  constructor(
    private readonly kube: KubeClient,
    readonly options: LeaderElectionOptions,
    private readonly log: Logger,
  ) {
    this.leaseDurationMs = options.leaseDurationMs ?? 35_000;
    this.renewDeadlineMs = options.renewDeadlineMs ?? 30_000;
    this.retryPeriodMs = options.retryPeriodMs ?? 5_000;
    if (this.leaseDurationMs <= this.renewDeadlineMs) throw new Error('leaseDuration must be greater than renewDeadline');
  }

  isLeader(): boolean {
    return this.leading;
  }

  private ref(): { apiVersion: string; kind: string; namespace: string; name: string } {
    return { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace: this.options.namespace, name: this.options.id };
  }

  /** One acquire-or-renew attempt; true when we hold the lease afterwards. */
  async tryAcquireOrRenew(): Promise<boolean> {
    const now = new Date();
    const desired: LeaseSpec = {
      holderIdentity: this.options.identity,
      leaseDurationSeconds: Math.round(this.leaseDurationMs / 1000),
      acquireTime: microTime(now),
      renewTime: microTime(now),
      leaseTransitions: 0,
    };
    let current: Lease | undefined;
    try {
      current = await this.kube.get<Lease>(this.ref());
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    if (!current) {
      try {
        this.lease = await this.kube.create<Lease>({ ...this.ref(), metadata: { name: this.options.id, namespace: this.options.namespace }, spec: desired });
        this.observe(this.lease);
        return true;
      } catch (err) {
        if (isAlreadyExists(err)) return false;
        throw err;
      }
    }
    const spec = current.spec ?? {};
    this.observe(current);
    const holder = spec.holderIdentity ?? '';
    const mine = holder === this.options.identity;
    const heldMs = (spec.leaseDurationSeconds ?? 0) * 1000;
    const expired = !this.observed || this.observed.at + heldMs <= performance.now();
    if (holder && !mine && !expired) return false;
    if (mine) {
      desired.acquireTime = spec.acquireTime;
      desired.leaseTransitions = spec.leaseTransitions ?? 0;
    } else {
      desired.leaseTransitions = (spec.leaseTransitions ?? 0) + 1;
    }
    try {
      this.lease = await this.kube.update<Lease>({ ...current, spec: desired });
      this.observe(this.lease);
      return true;
    } catch (err) {
      if (isConflict(err)) return false;
      throw err;
    }
  }

  private observe(lease: Lease): void {
    const record = JSON.stringify(lease.spec ?? {});
    if (this.observed?.record !== record) this.observed = { record, at: performance.now() };
  }

  /**
   * Campaigns until elected (resolves true) or the signal aborts (false). Errors are logged and
   * retried every retryPeriod.
   */
  async acquire(signal: AbortSignal): Promise<boolean> {
    this.log.info({ lease: `${this.options.namespace}/${this.options.id}` }, 'attempting to acquire leader lease...');
    while (!signal.aborted) {
      try {
        if (await this.tryAcquireOrRenew()) {
          this.leading = true;
          this.log.info({ lease: `${this.options.namespace}/${this.options.id}`, identity: this.options.identity }, 'successfully acquired lease');
          return true;
        }
      } catch (err) {
        this.log.error({ err: err instanceof Error ? err.message : String(err) }, 'error retrieving resource lock');
      }
      await sleep(this.retryPeriodMs * (1 + Math.random() * 0.2), signal);
    }
    return false;
  }

  /**
   * Renews every retryPeriod while leading. Resolves 'stopped' when the signal aborts (still
   * leading: the caller drains its work, then calls `stepDown()`), or 'lost' when a renewal could not
   * succeed within renewDeadline or another holder took the lease.
   */
  async hold(signal: AbortSignal): Promise<'stopped' | 'lost'> {
    let lastRenew = performance.now();
    while (!signal.aborted) {
      await sleep(this.retryPeriodMs, signal);
      if (signal.aborted) break;
      let ok = false;
      try {
        ok = await this.tryAcquireOrRenew();
      } catch (err) {
        this.log.error({ err: err instanceof Error ? err.message : String(err) }, 'failed to renew lease');
      }
      if (ok) {
        lastRenew = performance.now();
        continue;
      }
      // Lost: another candidate holds a valid lease, or we could not renew within renewDeadline.
      if (this.heldByOther() || performance.now() - lastRenew >= this.renewDeadlineMs) {
        this.leading = false;
        this.log.error({ lease: `${this.options.namespace}/${this.options.id}` }, 'leader election lost');
        return 'lost';
      }
    }
    return 'stopped';
  }

  private heldByOther(): boolean {
    if (!this.observed) return false;
    const spec = JSON.parse(this.observed.record) as LeaseSpec;
    return Boolean(spec.holderIdentity) && spec.holderIdentity !== this.options.identity;
  }

  /** Stops leading; releases the lease when releaseOnCancel (the default). */
  async stepDown(): Promise<void> {
    if (this.leading && (this.options.releaseOnCancel ?? true)) await this.release();
    this.leading = false;
  }

  /** Gives the lease up so a successor need not wait for it to expire. */
  async release(): Promise<void> {
    if (!this.lease) return;
    const now = microTime();
    try {
      await this.kube.update<Lease>({
        ...this.lease,
        spec: { ...this.lease.spec, holderIdentity: '', leaseDurationSeconds: 1, renewTime: now, acquireTime: now },
      });
      this.log.info({ lease: `${this.options.namespace}/${this.options.id}` }, 'released leader lease');
    } catch (err) {
      this.log.error({ err: err instanceof Error ? err.message : String(err) }, 'failed to release lease');
    }
  }
}
