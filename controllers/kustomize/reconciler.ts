/**
 * The Kustomization reconciler: Flux kustomize-controller's loop (4.4). get → deletion/finalizer →
 * suspend → CEL config → source → dependsOn → fetch → build → apply → inventory → prune → health →
 * status. Steps live in steps/; this file owns the status bookkeeping and the events.
 */
import type { KubeObject } from '../../runtime/client/index.js';
import type { ChangeSet, ResourceManager } from '../../runtime/ssa/index.js';
import { AppliedMemory, type LiveVersions } from './applied-memory.js';
import { historyDigest } from './history-digest.js';
import { inventoryFromChangeSet, inventoryId, staleObjects, type InventoryEntry } from './inventory.js';
import {
  finalizer,
  intervalMs,
  kustomizationApiVersion,
  requestedAtAnnotation,
  retryIntervalMs,
  timeoutMs,
  type KustomizationObject,
} from './object.js';
import { Conditions, goDuration, upsertHistory, type Condition, type HistorySnapshot } from './status.js';
import { applyObjects, prepareObjects, resourceManager } from './steps/apply.js';
import { buildManifests, checkNotEncrypted } from './steps/build.js';
import { checkDependencies } from './steps/dependencies.js';
import { fetchArtifact } from './steps/fetch.js';
import { finalize } from './steps/finalize.js';
import { checkHealth, healthReaders, healthTargets, watchForNewRevision } from './steps/health.js';
import { pruneObjects } from './steps/prune.js';
import { resolveSource } from './steps/source.js';
import { ReconcileError, type KustomizeDeps, type ReconcileResult } from './types.js';

const statusManager = 'gotk-kustomize-controller';
const originRevisionKey = 'org.opencontainers.image.revision';

interface Work {
  readonly ks: KustomizationObject;
  readonly conds: Conditions;
  readonly status: Record<string, unknown>;
  revision?: string;
  originRevision?: string;
}

/** Flux's Reconciling messages: `<what> for revision <rev> with a timeout of <timeout>`. */
function progress(what: string, revision: string, ks: KustomizationObject): string {
  return `${what} for revision ${revision} with a timeout of ${goDuration(timeoutMs(ks))}`;
}

function jitter(ms: number): number {
  return Math.round(ms * (0.95 + Math.random() * 0.1));
}

export class KustomizationReconciler {
  /** What the last successful apply left, for skipping dry-runs (see applied-memory.ts). */
  readonly memory = new AppliedMemory();

  constructor(private readonly deps: KustomizeDeps) {}

  /** The watch cache can stand in for dry-runs only with the controller's own identity. */
  private liveVersionsFor(ks: KustomizationObject): LiveVersions | undefined {
    if (this.deps.options?.skipUnchangedDryRun === false) return undefined;
    if (ks.spec.serviceAccountName || this.deps.options?.defaultServiceAccount || ks.spec.kubeConfig)
      return undefined;
    return this.deps.liveVersions;
  }

  /** One reconcile of `namespace/name`; never throws for reconcile failures (they land in status). */
  async reconcile(namespace: string, name: string): Promise<ReconcileResult> {
    const ref = { apiVersion: kustomizationApiVersion, kind: 'Kustomization', namespace, name };
    const ks = (await this.deps.client.getOrUndefined(ref)) as KustomizationObject | undefined;
    if (!ks) return {};
    const finalizers = ks.metadata.finalizers ?? [];
    if (ks.metadata.deletionTimestamp) {
      this.memory.forget(ks.metadata.uid ?? '');
      if (!finalizers.includes(finalizer)) return {};
      if (!(await finalize(this.deps, ks))) return { requeueAfterMs: retryIntervalMs(ks) };
      await this.deps.client.patch(ref, 'merge', {
        metadata: {
          resourceVersion: ks.metadata.resourceVersion,
          finalizers: finalizers.filter((f) => f !== finalizer),
        },
      });
      return {};
    }
    if (!finalizers.includes(finalizer)) {
      await this.deps.client.patch(ref, 'merge', {
        metadata: { resourceVersion: ks.metadata.resourceVersion, finalizers: [...finalizers, finalizer] },
      });
      return { requeueAfterMs: 0 };
    }
    const w: Work = {
      ks,
      conds: new Conditions((ks.status?.conditions ?? []) as Condition[], ks.metadata.generation ?? 0),
      status: { ...(ks.status ?? {}) },
    };
    // Recorded in the final patch only (Flux's deferred patch), so a watcher of
    // lastHandledReconcileAt sees the request handled, not merely started.
    const requested = ks.metadata.annotations?.[requestedAtAnnotation];
    if (ks.spec.suspend) {
      if (requested) w.status['lastHandledReconcileAt'] = requested;
      await this.patchStatus(w);
      return {};
    }
    const start = Date.now();
    let result: ReconcileResult;
    try {
      result = await this.run(w, start);
    } catch (err) {
      result = this.failed(w, err);
    }
    if (requested) w.status['lastHandledReconcileAt'] = requested;
    this.finalizeStatus(w);
    await this.patchStatus(w);
    if (w.conds.isTrue('Ready')) {
      this.event(
        w,
        'Normal',
        'ReconciliationSucceeded',
        `Reconciliation finished in ${goDuration(Date.now() - start)}, next run in ${goDuration(intervalMs(ks))}`,
        {
          'kustomize.toolkit.fluxcd.io/commit_status': 'update',
        },
      );
    }
    return result;
  }

