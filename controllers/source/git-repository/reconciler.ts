import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GitRepository } from '../../../api/source/v1/git-repository.js';
import type { KubeObject } from '../../../runtime/client/index.js';
import type { SummaryTable } from '../../../runtime/conditions/index.js';
import { Conditions } from './conditions.js';
import type { Condition } from './conditions.js';
import type { GitRepositoryDeps, Step, StepContext } from './context.js';
import { progressive } from './context.js';
import { ReconcileError, generic } from './errors.js';
import { shortMessage } from './messages.js';
import { parseDuration } from './steps/source.js';
import { reconcileArtifact } from './steps/artifact.js';
import { reconcileInclude } from './steps/include.js';
import { reconcileSource } from './steps/source.js';
import { reconcileStorage } from './steps/storage.js';

export const finalizer = 'finalizers.fluxcd.io';
const requestedAtKey = 'reconcile.fluxcd.io/requestedAt';
const apiVersion = 'source.toolkit.fluxcd.io/v1';

/** The steps of a GitRepository reconcile, in Flux's order. */
export const steps: readonly Step[] = [
  reconcileStorage,
  reconcileSource,
  reconcileInclude,
  reconcileArtifact,
];

/**
 * Ready summary table of GitRepository (source-controller gitRepositoryReadyCondition): the owned
 * conditions in priority order; Reconciling and Stalled are not summarized into Ready.
 */
export const readySummary: SummaryTable = {
  owned: [
    'StorageOperationFailed',
    'FetchFailed',
    'IncludeUnavailable',
    'ArtifactOutdated',
    'ArtifactInStorage',
    'SourceVerified',
  ],
  negativePolarity: [
    'StorageOperationFailed',
    'FetchFailed',
    'IncludeUnavailable',
    'ArtifactOutdated',
    'Stalled',
    'Reconciling',
  ],
  bipolar: ['SourceVerified'],
};

/** Conditions whose recovery makes a same-digest success worth a `Succeeded` event. */
const failConditions = ['FetchFailed', 'IncludeUnavailable', 'StorageOperationFailed'];

/** The reconcile outcome for the manager: requeue after a delay, or an error for backoff. */
export interface ReconcileOutcome {
  readonly requeueAfterMs?: number;
  readonly requeue?: boolean;
  readonly error?: Error;
}

type GitRepo = GitRepository & KubeObject;

/**
 * Reconciles one GitRepository: the skeleton of ARCHITECTURE.md (get → deletion → finalizer →
 * suspend → steps → summarize, patch status, events).
 */
