/**
 * Applying the install as `flux install` does: server-side apply with the field manager `flux`,
 * staged (Namespace, CRDs and other cluster definitions first, waited for until Established),
 * then everything else; then wait for the Deployments to roll out.
 */
import type { KubeClient, KubeObject } from '../../runtime/client/index.js';
import { ResourceManager, type ChangeSet } from '../../runtime/ssa/index.js';

export const installFieldManager = 'flux';

export async function applyInstall(
  kube: KubeClient,
  objects: readonly KubeObject[],
  opts: { timeoutMs: number },
): Promise<ChangeSet> {
  const rm = new ResourceManager(kube, { fieldManager: installFieldManager });
  return rm.applyAllStaged(objects, { waitTimeoutMs: opts.timeoutMs, waitIntervalMs: 500 });
}

/** Waits until every Deployment of the install is Current (kstatus); rejects with flux's timeout message. */
export async function waitForDeployments(
  kube: KubeClient,
  objects: readonly KubeObject[],
  opts: { timeoutMs: number; intervalMs?: number },
): Promise<void> {
  const deployments = objects.filter((o) => o.kind === 'Deployment');
  if (deployments.length === 0) return;
  const rm = new ResourceManager(kube, { fieldManager: installFieldManager });
  const res = await rm.wait(deployments, { timeoutMs: opts.timeoutMs, intervalMs: opts.intervalMs ?? 2000, failFast: false });
  if (!res.ok) throw new Error(`install failed: ${res.message}`);
}
