/**
 * Beyond Flux: a no-op reconcile of a 100-object Kustomization skips the GET + dry-run of objects
 * whose desired state, artifact digest, generation and live resourceVersion (watch cache) did not
 * change since the last successful apply — same status and cluster state, a fraction of the API
 * requests. Drift or deletion out of band is still corrected.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nativeBuilder } from '../../controllers/kustomize/builder.js';
import { cacheLiveVersions } from '../../controllers/kustomize/live-versions.js';
import { KustomizationReconciler } from '../../controllers/kustomize/reconciler.js';
import { artifactFetcher } from '../../controllers/kustomize/wiring.js';
import { Cache } from '../../runtime/cache/index.js';
import { KubeClient, type KubeObject } from '../../runtime/client/index.js';
import { assertStatus } from '../../runtime/conditions/index.js';
import {
  createTestNamespace,
  deleteTestNamespace,
  ensureCrds,
  getTestCluster,
  waitFor,
} from '../harness/index.js';
import {
  memoryEvents,
  releaseKustomizations,
  setGitSource,
  startArtifactServer,
  type ArtifactServer,
} from './support.js';

const objects = 100;
let client: KubeClient;
let server: ArtifactServer;
let ns: string;
const ac = new AbortController();
let cache: Cache;
const events = memoryEvents();
let withSkip: KustomizationReconciler;
let flux: KustomizationReconciler;

const ksRef = () => ({
  apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
  kind: 'Kustomization',
  namespace: ns,
  name: 'many',
});

/** The API requests one reconcile makes. */
async function requestsOf(r: KustomizationReconciler): Promise<number> {
  const before = client.stats.total;
  const res = await r.reconcile(ns, 'many');
  assert.notEqual(res.requeueAfterMs, 0);
  return client.stats.total - before;
}

function statusOf(o: KubeObject): Record<string, unknown> {
  const st = { ...(o['status'] as Record<string, unknown>) };
  // Times and the history counters move on every reconcile, with or without the optimisation.
  delete st['history'];
  st['conditions'] = (st['conditions'] as { lastTransitionTime?: string }[]).map((c) => ({
    ...c,
    lastTransitionTime: '',
  }));
  return st;
}

before(async () => {
  const c = await getTestCluster();
  await ensureCrds();
  client = KubeClient.fromKubeConfig({ kubeconfigPath: c.kubeconfigPath });
  server = await startArtifactServer();
  ns = await createTestNamespace('ksskip');
  cache = new Cache(client);
  cache.start(ac.signal);
  const deps = { client, fetcher: artifactFetcher({ retries: 0 }), builder: nativeBuilder(), events };
  withSkip = new KustomizationReconciler({ ...deps, liveVersions: cacheLiveVersions(cache) });
  flux = new KustomizationReconciler(deps);
  let yaml = '';
  for (let i = 0; i < objects; i++)
    yaml += `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  i: "${i}"\n`;
  await setGitSource(
    client,
    ns,
    'repo',
    await server.publish(
      'many/1.tar.gz',
      { 'kustomization.yaml': `namespace: ${ns}\nresources:\n- all.yaml\n`, 'all.yaml': yaml },
      'main@sha1:1111111111111111111111111111111111111111',
    ),
  );
  await client.create({
    ...ksRef(),
    metadata: { name: 'many', namespace: ns },
    spec: { interval: '10m', prune: true, sourceRef: { kind: 'GitRepository', name: 'repo' } },
  });
});

after(async () => {
  ac.abort();
  await cache.stop();
  await releaseKustomizations(client, ns);
  await deleteTestNamespace(ns);
  await server.close();
  client.close();
});

describe(`no-op reconcile of ${objects} objects`, () => {
  let fluxStatus: Record<string, unknown>;

  it('Flux behaviour (GET + dry-run per object) is the baseline', async (t) => {
    await flux.reconcile(ns, 'many'); // adds the finalizer
    await flux.reconcile(ns, 'many'); // first apply
    const calls = await requestsOf(flux);
    fluxStatus = statusOf(await client.get(ksRef()));
    t.diagnostic(`no-op reconcile, Flux behaviour: ${calls} API requests`);
    assert.ok(calls >= 2 * objects, `${calls} requests`);
  });

  it('with the watch cache the no-op reconcile skips them, with the same status', async (t) => {
    await requestsOf(withSkip); // remembers the apply; starts the ConfigMap watch
    await waitFor(() => cache.waitForSync(), { what: 'watch cache synced', timeoutMs: 10_000 });
    const calls = await requestsOf(withSkip);
    t.diagnostic(
      `no-op reconcile, watch cache: ${calls} API requests; memory ${JSON.stringify(withSkip.memory.stats)}`,
    );
    assert.ok(calls < 20, `${calls} requests`);
    const ks = await client.get(ksRef());
    assert.deepEqual(statusOf(ks), fluxStatus);
    assertStatus(ks as never);
  });

  it('an object changed or deleted out of band is still corrected', async (t) => {
    await client.patch(
      { apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'cm-7' },
      'merge',
      { data: { i: 'drifted' } },
      { fieldManager: 'someone' },
    );
    await client.delete({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'cm-8' });
    // The watch delivers both changes within moments.
    await waitFor(
      () =>
        cacheLiveVersions(cache).resourceVersion({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { namespace: ns, name: 'cm-8' },
        }) === undefined,
      { what: 'deletion seen by the watch', timeoutMs: 10_000 },
    );
    const before = events.list.length;
    const calls = await requestsOf(withSkip);
    t.diagnostic(`reconcile with 2 objects drifted, watch cache: ${calls} API requests`);
    const cm7 = await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'cm-7' });
    assert.deepEqual(cm7['data'], { i: '7' });
    const cm8 = await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'cm-8' });
    assert.deepEqual(cm8['data'], { i: '8' });
    const progressing = events.list.slice(before).filter((e) => e.reason === 'Progressing');
    assert.deepEqual(
      progressing.map((e) => e.message),
      [`ConfigMap/${ns}/cm-7 configured\nConfigMap/${ns}/cm-8 created`],
    );
  });
});
