/**
 * The labels and annotations kustomize-controller honours on managed objects. Values match
 * case-insensitively and the key may be a label or an annotation (Flux AnyInMetadata + EqualFold).
 */
import type { KubeObject } from '../client/index.js';

export const ssaKey = 'kustomize.toolkit.fluxcd.io/ssa';
export const forceKey = 'kustomize.toolkit.fluxcd.io/force';
export const pruneKey = 'kustomize.toolkit.fluxcd.io/prune';
export const reconcileKey = 'kustomize.toolkit.fluxcd.io/reconcile';
export const ownerNameLabel = 'kustomize.toolkit.fluxcd.io/name';
export const ownerNamespaceLabel = 'kustomize.toolkit.fluxcd.io/namespace';

/** key → value; an object matches when any pair is present as a label or an annotation. */
export type MetadataSelector = Readonly<Record<string, string>>;

export function anyInMetadata(
  obj: Pick<KubeObject, 'metadata'> | undefined,
  selector: MetadataSelector | undefined,
): boolean {
  if (!obj || !selector) return false;
  const labels = obj.metadata.labels ?? {};
  const annotations = obj.metadata.annotations ?? {};
  for (const [k, v] of Object.entries(selector)) {
    const l = labels[k];
    const a = annotations[k];
    if (
      (l !== undefined && l.toLowerCase() === v.toLowerCase()) ||
      (a !== undefined && a.toLowerCase() === v.toLowerCase())
    ) {
      return true;
    }
  }
  return false;
}

/** Objects neither applied nor pruned: `ssa: Ignore` or `reconcile: Disabled`. */
export const exclusionSelector: MetadataSelector = { [ssaKey]: 'Ignore', [reconcileKey]: 'Disabled' };
/** Created when missing, never patched afterwards. */
export const ifNotPresentSelector: MetadataSelector = { [ssaKey]: 'IfNotPresent' };
/** Recreated on immutable-field errors. */
export const forceSelector: MetadataSelector = { [forceKey]: 'Enabled' };
/** Objects the metadata cleanup leaves alone (kubectl edits survive). */
export const mergeSelector: MetadataSelector = { [ssaKey]: 'Merge' };
/** Objects prune and finalization never delete. */
export const pruneSkipSelector: MetadataSelector = { [pruneKey]: 'Disabled', [reconcileKey]: 'Disabled' };

/** The owner labels kustomize-controller sets on every object it applies. */
export function ownerLabels(name: string, namespace: string): Record<string, string> {
  return { [ownerNameLabel]: name, [ownerNamespaceLabel]: namespace };
}
