/**
 * The Manager runs a process's controllers the way controller-runtime's manager does: one client,
 * one shared cache (started before election so standbys stay warm), health and metrics endpoints,
 * and per-controller leader election — controllers that share a lease ID start together once this
 * process holds that Lease. Losing a lease stops the manager with an error (controller-runtime
 * exits the process). `start(signal)` resolves after a graceful shutdown: workers drain, leases are
 * released, servers close.
 */
import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Cache } from '../cache/index.js';
import type { KubeClient } from '../client/index.js';
import type { Logger } from '../logging/index.js';
import { ControllerMetrics } from '../metrics/index.js';
import { Controller } from './controller.js';
import type { ControllerOptions } from './controller.js';
import { serveHealth, serveMetrics } from './http-endpoints.js';
import type { Endpoint } from './http-endpoints.js';
import { jitteredIntervalMs } from './jitter.js';
import { LeaderElector } from './leader-election.js';
import { leaderElectionId } from './options.js';
import type { ManagerOptions } from './options.js';

/** Something the manager runs until shutdown (a controller, a server, a poller). */
export interface Runnable {
  readonly name: string;
  /** Lease ID gating this runnable; unset runs it on every replica. */
  readonly leaderElectionId?: string;
  start(signal: AbortSignal): Promise<void>;
}

export interface ManagerDeps {
  readonly kube: KubeClient;
  readonly log: Logger;
  readonly options: ManagerOptions;
  readonly metrics?: ControllerMetrics;
  /** @default `<hostname>_<uuid>` */
  readonly identity?: string;
}

export class Manager {
  readonly kube: KubeClient;
  readonly cache: Cache;
  readonly metrics: ControllerMetrics;
  readonly log: Logger;
  readonly options: ManagerOptions;
  readonly identity: string;
  private readonly runnables: Runnable[] = [];
  private readonly electors = new Map<string, LeaderElector>();
  private started = false;
  private ready = false;
  /** Bound endpoint addresses once started (useful with port 0). */
  healthAddress = '';
  metricsAddress = '';
  private markListening: () => void = () => undefined;
  /** Resolves once the health and metrics endpoints are bound. */
  readonly listening: Promise<void> = new Promise((resolve) => (this.markListening = resolve));

  constructor(deps: ManagerDeps) {
    this.kube = deps.kube;
    this.log = deps.log;
    this.options = deps.options;
    this.metrics = deps.metrics ?? new ControllerMetrics();
    this.identity = deps.identity ?? `${hostname()}_${randomUUID()}`;
    this.cache = new Cache(this.kube, {
      labelSelector: this.options.watchLabelSelector || undefined,
      namespace: this.options.watchAllNamespaces ? undefined : this.options.runtimeNamespace,
      onError: (err) => this.log.error({ err: err instanceof Error ? err.message : String(err) }, 'watch error'),
    });
    this.kube.onRequest((verb, code, _secs) => {
      this.metrics.restRequests.inc({ code: code ? String(code) : '<error>', method: verb === 'list' || verb === 'watch' || verb === 'discovery' ? 'GET' : verb.toUpperCase(), host: hostOf(this.kube.connection.server) });
    });
  }

  /** The Lease name for a controller (e.g. `source-controller`), hashed with the shard selector. */
  leaseIdFor(controller: string): string {
    return leaderElectionId(controller, this.options.watchLabelSelector, (s) => createHash('sha256').update(s).digest('hex'));
  }

  /** A jittered success interval (--interval-jitter-percentage). */
  jitter(intervalMs: number): number {
    return jitteredIntervalMs(intervalMs, this.options.intervalJitterPercentage);
  }

  add(r: Runnable): void {
    if (this.started) throw new Error(`cannot add ${r.name}: the manager has already started`);
    this.runnables.push(r);
  }

