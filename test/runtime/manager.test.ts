import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeClient } from '../../runtime/client/index.js';
import { createLogger } from '../../runtime/logging/index.js';
import { Manager, defaultManagerOptions } from '../../runtime/manager/index.js';
import type { ManagerOptions, Request } from '../../runtime/manager/index.js';
import { createTestNamespace, deleteTestNamespace, waitFor } from '../harness/index.js';
import { configMap, testClient } from './support.js';

const quiet = createLogger({ destination: { write: () => undefined } });

function options(ns: string, over: Partial<ManagerOptions> = {}): ManagerOptions {
  return { ...defaultManagerOptions(), healthAddr: '127.0.0.1:0', metricsAddr: '127.0.0.1:0', runtimeNamespace: ns, minRetryDelayMs: 40, ...over };
}

const cm = configMap;

describe('Manager on the real control plane', () => {
  let kube: KubeClient;
  let ns: string;
  before(async () => {
    kube = await testClient();
    ns = await createTestNamespace('rt-manager');
  });
  after(async () => {
    await deleteTestNamespace(ns);
    kube.close();
  });

  test('reconciles watched objects, retries errors with growing backoff, serves health and metrics, and shuts down gracefully', async () => {
    const mgr = new Manager({ kube, log: quiet, options: options(ns) });
    const attempts = new Map<string, number[]>();
    const informer = mgr.cache.informer({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, labelSelector: 'mgr=yes', sharded: true });
    const ctrl = mgr.newController({
      name: 'configmap',
      kind: 'ConfigMap',
      concurrent: 2,
      reconcile: async (req: Request) => {
        const list = attempts.get(req.name) ?? [];
        list.push(performance.now());
        attempts.set(req.name, list);
        const obj = informer.get(req.namespace, req.name);
        if (obj) mgr.metrics.recordDuration('ConfigMap', req.namespace ?? '', req.name, 0.01);
        if (req.name === 'failing' && list.length < 4) throw new Error('transient failure');
        return req.name === 'interval' && list.length < 3 ? { requeueAfterMs: 50 } : {};
      },
    });
    ctrl.watchPrimary(informer);
    await kube.create(cm(ns, 'ok', { mgr: 'yes' }));
    await kube.create(cm(ns, 'failing', { mgr: 'yes' }));
    await kube.create(cm(ns, 'interval', { mgr: 'yes' }));
    await kube.create(cm(ns, 'unlabelled'));
    const ac = new AbortController();
    const running = mgr.start(ac.signal);
    await waitFor(() => (attempts.get('failing')?.length ?? 0) >= 4 && (attempts.get('interval')?.length ?? 0) >= 3, { what: 'retries and interval requeues' });
    const f = attempts.get('failing') ?? [];
    const gaps = f.slice(1).map((t, i) => t - (f[i] ?? 0));
    // 40, 80, 160 ms of backoff (minRetryDelay 40ms doubling).
    assert.ok((gaps[0] ?? 0) >= 35 && (gaps[2] ?? 0) >= 150 && (gaps[2] ?? 0) > (gaps[0] ?? 0), `gaps ${gaps.map((g) => g.toFixed(0)).join(',')}`);
    assert.equal(attempts.has('unlabelled'), false, 'the label selector limits what is watched');
    // A status-only-like change (no generation on ConfigMaps, no requestedAt) does not enqueue; requestedAt does.
    const before = attempts.get('ok')?.length ?? 0;
    await kube.patch({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'ok' }, 'merge', { data: { x: '1' } });
    await kube.patch({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'ok' }, 'merge', { metadata: { annotations: { 'reconcile.fluxcd.io/requestedAt': 'now' } } });
    await waitFor(() => (attempts.get('ok')?.length ?? 0) === before + 1, { what: 'the requestedAt annotation to enqueue once' });

    const health = await fetch(`http://${mgr.healthAddress}/healthz`);
    assert.equal(health.status, 200);
    assert.equal((await fetch(`http://${mgr.healthAddress}/readyz`)).status, 200);
    const metrics = await (await fetch(`http://${mgr.metricsAddress}/metrics`)).text();
    assert.match(metrics, /controller_runtime_reconcile_total\{controller="configmap",result="error"\} 3/);
    assert.match(metrics, /controller_runtime_reconcile_total\{controller="configmap",result="requeue_after"\} 2/);
    assert.match(metrics, /workqueue_adds_total\{name="configmap",controller="configmap"\} \d+/);
    assert.match(metrics, /workqueue_depth\{name="configmap",controller="configmap"\} 0/);
    assert.match(metrics, /gotk_reconcile_duration_seconds_bucket\{le="0.01",kind="ConfigMap",name="ok",namespace="[^"]+"\} \d/);
    assert.match(metrics, /rest_client_requests_total\{code="200",method="GET"/);
    assert.match(metrics, /process_cpu_seconds_total/);

    ac.abort();
    await running;
    await assert.rejects(fetch(`http://${mgr.healthAddress}/healthz`), 'the health endpoint is closed after shutdown');
  });

  test('--concurrent bounds parallel reconciles and one key is never reconciled twice at once', async () => {
    const mgr = new Manager({ kube, log: quiet, options: options(ns, { concurrent: 3 }) });
    let inFlight = 0;
    let maxInFlight = 0;
    const perKey = new Map<string, number>();
    let overlap = false;
    let total = 0;
    const ctrl = mgr.newController({
      name: 'sleepy',
      kind: 'ConfigMap',
      reconcile: async (req) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        perKey.set(req.name, (perKey.get(req.name) ?? 0) + 1);
        if ((perKey.get(req.name) ?? 0) > 1) overlap = true;
        await new Promise((r) => setTimeout(r, 60));
        perKey.set(req.name, (perKey.get(req.name) ?? 1) - 1);
        inFlight--;
        total++;
      },
    });
    const ac = new AbortController();
    const running = mgr.start(ac.signal);
    for (let i = 0; i < 9; i++) ctrl.enqueue({ namespace: ns, name: `k${i}` });
    await new Promise((r) => setTimeout(r, 20));
    ctrl.enqueue({ namespace: ns, name: 'k0' });
    await waitFor(() => total >= 10, { what: 'ten reconciles' });
    ac.abort();
    await running;
    assert.equal(maxInFlight, 3);
    assert.equal(overlap, false);
  });

  test('two managers on one lease: only the leader reconciles; a graceful stop hands over at once', async () => {
    const le = { enableLeaderElection: true, leaderElectionLeaseDurationMs: 6000, leaderElectionRenewDeadlineMs: 4000, leaderElectionRetryPeriodMs: 500 };
    const seen: string[] = [];
    const make = (who: string): { mgr: Manager; ac: AbortController; run: Promise<void> } => {
      const mgr = new Manager({ kube, log: quiet, options: options(ns, le), identity: who });
      const ctrl = mgr.newController({
        name: 'leased',
        kind: 'ConfigMap',
        leaderElectionId: 'leased-controller-leader-election',
        reconcile: async () => {
          seen.push(who);
          return { requeueAfterMs: 100 };
        },
      });
      const ac = new AbortController();
      const run = mgr.start(ac.signal);
      ctrl.enqueue({ namespace: ns, name: 'tick' });
      return { mgr, ac, run };
    };
    const a = make('replica-a');
    await waitFor(() => seen.length >= 2, { what: 'replica-a to lead' });
    const b = make('replica-b');
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual([...new Set(seen)], ['replica-a']);
    assert.equal(b.mgr.isLeader('leased-controller-leader-election'), false);
    const t0 = performance.now();
    a.ac.abort();
    await a.run;
    await waitFor(() => seen.includes('replica-b'), { what: 'replica-b to take over' });
    const takeover = performance.now() - t0;
    assert.ok(takeover < 3000, `takeover after release took ${takeover.toFixed(0)} ms`);
    const lease = await kube.get({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace: ns, name: 'leased-controller-leader-election' });
    assert.equal((lease.spec as { holderIdentity?: string }).holderIdentity, 'replica-b');
    assert.equal((lease.spec as { leaseTransitions?: number }).leaseTransitions, 1);
    b.ac.abort();
    await b.run;
  });
});