  private async run(w: Work, start: number): Promise<ReconcileResult> {
    const { ks, conds } = w;
    const readers = healthReaders(this.deps, ks);
    if (ks.spec.decryption?.serviceAccountName && !this.deps.options?.objectLevelWorkloadIdentity) {
      throw new ReconcileError(
        'FeatureGateDisabled',
        'to use spec.decryption.serviceAccountName for decryption authentication please enable the ObjectLevelWorkloadIdentity feature gate in the controller',
        'stalling',
      );
    }
    const { artifact } = await resolveSource(this.deps, ks);
    const requeueDep = this.deps.options?.requeueDependencyMs ?? 30_000;
    if (!artifact) {
      throw new ReconcileError(
        'ArtifactFailed',
        `Source artifact not found, retrying in ${goDuration(requeueDep)}`,
        'waiting',
        requeueDep,
        { event: false },
      );
    }
    w.revision = artifact.revision;
    w.originRevision = artifact.metadata?.[originRevisionKey];
    try {
      await checkDependencies(this.deps, ks, artifact.revision);
    } catch (err) {
      if (err instanceof ReconcileError && err.reason === 'DependencyNotReady') {
        conds.set('Ready', 'False', err.reason, err.message);
        this.event(
          w,
          'Normal',
          'DependencyNotReady',
          `Dependencies do not meet ready condition, retrying in ${goDuration(requeueDep)}`,
        );
        return { requeueAfterMs: err.requeueAfterMs ?? requeueDep };
      }
      throw err;
    }
    conds.set('Ready', 'Unknown', 'Progressing', 'Reconciliation in progress');
    conds.set('Reconciling', 'True', 'Progressing', progress('Fetching manifests', artifact.revision, ks));
    await this.patchStatus(w);

    const oldInventory = (ks.status?.inventory?.entries ?? []) as InventoryEntry[];
    const fetched = await fetchArtifact(this.deps, ks, artifact);
    let objects: KubeObject[];
    let rm: ResourceManager;
    try {
      w.status['lastAttemptedRevision'] = artifact.revision;
      conds.set('Reconciling', 'True', 'Progressing', progress('Building manifests', artifact.revision, ks));
      await this.patchStatus(w);
      // Step 7: the target cluster's client (impersonation, kubeConfig) before the build, as Flux.
      rm = await resourceManager(this.deps, ks);
      objects = await buildManifests(this.deps, ks, fetched);
    } finally {
      await fetched.dispose();
    }
    checkNotEncrypted(objects);
    const digest = historyDigest(objects);
    conds.set('Reconciling', 'True', 'Progressing', progress('Detecting drift', artifact.revision, ks));
    await this.patchStatus(w);
    const prepared = prepareObjects(ks, objects);
    const live = this.liveVersionsFor(ks);
    const uid = ks.metadata.uid ?? '';
    const generation = ks.metadata.generation ?? 0;
    const known = live ? this.memory.knownUnchanged(uid, artifact.digest, generation, live) : undefined;
    let changeSet: ChangeSet;
    try {
      changeSet = await applyObjects(rm, ks, prepared, this.deps.options?.overrideManagers, known);
    } catch (err) {
      this.recordHistory(w, digest, 'ReconciliationFailed', start);
      throw err;
    }
    const changed = changeSet.entries.filter((e) => e.action === 'created' || e.action === 'configured');
    if (changed.length > 0)
      this.event(w, 'Normal', 'Progressing', changed.map((e) => `${e.subject} ${e.action}`).join('\n'));

    const newInventory = inventoryFromChangeSet(changeSet);
    w.status['inventory'] = { entries: newInventory };
    const skipped = new Set(changeSet.filter('skipped').map((e) => inventoryId(e)));
    try {
      const pruned = await pruneObjects(rm, ks, staleObjects(oldInventory, newInventory, skipped));
      if (pruned && pruned.entries.length > 0) this.event(w, 'Normal', 'Progressing', pruned.toString());
    } catch (err) {
      this.recordHistory(w, digest, 'PruneFailed', start);
      throw err;
    }
    await this.health(w, rm, changeSet, readers, digest, start);

    w.status['lastAppliedRevision'] = artifact.revision;
    if (w.originRevision) w.status['lastAppliedOriginRevision'] = w.originRevision;
    else delete w.status['lastAppliedOriginRevision'];
    conds.set('Ready', 'True', 'ReconciliationSucceeded', `Applied revision: ${artifact.revision}`);
    this.recordHistory(w, digest, 'ReconciliationSucceeded', start);
    if (live) {
      this.memory.record(uid, artifact.digest, generation, prepared, changeSet);
      live.watch?.(prepared);
    } else this.memory.forget(uid);
    return { requeueAfterMs: jitter(intervalMs(ks)) };
  }

