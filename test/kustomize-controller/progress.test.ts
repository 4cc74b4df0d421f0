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
});
