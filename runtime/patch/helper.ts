/**
 * The patch helper (fluxcd/pkg runtime/patch SerialPatcher): snapshot an object before a
 * reconcile, mutate it freely, then `patch()` sends only what changed —
 *  - metadata (labels, annotations, finalizers) and spec as one JSON merge patch on the object;
 *  - status as a JSON merge patch on the status subresource, where conditions are merged per type
 *    onto the server's latest list: conditions we changed are applied over it; a condition someone
 *    else changed meanwhile is kept unless it is one of ours (owned conditions win on conflict).
 * The status patch carries the latest resourceVersion, so a concurrent writer makes it retry.
 */
import type { KubeClient, KubeObject } from '../client/index.js';
import { isConflict, refOf } from '../client/index.js';
import type { Condition } from '../conditions/index.js';
import { clone, deepEqual, mergeDiff } from './merge-diff.js';

export interface PatchHelperOptions {
  /** Field manager for the patches (Flux: `source-controller`, `gotk-kustomize-controller`). */
  readonly fieldOwner: string;
}

export interface PatchOptions {
  /** Condition types this controller owns: on conflict, ours win. */
  readonly ownedConditions?: readonly string[];
  /** Retries of the status patch on resourceVersion conflicts. @default 5 */
  readonly retries?: number;
}

type StatusShape = { conditions?: Condition[]; [k: string]: unknown };

function statusOf(o: KubeObject): StatusShape {
  return (o.status as StatusShape | undefined) ?? {};
}

function conditionsByType(list: readonly Condition[] | undefined): Map<string, Condition> {
  return new Map((list ?? []).map((c) => [c.type, c]));
}

/**
 * Applies our condition changes (before → after) onto `latest`. Throws when a non-owned condition
 * we changed was also changed by someone else.
 */
export function mergeConditions(before: readonly Condition[] | undefined, after: readonly Condition[] | undefined, latest: readonly Condition[] | undefined, owned: ReadonlySet<string>): Condition[] {
  const b = conditionsByType(before);
  const a = conditionsByType(after);
  const out = conditionsByType(latest);
  for (const type of new Set([...b.keys(), ...a.keys()])) {
    const mine = a.get(type);
    const orig = b.get(type);
    if (deepEqual(mine, orig)) continue;
    const theirs = out.get(type);
    if (!owned.has(type) && !deepEqual(theirs, orig) && !deepEqual(theirs, mine)) {
      throw new Error(`condition ${type} was changed concurrently and is not owned by this controller`);
    }
    if (mine) out.set(type, mine);
    else out.delete(type);
  }
  // Keep our order for the conditions we know; append any the server added.
  const order = (after ?? []).map((c) => c.type);
  return [...out.values()].sort((x, y) => {
    const ix = order.indexOf(x.type);
    const iy = order.indexOf(y.type);
    return (ix < 0 ? order.length : ix) - (iy < 0 ? order.length : iy);
  });
}

export class PatchHelper<T extends KubeObject = KubeObject> {
  private before: T;

  constructor(
    private readonly kube: KubeClient,
    obj: T,
    private readonly opts: PatchHelperOptions,
  ) {
    this.before = clone(obj);
  }

  /** Sends what changed since the snapshot; the snapshot then moves to `obj`. Returns whether anything was sent. */
  async patch(obj: T, opts: PatchOptions = {}): Promise<boolean> {
    let sent = false;
    const ref = refOf(obj);
    const metaBefore = { labels: this.before.metadata.labels, annotations: this.before.metadata.annotations, finalizers: this.before.metadata.finalizers };
    const metaAfter = { labels: obj.metadata.labels, annotations: obj.metadata.annotations, finalizers: obj.metadata.finalizers };
    const metaDiff = mergeDiff(metaBefore, metaAfter) as Record<string, unknown> | undefined;
    if (metaDiff && 'finalizers' in metaDiff) metaDiff.finalizers = obj.metadata.finalizers ?? [];
    const specDiff = mergeDiff(this.before.spec, obj.spec);
    if (metaDiff || specDiff !== undefined) {
      const body: Record<string, unknown> = {};
      if (metaDiff) body.metadata = metaDiff;
      if (specDiff !== undefined) body.spec = specDiff;
      const res = await this.kube.patch<T>(ref, 'merge', body, { fieldManager: this.opts.fieldOwner });
      obj.metadata.resourceVersion = res.metadata.resourceVersion;
      sent = true;
    }
    const sb = statusOf(this.before);
    const sa = statusOf(obj);
    const { conditions: cb, ...restBefore } = sb;
    const { conditions: ca, ...restAfter } = sa;
    const restDiff = mergeDiff(restBefore, restAfter) as Record<string, unknown> | undefined;
    const condChanged = !deepEqual(cb ?? [], ca ?? []);
    if (restDiff || condChanged) {
      await this.patchStatus(obj, restDiff, condChanged ? { before: cb, after: ca } : undefined, opts);
      sent = true;
    }
    this.before = clone(obj);
    return sent;
  }

  private async patchStatus(obj: T, rest: Record<string, unknown> | undefined, conds: { before?: Condition[]; after?: Condition[] } | undefined, opts: PatchOptions): Promise<void> {
    const ref = refOf(obj);
    const owned = new Set(opts.ownedConditions ?? []);
    const retries = opts.retries ?? 5;
    for (let attempt = 0; ; attempt++) {
      const status: Record<string, unknown> = { ...(rest ?? {}) };
      const metadata: Record<string, unknown> = {};
      if (conds) {
        // Conditions are a list: merge onto the server's latest copy and lock on its resourceVersion.
        const latest = await this.kube.get<T>(ref);
        status.conditions = mergeConditions(conds.before, conds.after, statusOf(latest).conditions, owned);
        metadata.resourceVersion = latest.metadata.resourceVersion;
      }
      try {
        const body = Object.keys(metadata).length ? { metadata, status } : { status };
        const res = await this.kube.patchStatus<T>(ref, 'merge', body, { fieldManager: this.opts.fieldOwner });
        obj.metadata.resourceVersion = res.metadata.resourceVersion;
        if (conds) (obj.status as StatusShape).conditions = statusOf(res).conditions;
        return;
      } catch (err) {
        if (!isConflict(err) || attempt >= retries) throw err;
      }
    }
  }
}

/** Adds a finalizer to the object in memory; returns true when it was missing. */
export function addFinalizer(obj: KubeObject, finalizer: string): boolean {
  const list = (obj.metadata.finalizers ??= []);
  if (list.includes(finalizer)) return false;
  list.push(finalizer);
  return true;
}

/** Removes a finalizer from the object in memory; returns true when it was present. */
export function removeFinalizer(obj: KubeObject, finalizer: string): boolean {
  const list = obj.metadata.finalizers ?? [];
  if (!list.includes(finalizer)) return false;
  obj.metadata.finalizers = list.filter((f) => f !== finalizer);
  return true;
}

export function hasFinalizer(obj: KubeObject, finalizer: string): boolean {
  return obj.metadata.finalizers?.includes(finalizer) ?? false;
}