export async function reconcileGitRepository(
  deps: GitRepositoryDeps,
  namespace: string,
  name: string,
): Promise<ReconcileOutcome> {
  const ref = { apiVersion, kind: 'GitRepository', namespace, name };
  const obj = deps.read
    ? ((await deps.read(namespace, name)) as GitRepo | undefined)
    : await deps.client.getOrUndefined<GitRepo>(ref);
  if (!obj) return {};
  if (obj.metadata.deletionTimestamp) return finalize(deps, obj);
  if (!(obj.metadata.finalizers ?? []).includes(finalizer)) {
    await deps.client.patch(ref, 'merge', {
      metadata: {
        finalizers: [...(obj.metadata.finalizers ?? []), finalizer],
        resourceVersion: obj.metadata.resourceVersion,
      },
    });
    return { requeue: true };
  }
  const oldObj = structuredClone(obj);
  obj.status ??= {};
  const generation = obj.metadata.generation ?? 0;
  const conditions = new Conditions((obj.status.conditions as Condition[] | undefined) ?? [], generation);
  let lastPatched = structuredClone(obj.status);
  const patch = async (): Promise<void> => {
    obj.status = { ...obj.status, conditions: conditions.list };
    lastPatched = await patchStatus(deps, obj, lastPatched);
  };
  if (obj.spec.suspend) {
    recordRequest(obj);
    await patch();
    return {};
  }

  let dir = '';
  let err: ReconcileError | undefined;
  let requeue = false;
  const ctx: StepContext = { deps, obj, conditions, dir: '', includes: [], patch };
  try {
    progressive(conditions, false, 'reconciliation in progress');
    const recAt = obj.metadata.annotations?.[requestedAtKey];
    if (generation !== (obj.status.observedGeneration ?? -1)) {
      progressive(
        conditions,
        false,
        `processing object: new generation ${obj.status.observedGeneration ?? -1} -> ${generation}`,
      );
      await patch();
    } else if (recAt !== undefined && recAt !== obj.status.lastHandledReconcileAt) {
      await patch();
    }
    try {
      dir = await mkdtemp(join(tmpdir(), `gitrepository-${namespace}-${name}-`));
    } catch (e) {
      err = generic(
        `failed to create temporary working directory: ${(e as Error).message}`,
        'DirectoryCreationFailed',
      );
      conditions.markTrue('StorageOperationFailed', err.reason, err.message);
      throw err;
    }
    conditions.delete('StorageOperationFailed');
    (ctx as { dir: string }).dir = dir;
    for (const step of steps) {
      if ((await step(ctx)) === 'requeue') {
        requeue = true;
        break;
      }
    }
  } catch (e) {
    err = e instanceof ReconcileError ? e : generic((e as Error).message, 'Failed');
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
  if (requeue) {
    await patch();
    return { requeue: true };
  }
  const outcome = computeResult(deps, obj, conditions, err);
  recordRequest(obj);
  conditions.summarize(readySummary);
  if (err && !err.ignore && err.kind === 'generic' && conditions.isTrue('Ready'))
    conditions.markFalse('Ready', err.reason, err.message);
  if (!err && !conditions.isTrue('Ready')) {
    const ready = conditions.get('Ready');
    if (ready?.status !== 'False')
      conditions.set('Ready', 'False', ready?.reason ?? 'Failed', ready?.message ?? 'reconciliation failed');
  }
  await patch();
  await emitEvents(deps, oldObj, obj, ctx, err);
  return outcome;
}

/** Flux ComputeReconcileResult: Reconciling/Stalled bookkeeping, observedGeneration, requeue. */
function computeResult(
  deps: GitRepositoryDeps,
  obj: GitRepo,
  c: Conditions,
  err: ReconcileError | undefined,
): ReconcileOutcome {
  const status = (obj.status ??= {});
  const generation = obj.metadata.generation ?? 0;
  const interval = jitter(parseDuration(obj.spec.interval, 60_000), deps.jitterPercent ?? 5);
  if (!err) c.delete('Reconciling');
  const rec = c.get('Reconciling');
  if (rec && rec.status === 'True') c.set('Reconciling', 'True', 'ProgressingWithRetry', rec.message);
  if (!err) {
    c.delete('Stalled');
    status.observedGeneration = generation;
    return { requeueAfterMs: interval };
  }
  switch (err.kind) {
    case 'stalling':
      c.markTrue('Stalled', err.reason, err.message);
      c.delete('Reconciling');
      status.observedGeneration = generation;
      return {};
    case 'waiting':
      c.delete('Stalled');
      return { requeueAfterMs: err.requeueAfterMs ?? 30_000 };
    default:
      c.delete('Stalled');
      if (err.ignore) {
        c.delete('Reconciling');
        status.observedGeneration = generation;
        return { requeueAfterMs: interval };
      }
      return { error: err };
  }
}

function jitter(ms: number, percent: number): number {
  const j = (ms * percent) / 100;
  return Math.round(ms - j + Math.random() * 2 * j);
}

function recordRequest(obj: GitRepo): void {
  const v = obj.metadata.annotations?.[requestedAtKey];
  if (v !== undefined) (obj.status ??= {}).lastHandledReconcileAt = v;
}

/** Merge-patches the status subresource with what changed since the last patch (removed keys → null). */
async function patchStatus(
  deps: GitRepositoryDeps,
  obj: GitRepo,
  last: GitRepo['status'],
): Promise<NonNullable<GitRepo['status']>> {
  const cur = (obj.status ?? {}) as Record<string, unknown>;
  const prev = (last ?? {}) as Record<string, unknown>;
  const diff: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(cur), ...Object.keys(prev)])) {
    if (cur[k] === undefined) {
      if (prev[k] !== undefined) diff[k] = null;
    } else if (JSON.stringify(cur[k]) !== JSON.stringify(prev[k])) diff[k] = cur[k];
  }
  if (Object.keys(diff).length > 0) {
    await deps.client.patchStatus(
      { apiVersion, kind: 'GitRepository', namespace: obj.metadata.namespace, name: obj.metadata.name ?? '' },
      'merge',
      { status: diff },
      { fieldManager: deps.fieldManager ?? 'source-controller' },
    );
  }
  return structuredClone(obj.status ?? {});
}

