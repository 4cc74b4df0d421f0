/**
 * The Kustomization controller running on a manager: watches drive reconciles (a new source revision
 * is applied without any manual trigger, requestedAt forces a run), and the final status passes the
 * runtime's kstatus invariants.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger } from '../../runtime/logging/index.js';
import { setupKustomizationController } from '../../controllers/kustomize/setup.js';
import { KubeClient, type KubeObject } from '../../runtime/client/index.js';
import { assertStatus } from '../../runtime/conditions/index.js';
import { Manager, defaultManagerOptions } from '../../runtime/manager/index.js';
import {
  createTestNamespace,
  deleteTestNamespace,
  ensureCrds,
  getTestCluster,
  waitFor,
} from '../harness/index.js';
import { setGitSource, startArtifactServer, type ArtifactServer, releaseKustomizations } from './support.js';

let client: KubeClient;
let server: ArtifactServer;
let ns: string;
const ac = new AbortController();
let running: Promise<void>;

const cm = (name: string, v: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  v: "${v}"\n`;

before(async () => {
  const c = await getTestCluster();
  await ensureCrds();
  client = KubeClient.fromKubeConfig({ kubeconfigPath: c.kubeconfigPath });
  server = await startArtifactServer();
  ns = await createTestNamespace('ksmgr');
  const quiet = createLogger({ destination: { write: () => undefined } });
  const mgr = new Manager({
    kube: client,
    log: quiet,
    options: {
      ...defaultManagerOptions(),
      healthAddr: '127.0.0.1:0',
      metricsAddr: '127.0.0.1:0',
      runtimeNamespace: ns,
      watchAllNamespaces: false,
      minRetryDelayMs: 40,
    },
  });
  setupKustomizationController(mgr, { healthPollMs: 200 });
  running = mgr.start(ac.signal);
});

after(async () => {
  ac.abort();
  await running;
  await releaseKustomizations(client, ns);
  await deleteTestNamespace(ns);
  await server.close();
  client.close();
});

async function readyOf(
  name: string,
): Promise<{ obj: KubeObject; ready?: { status: string; reason: string; message: string } }> {
  const obj = await client.get({
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    namespace: ns,
    name,
  });
  const conds =
    (
      obj['status'] as
        { conditions?: { type: string; status: string; reason: string; message: string }[] } | undefined
    )?.conditions ?? [];
  return { obj, ready: conds.find((c) => c.type === 'Ready') };
}

describe('Kustomization controller on a manager', () => {
  it('reconciles to Ready, then applies a new source revision from the source watch alone', async () => {
    const rev1 = 'main@sha1:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    await setGitSource(
      client,
      ns,
      'repo',
      await server.publish(
        'r/1.tar.gz',
        { 'app/kustomization.yaml': `namespace: ${ns}\nresources:\n- a.yaml\n`, 'app/a.yaml': cm('a', '1') },
        rev1,
      ),
    );
    await client.create({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'app', namespace: ns },
      spec: {
        interval: '10m',
        prune: true,
        path: './app',
        sourceRef: { kind: 'GitRepository', name: 'repo' },
        wait: true,
        timeout: '30s',
      },
    });
    await waitFor(async () => (await readyOf('app')).ready?.message === `Applied revision: ${rev1}`, {
      what: 'first revision applied',
      timeoutMs: 30_000,
    });
    assertStatus((await readyOf('app')).obj as never);

    const rev2 = 'main@sha1:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
    await setGitSource(
      client,
      ns,
      'repo',
      await server.publish(
        'r/2.tar.gz',
        { 'app/kustomization.yaml': `namespace: ${ns}\nresources:\n- a.yaml\n`, 'app/a.yaml': cm('a', '2') },
        rev2,
      ),
    );
    await waitFor(async () => (await readyOf('app')).ready?.message === `Applied revision: ${rev2}`, {
      what: 'second revision applied via the source watch',
      timeoutMs: 30_000,
    });
    const a = await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'a' });
    assert.deepEqual(a['data'], { v: '2' });
    assertStatus((await readyOf('app')).obj as never);
  });

  it('requestedAt triggers a reconcile that corrects drift and records lastHandledReconcileAt', async () => {
    await client.patch(
      { apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'a' },
      'merge',
      { data: { v: 'drifted' } },
      { fieldManager: 'someone' },
    );
    const token = `t-${Date.now()}`;
    await client.patch(
      { apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', namespace: ns, name: 'app' },
      'merge',
      { metadata: { annotations: { 'reconcile.fluxcd.io/requestedAt': token } } },
    );
    await waitFor(
      async () =>
        ((await readyOf('app')).obj['status'] as { lastHandledReconcileAt?: string })
          .lastHandledReconcileAt === token,
      { what: 'requestedAt handled', timeoutMs: 30_000 },
    );
    const a = await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'a' });
    assert.deepEqual(a['data'], { v: '2' });
    const events = await client.list('v1', 'Event', { namespace: ns });
    assert.ok(
      events.items.some(
        (e) => e['reason'] === 'Progressing' && e['message'] === `ConfigMap/${ns}/a configured`,
      ),
      'drift correction event recorded',
    );
  });

  it('a change to a watched substituteFrom ConfigMap is applied without any other trigger', async () => {
    const vars = { apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'vars' };
    await client.create({
      ...vars,
      metadata: { name: 'vars', namespace: ns, labels: { 'reconcile.fluxcd.io/watch': 'Enabled' } },
      data: { color: 'blue' },
    });
    const rev = 'main@sha1:cccccccccccccccccccccccccccccccccccccccc';
    await setGitSource(
      client,
      ns,
      'vrepo',
      await server.publish(
        'v/1.tar.gz',
        {
          'c.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: painted\n  namespace: ${ns}\ndata:\n  color: \${color}\n`,
        },
        rev,
      ),
    );
    await client.create({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'painter', namespace: ns },
      spec: {
        interval: '10m',
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'vrepo' },
        postBuild: { substituteFrom: [{ kind: 'ConfigMap', name: 'vars' }] },
      },
    });
    const color = async (): Promise<unknown> =>
      (
        await client.getOrUndefined({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'painted' })
      )?.['data'];
    await waitFor(async () => JSON.stringify(await color()) === '{"color":"blue"}', {
      what: 'first substitution applied',
      timeoutMs: 30_000,
    });
    await client.patch(vars, 'merge', { data: { color: 'green' } });
    await waitFor(async () => JSON.stringify(await color()) === '{"color":"green"}', {
      what: 'the ConfigMap change applied through the config watch',
      timeoutMs: 30_000,
    });
  });
});
