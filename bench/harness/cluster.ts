/**
 * A dedicated control plane for one benchmark run: runtime/controlplane's cluster in a temp dir, plus
 * what the flux-benchmark shape needs on top of it (reference/flux-benchmark-workload.md §4):
 * - a second kube-controller-manager running only the deployment, replicaset and clusterrole-aggregation
 *   controllers, so that Deployments scaled to 0 get observedGeneration and Available/Progressing
 *   conditions (kstatus Current) and the aggregated ClusterRole `admin` has its rules;
 * - an extra ServiceCIDR 10.96.0.0/16, because the base cluster's /24 runs out after 254 Services;
 * - the project's CRDs (config/crd/bases), Established;
 * - namespace flux-system with one ServiceAccount per controller bound to cluster-admin and a token
 *   kubeconfig for each, so neither implementation runs as system:masters (APF-exempt).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseAllDocuments } from 'yaml';
import { KubeClient, isNotFound } from '../../runtime/client/index.js';
import type { KubeObject } from '../../runtime/client/index.js';
import { controlPlaneBinaries, startCluster, stopCluster } from '../../runtime/controlplane/index.js';
import type { ClusterState } from '../../runtime/controlplane/index.js';
import { startDetached, stopProcess } from '../../runtime/controlplane/processes.js';
import type { ManagedProcess } from '../../runtime/controlplane/processes.js';

const crdDir = fileURLToPath(new URL('../../config/crd/bases', import.meta.url));

/** The controller identities both implementations run as (ServiceAccounts in flux-system). */
export const controllerIdentities = ['source-controller', 'kustomize-controller'] as const;
export type ControllerIdentity = (typeof controllerIdentities)[number];

export interface BenchCluster {
  readonly dir: string;
  readonly state: ClusterState;
  /** Admin client (system:masters client certificate): setup, workload, readiness watches. */
  readonly admin: KubeClient;
  /** Token kubeconfig per controller identity. */
  readonly kubeconfigs: Readonly<Record<ControllerIdentity, string>>;
  stop(): Promise<void>;
}

export async function startBenchCluster(log: (line: string) => void): Promise<BenchCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-cp-'));
  const state = await startCluster({ dir, log });
  const extra: ManagedProcess[] = [];
  const stop = async (): Promise<void> => {
    for (const p of extra) await stopProcess(p);
    await stopCluster(dir);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    extra.push(
      startDetached(
        'kube-controller-manager-workloads',
        controlPlaneBinaries().kubeControllerManager,
        [
          `--kubeconfig=${state.kubeconfig}`,
          // Deployments/ReplicaSets for kstatus; ClusterRole aggregation so `admin` (impersonated by the
          // Kustomizations via the `flux` ServiceAccount) gets its rules, Ingress included.
          '--controllers=deployment-controller,replicaset-controller,clusterrole-aggregation-controller',
          '--leader-elect=false',
          '--secure-port=0',
          '--use-service-account-credentials=false',
        ],
        join(dir, 'logs', 'kube-controller-manager-workloads.log'),
      ),
    );
    const admin = KubeClient.fromKubeConfig(
      { kubeconfigPath: state.kubeconfig },
      { fieldManager: 'sluice-bench', rateLimit: { qps: 1000, burst: 2000 } },
    );
    await admin.apply({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'ServiceCIDR',
      metadata: { name: 'sluice-bench' },
      spec: { cidrs: ['10.96.0.0/16'] },
    });
    await installCrds(admin);
    const kubeconfigs = await controllerKubeconfigs(admin, state, dir);
    log(`control plane ready at ${state.server} (${dir})`);
    return { dir, state, admin, kubeconfigs, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function installCrds(admin: KubeClient): Promise<void> {
  const names: string[] = [];
  for (const f of readdirSync(crdDir).filter((x) => x.endsWith('.yaml'))) {
    for (const doc of parseAllDocuments(readFileSync(join(crdDir, f), 'utf8'))) {
      const crd = doc.toJS() as KubeObject | null;
      if (!crd) continue;
      await admin.apply(crd);
      names.push(crd.metadata.name ?? '');
    }
  }
  for (const name of names) {
    await waitUntil(`CRD ${name} Established`, 60_000, async () => {
      const crd = await admin.get({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name });
      const conds = (crd['status'] as { conditions?: { type: string; status: string }[] } | undefined)?.conditions;
      return conds?.some((c) => c.type === 'Established' && c.status === 'True') ?? false;
    });
  }
}

async function controllerKubeconfigs(
  admin: KubeClient,
  state: ClusterState,
  dir: string,
): Promise<Record<ControllerIdentity, string>> {
  await admin.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'flux-system' } });
  const out: Partial<Record<ControllerIdentity, string>> = {};
  const ca = readFileSync(state.tls.ca).toString('base64');
  for (const id of controllerIdentities) {
    await admin.apply({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: id, namespace: 'flux-system' } });
    await admin.apply({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: `sluice-bench-${id}` },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'ServiceAccount', name: id, namespace: 'flux-system' }],
    });
    await admin.apply({
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/service-account-token',
      metadata: { name: `${id}-token`, namespace: 'flux-system', annotations: { 'kubernetes.io/service-account.name': id } },
    });
    const token = await waitUntil(`token for ${id}`, 60_000, async () => {
      const s = await admin.get({ apiVersion: 'v1', kind: 'Secret', namespace: 'flux-system', name: `${id}-token` });
      const t = (s['data'] as Record<string, string> | undefined)?.['token'];
      return t ? Buffer.from(t, 'base64').toString('utf8') : undefined;
    });
    const file = join(dir, `kubeconfig-${id}`);
    await writeFile(
      file,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        `- name: bench\n  cluster:\n    server: ${state.server}\n    certificate-authority-data: ${ca}`,
        'users:',
        `- name: ${id}\n  user:\n    token: ${token}`,
        'contexts:',
        `- name: ${id}\n  context:\n    cluster: bench\n    user: ${id}\n    namespace: flux-system`,
        `current-context: ${id}`,
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
    out[id] = file;
  }
  return out as Record<ControllerIdentity, string>;
}

/** Thrown by a `waitUntil` probe to stop waiting at once. */
export class FatalWaitError extends Error {}

/**
 * Polls `probe` every 250 ms until it yields a truthy value; throws naming `what` on timeout, or at
 * once when the probe throws FatalWaitError.
 */
export async function waitUntil<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined | false>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      if (err instanceof FatalWaitError) throw err;
      if (!isNotFound(err)) last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    }
    await sleep(250);
  }
}
