/**
 * The status a watcher sees during one reconcile (what `flux get --watch` and `kubectl wait` show):
 * Flux's Reconciling messages in Flux's order, then Ready without Reconciling.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nativeBuilder } from '../../controllers/kustomize/builder.js';
import { KustomizationReconciler } from '../../controllers/kustomize/reconciler.js';
import { artifactFetcher } from '../../controllers/kustomize/wiring.js';
import { KubeClient, type KubeObject } from '../../runtime/client/index.js';
import { createTestNamespace, deleteTestNamespace, ensureCrds, getTestCluster } from '../harness/index.js';
import {
  memoryEvents,
  reconcileOnce,
  releaseKustomizations,
  setGitSource,
  startArtifactServer,
  type ArtifactServer,
} from './support.js';

let client: KubeClient;
let server: ArtifactServer;
let ns: string;

before(async () => {
  const c = await getTestCluster();
  await ensureCrds();
  client = KubeClient.fromKubeConfig({ kubeconfigPath: c.kubeconfigPath });
  server = await startArtifactServer();
  ns = await createTestNamespace('ksprog');
});

after(async () => {
  await releaseKustomizations(client, ns);
  await deleteTestNamespace(ns);
  await server.close();
  client.close();
});

describe('progress reported while reconciling', () => {
  it('Fetching, Building, Detecting drift, Running health checks, then Ready', async () => {
    const rev = 'main@sha1:cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd';
    await setGitSource(
      client,
      ns,
      'repo',
      await server.publish(
        'p/1.tar.gz',
        { 'cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: ${ns}\n` },
        rev,
      ),
    );
    const created: KubeObject = await client.create({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'p', namespace: ns },
      spec: {
        interval: '10m',
        timeout: '1m',
        prune: true,
        wait: true,
        sourceRef: { kind: 'GitRepository', name: 'repo' },
      },
    });
    const seen: string[] = [];
    const ac = new AbortController();
    const watching = (async () => {
      try {
        for await (const ev of client.watch('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', {
          namespace: ns,
          resourceVersion: created.metadata.resourceVersion,
          signal: ac.signal,
        })) {
          const conds =
            (ev.object['status'] as { conditions?: { type: string; message: string }[] } | undefined)
              ?.conditions ?? [];
          const r = conds.find((c) => c.type === 'Reconciling');
          const ready = conds.find((c) => c.type === 'Ready');
          const line = r ? `Reconciling: ${r.message}` : ready ? `Ready: ${ready.message}` : '';
          if (line && seen.at(-1) !== line) seen.push(line);
        }
      } catch {
        // aborted
      }
    })();
    const r = new KustomizationReconciler({
      client,
      fetcher: artifactFetcher({ retries: 0 }),
      builder: nativeBuilder(),
      events: memoryEvents(),
      options: { healthPollMs: 100 },
    });
    await reconcileOnce(r, ns, 'p');
    await new Promise((res) => setTimeout(res, 500));
    ac.abort();
    await watching;
    const timeout = 'with a timeout of 1m0s';
    assert.deepEqual(seen, [
      `Reconciling: Fetching manifests for revision ${rev} ${timeout}`,
      `Reconciling: Building manifests for revision ${rev} ${timeout}`,
      `Reconciling: Detecting drift for revision ${rev} ${timeout}`,
      `Reconciling: Running health checks for revision ${rev} ${timeout}`,
      `Ready: Applied revision: ${rev}`,
    ]);
  });

  it('CancelHealthCheckOnNewRevision: a new revision cancels a pending health check at once', async () => {
    const rev1 = 'main@sha1:1212121212121212121212121212121212121212';
    const rev2 = 'main@sha1:3434343434343434343434343434343434343434';
    const tree = { 'cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  namespace: ${ns}\n` };
    await setGitSource(client, ns, 'crepo', await server.publish('c/1.tar.gz', tree, rev1));
    await client.create({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'c', namespace: ns },
      spec: {
        interval: '10m',
        timeout: '60s',
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'crepo' },
        healthChecks: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'later', namespace: ns }],
      },
    });
    const events = memoryEvents();
    const r = new KustomizationReconciler({
      client,
      fetcher: artifactFetcher({ retries: 0 }),
      builder: nativeBuilder(),
      events,
      options: { healthPollMs: 200, cancelHealthCheckOnNewRevision: true },
    });
    await r.reconcile(ns, 'c'); // finalizer
    const start = Date.now();
    const pending = r.reconcile(ns, 'c');
    await new Promise((res) => setTimeout(res, 1000));
    await setGitSource(client, ns, 'crepo', await server.publish('c/2.tar.gz', tree, rev2));
    const res = await pending;
    assert.ok(Date.now() - start < 10_000, 'cancelled long before the 60s timeout');
    assert.equal(res.requeueAfterMs, 0, 'requeued at once');
    assert.ok(
      events.list.some(
        (e) => e.type === 'Normal' && e.message === 'New revision detected during health check, cancelling',
      ),
    );
    await client.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'later', namespace: ns } });
    await r.reconcile(ns, 'c');
    const ks = await client.get({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      namespace: ns,
      name: 'c',
    });
    const ready = (ks['status'] as { conditions: { type: string; message: string }[] }).conditions.find(
      (c) => c.type === 'Ready',
    );
    assert.equal(ready?.message, `Applied revision: ${rev2}`);
  });
});
