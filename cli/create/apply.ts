/** The non-export path of `sluice create …`: apply, then wait for Ready with flux's ► ✔ ◎ lines. */
import type { KubeClient, KubeObject } from '../../runtime/client/index.js';
import type { CliLogger } from '../output/logger.js';
import { refOf, waitReady } from '../wait/ready.js';

/** Kinds flux does not wait for (no Ready condition is ever set on them). */
const noWait = new Set(['Secret', 'Alert', 'Provider']);

const label = (kind: string): string =>
  ['GitRepository', 'OCIRepository', 'HelmRepository', 'HelmChart', 'Bucket'].includes(kind)
    ? `${kind} source`
    : kind;

/** Creates or updates `obj` (server-side apply, forced) and reports which it was. */
export async function upsert(kube: KubeClient, obj: KubeObject): Promise<'created' | 'updated'> {
  const live = await kube.getOrUndefined(refOf(obj));
  await kube.apply(obj, { force: true });
  return live ? 'updated' : 'created';
}

export async function applyAndWait(
  kube: KubeClient,
  objs: readonly KubeObject[],
  log: CliLogger,
  timeoutMs: number,
): Promise<void> {
  for (const obj of objs) {
    const what = label(obj.kind);
    log.actionf(`applying ${what}`);
    const action = await upsert(kube, obj);
    log.successf(`${what} ${action}`);
    if (noWait.has(obj.kind)) continue;
    log.waitingf(`waiting for ${what} reconciliation`);
    const ready = await waitReady(kube, refOf(obj), { timeoutMs });
    log.successf(`${obj.kind} ${obj.metadata.name ?? ''} is ready`);
    const st = (ready as { status?: { artifact?: { revision?: string }; lastAppliedRevision?: string } })
      .status;
    if (st?.artifact?.revision) log.successf(`fetched revision: ${st.artifact.revision}`);
    else if (st?.lastAppliedRevision) log.successf(`applied revision ${st.lastAppliedRevision}`);
  }
}
