/**
 * Apply (steps 9–10): owner labels and commonMetadata on every object, normalisation, validation of
 * the later stages by dry-run before anything is written, then the staged server-side apply.
 * Failure → ReconciliationFailed; the change log of a partial apply is appended to the message.
 */
import { isNoMatch, isNotFound, type KubeObject } from '../../../runtime/client/index.js';
import {
  ApplyError,
  ResourceManager,
  dryRunErrorFor,
  exclusionSelector,
  forceSelector,
  ifNotPresentSelector,
  isClusterDefinition,
  kustomizeCleanupOptions,
  mergeSelector,
  normalize,
  ownerLabels,
  type ChangeSet,
} from '../../../runtime/ssa/index.js';
import { ReconcileError, type KustomizeDeps } from '../types.js';
import type { KustomizationObject } from '../object.js';
import { targetClient } from './target.js';

export function prepareObjects(ks: KustomizationObject, objects: readonly KubeObject[]): KubeObject[] {
  const common = ks.spec.commonMetadata;
  return objects.map((o) => {
    const n = normalize(o);
    const labels = {
      ...(n.metadata.labels ?? {}),
      ...(common?.labels ?? {}),
      ...ownerLabels(ks.metadata.name, ks.metadata.namespace),
    };
    const annotations = { ...(n.metadata.annotations ?? {}), ...(common?.annotations ?? {}) };
    n.metadata = { ...n.metadata, labels };
    if (Object.keys(annotations).length > 0) n.metadata.annotations = annotations;
    return n;
  });
}

/**
 * Dry-runs every object outside stage 1 before stage 1 is applied, so a broken object leaves the
 * cluster untouched. Errors an earlier stage would resolve (its Namespace or CRD is in the set) pass.
 */
export async function validateSet(
  rm: ResourceManager,
  objects: readonly KubeObject[],
  knownUnchanged?: (obj: KubeObject) => string | undefined,
): Promise<void> {
  const defs = objects.filter(isClusterDefinition);
  if (defs.length === 0) return;
  const namespaces = new Set(defs.filter((d) => d.kind === 'Namespace').map((d) => d.metadata.name));
  const groups = new Set(
    defs
      .filter((d) => d.kind === 'CustomResourceDefinition')
      .map((d) => (d['spec'] as { group?: string } | undefined)?.group),
  );
  for (const o of objects) {
    if (isClusterDefinition(o) || knownUnchanged?.(o)) continue;
    try {
      await rm.client.apply(o, { dryRun: true, force: true, fieldManager: rm.fieldManager });
    } catch (err) {
      const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : '';
      if (isNoMatch(err) && groups.has(group)) continue;
      if (isNotFound(err) && o.metadata.namespace && namespaces.has(o.metadata.namespace)) continue;
      throw dryRunErrorFor(err, o);
    }
  }
}

/** The ResourceManager over the target cluster's client (see target.ts). */
export async function resourceManager(
  deps: KustomizeDeps,
  ks: KustomizationObject,
): Promise<ResourceManager> {
  return new ResourceManager(await targetClient(deps, ks), {
    fieldManager: 'kustomize-controller',
    concurrency: deps.options?.concurrentSsa ?? 4,
  });
}

export async function applyObjects(
  rm: ResourceManager,
  ks: KustomizationObject,
  objects: readonly KubeObject[],
  overrideManagers: readonly string[] = [],
  knownUnchanged?: (obj: KubeObject) => string | undefined,
): Promise<ChangeSet> {
  try {
    await validateSet(rm, objects, knownUnchanged);
    return await rm.applyAllStaged(objects, {
      force: ks.spec.force === true,
      forceSelector,
      exclusionSelector,
      ifNotPresentSelector,
      cleanup: kustomizeCleanupOptions('kustomize-controller', overrideManagers),
      cleanupExclusions: mergeSelector,
      waitIntervalMs: 2000,
      waitTimeoutMs: 60_000,
      ...(knownUnchanged ? { knownUnchanged } : {}),
    });
  } catch (err) {
    let message = err instanceof Error ? err.message : String(err);
    if (err instanceof ApplyError && err.changeSet.entries.length > 0)
      message += `\n${err.changeSet.toString()}`;
    throw new ReconcileError('ReconciliationFailed', message, 'generic', undefined, { cause: err });
  }
}
