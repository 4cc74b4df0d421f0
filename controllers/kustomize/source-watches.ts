/**
 * Source watches (Flux requestsForRevisionChangeOf): GitRepository, OCIRepository, Bucket and, with
 * the ExternalArtifact gate, ExternalArtifact. A source whose artifact revision changes (or first
 * appears) enqueues the Kustomizations indexed on it, except those already Ready with that revision
 * attempted, sorted dependencies-first (dependency-sort.ts). A dependsOn cycle among them enqueues
 * nothing for that event and logs the error, as Flux does; the objects then run on their interval.
 */
import type { Informer } from '../../runtime/cache/index.js';
import type { KubeObject } from '../../runtime/client/index.js';
import type { Logger } from '../../runtime/logging/index.js';
import type { Controller, Manager, Request } from '../../runtime/manager/index.js';
import { sortByDependencies } from './dependency-sort.js';
import type { KustomizationObject } from './object.js';

/** The index of Kustomizations by `<Kind>/<namespace>/<name>` of their sourceRef. */
export const sourceIndex = 'sourceRef';

type KustomizationInformer = ReturnType<Manager['cache']['informer']>;

/** The source kinds watched: ExternalArtifact only when its feature gate is on (Flux 2.7). */
export function watchedSourceKinds(externalArtifact: boolean): string[] {
  const kinds = ['GitRepository', 'OCIRepository', 'Bucket'];
  return externalArtifact ? [...kinds, 'ExternalArtifact'] : kinds;
}

export function sourceIndexKey(ks: KustomizationObject): string[] {
  const ref = ks.spec?.sourceRef;
  return ref ? [`${ref.kind}/${ref.namespace || ks.metadata.namespace}/${ref.name}`] : [];
}

function revisionOf(obj: KubeObject): string | undefined {
  return (obj['status'] as { artifact?: { revision?: string } } | undefined)?.artifact?.revision;
}

/**
 * Flux sortAndEnqueue: the requests for `list`, dependencies first; on a dependsOn cycle none at
 * all (logged with `what`).
 */
export function sortedRequests(list: readonly KubeObject[], log: Logger, what: string): Request[] {
  try {
    return sortByDependencies(
      list.map((o) => {
        const ks = o as KustomizationObject;
        return {
          namespace: ks.metadata.namespace,
          name: ks.metadata.name,
          dependsOn: ks.spec?.dependsOn ?? [],
        };
      }),
    ).map((r) => ({ namespace: r.namespace, name: r.name }));
  } catch (err) {
    log.error(
      { err: err instanceof Error ? err.message : String(err) },
      `failed to sort dependencies for ${what}`,
    );
    return [];
  }
}

/** The Kustomizations to run after `source` changed: not yet Ready at its revision, sorted. */
export function requestsForRevisionChange(
  kustomizations: KustomizationInformer,
  kind: string,
  source: KubeObject,
  log: Logger,
): Request[] {
  const rev = revisionOf(source);
  if (!rev) return [];
  const key = `${kind}/${source.metadata.namespace ?? ''}/${source.metadata.name ?? ''}`;
  const pending = kustomizations.byIndex(sourceIndex, key).filter((k) => {
    const st = (k as KustomizationObject).status;
    const ready = st?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
    return !(ready && st?.lastAttemptedRevision === rev);
  });
  return sortedRequests(pending, log, 'revision change');
}

/** Registers one watch per source kind on `controller`. */
export function watchSources(
  mgr: Manager,
  controller: Controller,
  kustomizations: KustomizationInformer,
  externalArtifact: boolean,
): void {
  for (const kind of watchedSourceKinds(externalArtifact)) {
    const src = mgr.cache.informer<KubeObject>({ apiVersion: 'source.toolkit.fluxcd.io/v1', kind });
    controller.watchMapped(
      src as unknown as Informer,
      (obj) => requestsForRevisionChange(kustomizations, kind, obj, mgr.log),
      (o, n) => revisionOf(o) !== revisionOf(n),
    );
  }
}
