/** Shared helpers for the runtime tests: a KubeClient on the shared test control plane. */
import { KubeClient } from '../../runtime/client/index.js';
import type { KubeClientOptions, KubeObject } from '../../runtime/client/index.js';
import { getTestCluster } from '../harness/index.js';

export async function testClient(opts: KubeClientOptions = {}): Promise<KubeClient> {
  const cluster = await getTestCluster();
  return KubeClient.fromKubeConfig({ kubeconfigPath: cluster.kubeconfigPath }, { fieldManager: 'sluice-test', ...opts });
}

/** A CRD of our own with a status subresource, for tests that must not depend on the Flux CRDs. */
export const widgetCrd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.runtime.sluice.test' },
  spec: {
    group: 'runtime.sluice.test',
    names: { kind: 'Widget', plural: 'widgets', singular: 'widget', listKind: 'WidgetList', shortNames: ['wdg'] },
    scope: 'Namespaced',
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        subresources: { status: {} },
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
              status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
            },
          },
        },
      },
    ],
  },
};

export const widgetApiVersion = 'runtime.sluice.test/v1';

/** Installs the Widget CRD (idempotent) and waits until it is served. */
export async function ensureWidgetCrd(kube: KubeClient): Promise<void> {
  await kube.apply(widgetCrd, { fieldManager: 'sluice-test' });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const crd = await kube.get({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      name: widgetCrd.metadata.name,
    });
    const conditions = (crd.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions;
    if (conditions?.some((c) => c.type === 'Established' && c.status === 'True')) return;
    if (Date.now() > deadline) throw new Error('Widget CRD never became Established');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A ConfigMap object for tests. */
export function configMap(ns: string, name: string, labels: Record<string, string> = {}, data: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, labels }, data };
}