  /** Creates a controller with the manager's retry delays, concurrency and metrics, and adds it. */
  newController(opts: ControllerOptions & { leaderElectionId?: string }): Controller {
    const c = new Controller(
      {
        concurrent: this.options.concurrent,
        minRetryDelayMs: this.options.minRetryDelayMs,
        maxRetryDelayMs: this.options.maxRetryDelayMs,
        ...opts,
      },
      { metrics: this.metrics, log: this.log },
    );
    this.add({
      name: opts.name,
      leaderElectionId: opts.leaderElectionId,
      start: async (signal) => {
        if (!(await this.cache.waitForSync(signal))) return;
        await c.run(signal);
      },
    });
    return c;
  }

  /** True once this process holds the lease `id` (always true without leader election). */
  isLeader(id: string): boolean {
    if (!this.options.enableLeaderElection) return true;
    return this.electors.get(id)?.isLeader() ?? false;
  }

  /** Runs until `signal` aborts (graceful) or a lease is lost (rejects). */
  async start(signal: AbortSignal): Promise<void> {
    if (this.started) throw new Error('the manager was already started');
    this.started = true;
    const inner = new AbortController();
    const onAbort = (): void => inner.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    const endpoints: Endpoint[] = [];
    let lost: Error | undefined;
    try {
      const health = await serveHealth(this.options.healthAddr, { healthz: () => true, readyz: () => this.ready });
      endpoints.push(health);
      this.healthAddress = health.address;
      const metrics = await serveMetrics(this.options.metricsAddr, this.metrics);
      endpoints.push(metrics);
      this.metricsAddress = metrics.address;
      this.log.info({ health: health.address, metrics: metrics.address, identity: this.identity }, 'starting manager');
      this.markListening();
      this.cache.start(inner.signal);
      const groups = new Map<string, Runnable[]>();
      for (const r of this.runnables) {
        const id = this.options.enableLeaderElection ? (r.leaderElectionId ?? '') : '';
        groups.set(id, [...(groups.get(id) ?? []), r]);
      }
      this.ready = true;
      const runs = [...groups].map(([id, rs]) =>
        this.runGroup(id, rs, inner.signal).catch((err: unknown) => {
          lost = err instanceof Error ? err : new Error(String(err));
          inner.abort();
        }),
      );
      await Promise.all(runs);
    } finally {
      signal.removeEventListener('abort', onAbort);
      inner.abort();
      await this.cache.stop();
      await Promise.all(endpoints.map((e) => e.close()));
      this.ready = false;
      this.log.info('manager stopped');
    }
    if (lost) throw lost;
  }

  private async runGroup(id: string, rs: Runnable[], signal: AbortSignal): Promise<void> {
    if (!id) {
      await Promise.all(rs.map((r) => r.start(signal)));
      return;
    }
    const elector = new LeaderElector(
      this.kube,
      {
        id,
        namespace: this.options.runtimeNamespace,
        identity: this.identity,
        leaseDurationMs: this.options.leaderElectionLeaseDurationMs,
        renewDeadlineMs: this.options.leaderElectionRenewDeadlineMs,
        retryPeriodMs: this.options.leaderElectionRetryPeriodMs,
        releaseOnCancel: this.options.leaderElectionReleaseOnCancel,
      },
      this.log.child({ lease: id }),
    );
    this.electors.set(id, elector);
    this.metrics.leaderStatus.set({ name: id }, 0);
    if (!(await elector.acquire(signal))) return;
    this.metrics.leaderStatus.set({ name: id }, 1);
    const group = new AbortController();
    const stopGroup = (): void => group.abort();
    signal.addEventListener('abort', stopGroup, { once: true });
    const work = Promise.all(rs.map((r) => r.start(group.signal)));
    const outcome = await elector.hold(signal);
    this.metrics.leaderStatus.set({ name: id }, 0);
    group.abort();
    signal.removeEventListener('abort', stopGroup);
    await work;
    if (outcome === 'stopped') await elector.stepDown();
    if (outcome === 'lost') throw new Error(`leader election lost for lease ${this.options.runtimeNamespace}/${id}`);
  }
}

function hostOf(server: string): string {
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}
