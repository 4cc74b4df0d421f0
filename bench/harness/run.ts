/**
 * One benchmark run of one implementation on a fresh control plane:
 *   cluster + CRDs + identities → Git server → controllers → setup objects →
 *   [create phase]    t0 = first write of the Flux objects; until every tracked object is Ready for its generation
 *   [reconcile phase] annotate reconcile.fluxcd.io/requestedAt on every Flux object; until every
 *                     status.lastHandledReconcileAt equals it
 *   → stop everything.
 * API requests per phase = Δ apiserver_request_total minus the harness's own requests (its client counts
 * them). That remainder is the controllers plus kube-controller-manager (same for both implementations).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { KubeClient } from '../../runtime/client/index.js';
import { refOf } from '../../runtime/client/index.js';
import { startBenchCluster } from './cluster.js';
import type { BenchCluster } from './cluster.js';
import { startBenchGitServer } from './git.js';
import type { BenchGitServer } from './git.js';
import type { Implementation, RunningImpl } from './implementation.js';
import { diffSeries, scrapeRequestTotals, summarise } from './metrics.js';
import type { RequestSummary } from './metrics.js';
import { ProcessSampler } from './process-stats.js';
import type { ProcessStats } from './process-stats.js';
import { CompletionWatch, TimeoutError, handledRequest, readyForGeneration } from './readiness.js';
import type { Predicate, Tracked } from './readiness.js';
import type { Workload, WorkloadContext } from './workload.js';

export interface PhaseResult {
  /** Time until the last tracked object was done, per kind, ms. */
  readonly perKindMs: Readonly<Record<string, number>>;
  readonly allMs: number;
  /** apiserver_request_total delta, all clients. */
  readonly apiserver: RequestSummary;
  /** Requests the harness itself made during the phase (writes of the workload, its watches). */
  readonly harnessRequests: number;
  /** apiserver.total − harnessRequests: the controllers plus kube-controller-manager. */
  readonly controllerRequests: number;
}

export interface ImplResult {
  readonly impl: Implementation['id'];
  readonly label: string;
  readonly n: number;
  readonly create?: PhaseResult;
  readonly reconcile?: PhaseResult;
  /** Per controller process, over both phases. */
  readonly processes: readonly ProcessStats[];
  /** Set when the run failed; the phases measured before the failure are kept. */
  readonly error?: string;
  /** Where the controller logs were (deleted at the end unless --keep). */
  readonly logs: readonly string[];
}

export interface RunOptions {
  readonly n: number;
  readonly workload: Workload;
  readonly timeoutMs: number;
  /** Parallel writes when creating/annotating the Flux objects. @default 16 */
  readonly writeConcurrency?: number;
  readonly keep?: boolean;
  readonly log: (line: string) => void;
}

/** Teardowns of the runs in progress, for an interrupted benchmark (SIGINT/SIGTERM). */
const activeTeardowns = new Set<() => Promise<void>>();

/** Stops the controllers, Git server and control plane of every run in progress. */
export async function teardownActiveRuns(): Promise<void> {
  for (const t of [...activeTeardowns]) await t();
}

