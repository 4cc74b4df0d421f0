/**
 * GitRepository scale benchmark: N GitRepositories on one local repository served over smart HTTP.
 * Measures time until all are Ready, the API requests the controller made (its own client's
 * counters), CPU time (this process, its git children, the Git server process), the process RSS, and a no-change re-reconcile of all of them (requestedAt), which
 * should cost one ls-remote per object and no clone.
 *
 *   node --import tsx bench/source/git-repository.bench.ts --n 100 [--concurrent 4] [--cache off]
 *
 * The Git server runs in a child process (bench/source/git-server-process.ts) and progress is
 * observed through a watch, so neither the server's CGI spawns nor repeated LISTs of N objects
 * load the controller's process. Uses the shared control plane when SLUICE_TEST_CLUSTER_DIR is
 * set, else starts a private one.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Informer } from '../../runtime/cache/index.js';
import { KubeClient } from '../../runtime/client/index.js';
import { createTestNamespace, deleteTestNamespace, getTestCluster } from '../../test/harness/index.js';
import { startSourceEnv } from '../../test/source/env.js';
import type { GitRepo } from '../../test/source/env.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100' },
    concurrent: { type: 'string', default: '4' },
    cache: { type: 'string', default: 'on' },
  },
});
const n = Number(values.n);
const concurrent = Number(values.concurrent);
const cacheOn = values.cache !== 'off';
const api = 'source.toolkit.fluxcd.io/v1';
const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' ');

const server = fork(fileURLToPath(new URL('./git-server-process.ts', import.meta.url)), [], {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const url = await new Promise<string>((resolve, reject) => {
  server.once('message', (m) => resolve((m as { url: string }).url));
  server.once('exit', (c) => reject(new Error(`git server exited with ${String(c)}`)));
});
async function serverStats(): Promise<{ uploadPack: number; cpuMs: number }> {
  const reply = new Promise<{ uploadPack: number; cpuMs: number }>((resolve) =>
    server.once('message', (m) => {
      const r = m as { requests: Record<string, number>; cpuMs: number };
      resolve({ uploadPack: r.requests['git-upload-pack'] ?? 0, cpuMs: r.cpuMs });
    }),
  );
  server.send('stats');
  return reply;
}

/** CPU time of this process (controller, observer) and of its reaped children (git), in ms. */
function cpu(): { selfMs: number; sysMs: number; childrenMs: number } {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const u = process.cpuUsage();
  return { selfMs: (u.user + u.system) / 1000, sysMs: u.system / 1000, childrenMs: (Number(f[13]) + Number(f[14])) * 10 };
}

const cluster = await getTestCluster();
const env = await startSourceEnv({ concurrent, ...(cacheOn ? {} : { gitCheckoutCache: false }) });
const observer = KubeClient.fromKubeConfig({ kubeconfigPath: cluster.kubeconfigPath }, { rateLimit: { qps: 1000, burst: 1000 } });
const ns = await createTestNamespace('bench-source');

const isReady = (o: GitRepo): boolean =>
  !!o.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') && o.status?.observedGeneration === o.metadata.generation;

/** Counts objects matching the current predicate from watch events (O(events), no LISTs). */
let pred: (o: GitRepo) => boolean = isReady;
const matching = new Set<string>();
let wake: () => void = () => undefined;
const track = (o: GitRepo): void => {
  const key = o.metadata.name ?? '';
  if (pred(o)) matching.add(key);
  else matching.delete(key);
  if (matching.size === n) wake();
};
const informer = new Informer<GitRepo>(observer, { apiVersion: api, kind: 'GitRepository', namespace: ns });
informer.addEventHandler({ onAdd: track, onUpdate: (_old, o) => track(o), onDelete: (o) => matching.delete(o.metadata.name ?? '') });
const stopObserver = new AbortController();
informer.start(stopObserver.signal);
await informer.waitForSync();

async function waitAll(p: (o: GitRepo) => boolean): Promise<void> {
  pred = p;
  matching.clear();
  for (const o of informer.list()) track(o);
  if (matching.size === n) return;
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timed out')), 60 * 60_000);
    wake = () => {
      clearTimeout(t);
      resolve();
    };
  });
}

interface Snap {
  total: number;
  uploadPack: number;
  serverCpuMs: number;
  selfMs: number;
  sysMs: number;
  childrenMs: number;
}
async function snapshot(): Promise<Snap> {
  const s = await serverStats();
  return { total: env.kube.stats.total, uploadPack: s.uploadPack, serverCpuMs: s.cpuMs, ...cpu() };
}
const cpuDelta = (a: Snap, b: Snap): Record<string, number> => ({
  controllerProcessMs: Math.round(b.selfMs - a.selfMs),
  ofWhichKernelMs: Math.round(b.sysMs - a.sysMs),
  gitChildrenMs: Math.round(b.childrenMs - a.childrenMs),
  gitServerMs: Math.round(b.serverCpuMs - a.serverCpuMs),
});

let peakRss = 0;
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 1000);
try {
  const loadBefore = load();
  const s0 = await snapshot();
  const t0 = performance.now();
  for (let i = 0; i < n; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, n - i) }, (_, j) =>
        observer.create({ apiVersion: api, kind: 'GitRepository', metadata: { name: `repo-${i + j}`, namespace: ns }, spec: { interval: '60m', url, ref: { branch: 'main' } } }),
      ),
    );
  }
  await waitAll(isReady);
  const readyMs = performance.now() - t0;
  const s1 = await snapshot();
  const at = new Date().toISOString();
  const t1 = performance.now();
  for (let i = 0; i < n; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, n - i) }, (_, j) =>
        observer.patch({ apiVersion: api, kind: 'GitRepository', namespace: ns, name: `repo-${i + j}` }, 'merge', { metadata: { annotations: { 'reconcile.fluxcd.io/requestedAt': at } } }),
      ),
    );
  }
  await waitAll((o) => o.status?.lastHandledReconcileAt === at && isReady(o));
  const handledMs = performance.now() - t1;
  const s2 = await snapshot();
  const result = {
    n,
    concurrent,
    checkoutCache: cacheOn,
    loadAverage: { before: loadBefore, after: load() },
    firstReconcile: { allReadyMs: Math.round(readyMs), apiRequests: s1.total - s0.total, uploadPackRequests: s1.uploadPack - s0.uploadPack, cpu: cpuDelta(s0, s1) },
    noChangeReconcile: { allHandledMs: Math.round(handledMs), apiRequests: s2.total - s1.total, uploadPackRequests: s2.uploadPack - s1.uploadPack, cpu: cpuDelta(s1, s2) },
    rssMB: Math.round(Math.max(peakRss, process.memoryUsage().rss) / 1048576),
    throttled: env.kube.stats.throttled,
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  clearInterval(rssTimer);
  stopObserver.abort();
  await deleteTestNamespace(ns).catch(() => undefined);
  await env.stop();
  server.send('stop');
}
process.exit(0);
