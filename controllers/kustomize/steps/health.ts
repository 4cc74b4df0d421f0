/**
 * Health checks (step 13): kstatus of every applied object (`wait: true`) or of `spec.healthChecks`,
 * with Flux's Job reader and the healthCheckExprs CEL readers, fail-fast unless disabled.
 * Sets Healthy; failure → HealthCheckFailed ("health check failed after <d>: …").
 */
import type { KubeObject } from '../../../runtime/client/index.js';
import { celStatusReader, jobStatusReader, type StatusReader } from '../../../runtime/health/index.js';
import type { ChangeSet, ResourceManager } from '../../../runtime/ssa/index.js';
import { goDuration } from '../status.js';
import { resolveSource } from './source.js';
import { ReconcileError, type KustomizeDeps } from '../types.js';
import { timeoutMs, type KustomizationObject } from '../object.js';

/** Compiles healthCheckExprs up front (step 2); a bad expression stalls the Kustomization. */
export function healthReaders(deps: KustomizeDeps, ks: KustomizationObject): StatusReader[] {
  const exprs = ks.spec.healthCheckExprs ?? [];
  const readers: StatusReader[] = [];
  if (exprs.length > 0) {
    if (!deps.cel)
      throw new ReconcileError(
        'InvalidCELExpression',
        'Reconciliation failed terminally due to configuration error: no CEL engine configured for healthCheckExprs',
        'stalling',
      );
    try {
      readers.push(celStatusReader(exprs, deps.cel));
    } catch (err) {
      throw new ReconcileError(
        'InvalidCELExpression',
        `Reconciliation failed terminally due to configuration error: ${err instanceof Error ? err.message : String(err)}`,
        'stalling',
      );
    }
  }
  readers.push(jobStatusReader);
  return readers;
}

export function healthTargets(ks: KustomizationObject, cs: ChangeSet): KubeObject[] {
  if (ks.spec.wait) {
    return (
      cs.entries
        .filter((e) => e.action !== 'skipped' && e.action !== 'deleted')
        // The Kustomization never waits on itself.
        .filter(
          (e) =>
            !(
              e.group === 'kustomize.toolkit.fluxcd.io' &&
              e.kind === 'Kustomization' &&
              e.name === ks.metadata.name &&
              e.namespace === ks.metadata.namespace
            ),
        )
        .map((e) => ({
          apiVersion: e.group ? `${e.group}/${e.version}` : e.version,
          kind: e.kind,
          metadata: { name: e.name, ...(e.namespace ? { namespace: e.namespace } : {}) },
        }))
    );
  }
  return (ks.spec.healthChecks ?? []).map((h) => ({
    apiVersion: h.apiVersion || 'apps/v1',
    kind: h.kind,
    metadata: { name: h.name, ...(h.namespace ? { namespace: h.namespace } : {}) },
  }));
}

export async function checkHealth(
  deps: KustomizeDeps,
  rm: ResourceManager,
  ks: KustomizationObject,
  targets: readonly KubeObject[],
  readers: readonly StatusReader[],
  signal?: AbortSignal,
): Promise<number> {
  const start = Date.now();
  const res = await rm.wait(targets, {
    intervalMs: deps.options?.healthPollMs ?? 5000,
    timeoutMs: timeoutMs(ks),
    failFast: deps.options?.disableFailFast !== true,
    readers,
    ...(signal ? { signal } : {}),
  });
  const took = Date.now() - start;
  if (!res.ok)
    throw new ReconcileError(
      'HealthCheckFailed',
      `health check failed after ${goDuration(took)}: ${res.message}`,
    );
  return took;
}

/**
 * Gate CancelHealthCheckOnNewRevision: re-reads the source every poll interval during the health
 * check and aborts it when the artifact revision moves on. Returns the signal and a stop function.
 */
export function watchForNewRevision(
  deps: KustomizeDeps,
  ks: KustomizationObject,
  revision: string,
  onNew: () => void,
): { signal: AbortSignal; stop(): void } {
  const ac = new AbortController();
  const timer = setInterval(() => {
    void resolveSource(deps, ks)
      .then(({ artifact }) => {
        if (!ac.signal.aborted && artifact && artifact.revision !== revision) {
          onNew();
          ac.abort();
        }
      })
      .catch(() => undefined);
  }, deps.options?.healthPollMs ?? 5000);
  return {
    signal: ac.signal,
    stop: () => clearInterval(timer),
  };
}
