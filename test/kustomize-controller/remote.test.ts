/**
 * `spec.kubeConfig.secretRef`: the Kustomization lives on the shared control plane, its objects are
 * applied to, health-checked on and pruned from a second control plane started for this file.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nativeBuilder } from '../../controllers/kustomize/builder.js';
import { KustomizationReconciler } from '../../controllers/kustomize/reconciler.js';
import { sanitizeKubeConfig } from '../../controllers/kustomize/steps/target.js';
import { artifactFetcher } from '../../controllers/kustomize/wiring.js';
import { KubeClient, type KubeObject } from '../../runtime/client/index.js';
import { assertStatus } from '../../runtime/conditions/index.js';
import { startCluster, stopCluster } from '../../runtime/controlplane/index.js';
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
let remote: KubeClient;
let remoteDir: string;
let server: ArtifactServer;
let ns: string;
let reconciler: KustomizationReconciler;
const events = memoryEvents();

const ksRef = (name: string) => ({
  apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
  kind: 'Kustomization',
  namespace: ns,
  name,
});
const ready = (o: KubeObject) =>
  (
    (o['status'] as { conditions?: { type: string; status: string; reason: string; message: string }[] })
      .conditions ?? []
  ).find((c) => c.type === 'Ready');

before(async () => {
  const c = await getTestCluster();
  await ensureCrds();
  client = KubeClient.fromKubeConfig({ kubeconfigPath: c.kubeconfigPath });
  remoteDir = await mkdtemp(join(tmpdir(), 'sluice-remote-cp-'));
  const state = await startCluster({ dir: remoteDir, controllerManager: false });
  remote = KubeClient.fromKubeConfig({ kubeconfigPath: state.kubeconfig });
  server = await startArtifactServer();
  ns = await createTestNamespace('ksremote');
  await client.create({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'remote-kubeconfig', namespace: ns },
    stringData: { value: await readFile(state.kubeconfig, 'utf8') },
  });
  reconciler = new KustomizationReconciler({
    client,
    fetcher: artifactFetcher({ retries: 0 }),
    builder: nativeBuilder(),
    events,
    options: { healthPollMs: 200 },
  });
});

after(async () => {
  await releaseKustomizations(client, ns);
  await deleteTestNamespace(ns);
  await server.close();
  client.close();
  remote.close();
  await stopCluster(remoteDir);
  await rm(remoteDir, { recursive: true, force: true });
});

describe('kubeConfig: a second cluster', () => {
  it('applies, health-checks and records the inventory on the remote cluster only', async () => {
    const revision = 'main@sha1:abababababababababababababababababababab';
    await setGitSource(
      client,
      ns,
      'repo',
      await server.publish(
        'remote/1.tar.gz',
        {
          'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: tenant\n',
          'cm.yaml':
            'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: tenant\ndata:\n  a: "1"\n',
        },
        revision,
      ),
    );
    await client.create({
      ...ksRef('remote'),
      metadata: { name: 'remote', namespace: ns },
      spec: {
        interval: '10m',
        prune: true,
        wait: true,
        timeout: '30s',
        sourceRef: { kind: 'GitRepository', name: 'repo' },
        kubeConfig: { secretRef: { name: 'remote-kubeconfig' } },
      },
    });
    await reconcileOnce(reconciler, ns, 'remote');
    const ks = await client.get(ksRef('remote'));
    assert.equal(ready(ks)?.message, `Applied revision: ${revision}`);
    assertStatus(ks as never);
    const cm = await remote.get({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      namespace: 'tenant',
      name: 'settings',
    });
    assert.equal(cm.metadata.labels?.['kustomize.toolkit.fluxcd.io/namespace'], ns);
    assert.equal(
      await client.getOrUndefined({ apiVersion: 'v1', kind: 'Namespace', name: 'tenant' }),
      undefined,
    );
    assert.deepEqual(
      (ks['status'] as { inventory: { entries: { id: string }[] } }).inventory.entries.map((e) => e.id),
      ['_tenant__Namespace', 'tenant_settings__ConfigMap'],
    );
  });

  it('a Secret without the named key is ReconciliationFailed with Flux text', async () => {
    await client.create({
      ...ksRef('badkey'),
      metadata: { name: 'badkey', namespace: ns },
      spec: {
        interval: '10m',
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'repo' },
        kubeConfig: { secretRef: { name: 'remote-kubeconfig', key: 'other' } },
      },
    });
    await reconcileOnce(reconciler, ns, 'badkey');
    const r = ready(await client.get(ksRef('badkey')));
    assert.deepEqual(
      { reason: r?.reason, message: r?.message },
      {
        reason: 'ReconciliationFailed',
        message: `KubeConfig secret '${ns}/remote-kubeconfig' does not contain a 'other' key with a kubeconfig`,
      },
    );
  });

  it('deleting the Kustomization prunes its objects from the remote cluster', async () => {
    await client.delete(ksRef('remote'));
    await reconcileOnce(reconciler, ns, 'remote');
    assert.equal(await client.getOrUndefined(ksRef('remote')), undefined);
    assert.equal(
      await remote.getOrUndefined({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace: 'tenant',
        name: 'settings',
      }),
      undefined,
    );
  });

  it('only the server, inline certificates and credentials are taken from the kubeconfig', () => {
    const kc = sanitizeKubeConfig(
      [
        'apiVersion: v1',
        'current-context: c',
        'contexts: [{name: c, context: {cluster: k, user: u}}]',
        'clusters: [{name: k, cluster: {server: "https://127.0.0.1:6443", insecure-skip-tls-verify: true, certificate-authority: /etc/ca.pem}}]',
        'users: [{name: u, user: {token: t, exec: {command: evil}, client-key: /etc/key.pem}}]',
      ].join('\n'),
    );
    assert.deepEqual(JSON.parse(kc), {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'remote', cluster: { server: 'https://127.0.0.1:6443' } }],
      users: [{ name: 'remote', user: { token: 't' } }],
      contexts: [{ name: 'remote', context: { cluster: 'remote', user: 'remote' } }],
      'current-context': 'remote',
    });
  });
});
