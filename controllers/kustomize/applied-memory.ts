/**
 * Beyond Flux: skip the dry-run of objects that provably did not change (ARCHITECTURE decision 5).
 *
 * After a successful reconcile we remember, per Kustomization, the artifact digest, the generation,
 * and for every applied object a hash of the desired object and the live resourceVersion the server
 * returned. On the next reconcile an object is reported `unchanged` without a GET or a dry-run when
 * the digest and generation are the same, the desired object hashes the same, and the watch cache
 * shows the same resourceVersion: a resourceVersion names one stored state, and that state was the
 * outcome of applying this very object, so a dry-run could only answer "unchanged". Any difference,
 * an unsynced cache or an object missing from it falls back to Flux's GET + dry-run.
 *
 * Not used under impersonation or for remote clusters: the watch cache reads with the controller's
 * identity, and a dry-run is what would reveal that the impersonated account lost its rights.
 */
import { createHash } from 'node:crypto';
import type { KubeObject } from '../../runtime/client/index.js';
import type { ChangeSet } from '../../runtime/ssa/index.js';
import { inventoryId } from './inventory.js';

/** Live resourceVersions from a watch cache; undefined when unknown (absent or not synced). */
export interface LiveVersions {
  resourceVersion(obj: KubeObject): string | undefined;
  /** Starts watching the objects' kinds ahead of the next reconcile. */
  watch?(objects: readonly KubeObject[]): void;
}

interface Applied {
  readonly digest: string;
  readonly generation: number;
  readonly objects: ReadonlyMap<string, { readonly hash: string; readonly resourceVersion: string }>;
}

function keyOf(obj: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>): string {
  const slash = obj.apiVersion.indexOf('/');
  return inventoryId({
    namespace: obj.metadata.namespace ?? '',
    name: obj.metadata.name ?? '',
    group: slash >= 0 ? obj.apiVersion.slice(0, slash) : '',
    kind: obj.kind,
  });
}

/** Canonical JSON (sorted keys) so equal objects hash equal whatever their key order. */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

export function objectHash(obj: KubeObject): string {
  return createHash('sha256').update(canonical(obj)).digest('hex');
}

export class AppliedMemory {
  private readonly byKustomization = new Map<string, Applied>();
  readonly stats = { skipped: 0, checked: 0 };

  /**
   * The ApplyOptions.knownUnchanged hook for one reconcile, or undefined when nothing is known for
   * this digest and generation.
   */
  knownUnchanged(
    uid: string,
    digest: string,
    generation: number,
    live: LiveVersions,
  ): ((obj: KubeObject) => string | undefined) | undefined {
    const last = this.byKustomization.get(uid);
    if (!last || last.digest !== digest || last.generation !== generation) return undefined;
    return (obj) => {
      this.stats.checked++;
      const prev = last.objects.get(keyOf(obj));
      if (!prev) return undefined;
      const rv = live.resourceVersion(obj);
      if (rv === undefined || rv !== prev.resourceVersion || objectHash(obj) !== prev.hash) return undefined;
      this.stats.skipped++;
      return rv;
    };
  }

  /** Records a successful reconcile: the desired objects and the versions the change set reports. */
  record(
    uid: string,
    digest: string,
    generation: number,
    desired: readonly KubeObject[],
    cs: ChangeSet,
  ): void {
    const versions = new Map<string, string>();
    for (const e of cs.entries) {
      if (
        !e.resourceVersion ||
        (e.action !== 'created' && e.action !== 'configured' && e.action !== 'unchanged')
      )
        continue;
      versions.set(inventoryId(e), e.resourceVersion);
    }
    const objects = new Map<string, { hash: string; resourceVersion: string }>();
    for (const o of desired) {
      const key = keyOf(o);
      const rv = versions.get(key);
      if (rv) objects.set(key, { hash: objectHash(o), resourceVersion: rv });
    }
    this.byKustomization.set(uid, { digest, generation, objects });
  }

  forget(uid: string): void {
    this.byKustomization.delete(uid);
  }
}
