/** The Kustomization object as the reconciler reads it (raw JSON, typed where it reads fields). */
import type { KubeObject } from '../../runtime/client/index.js';
import type { KustomizationSpec, KustomizationStatus } from '../../api/kustomize/v1/kustomization.js';

export interface KustomizationObject extends KubeObject {
  metadata: KubeObject['metadata'] & { name: string; namespace: string; generation?: number };
  spec: KustomizationSpec;
  status?: KustomizationStatus;
}

export const kustomizationApiVersion = 'kustomize.toolkit.fluxcd.io/v1';
export const finalizer = 'finalizers.fluxcd.io';
export const requestedAtAnnotation = 'reconcile.fluxcd.io/requestedAt';

/** Parses a Go duration (`1m30s`, `500ms`) into milliseconds. */
export function durationMs(s: string | undefined, fallback: number): number {
  if (!s) return fallback;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let total = 0;
  let matched = '';
  for (const m of s.matchAll(re)) {
    const n = Number(m[1]);
    const unit = m[2];
    total += unit === 'ms' ? n : unit === 's' ? n * 1000 : unit === 'm' ? n * 60_000 : n * 3_600_000;
    matched += m[0];
  }
  return matched === s ? total : fallback;
}

export function intervalMs(ks: KustomizationObject): number {
  return durationMs(ks.spec.interval, 600_000);
}

export function retryIntervalMs(ks: KustomizationObject): number {
  return durationMs(ks.spec.retryInterval, intervalMs(ks));
}

/** `spec.timeout`, else interval − 30s with a 30s floor (Flux GetTimeout). */
export function timeoutMs(ks: KustomizationObject): number {
  const def = Math.max(intervalMs(ks) - 30_000, 30_000);
  return durationMs(ks.spec.timeout, def);
}
