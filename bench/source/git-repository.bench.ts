/**
 * GitRepository scale benchmark: N GitRepositories on one local repository served over smart HTTP.
 * Measures time until all are Ready, the API requests the controller made (its own client's
 * counters), the process RSS, and a no-change re-reconcile of all of them (requestedAt), which
 * should cost one ls-remote per object and no clone.
 *
 *   node --import tsx bench/source/git-repository.bench.ts --n 100 [--concurrent 4]
 *
 * Uses the shared control plane when SLUICE_TEST_CLUSTER_DIR is set, else starts a private one.
 */
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { KubeClient } from '../../runtime/client/index.js';
import { TestRepo, createRepoRoot, startGitHttpServer } from '../../test/fixtures/git/index.js';
import { createTestNamespace, deleteTestNamespace, getTestCluster } from '../../test/harness/index.js';
import { startSourceEnv } from '../../test/source/env.js';
import type { GitRepo } from '../../test/source/env.js';

const { values } = parseArgs({ options: { n: { type: 'string', default: '100' }, concurrent: { type: 'string', default: '4' } } });
const n = Number(values.n);
const concurrent = Number(values.concurrent);
const api = 'source.toolkit.fluxcd.io/v1';

const root = createRepoRoot();
const repo = new TestRepo(root, 'app');
const files: Record<string, string> = {};
for (let i = 0; i < 20; i++) files[`deploy/app-${i}.yaml`] = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-${i}\ndata:\n  k: "${i}"\n`;
repo.commit(files, 'bench fixture');
const http = await startGitHttpServer({ root });
const cluster = await getTestCluster();
const env = await startSourceEnv({ concurrent });
const observer = KubeClient.fromKubeConfig({ kubeconfigPath: cluster.kubeconfigPath }, { rateLimit: { qps: 1000, burst: 1000 } });
const ns = await createTestNamespace('bench-source');

function countReady(items: GitRepo[], pred: (o: GitRepo) => boolean): number {
  return items.filter(pred).length;
}
const isReady = (o: GitRepo): boolean =>
  !!o.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') && o.status?.observedGeneration === o.metadata.generation;

async function waitAll(pred: (o: GitRepo) => boolean): Promise<number> {
  const start = performance.now();
  for (;;) {
    const list = await observer.list<GitRepo>(api, 'GitRepository', { namespace: ns });
    if (countReady(list.items, pred) === n) return performance.now() - start;
    if (performance.now() - start > 30 * 60_000) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 500));
  }
}

function snapshot(): { total: number; uploadPack: number; rssMB: number } {
  return { total: env.kube.stats.total, uploadPack: http.requests.get('git-upload-pack') ?? 0, rssMB: Math.round(process.memoryUsage().rss / 1048576) };
}

try {
  const s0 = snapshot();
  const t0 = performance.now();
  for (let i = 0; i < n; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, n - i) }, (_, j) =>
        observer.create({ apiVersion: api, kind: 'GitRepository', metadata: { name: `repo-${i + j}`, namespace: ns }, spec: { interval: '60m', url: `${http.url}/app.git`, ref: { branch: 'main' } } }),
      ),
    );
  }
  const createdMs = performance.now() - t0;
  const readyMs = (await waitAll(isReady)) + createdMs;
  const s1 = snapshot();
  let peakRss = s1.rssMB;
  const at = new Date().toISOString();
  const t1 = performance.now();
  for (let i = 0; i < n; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, n - i) }, (_, j) =>
        observer.patch({ apiVersion: api, kind: 'GitRepository', namespace: ns, name: `repo-${i + j}` }, 'merge', { metadata: { annotations: { 'reconcile.fluxcd.io/requestedAt': at } } }),
      ),
    );
  }
  const rereconcileMs = (await waitAll((o) => o.status?.lastHandledReconcileAt === at && isReady(o))) + 0 * t1;
  const s2 = snapshot();
  peakRss = Math.max(peakRss, s2.rssMB);
  const result = {
    n,
    concurrent,
    firstReconcile: { allReadyMs: Math.round(readyMs), apiRequests: s1.total - s0.total, uploadPackRequests: s1.uploadPack - s0.uploadPack },
    noChangeReconcile: { allHandledMs: Math.round(performance.now() - t1), apiRequests: s2.total - s1.total, uploadPackRequests: s2.uploadPack - s1.uploadPack },
    rssMB: peakRss,
    throttled: env.kube.stats.throttled,
  };
  void rereconcileMs;
  console.log(JSON.stringify(result, null, 2));
} finally {
  await deleteTestNamespace(ns).catch(() => undefined);
  await env.stop();
  await http.close();
  await rm(root, { recursive: true, force: true });
  repo.remove();
}
process.exit(0);
