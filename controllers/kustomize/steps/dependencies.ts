/**
 * dependsOn (step 4): every dependency, read uncached, must be Ready=True for its current generation
 * and, when it shares our source, have applied the same revision. Optional `readyExpr` (CEL over
 * `self` and `dep`) replaces the built-in check unless AdditiveCELDependencyCheck is on.
 * Failure → DependencyNotReady, requeue after `--requeue-dependency`.
 */
import { isNotFound } from '../../../runtime/client/index.js';
import { ReconcileError, type KustomizeDeps } from '../types.js';
import { kustomizationApiVersion, type KustomizationObject } from '../object.js';
import { sourceKey } from './source.js';

interface Dep {
  metadata: { generation?: number };
  spec?: { sourceRef?: { kind?: string; name?: string; namespace?: string } };
  status?: {
    observedGeneration?: number;
    lastAppliedRevision?: string;
    conditions?: { type: string; status: string }[];
  };
}

export async function checkDependencies(
  deps: KustomizeDeps,
  ks: KustomizationObject,
  revision: string,
): Promise<void> {
  const requeue = deps.options?.requeueDependencyMs ?? 30_000;
  for (const d of ks.spec.dependsOn ?? []) {
    const namespace = d.namespace || ks.metadata.namespace;
    const id = `${namespace}/${d.name}`;
    let dep: Dep;
    try {
      dep = (await deps.client.get({
        apiVersion: kustomizationApiVersion,
        kind: 'Kustomization',
        namespace,
        name: d.name,
      })) as unknown as Dep;
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      throw new ReconcileError(
        'DependencyNotReady',
        isNotFound(err)
          ? `dependency '${id}' not found: ${text}`
          : `unable to get '${id}' dependency: ${text}`,
        'waiting',
        requeue,
        { cause: err },
      );
    }
    if (d.readyExpr) {
      if (!deps.cel)
        throw new ReconcileError(
          'InvalidCELExpression',
          'Reconciliation failed terminally due to configuration error: no CEL engine configured for readyExpr',
          'stalling',
        );
      let ok: unknown;
      try {
        ok = deps.cel(d.readyExpr).evaluate({ self: ks, dep });
      } catch (err) {
        const text = err instanceof Error ? err.message : String(err);
        throw new ReconcileError(
          'InvalidCELExpression',
          `Reconciliation failed terminally due to configuration error: failed to evaluate readyExpr for '${id}': ${text}`,
          'stalling',
        );
      }
      if (ok !== true)
        throw new ReconcileError(
          'DependencyNotReady',
          `dependency '${id}' is not ready according to readyExpr eval`,
          'waiting',
          requeue,
        );
      continue;
    }
    const conds = dep.status?.conditions ?? [];
    const ready = conds.find((c) => c.type === 'Ready');
    if (
      conds.length === 0 ||
      dep.metadata.generation !== dep.status?.observedGeneration ||
      ready?.status !== 'True'
    ) {
      throw new ReconcileError('DependencyNotReady', `dependency '${id}' is not ready`, 'waiting', requeue);
    }
    const mine = sourceKey(ks);
    const ref = dep.spec?.sourceRef;
    if (
      ref &&
      ref.kind === mine.kind &&
      ref.name === mine.name &&
      (ref.namespace || namespace) === mine.namespace
    ) {
      if (dep.status?.lastAppliedRevision !== revision) {
        throw new ReconcileError(
          'DependencyNotReady',
          `dependency '${id}' revision is not up to date`,
          'waiting',
          requeue,
        );
      }
    }
  }
}
