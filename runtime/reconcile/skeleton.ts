/**
 * The reconciler skeleton of ARCHITECTURE.md, shared by every kind:
 *
 *   get object → snapshot for patching → try { deletion → finalize; add finalizer; suspended?;
 *   requestedAt; Reconciling=True; run the ordered steps } finally { Ready from the summarizer;
 *   kstatus cleanup; patch status; metrics; event }
 *
 * Steps set only their own (abnormal) conditions; Ready, Reconciling and Stalled are computed here
 * once. A step returns an optional requeue delay (the lowest wins) and throws a typed error to stop
 * the run (StallingError / WaitingError / GenericError; anything else is Generic).
 */
import { fluxFinalizer, ProgressingReason, ProgressingWithRetryReason, ReadyCondition, ReconcilingCondition, StalledCondition } from '../../api/meta/conditions.js';
import type { KubeClient, KubeObject } from '../client/index.js';
import { isNotFound } from '../client/index.js';
import { get, markFalse, markReconciling, markStalled, markUnknown, remove, setSummary, statusOf } from '../conditions/index.js';
import type { SummaryTable } from '../conditions/index.js';
import type { EventSink } from '../events/index.js';
import type { Logger } from '../logging/index.js';
import type { Request, Result } from '../manager/index.js';
import type { ControllerMetrics } from '../metrics/index.js';
import { PatchHelper, addFinalizer, hasFinalizer, removeFinalizer } from '../patch/index.js';
import type { ReconcileError } from './errors.js';
import { WaitingError, asReconcileError } from './errors.js';
import { handleReconcileRequest } from './requested-at.js';

/** What a step may return: a requeue delay that the run keeps the lowest of. */
export interface StepResult {
  readonly requeueAfterMs?: number;
}

export interface Step<T extends KubeObject> {
  /** For logs, e.g. `reconcileSource`. */
  readonly name: string;
  run(obj: T, ctx: StepContext): Promise<StepResult | void>;
}

export interface StepContext {
  readonly signal: AbortSignal;
  readonly log: Logger;
}

export interface Skeleton<T extends KubeObject> {
  readonly kube: KubeClient;
  readonly apiVersion: string;
  readonly kind: string;
  /** Field manager of status patches (Flux: `source-controller`, `gotk-kustomize-controller`). */
  readonly fieldOwner: string;
  /** Owned conditions for the Ready summary (Stalled/Reconciling included). */
  readonly summary: SummaryTable;
  readonly steps: readonly Step<T>[];
  /** spec.interval in ms. */
  interval(obj: T): number;
  /** Failure requeue. Unset: return the error so the queue backs off (source-controller style); set: requeue after it (kustomize-controller's retryInterval). */
  retryInterval?(obj: T): number;
  /** Deletion path: garbage-collect what the object owns. The finalizer is removed afterwards. */
  finalize?(obj: T, ctx: StepContext): Promise<void>;
  /** Jitter for the success interval (manager.jitter). @default identity */
  jitter?(ms: number): number;
  /** Message of the success event; none when unset. */
  successMessage?(obj: T, elapsedMs: number, nextMs: number): string | undefined;
  /** Event metadata (e.g. `{ revision }`). */
  eventMetadata?(obj: T): Record<string, string>;
  readonly events?: EventSink;
  readonly metrics?: ControllerMetrics;
  /** Reads the object (e.g. from an informer); @default a GET. */
  read?(req: Request): Promise<T | undefined>;
}

/** Thrown by the skeleton so the controller backs off; carries the ReconcileError. */
export class ReconcileFailed extends Error {
  override readonly name = 'ReconcileFailed';
  constructor(readonly error: ReconcileError) {
    super(error.message, { cause: error });
  }
}

function suspended(obj: KubeObject): boolean {
  return (obj.spec as { suspend?: boolean } | undefined)?.suspend === true;
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = ms / 1000;
  if (s < 60) return `${Number(s.toFixed(3))}s`;
  const m = Math.floor(s / 60);
  const rest = Math.round(s - m * 60);
  if (m < 60) return `${m}m${rest}s`;
  return `${Math.floor(m / 60)}h${m % 60}m${rest}s`;
}

export { formatDuration };

