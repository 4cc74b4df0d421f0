/**
 * ResourceManager (fluxcd/pkg ssa): staged server-side apply with dry-run drift detection, deletion
 * with ownership checks, and waiting for readiness or termination. Returns ChangeSets of plain data.
 */
import { isNotFound, type KubeClient, type KubeObject, type ObjectRef } from '../client/index.js';
import { waitForSet, waitForTermination, type StatusReader } from '../health/index.js';
import { ChangeSet, entryFor, type ChangeSetEntry } from './changeset.js';
import { cleanupPatch, type CleanupOptions } from './cleanup.js';
import { hasDrifted } from './drift.js';
import { dryRunErrorFor, errorText, isImmutableError } from './errors.js';
import { anyInMetadata, type MetadataSelector } from './metadata.js';
import { isClusterDefinition, isKindClass, sortObjects } from './sort.js';

export interface ResourceManagerOptions {
  /** @default "kustomize-controller" */
  readonly fieldManager?: string;
  /** Parallel GET + dry-run requests (Flux `--concurrent-ssa`). @default 4 */
  readonly concurrency?: number;
}

export interface ApplyOptions {
  /** Recreate any object whose apply fails on an immutable field. @default false */
  readonly force?: boolean;
  /** Objects matching it (desired or live) are recreated on immutable-field errors. */
  readonly forceSelector?: MetadataSelector;
  /** Objects matching it (desired or live) are skipped. */
  readonly exclusionSelector?: MetadataSelector;
  /** Desired objects matching it are skipped once they exist. */
  readonly ifNotPresentSelector?: MetadataSelector;
  readonly cleanup?: CleanupOptions;
  /** Objects matching it (desired or live) are not cleaned up (`ssa: Merge`). */
  readonly cleanupExclusions?: MetadataSelector;
  /** Poll interval while waiting for staged definitions and deletions. @default 2000 */
  readonly waitIntervalMs?: number;
  /** @default 60000 */
  readonly waitTimeoutMs?: number;
  /**
   * Beyond Flux: objects for which this returns a resourceVersion are reported `unchanged` (with
   * that version) without a GET or a dry-run: the caller proves from its watch cache that neither the
   * desired object nor the live one changed since the last successful apply.
   */
  readonly knownUnchanged?: (obj: KubeObject) => string | undefined;
}

export interface DeleteOptions {
  /** Only objects whose live labels contain all of these are deleted (owner labels). */
  readonly selector?: Readonly<Record<string, string>>;
  /** Objects matching it are reported `skipped` instead of deleted. */
  readonly skipFor?: MetadataSelector;
}

/** An apply that failed part-way: what was already done is kept for the event. */
export class ApplyError extends Error {
  override readonly name = 'ApplyError';
  constructor(
    message: string,
    readonly changeSet: ChangeSet,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let failed: unknown;
  const worker = async (): Promise<void> => {
    while (failed === undefined && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i] as T, i);
      } catch (err) {
        failed ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failed !== undefined) throw failed;
  return out;
}

function refOfObj(obj: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>): ObjectRef {
  return {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.metadata.name ?? '',
    namespace: obj.metadata.namespace || undefined,
  };
}

export class ResourceManager {
  readonly fieldManager: string;
  private readonly concurrency: number;

  constructor(
    readonly client: KubeClient,
    opts: ResourceManagerOptions = {},
  ) {
    this.fieldManager = opts.fieldManager ?? 'kustomize-controller';
    this.concurrency = opts.concurrency ?? 4;
  }

  private dryRun(obj: KubeObject): Promise<KubeObject> {
    return this.client.apply(obj, { dryRun: true, force: true, fieldManager: this.fieldManager });
  }

  private async getLive(obj: KubeObject): Promise<KubeObject | undefined> {
    try {
      return await this.client.getOrUndefined(refOfObj(obj));
    } catch {
      // Flux ignores the GET error here: the dry-run that follows reports the real problem.
      return undefined;
    }
  }

