/**
 * Issue 3's benchmark workload: N GitRepositories (source.toolkit.fluxcd.io/v1) in one namespace, all
 * on the same local repository (branch main) served by the loopback smart-HTTP Git server, interval
 * 60m (so only the create and the requestedAt re-reconcile happen during a run). The repository
 * holds the flux-benchmark podinfo manifest.
 */
import type { KubeObject } from '../../runtime/client/index.js';
import { podinfoManifest } from '../harness/podinfo.js';
import type { Workload, WorkloadContext } from '../harness/workload.js';

export const sourceNamespace = 'source-benchmark';
const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `podinfo-${i}`);

export const gitRepositoriesWorkload: Workload = {
  id: 'gitrepositories',
  describe: (n) =>
    `${n} GitRepositories (interval 60m, ref branch main) on one local repository over smart HTTP (loopback), one namespace; source controller only.`,
  controllers: ['source'],
  repoFiles: () => ({ 'podinfo.yaml': podinfoManifest }),
  setupObjects: () => [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: sourceNamespace } }],
  fluxObjects: (ctx: WorkloadContext): KubeObject[] =>
    names(ctx.n).map((name) => ({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name, namespace: sourceNamespace },
      spec: { interval: '60m', url: ctx.gitUrl, ref: { branch: 'main' } },
    })),
  tracked: (ctx) => [
    { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', namespace: sourceNamespace, names: names(ctx.n) },
  ],
};
