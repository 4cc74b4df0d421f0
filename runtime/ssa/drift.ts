/**
 * Drift detection (fluxcd/pkg ssa hasDrifted): a server-side dry-run result is compared with the
 * live object — labels and annotations as a derivative (keys the result sets must match), the rest
 * of the object minus metadata and status by deep equality.
 */
import type { KubeObject } from '../client/index.js';

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  const ob = b as Record<string, unknown>;
  return ka.every(
    (k) => Object.prototype.hasOwnProperty.call(ob, k) && deepEqual((a as Record<string, unknown>)[k], ob[k]),
  );
}

/** apimachinery Semantic.DeepDerivative for string maps: every key `derived` sets equals in `base`. */
function mapDerivative(
  derived: Record<string, string> | undefined,
  base: Record<string, string> | undefined,
): boolean {
  const d = derived ?? {};
  const keys = Object.keys(d);
  if (keys.length === 0) return true;
  const b = base ?? {};
  if (keys.length > Object.keys(b).length) return false;
  return keys.every((k) => b[k] === d[k]);
}

function withoutMetaAndStatus(obj: KubeObject): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...obj };
  delete rest['metadata'];
  delete rest['status'];
  return rest;
}

export function hasDrifted(existing: KubeObject | undefined, dryRun: KubeObject): boolean {
  if (!existing || !dryRun.metadata.resourceVersion) return true;
  if (!mapDerivative(dryRun.metadata.labels, existing.metadata.labels)) return true;
  if (!mapDerivative(dryRun.metadata.annotations, existing.metadata.annotations)) return true;
  return !deepEqual(withoutMetaAndStatus(dryRun), withoutMetaAndStatus(existing));
}
