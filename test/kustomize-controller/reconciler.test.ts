/**
 * The Kustomization reconciler on the real control plane: GitRepository artifact → build → apply →
 * inventory → prune → health → Ready, and the failure paths with Flux's reasons and messages.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KustomizationReconciler } from '../../controllers/kustomize/reconciler.js';
import { nativeBuilder } from '../../controllers/kustomize/builder.js';
import { artifactFetcher, celCompiler } from '../../controllers/kustomize/wiring.js';
import { KubeClient, type KubeObject } from '../../runtime/client/index.js';
import { assertStatus } from '../../runtime/conditions/index.js';
import { createTestNamespace, deleteTestNamespace, ensureCrds, getTestCluster } from '../harness/index.js';
import {
  memoryEvents,
  reconcileOnce,
  setGitSource,
  startArtifactServer,
  type ArtifactServer,
  releaseKustomizations,
} from './support.js';

let client: KubeClient;
let server: ArtifactServer;
let ns: string;
const events = memoryEvents();
let reconciler: KustomizationReconciler;

const ksRef = (name: string) => ({
  apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
  kind: 'Kustomization',
  namespace: ns,
  name,
});

async function createKs(name: string, spec: Record<string, unknown>): Promise<void> {
  await client.create({
    ...ksRef(name),
    metadata: { name, namespace: ns },
    spec: { interval: '10m', prune: true, sourceRef: { kind: 'GitRepository', name: 'repo' }, ...spec },
  });
}

async function getKs(name: string): Promise<KubeObject & { status: Record<string, unknown> }> {
  return (await client.get(ksRef(name))) as KubeObject & { status: Record<string, unknown> };
}

function ready(obj: KubeObject): { status: string; reason: string; message: string } | undefined {
  const conds =
    (obj['status'] as { conditions?: { type: string; status: string; reason: string; message: string }[] })
      .conditions ?? [];
  return conds.find((c) => c.type === 'Ready');
}

const cmYaml = (name: string, v: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  v: "${v}"\n`;

before(async () => {
  const c = await getTestCluster();
  await ensureCrds();
  client = KubeClient.fromKubeConfig({ kubeconfigPath: c.kubeconfigPath });
  server = await startArtifactServer();
  ns = await createTestNamespace('ks');
  reconciler = new KustomizationReconciler({
    client,
    fetcher: artifactFetcher({ retries: 0 }),
    builder: nativeBuilder(),
    events,
    cel: celCompiler(),
    options: { healthPollMs: 200, requeueDependencyMs: 30_000 },
  });
});

after(async () => {
  await releaseKustomizations(client, ns);
  await deleteTestNamespace(ns);
  await server.close();
  client.close();
});

describe('Kustomization reconciler', () => {
  it('applies a revision with owner labels, records the inventory and becomes Ready', async () => {
    const art = await server.publish(
      'app/1.tar.gz',
      {
        'app/kustomization.yaml': `namespace: ${ns}\nresources:\n- a.yaml\n- b.yaml\n- sa.yaml\n`,
        'app/a.yaml': cmYaml('a', '1'),
        'app/b.yaml': cmYaml('b', '1'),
        'app/sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: deployer\n',
      },
      'main@sha1:1111111111111111111111111111111111111111',
    );
    await setGitSource(client, ns, 'repo', art);
    await createKs('app', { path: './app', wait: true, timeout: '30s' });
    const res = await reconcileOnce(reconciler, ns, 'app');
    const ks = await getKs('app');
    assert.deepEqual(
      ready(ks) && { status: ready(ks)?.status, reason: ready(ks)?.reason, message: ready(ks)?.message },
      {
        status: 'True',
        reason: 'ReconciliationSucceeded',
        message: 'Applied revision: main@sha1:1111111111111111111111111111111111111111',
      },
    );
    assertStatus(ks as never);
    assert.ok(
      res.requeueAfterMs && res.requeueAfterMs >= 570_000 && res.requeueAfterMs <= 630_000,
      'requeue at interval ±5%',
    );
    assert.equal(ks.status['lastAppliedRevision'], art.revision);
    assert.equal(ks.status['lastAttemptedRevision'], art.revision);
    assert.deepEqual((ks.status['inventory'] as { entries: unknown[] }).entries, [
      { id: `${ns}_a__ConfigMap`, v: 'v1' },
      { id: `${ns}_b__ConfigMap`, v: 'v1' },
      { id: `${ns}_deployer__ServiceAccount`, v: 'v1' },
    ]);
    const a = await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'a' });
    assert.deepEqual(a.metadata.labels, {
      'kustomize.toolkit.fluxcd.io/name': 'app',
      'kustomize.toolkit.fluxcd.io/namespace': ns,
    });
    const healthy = (ks.status['conditions'] as { type: string; status: string; message: string }[]).find(
      (c) => c.type === 'Healthy',
    );
    assert.equal(healthy?.status, 'True');
    assert.match(healthy?.message ?? '', /^Health check passed in /);
    const applied = events.list.find((e) => e.reason === 'Progressing' && e.message.includes('created'));
    assert.equal(
      applied?.message,
      `ServiceAccount/${ns}/deployer created\nConfigMap/${ns}/a created\nConfigMap/${ns}/b created`,
    );
    assert.equal(applied?.metadata['kustomize.toolkit.fluxcd.io/revision'], art.revision);
    const done = events.list.at(-1);
    assert.equal(done?.reason, 'ReconciliationSucceeded');
    assert.match(done?.message ?? '', /^Reconciliation finished in .+, next run in 10m0s$/);
    assert.equal(done?.metadata['kustomize.toolkit.fluxcd.io/commit_status'], 'update');
    const history = ks.status['history'] as { lastReconciledStatus: string; totalReconciliations: number }[];
    assert.equal(history[0]?.lastReconciledStatus, 'ReconciliationSucceeded');
  });

  it('a new revision without a file prunes its objects', async () => {
    const art = await server.publish(
      'app/2.tar.gz',
      {
        'app/kustomization.yaml': `namespace: ${ns}\nresources:\n- a.yaml\n- sa.yaml\n`,
        'app/a.yaml': cmYaml('a', '2'),
        'app/sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: deployer\n',
      },
      'main@sha1:2222222222222222222222222222222222222222',
    );
    await setGitSource(client, ns, 'repo', art);
    events.list.length = 0;
    await reconcileOnce(reconciler, ns, 'app');
    const ks = await getKs('app');
    assert.equal(ready(ks)?.status, 'True');
    assertStatus(ks as never);
    assert.equal(
      await client.getOrUndefined({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'b' }),
      undefined,
    );
    assert.deepEqual(
      events.list
        .filter((e) => e.reason === 'Progressing')
        .map((e) => e.message)
        .slice(0, 2),
      [`ConfigMap/${ns}/a configured`, `ConfigMap/${ns}/b deleted`],
    );
  });

  it('a build error leaves the cluster as it was, with Ready=False BuildFailed', async () => {
    const art = await server.publish(
      'app/3.tar.gz',
      {
        'app/kustomization.yaml': `namespace: ${ns}\nresources:\n- a.yaml\n`,
        'app/a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: [unclosed\n',
      },
      'main@sha1:3333333333333333333333333333333333333333',
    );
    await setGitSource(client, ns, 'repo', art);
    const res = await reconcileOnce(reconciler, ns, 'app');
    const ks = await getKs('app');
    const r = ready(ks);
    assert.equal(r?.status, 'False');
    assert.equal(r?.reason, 'BuildFailed');
    assert.match(r?.message ?? '', /^kustomize build failed: /);
    assertStatus(ks as never);
    assert.equal(
      res.requeueAfterMs,
      600_000,
      'failures requeue at retryInterval (= interval) without backoff',
    );
    assert.equal(ks.status['lastAppliedRevision'], 'main@sha1:2222222222222222222222222222222222222222');
    assert.equal(ks.status['lastAttemptedRevision'], art.revision);
    const reconciling = (ks.status['conditions'] as { type: string; reason: string }[]).find(
      (c) => c.type === 'Reconciling',
    );
    assert.equal(reconciling?.reason, 'ProgressingWithRetry');
    const a = await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'a' });
    assert.deepEqual(a['data'], { v: '2' });
    assert.equal(events.list.at(-1)?.type, 'Warning');
    assert.equal(events.list.at(-1)?.reason, 'BuildFailed');
  });

  it('an object the API server rejects fails the whole set before anything is applied', async () => {
    const other = `${ns}-new`;
    const art = await server.publish(
      'app/4.tar.gz',
      {
        'app/kustomization.yaml': `resources:\n- ns.yaml\n- svc.yaml\n- a.yaml\n`,
        'app/ns.yaml': `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${other}\n`,
        'app/a.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: ${ns}\ndata:\n  v: "4"\n`,
        'app/svc.yaml': `apiVersion: v1\nkind: Service\nmetadata:\n  name: bad\n  namespace: ${ns}\nspec:\n  ports:\n  - port: 700000\n`,
      },
      'main@sha1:4444444444444444444444444444444444444444',
    );
    await setGitSource(client, ns, 'repo', art);
    await reconcileOnce(reconciler, ns, 'app');
    const ks = await getKs('app');
    const r = ready(ks);
    assert.equal(r?.reason, 'ReconciliationFailed');
    assert.match(r?.message ?? '', new RegExp(`^Service/${ns}/bad dry-run failed \\(Invalid\\): `));
    assertStatus(ks as never);
    assert.equal(
      await client.getOrUndefined({ apiVersion: 'v1', kind: 'Namespace', name: other }),
      undefined,
      'the Namespace of stage 1 was not applied',
    );
    const a = await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'a' });
    assert.deepEqual(a['data'], { v: '2' });
  });

  it("a digest mismatch is ArtifactFailed with Flux's message", async () => {
    const art = await server.publish(
      'app/5.tar.gz',
      { 'app/kustomization.yaml': 'resources: []\n' },
      'main@sha1:5555555555555555555555555555555555555555',
    );
    server.corrupt('app/5.tar.gz');
    await setGitSource(client, ns, 'repo', art);
    await reconcileOnce(reconciler, ns, 'app');
    const r = ready(await getKs('app'));
    assert.equal(r?.reason, 'ArtifactFailed');
    assert.equal(
      r?.message,
      `failed to verify archive: computed digest doesn't match provided '${art.digest}' (check whether file size exceeds max download size)`,
    );
  });

  it('reverting to a good revision recovers', async () => {
    const art = await server.publish(
      'app/6.tar.gz',
      {
        'app/kustomization.yaml': `namespace: ${ns}\nresources:\n- a.yaml\n`,
        'app/a.yaml': cmYaml('a', '6'),
      },
      'main@sha1:6666666666666666666666666666666666666666',
    );
    await setGitSource(client, ns, 'repo', art);
    await reconcileOnce(reconciler, ns, 'app');
    const ks = await getKs('app');
    assert.equal(ready(ks)?.status, 'True');
    assertStatus(ks as never);
    assert.equal(
      await client.getOrUndefined({
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        namespace: ns,
        name: 'deployer',
      }),
      undefined,
      'pruned',
    );
  });

  it('deleting the Kustomization deletes its objects (MirrorPrune with prune: true)', async () => {
    await client.delete(ksRef('app'));
    await reconcileOnce(reconciler, ns, 'app');
    assert.equal(
      await client.getOrUndefined({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'a' }),
      undefined,
    );
    assert.equal(await client.getOrUndefined(ksRef('app')), undefined, 'finalizer removed');
  });

  it('a missing source is ArtifactFailed with the API NotFound text', async () => {
    await createKs('nosrc', { path: './app', sourceRef: { kind: 'GitRepository', name: 'missing' } });
    const res = await reconcileOnce(reconciler, ns, 'nosrc');
    const ks = await getKs('nosrc');
    assert.equal(ready(ks)?.reason, 'ArtifactFailed');
    assert.match(ready(ks)?.message ?? '', /not found/);
    assert.equal(res.requeueAfterMs, 600_000);
    assertStatus(ks as never);
  });

  it('a dependency that is not ready holds the reconcile with DependencyNotReady', async () => {
    await createKs('dependent', { path: './app', dependsOn: [{ name: 'nosrc' }] });
    const res = await reconcileOnce(reconciler, ns, 'dependent');
    const ks = await getKs('dependent');
    assert.deepEqual(
      { status: ready(ks)?.status, reason: ready(ks)?.reason, message: ready(ks)?.message },
      {
        status: 'False',
        reason: 'DependencyNotReady',
        message: `dependency '${ns}/nosrc' is not ready`,
      },
    );
    assert.equal(res.requeueAfterMs, 30_000);
    assert.equal(events.list.at(-1)?.message, 'Dependencies do not meet ready condition, retrying in 30s');
    assertStatus(ks as never);
  });

  it('a health check that never passes times out with HealthCheckFailed', async () => {
    await createKs('unhealthy', {
      path: './app',
      timeout: '1s',
      healthChecks: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'never', namespace: ns }],
    });
    await reconcileOnce(reconciler, ns, 'unhealthy');
    const ks = await getKs('unhealthy');
    const r = ready(ks);
    assert.equal(r?.reason, 'HealthCheckFailed');
    assert.match(
      r?.message ?? '',
      new RegExp(
        `^health check failed after [0-9.]+m?s: timeout waiting for: \\[ConfigMap/${ns}/never status: 'NotFound'\\]$`,
      ),
    );
    const healthy = (ks.status['conditions'] as { type: string; status: string; reason: string }[]).find(
      (c) => c.type === 'Healthy',
    );
    assert.deepEqual(healthy && { status: healthy.status, reason: healthy.reason }, {
      status: 'False',
      reason: 'HealthCheckFailed',
    });
    assertStatus(ks as never);
  });

  it('an invalid healthCheckExprs expression stalls with InvalidCELExpression', async () => {
    await createKs('badcel', {
      path: './app',
      healthCheckExprs: [{ apiVersion: 'example.com/v1', kind: 'Thing', current: 'status.x ==' }],
    });
    const res = await reconcileOnce(reconciler, ns, 'badcel');
    const ks = await getKs('badcel');
    const stalled = (ks.status['conditions'] as { type: string; reason: string }[]).find(
      (c) => c.type === 'Stalled',
    );
    assert.equal(stalled?.reason, 'InvalidCELExpression');
    assert.match(ready(ks)?.message ?? '', /^Reconciliation failed terminally due to configuration error: /);
    assert.equal(res.requeueAfterMs, undefined, 'no requeue until the spec changes');
    assertStatus(ks as never);
  });
});
