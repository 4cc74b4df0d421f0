/**
 * v1beta2-only Kustomization fields (spec.patchesStrategicMerge, spec.patchesJson6902,
 * spec.validation). Flux 2.7's CRD serves v1beta2 (deprecated) with v1 as the storage version and
 * conversion strategy None, and v1 has none of these fields: the API server prunes them when it
 * stores the object, so neither Flux (which reads v1) nor Sluice ever sees them. spec.patches, which
 * both versions have, survives and is applied. Checked here on the real control plane, with the
 * upstream kustomize-controller v1.7.3 binary and then Sluice reconciling the same object.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nativeBuilder } from '../../controllers/kustomize/builder.js';
import { KustomizationReconciler } from '../../controllers/kustomize/reconciler.js';
import { artifactFetcher } from '../../controllers/kustomize/wiring.js';
import { KubeClient, type KubeObject } from '../../runtime/client/index.js';
import {
  createTestNamespace,
  deleteTestNamespace,
  ensureCrds,
  getTestCluster,
  waitFor,
} from '../harness/index.js';
import {
  memoryEvents,
  reconcileOnce,
  releaseKustomizations,
  setGitSource,
  startArtifactServer,
  type ArtifactServer,
} from './support.js';
import { skipWithoutFlux, startFlux } from './upstream-flux.js';

const group = 'kustomize.toolkit.fluxcd.io';
const dropped = ['patchesStrategicMerge', 'patchesJson6902', 'validation'] as const;

type Status = { conditions?: { type: string; status: string; message: string }[] };
const readyOf = (o: KubeObject): { status?: string; message?: string } =>
  ((o['status'] ?? {}) as Status).conditions?.find((c) => c.type === 'Ready') ?? {};

describe('v1beta2 Kustomization with v1beta2-only fields', () => {
  let client: KubeClient;
  let ns: string;
  let dir: string;
  let server: ArtifactServer;
  let fluxData: Record<string, string> | undefined;
  const ks = (version: string) => ({
    apiVersion: `${group}/${version}`,
    kind: 'Kustomization',
    namespace: ns,
    name: 'legacy',
  });
  const cmRef = () => ({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'cm' });

  before(async () => {
    const c = await getTestCluster();
    await ensureCrds();
    client = KubeClient.fromKubeConfig({ kubeconfigPath: c.kubeconfigPath });
    ns = await createTestNamespace('ksv1beta2');
    dir = mkdtempSync(join(tmpdir(), 'sluice-v1beta2-'));
    server = await startArtifactServer();
    const artifact = await server.publish(
      'v1beta2.tar.gz',
      {
        'kustomization.yaml': 'resources: [cm.yaml]\n',
        'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  original: "1"\n',
      },
      'main@sha1:1111111111111111111111111111111111111111',
    );
    await setGitSource(client, ns, 'src', artifact);
    await client.create({
      ...ks('v1beta2'),
      metadata: { name: 'legacy', namespace: ns },
      spec: {
        interval: '10m',
        prune: true,
        path: './',
        targetNamespace: ns,
        sourceRef: { kind: 'GitRepository', name: 'src' },
        validation: 'client',
        patchesStrategicMerge: [
          { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { strategic: 'yes' } },
        ],
        patchesJson6902: [
          {
            target: { version: 'v1', kind: 'ConfigMap', name: 'cm' },
            patch: [{ op: 'add', path: '/data/json6902', value: 'yes' }],
          },
        ],
        patches: [
          {
            target: { kind: 'ConfigMap', name: 'cm' },
            patch: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  shared: "yes"\n',
          },
        ],
      },
    });
  });

  after(async () => {
    await releaseKustomizations(client, ns);
    await deleteTestNamespace(ns);
    await server.close();
    client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const version of ['v1beta2', 'v1']) {
    it(`the API server prunes ${dropped.join(', ')} at storage: absent when read as ${version}, spec.patches kept`, async () => {
      const spec = (await client.get(ks(version)))['spec'] as Record<string, unknown>;
      for (const f of dropped) assert.equal(spec[f], undefined, `${f} read back as ${version}`);
      assert.equal((spec['patches'] as unknown[]).length, 1);
    });
  }

  it(
    'upstream Flux 2.7 applies the ConfigMap with spec.patches only',
    { skip: skipWithoutFlux, timeout: 120_000 },
    async () => {
      const c = await getTestCluster();
      const flux = await startFlux(c.kubeconfigPath, ns, dir);
      try {
        await waitFor(async () => readyOf(await client.get(ks('v1'))).status === 'True', {
          timeoutMs: 60_000,
        }).catch(async (err: unknown) => {
          const ready = readyOf(await client.get(ks('v1')));
          throw new Error(
            `${(err as Error).message}; Ready ${JSON.stringify(ready)}; log:\n${flux.logTail()}`,
            {
              cause: err,
            },
          );
        });
      } finally {
        await flux.stop();
      }
      fluxData = (await client.get(cmRef()))['data'] as Record<string, string>;
      assert.deepEqual(fluxData, { original: '1', shared: 'yes' });
    },
  );

  it('Sluice applies the same ConfigMap: the v1beta2-only fields have no effect', async () => {
    // Start from nothing so that what is on the cluster afterwards is Sluice's own apply.
    await client.delete(cmRef()).catch(() => undefined);
    await waitFor(async () => (await client.getOrUndefined(cmRef())) === undefined);
    const reconciler = new KustomizationReconciler({
      client,
      fetcher: artifactFetcher({ retries: 0 }),
      builder: nativeBuilder(),
      events: memoryEvents(),
    });
    await reconcileOnce(reconciler, ns, 'legacy');
    const ready = readyOf(await client.get(ks('v1')));
    assert.equal(ready.status, 'True', ready.message);
    const data = (await client.get(cmRef()))['data'] as Record<string, string>;
    assert.deepEqual(data, { original: '1', shared: 'yes' });
    if (fluxData) assert.deepEqual(data, fluxData);
  });
});