  /** GET, skip rules, dry-run (with force-recreate), cleanup; decides the action for one object. */
  private async plan(
    obj: KubeObject,
    opts: ApplyOptions,
  ): Promise<{ entry: ChangeSetEntry; apply: boolean }> {
    const known = opts.knownUnchanged?.(obj);
    if (known) return { entry: { ...entryFor(obj, 'unchanged'), resourceVersion: known }, apply: false };
    let live = await this.getLive(obj);
    if (anyInMetadata(obj, opts.exclusionSelector) || anyInMetadata(live, opts.exclusionSelector)) {
      return { entry: entryFor(live ?? obj, 'skipped'), apply: false };
    }
    if (live?.metadata.uid && anyInMetadata(obj, opts.ifNotPresentSelector)) {
      return { entry: entryFor(live, 'skipped'), apply: false };
    }
    let dry: KubeObject;
    try {
      dry = await this.dryRun(obj);
    } catch (err) {
      const forced =
        opts.force || anyInMetadata(obj, opts.forceSelector) || anyInMetadata(live, opts.forceSelector);
      if (!live || !forced || !isImmutableError(err)) throw dryRunErrorFor(err, obj);
      await this.recreate(obj, opts);
      live = undefined;
      try {
        dry = await this.dryRun(obj);
      } catch (err2) {
        throw dryRunErrorFor(err2, obj);
      }
    }
    const patched = live ? await this.cleanup(obj, live, opts) : false;
    if (patched || hasDrifted(live, dry)) {
      return { entry: entryFor(dry, dry.metadata.resourceVersion ? 'configured' : 'created'), apply: true };
    }
    const rv = dry.metadata.resourceVersion;
    return { entry: { ...entryFor(dry, 'unchanged'), ...(rv ? { resourceVersion: rv } : {}) }, apply: false };
  }

  private async recreate(obj: KubeObject, opts: ApplyOptions): Promise<void> {
    const ref = refOfObj(obj);
    try {
      await this.client.delete(ref, { propagationPolicy: 'Background' });
    } catch (err) {
      if (!isNotFound(err))
        throw new Error(
          `${entryFor(obj, 'unknown').subject} immutable field detected, failed to delete object: ${errorText(err)}`,
          { cause: err },
        );
    }
    const left = await waitForTermination([ref], (r) => this.client.getOrUndefined(r), {
      intervalMs: opts.waitIntervalMs ?? 2000,
      timeoutMs: opts.waitTimeoutMs ?? 60_000,
    });
    if (left.length > 0) {
      throw new Error(
        `${entryFor(obj, 'unknown').subject} immutable field detected, failed to wait for object to be deleted: timeout`,
      );
    }
  }

  private async cleanup(desired: KubeObject, live: KubeObject, opts: ApplyOptions): Promise<boolean> {
    if (!opts.cleanup) return false;
    if (anyInMetadata(desired, opts.cleanupExclusions) || anyInMetadata(live, opts.cleanupExclusions))
      return false;
    const ops = cleanupPatch(live, opts.cleanup, this.fieldManager);
    if (ops.length === 0) return false;
    try {
      await this.client.patch(refOfObj(live), 'json', ops, { fieldManager: this.fieldManager });
    } catch (err) {
      throw new Error(
        `${entryFor(live, 'unknown').subject} metadata.managedFields cleanup failed: ${errorText(err)}`,
        { cause: err },
      );
    }
    return true;
  }

  /**
   * Dry-runs every object (in parallel), then applies for real — serially, in order — only those
   * that are new, drifted or were cleaned up. Nothing is applied when any dry-run fails.
   */
  async applyAll(objects: readonly KubeObject[], opts: ApplyOptions = {}): Promise<ChangeSet> {
    const sorted = sortObjects(objects);
    const plans = await mapLimit(sorted, this.concurrency, (o) => this.plan(o, opts));
    const done = new ChangeSet();
    for (let i = 0; i < sorted.length; i++) {
      const plan = plans[i];
      const obj = sorted[i];
      if (!plan || !obj) continue;
      if (plan.apply) {
        let applied: KubeObject;
        try {
          applied = await this.client.apply(obj, { force: true, fieldManager: this.fieldManager });
        } catch (err) {
          throw new ApplyError(`${plan.entry.subject} apply failed: ${errorText(err)}`, done, { cause: err });
        }
        const rv = applied.metadata?.resourceVersion;
        done.add(rv ? { ...plan.entry, resourceVersion: rv } : plan.entry);
      } else done.add(plan.entry);
    }
    return done;
  }

