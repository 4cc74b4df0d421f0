/**
 * Support for CLI tests on the real control plane: the source (GitRepository) and kustomize controllers
 * on a manager scoped to one namespace, a stand-in for kubelet + the deployment controller (the local
 * control plane has neither) that marks Deployments available, and finalizer-safe cleanup.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupGitRepositoryController } from '../../controllers/source/git-repository/setup.js';
import { setupKustomizationController } from '../../controllers/kustomize/setup.js';
import { KubeClient, type KubeObject } from '../../runtime/client/index.js';
import { freePort } from '../../runtime/controlplane/ports.js';
import { createLogger } from '../../runtime/logging/index.js';
import { Manager, defaultManagerOptions } from '../../runtime/manager/index.js';
import { artifactServerRunnable } from '../../server/artifact/index.js';
import { deleteTestNamespace, getTestCluster } from '../harness/index.js';

export async function testKube(fieldManager = 'sluice-cli-test'): Promise<KubeClient> {
  const c = await getTestCluster();
  return KubeClient.fromKubeConfig({ kubeconfigPath: c.kubeconfigPath }, { fieldManager });
}

export interface RunningControllers {
  stop(): Promise<void>;
}

/** source + kustomize controllers watching only `namespace`. */
export async function startControllers(namespace: string): Promise<RunningControllers> {
  const kube = await testKube('sluice-test-controllers');
  const storagePath = await mkdtemp(join(tmpdir(), 'sluice-cli-storage-'));
  const mgr = new Manager({
    kube,
    log: createLogger({ destination: { write: () => undefined } }),
    options: {
      ...defaultManagerOptions(),
      healthAddr: '127.0.0.1:0',
      metricsAddr: '127.0.0.1:0',
      runtimeNamespace: namespace,
      watchAllNamespaces: false,
      minRetryDelayMs: 200,
      maxRetryDelayMs: 3000,
    },
  });
  const storageAddr = `127.0.0.1:${await freePort()}`;
  const { storage, leaseId } = setupGitRepositoryController(mgr, { storagePath, storageAddr });
  mgr.add(artifactServerRunnable(storage, storageAddr, leaseId));
  setupKustomizationController(mgr, { healthPollMs: 300 });
  const ac = new AbortController();
  const running = mgr.start(ac.signal);
  return {
    stop: async () => {
      ac.abort();
      await running.catch(() => undefined);
      kube.close();
      await rm(storagePath, { recursive: true, force: true });
    },
  };
}

/** What kubelet and the deployment controller would report for a rolled-out Deployment. */
export function markDeploymentsAvailable(kube: KubeClient, namespace: string): { stop(): void } {
  let stopped = false;
  const loop = async (): Promise<void> => {
    while (!stopped) {
      const list = await kube.list('apps/v1', 'Deployment', { namespace }).catch(() => ({ items: [] as KubeObject[] }));
      for (const d of list.items) {
        const replicas = ((d as { spec?: { replicas?: number } }).spec?.replicas ?? 1);
        const status = {
          observedGeneration: d.metadata.generation,
          replicas,
          updatedReplicas: replicas,
          readyReplicas: replicas,
          availableReplicas: replicas,
          conditions: [
            { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'ok' },
            { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: 'ok' },
          ],
        };
        await kube
          .patchStatus({ apiVersion: 'apps/v1', kind: 'Deployment', namespace, name: d.metadata.name ?? '' }, 'merge', { status })
          .catch(() => undefined);
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  };
  void loop();
  return { stop: () => void (stopped = true) };
}

/**
 * Removes the Flux finalizers in `namespace` (controllers already stopped, so nothing is pruned — the
 * install's CRDs are shared by every test), then deletes the namespace.
 */
export async function cleanupNamespace(kube: KubeClient, namespace: string): Promise<void> {
  for (const [apiVersion, kind] of [
    ['kustomize.toolkit.fluxcd.io/v1', 'Kustomization'],
    ['source.toolkit.fluxcd.io/v1', 'GitRepository'],
  ] as const) {
    const list = await kube.list(apiVersion, kind, { namespace }).catch(() => ({ items: [] as KubeObject[] }));
    for (const o of list.items) {
      await kube
        .patch({ apiVersion, kind, namespace, name: o.metadata.name ?? '' }, 'merge', { metadata: { finalizers: null } })
        .catch(() => undefined);
    }
  }
  await deleteTestNamespace(namespace);
}