  private async health(
    w: Work,
    rm: ResourceManager,
    cs: ChangeSet,
    readers: Parameters<typeof checkHealth>[4],
    digest: string,
    start: number,
  ): Promise<void> {
    const { ks, conds } = w;
    const targets = healthTargets(ks, cs);
    if (targets.length === 0) {
      conds.delete('Healthy');
      return;
    }
    const wasHealthy = conds.isTrue('Healthy');
    const msg = `Running health checks for revision ${w.revision ?? ''} with a timeout of ${goDuration(timeoutMs(ks))}`;
    conds.set('Reconciling', 'True', 'Progressing', msg);
    conds.set('Healthy', 'Unknown', 'Progressing', msg);
    await this.patchStatus(w);
    const cancel = this.deps.options?.cancelHealthCheckOnNewRevision
      ? watchForNewRevision(this.deps, ks, w.revision ?? '', () =>
          this.event(w, 'Normal', 'Progressing', 'New revision detected during health check, cancelling'),
        )
      : undefined;
    try {
      const took = await checkHealth(this.deps, rm, ks, targets, readers, cancel?.signal);
      conds.set('Healthy', 'True', 'Succeeded', `Health check passed in ${goDuration(took)}`);
      if (!wasHealthy) this.event(w, 'Normal', 'Progressing', `Health check passed in ${goDuration(took)}`);
    } catch (err) {
      if (err instanceof ReconcileError) conds.set('Healthy', 'False', err.reason, err.message);
      this.recordHistory(w, digest, 'HealthCheckFailed', start);
      // A cancelled check gives way to the new revision at once.
      if (cancel?.signal.aborted && err instanceof ReconcileError)
        throw new ReconcileError(err.reason, err.message, 'waiting', 0, { cause: err });
      throw err;
    } finally {
      cancel?.stop();
    }
  }

  private failed(w: Work, err: unknown): ReconcileResult {
    const e =
      err instanceof ReconcileError
        ? err
        : new ReconcileError('ReconciliationFailed', err instanceof Error ? err.message : String(err));
    w.conds.set('Ready', 'False', e.reason, e.message);
    if (e.kind === 'stalling') {
      w.conds.set('Stalled', 'True', e.reason, e.message);
      w.conds.delete('Reconciling');
      w.status['observedGeneration'] = w.ks.metadata.generation;
    }
    if (e.event) this.event(w, 'Warning', e.reason, e.message);
    if (e.kind === 'stalling') return {};
    return { requeueAfterMs: e.requeueAfterMs ?? retryIntervalMs(w.ks) };
  }

  /** Flux finalizeStatus: Ready=True clears Reconciling/Stalled and records observedGeneration. */
  private finalizeStatus(w: Work): void {
    if (w.conds.isTrue('Ready')) {
      w.conds.delete('Reconciling');
      w.conds.delete('Stalled');
      w.status['observedGeneration'] = w.ks.metadata.generation;
    } else if (w.conds.get('Ready')?.status === 'False' && w.conds.get('Reconciling')) {
      const r = w.conds.get('Reconciling');
      if (r) w.conds.set('Reconciling', 'True', 'ProgressingWithRetry', r.message);
    }
  }

  private recordHistory(w: Work, digest: string, status: string, start: number): void {
    const meta: Record<string, string> = { revision: w.revision ?? '' };
    if (w.originRevision) meta['originRevision'] = w.originRevision;
    const prev = (w.status['history'] ?? []) as HistorySnapshot[];
    w.status['history'] = upsertHistory(
      prev,
      digest,
      status,
      Date.now() - start,
      meta,
      new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    );
  }

  private async patchStatus(w: Work): Promise<void> {
    w.status['conditions'] = w.conds.list;
    const ref = {
      apiVersion: kustomizationApiVersion,
      kind: 'Kustomization',
      namespace: w.ks.metadata.namespace,
      name: w.ks.metadata.name,
    };
    await this.deps.client.patchStatus(ref, 'merge', { status: w.status }, { fieldManager: statusManager });
  }

  private event(
    w: Work,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    extra: Record<string, string> = {},
  ): void {
    const meta: Record<string, string> = { ...extra };
    if (w.revision) meta['kustomize.toolkit.fluxcd.io/revision'] = w.revision;
    if (w.originRevision) meta['kustomize.toolkit.fluxcd.io/originRevision'] = w.originRevision;
    this.deps.events.event(w.ks, type, reason, message, meta);
  }
}