  /**
   * Flux's staged apply: cluster definitions (CRDs, Namespaces, ClusterRoles) first and waited for,
   * then `*Class` kinds and waited for, then everything else.
   */
  async applyAllStaged(objects: readonly KubeObject[], opts: ApplyOptions = {}): Promise<ChangeSet> {
    const defs = objects.filter(isClusterDefinition);
    const classes = objects.filter((o) => !isClusterDefinition(o) && isKindClass(o));
    const rest = objects.filter((o) => !isClusterDefinition(o) && !isKindClass(o));
    const all = new ChangeSet();
    for (const [stage, wait] of [
      [defs, true],
      [classes, true],
      [rest, false],
    ] as const) {
      if (stage.length === 0) continue;
      try {
        all.append(await this.applyAll(stage, opts));
      } catch (err) {
        if (err instanceof ApplyError)
          throw new ApplyError(err.message, all.append(err.changeSet), { cause: err.cause });
        // Earlier stages were applied for real: keep them in the error so the event can list them.
        if (all.entries.length > 0) throw new ApplyError(errorText(err), all, { cause: err });
        throw err;
      }
      if (wait) {
        const res = await this.wait(stage, {
          intervalMs: opts.waitIntervalMs ?? 2000,
          timeoutMs: opts.waitTimeoutMs ?? 60_000,
          failFast: false,
        });
        if (!res.ok) throw new ApplyError(res.message, all);
      }
    }
    return all;
  }

  /** Polls the objects' kstatus until all are Current (see runtime/health waitForSet). */
  wait(
    objects: readonly Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>[],
    opts: {
      intervalMs?: number;
      timeoutMs: number;
      failFast?: boolean;
      readers?: readonly StatusReader[];
      signal?: AbortSignal;
    },
  ): ReturnType<typeof waitForSet> {
    return waitForSet(objects.map(refOfObj), (r) => this.client.getOrUndefined(r), opts);
  }

  /** Deletes one object if it is ours and not protected; a missing object counts as deleted. */
  async delete(obj: KubeObject, opts: DeleteOptions = {}): Promise<ChangeSetEntry> {
    let live: KubeObject | undefined;
    try {
      live = await this.client.getOrUndefined(refOfObj(obj));
    } catch (err) {
      throw new Error(`${entryFor(obj, 'unknown').subject} query failed: ${errorText(err)}`, { cause: err });
    }
    if (!live) return entryFor(obj, 'deleted');
    const labels = live.metadata.labels ?? {};
    for (const [k, v] of Object.entries(opts.selector ?? {}))
      if (labels[k] !== v) return entryFor(obj, 'skipped');
    if (anyInMetadata(live, opts.skipFor)) return entryFor(obj, 'skipped');
    try {
      await this.client.delete(refOfObj(obj), { propagationPolicy: 'Background' });
    } catch (err) {
      if (!isNotFound(err))
        throw new Error(`${entryFor(obj, 'unknown').subject} delete failed: ${errorText(err)}`, {
          cause: err,
        });
    }
    return entryFor(obj, 'deleted');
  }

  /** Deletes in reverse apply order; errors are collected as Flux does ("delete failed, errors: …"). */
  async deleteAll(
    objects: readonly KubeObject[],
    opts: DeleteOptions = {},
  ): Promise<{ changeSet: ChangeSet; error?: Error }> {
    const changeSet = new ChangeSet();
    const errors: string[] = [];
    for (const obj of sortObjects(objects).reverse()) {
      try {
        changeSet.add(await this.delete(obj, opts));
      } catch (err) {
        changeSet.add(entryFor(obj, 'unknown'));
        errors.push(errorText(err));
      }
    }
    return errors.length > 0
      ? { changeSet, error: new Error(`delete failed, errors: ${errors.join(';')};`) }
      : { changeSet };
  }

  /** Waits until the objects are gone; returns the ones still present after the timeout. */
  waitForTermination(
    objects: readonly KubeObject[],
    opts: { intervalMs?: number; timeoutMs: number },
  ): Promise<ObjectRef[]> {
    return waitForTermination(objects.map(refOfObj), (r) => this.client.getOrUndefined(r), opts);
  }
}