/** Runs one reconcile of `req` through the skeleton; returns the controller Result. */
export async function reconcileWithSkeleton<T extends KubeObject>(sk: Skeleton<T>, req: Request, ctx: StepContext): Promise<Result> {
  const obj = sk.read
    ? await sk.read(req)
    : await sk.kube.get<T>({ apiVersion: sk.apiVersion, kind: sk.kind, namespace: req.namespace, name: req.name }).catch((err: unknown) => {
        if (isNotFound(err)) return undefined;
        throw err;
      });
  if (!obj) {
    sk.metrics?.deleteObject(sk.kind, req.namespace ?? '', req.name);
    return {};
  }
  const patcher = new PatchHelper<T>(sk.kube, obj, { fieldOwner: sk.fieldOwner });
  const owned = [ReadyCondition, ReconcilingCondition, StalledCondition, ...sk.summary.owned];
  const started = performance.now();

  // Deletion: finalize, then release the object.
  if (obj.metadata.deletionTimestamp) {
    if (hasFinalizer(obj, fluxFinalizer)) {
      if (sk.finalize && !suspended(obj)) await sk.finalize(obj, ctx);
      removeFinalizer(obj, fluxFinalizer);
      await patcher.patch(obj, { ownedConditions: owned });
    }
    sk.metrics?.deleteObject(sk.kind, req.namespace ?? '', req.name);
    return {};
  }
  // The finalizer goes on first, before any work (then an immediate requeue).
  if (addFinalizer(obj, fluxFinalizer)) {
    await patcher.patch(obj, { ownedConditions: owned });
    return { requeueAfterMs: 1 };
  }
  if (suspended(obj)) {
    ctx.log.info('reconciliation is suspended for this object');
    return {};
  }

  handleReconcileRequest(obj);
  markReconciling(obj, ProgressingReason, 'reconciliation in progress');
  if (!get(obj, ReadyCondition)) markUnknown(obj, ReadyCondition, ProgressingReason, 'reconciliation in progress');

  let failure: ReconcileError | undefined;
  let requeueAfterMs: number | undefined;
  try {
    for (const step of sk.steps) {
      const r = await step.run(obj, ctx);
      if (r?.requeueAfterMs !== undefined && r.requeueAfterMs > 0) requeueAfterMs = Math.min(requeueAfterMs ?? Infinity, r.requeueAfterMs);
    }
  } catch (err) {
    failure = asReconcileError(err, 'Failed');
  }
  return finish(sk, obj, patcher, owned, failure, requeueAfterMs, started, ctx);
}

async function finish<T extends KubeObject>(
  sk: Skeleton<T>,
  obj: T,
  patcher: PatchHelper<T>,
  owned: string[],
  failure: ReconcileError | undefined,
  stepRequeue: number | undefined,
  started: number,
  ctx: StepContext,
): Promise<Result> {
  const generation = obj.metadata.generation ?? 0;
  const status = statusOf(obj);
  const success = !failure || (failure.kind === 'Generic' && (failure as { ignore?: boolean }).ignore === true);
  if (success) {
    remove(obj, ReconcilingCondition);
    remove(obj, StalledCondition);
  } else if (failure?.kind === 'Stalling') {
    remove(obj, ReconcilingCondition);
    markStalled(obj, failure.reason, failure.message);
  } else if (failure) {
    remove(obj, StalledCondition);
    markReconciling(obj, ProgressingWithRetryReason, failure.message);
  }
  const summary = setSummary(obj, sk.summary);
  // A failure no owned condition explains still has to show on Ready.
  if (failure && !success && summary?.status !== 'False') markFalse(obj, ReadyCondition, failure.reason, failure.message);
  if (success && get(obj, ReadyCondition)?.status !== 'True') {
    // Steps succeeded but owned conditions say otherwise: treat as a retryable failure (Flux does the same).
    failure = asReconcileError(new Error(get(obj, ReadyCondition)?.message || 'reconciliation did not become ready'), get(obj, ReadyCondition)?.reason || 'Failed');
    markReconciling(obj, ProgressingWithRetryReason, failure.message);
  }
  const ready = get(obj, ReadyCondition)?.status === 'True';
  if (ready || failure?.kind === 'Stalling') status.observedGeneration = generation;
  await patcher.patch(obj, { ownedConditions: owned });

  const elapsed = performance.now() - started;
  sk.metrics?.recordDuration(sk.kind, obj.metadata.namespace ?? '', obj.metadata.name ?? '', elapsed / 1000);
  const interval = sk.interval(obj);
  const next = sk.jitter ? sk.jitter(interval) : interval;
  const metadata = sk.eventMetadata?.(obj);
  if (failure && !(failure.kind === 'Generic' && (failure as { ignore?: boolean }).ignore)) {
    await sk.events?.event(obj, failure.eventType, failure.reason, failure.message, { metadata, forward: failure.notify });
    if (failure.kind === 'Stalling') return {};
    if (failure instanceof WaitingError) return { requeueAfterMs: failure.requeueAfterMs };
    if (sk.retryInterval) return { requeueAfterMs: sk.retryInterval(obj) };
    throw new ReconcileFailed(failure);
  }
  const msg = sk.successMessage?.(obj, elapsed, next);
  if (msg) await sk.events?.event(obj, 'Normal', get(obj, ReadyCondition)?.reason ?? 'Succeeded', msg, { metadata });
  ctx.log.debug({ elapsed: formatDuration(elapsed), next: formatDuration(next) }, 'reconciliation finished');
  return { requeueAfterMs: Math.min(next, stepRequeue ?? Infinity) };
}
