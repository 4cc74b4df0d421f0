import type { Step } from '../context.js';
import { progressive } from '../context.js';

/**
 * Storage: garbage-collects old artifacts; drops status.artifact when its file is missing or its
 * digest no longer matches (Warning ArtifactVerificationFailed); with no artifact, Reconciling
 * "building artifact" and ArtifactInStorage removed; otherwise re-stamps the artifact URL.
 * Sets: Reconciling, Ready=Unknown (no artifact); deletes ArtifactInStorage.
 */
export const reconcileStorage: Step = async (ctx) => {
  const { obj, deps, conditions } = ctx;
  const status = (obj.status ??= {});
  await garbageCollect(ctx);
  let missing = false;
  const artifact = status.artifact;
  if (artifact) {
    if (!(await deps.storage.exists(artifact))) missing = true;
    else {
      try {
        await deps.storage.verify(artifact);
      } catch (err) {
        await deps.recordEvent(
          obj,
          'Warning',
          'ArtifactVerificationFailed',
          `failed to verify integrity of artifact: ${(err as Error).message}`,
        );
        await deps.storage.remove(artifact);
        missing = true;
      }
    }
    if (missing) delete status.artifact;
  }
  if (!status.artifact) {
    progressive(
      conditions,
      true,
      missing ? 'building artifact: disappeared from storage' : 'building artifact',
    );
    conditions.delete('ArtifactInStorage');
    await ctx.patch();
    return 'success';
  }
  deps.storage.setArtifactURL(status.artifact);
  return 'success';
};

async function garbageCollect(ctx: Parameters<Step>[0]): Promise<void> {
  const artifact = ctx.obj.status?.artifact;
  if (!artifact) return;
  try {
    const deleted = await ctx.deps.storage.garbageCollect(artifact, 5000);
    if (deleted.length > 0)
      await ctx.deps.recordEvent(
        ctx.obj,
        'Trace',
        'GarbageCollectionSucceeded',
        `garbage collected ${deleted.length} artifacts`,
      );
  } catch {
    // Flux ignores GC errors here; the next reconcile tries again.
  }
}
