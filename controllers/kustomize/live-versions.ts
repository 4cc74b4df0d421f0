/**
 * Live resourceVersions from the manager's watch cache: one metadata-only informer per kind, limited
 * to objects carrying the kustomize-controller owner label, created on first use.
 */
import type { Cache } from '../../runtime/cache/index.js';
import type { KubeObject } from '../../runtime/client/index.js';
import type { LiveVersions } from './applied-memory.js';

const ownerLabel = 'kustomize.toolkit.fluxcd.io/name';

export function cacheLiveVersions(cache: Cache): LiveVersions {
  const informer = (obj: Pick<KubeObject, 'apiVersion' | 'kind'>) =>
    cache.informer({
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      labelSelector: ownerLabel,
      metadataOnly: true,
    });
  return {
    watch(objects) {
      const kinds = new Map(objects.map((o) => [`${o.apiVersion}|${o.kind}`, o]));
      for (const o of kinds.values()) informer(o);
    },
    resourceVersion(obj) {
      const inf = informer(obj);
      if (!inf.hasSynced()) return undefined;
      return inf.get(obj.metadata.namespace || undefined, obj.metadata.name ?? '')?.metadata.resourceVersion;
    },
  };
}