async function emitEvents(
  deps: GitRepositoryDeps,
  oldObj: GitRepo,
  obj: GitRepo,
  ctx: StepContext,
  err: ReconcileError | undefined,
): Promise<void> {
  const safe = async (f: () => Promise<void>): Promise<void> => {
    try {
      await f();
    } catch {
      // an event that cannot be recorded must not fail the reconcile
    }
  };
  if (err && !err.ignore) {
    await safe(() =>
      deps.recordEvent(obj, err.event === 'Warning' ? 'Warning' : err.event, err.reason, err.message),
    );
    return;
  }
  const artifact = obj.status?.artifact;
  if (!artifact) return;
  if (err?.ignore) await safe(() => deps.recordEvent(obj, 'Normal', err.reason, err.message, {}, false));
  const annotations = {
    'source.toolkit.fluxcd.io/revision': artifact.revision,
    'source.toolkit.fluxcd.io/digest': artifact.digest ?? '',
  };
  const commit = ctx.commit;
  const message =
    commit && !commit.partial
      ? `stored artifact for commit '${shortMessage(commit.message)}'`
      : `stored artifact for commit '${artifact.revision}'`;
  if (oldObj.status?.artifact?.digest !== artifact.digest) {
    await safe(() => deps.recordEvent(obj, 'Normal', 'NewArtifact', message, annotations));
  } else if (recovered(oldObj, obj)) {
    await safe(() => deps.recordEvent(obj, 'Normal', 'Succeeded', message, annotations));
  }
}

function recovered(oldObj: GitRepo, obj: GitRepo): boolean {
  const had = (oldObj.status?.conditions ?? []).some(
    (c) => failConditions.includes(c.type) && c.status === 'True',
  );
  const has = (obj.status?.conditions ?? []).some(
    (c) => failConditions.includes(c.type) && c.status === 'True',
  );
  return had && !has;
}

/** Deletion: remove the object's storage directory (Trace GarbageCollectionSucceeded), drop the finalizer. */
async function finalize(deps: GitRepositoryDeps, obj: GitRepo): Promise<ReconcileOutcome> {
  try {
    const removed = await deps.storage.removeAll(
      'GitRepository',
      obj.metadata.namespace ?? 'default',
      obj.metadata.name ?? '',
    );
    if (removed)
      await deps
        .recordEvent(
          obj,
          'Trace',
          'GarbageCollectionSucceeded',
          'garbage collected artifacts for deleted resource',
        )
        .catch(() => undefined);
  } catch (e) {
    return {
      error: generic(
        `garbage collection for deleted resource failed: ${(e as Error).message}`,
        'GarbageCollectionFailed',
      ),
    };
  }
  const finalizers = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  await deps.client.patch(
    { apiVersion, kind: 'GitRepository', namespace: obj.metadata.namespace, name: obj.metadata.name ?? '' },
    'merge',
    {
      metadata: {
        finalizers: finalizers.length > 0 ? finalizers : null,
        resourceVersion: obj.metadata.resourceVersion,
      },
    },
  );
  return {};
}