export async function runOne(impl: Implementation, opts: RunOptions): Promise<ImplResult> {
  const { workload, log } = opts;
  await impl.prepare(workload.controllers, log);
  const label = impl.label(workload.controllers);
  log(`[${impl.id}] ${label}: ${workload.describe(opts.n)}`);
  const workDir = mkdtempSync(join(tmpdir(), `sluice-bench-${impl.id}-`));
  const fastTmp = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), `sluice-bench-${impl.id}-`));
  let cluster: BenchCluster | undefined;
  let git: BenchGitServer | undefined;
  let running: RunningImpl | undefined;
  let sampler: ProcessSampler | undefined;
  let create: PhaseResult | undefined;
  let reconcile: PhaseResult | undefined;
  let error: string | undefined;
  let processes: ProcessStats[] = [];
  let tornDown = false;
  const teardown = async (): Promise<void> => {
    if (tornDown) return;
    tornDown = true;
    if (sampler) processes = sampler.stop();
    await running?.stop().catch((e: unknown) => log(`[${impl.id}] stop: ${String(e)}`));
    await git?.close().catch(() => undefined);
    await cluster?.stop().catch((e: unknown) => log(`[${impl.id}] cluster stop: ${String(e)}`));
    rmSync(fastTmp, { recursive: true, force: true });
  };
  activeTeardowns.add(teardown);
  try {
    cluster = await startBenchCluster(log);
    git = await startBenchGitServer(workload.repoFiles());
    const ctx: WorkloadContext = { n: opts.n, gitUrl: git.url };
    running = await impl.start({ cluster, controllers: workload.controllers, workDir, fastTmp, log });
    for (const o of workload.setupObjects(ctx)) await cluster.admin.apply(o);
    sampler = new ProcessSampler(running.processes);
    const objects = workload.fluxObjects(ctx);
    const tracked = workload.tracked(ctx);

    log(`[${impl.id}] create phase: ${objects.length} Flux objects`);
    create = await phase(cluster, tracked, readyForGeneration, opts, async (admin) => {
      await pool(objects, opts.writeConcurrency ?? 16, (o) => admin.apply(o));
    });
    log(`[${impl.id}] all Ready after ${create.allMs} ms (${fmtKinds(create.perKindMs)})`);

    const token = new Date().toISOString();
    log(`[${impl.id}] reconcile phase: requestedAt=${token} on ${objects.length} objects`);
    reconcile = await phase(cluster, tracked, handledRequest(token), opts, async (admin) => {
      await pool(objects, opts.writeConcurrency ?? 16, (o) =>
        admin.patch(refOf(o), 'merge', { metadata: { annotations: { 'reconcile.fluxcd.io/requestedAt': token } } }),
      );
    });
    log(`[${impl.id}] all handled after ${reconcile.allMs} ms (${fmtKinds(reconcile.perKindMs)})`);
  } catch (err) {
    error = err instanceof TimeoutError ? `${err.message}: ${summarisePending(err.pending)}` : String(err);
    log(`[${impl.id}] FAILED: ${error}`);
  } finally {
    await teardown();
    activeTeardowns.delete(teardown);
    if (!opts.keep && !error) rmSync(workDir, { recursive: true, force: true });
    else log(`[${impl.id}] kept ${workDir}`);
  }
  return {
    impl: impl.id,
    label,
    n: opts.n,
    ...(create ? { create } : {}),
    ...(reconcile ? { reconcile } : {}),
    processes,
    ...(error ? { error } : {}),
    logs: running?.logs ?? [],
  };
}

async function phase(
  cluster: BenchCluster,
  tracked: readonly Tracked[],
  predicate: Predicate,
  opts: RunOptions,
  act: (admin: KubeClient) => Promise<void>,
): Promise<PhaseResult> {
  const admin = cluster.admin;
  const watch = new CompletionWatch(admin, tracked, predicate);
  const before = await scrapeRequestTotals(cluster.state);
  const ownBefore = admin.stats.total;
  try {
    await watch.start();
    const t0 = performance.now();
    await act(admin);
    const done = await watch.wait(t0, opts.timeoutMs);
    // A closed watch is counted by the API server when its handler returns: give it a moment.
    await sleep(1000);
    const after = await scrapeRequestTotals(cluster.state);
    const apiserver = summarise(diffSeries(before, after));
    // The harness's own requests: its client's count plus the "before" /metrics scrape (a request is
    // counted when it completes, so the before-scrape shows up in the after-scrape, not in itself).
    const harnessRequests = admin.stats.total - ownBefore + 1;
    return {
      perKindMs: done.perKindMs,
      allMs: done.allMs,
      apiserver,
      harnessRequests,
      controllerRequests: apiserver.total - harnessRequests,
    };
  } finally {
    watch.close();
  }
}

async function pool<T>(items: readonly T[], width: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

const fmtKinds = (m: Readonly<Record<string, number>>): string =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${v} ms`)
    .join(', ');

function summarisePending(p: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(p)
    .map(([k, names]) => `${k}: ${names.length} pending (e.g. ${names.slice(0, 3).join(', ')})`)
    .join('; ');
}
