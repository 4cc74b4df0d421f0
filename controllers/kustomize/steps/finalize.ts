/**
 * Finalization (4.13): on deletion, delete the inventory (same ownership rules as prune) when not
 * suspended and the deletionPolicy asks for it, optionally wait for termination, then drop the
 * finalizer. Emits the deleted objects as an event; errors are retried.
 */
import { ownerLabels, pruneSkipSelector } from '../../../runtime/ssa/index.js';
import { inventoryObjects } from '../inventory.js';
import { timeoutMs, type KustomizationObject } from '../object.js';
import type { KustomizeDeps } from '../types.js';
import { resourceManager } from './apply.js';

/** Returns true when the finalizer may be removed. */
export async function finalize(deps: KustomizeDeps, ks: KustomizationObject): Promise<boolean> {
  const entries = ks.status?.inventory?.entries ?? [];
  const policy = ks.spec.deletionPolicy ?? 'MirrorPrune';
  const shouldDelete =
    !ks.spec.suspend &&
    entries.length > 0 &&
    (policy === 'Delete' || policy === 'WaitForTermination' || (policy === 'MirrorPrune' && ks.spec.prune));
  if (!shouldDelete) return true;
  let rm;
  try {
    rm = await resourceManager(deps, ks);
  } catch (err) {
    deps.events.event(
      ks,
      'Warning',
      'PruneFailed',
      `pruning for deleted resource failed: ${err instanceof Error ? err.message : String(err)}`,
    );
    return false;
  }
  const objects = inventoryObjects(entries);
  const { changeSet, error } = await rm.deleteAll(objects, {
    selector: ownerLabels(ks.metadata.name, ks.metadata.namespace),
    skipFor: pruneSkipSelector,
  });
  if (error) {
    deps.events.event(ks, 'Warning', 'PruneFailed', `pruning for deleted resource failed: ${error.message}`);
    return false;
  }
  const deleted = changeSet.filter('deleted');
  if (deleted.length > 0) deps.events.event(ks, 'Normal', 'Progressing', changeSet.toString());
  if (policy === 'WaitForTermination') {
    const left = await rm.waitForTermination(objects, { intervalMs: 2000, timeoutMs: timeoutMs(ks) });
    if (left.length > 0)
      deps.events.event(ks, 'Warning', 'ReconciliationFailed', 'failed to wait for resources termination');
  }
  return true;
}
