/**
 * Issue 5's benchmark workload, the flux-benchmark `KS=N` shape (reference/flux-benchmark-workload.md
 * §1a) with a local Git source instead of the OCI registry: in namespace kustomize-benchmark, a
 * ServiceAccount `flux` bound to ClusterRole admin (RoleBinding podinfo-ks), and for i in 0…N-1 a
 * GitRepository podinfo-ks-<i> (its own source artifact; all on the same local repository) and a
 * Kustomization podinfo-ks-<i> (interval 60m, retryInterval 2m, path ./, prune, wait, timeout 1m,
 * serviceAccountName flux, targetNamespace kustomize-benchmark, postBuild.substitute INDEX/PODS/MCPU)
 * applying the four podinfo objects (Deployment replicas 0, ServiceAccount, Service, Ingress).
 */
import type { KubeObject } from '../../runtime/client/index.js';
import { podinfoManifest } from '../harness/podinfo.js';
import type { Workload, WorkloadContext } from '../harness/workload.js';

export const kustomizeNamespace = 'kustomize-benchmark';
const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `podinfo-ks-${i}`);
const labels = { 'app.kubernetes.io/name': 'podinfo-ks', 'toolkit.fluxcd.io/tenant': 'podinfo-ks' };

export const kustomizationsWorkload: Workload = {
  id: 'kustomizations',
  describe: (n) =>
    `${n} Kustomizations, each with its own GitRepository (all on one local repository over loopback smart HTTP), ` +
    `4 objects each (Deployment replicas 0, ServiceAccount, Service, Ingress), prune: true, wait: true, timeout 1m, ` +
    `postBuild substitution, serviceAccountName flux (impersonation), targetNamespace; source + kustomize controllers.`,
  controllers: ['source', 'kustomize'],
  repoFiles: () => ({ 'podinfo.yaml': podinfoManifest }),
  setupObjects: () => [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: kustomizeNamespace, labels } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'flux', namespace: kustomizeNamespace, labels } },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'podinfo-ks', namespace: kustomizeNamespace, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'admin' },
      subjects: [{ kind: 'ServiceAccount', name: 'flux', namespace: kustomizeNamespace }],
    },
  ],
  fluxObjects: (ctx: WorkloadContext): KubeObject[] => {
    const ns = kustomizeNamespace;
    const sources = names(ctx.n).map((name) => ({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name, namespace: ns, labels },
      spec: { interval: '60m', url: ctx.gitUrl, ref: { branch: 'main' } },
    }));
    const kustomizations = names(ctx.n).map((name, i) => ({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name, namespace: ns, labels },
      spec: {
        sourceRef: { kind: 'GitRepository', name },
        interval: '60m',
        retryInterval: '2m',
        path: './',
        prune: true,
        wait: true,
        timeout: '1m',
        serviceAccountName: 'flux',
        targetNamespace: ns,
        postBuild: { substitute: { INDEX: `${i}app`, PODS: '0', MCPU: '1m' } },
      },
    }));
    // As the bundle applies them: sources and Kustomizations interleaved per instance.
    return sources.flatMap((s, i) => [s, kustomizations[i]!]);
  },
  tracked: (ctx) => [
    { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', namespace: kustomizeNamespace, names: names(ctx.n) },
    { apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', namespace: kustomizeNamespace, names: names(ctx.n) },
  ],
};
