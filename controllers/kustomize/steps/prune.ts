/**
 * Prune (step 12): delete stale objects (old inventory − new − skipped) that still carry our owner
 * labels and are not protected. Failure → PruneFailed.
 */
import type { KubeObject } from '../../../runtime/client/index.js';
import {
  ownerLabels,
  pruneSkipSelector,
  type ChangeSet,
  type ResourceManager,
} from '../../../runtime/ssa/index.js';
import { ReconcileError } from '../types.js';
import type { KustomizationObject } from '../object.js';

export async function pruneObjects(
  rm: ResourceManager,
  ks: KustomizationObject,
  stale: readonly KubeObject[],
): Promise<ChangeSet | undefined> {
  if (!ks.spec.prune || stale.length === 0) return undefined;
  const { changeSet, error } = await rm.deleteAll(stale, {
    selector: ownerLabels(ks.metadata.name, ks.metadata.namespace),
    skipFor: pruneSkipSelector,
  });
  if (error) throw new ReconcileError('PruneFailed', error.message, 'generic', undefined, { cause: error });
  return changeSet;
}
