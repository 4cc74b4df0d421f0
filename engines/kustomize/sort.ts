/** kustomize's output order: `legacy` (by kind priority, then GVK and id strings) or `fifo`. */
import { KustomizeError } from './errors.js';
import type { Gvk } from './field-spec.js';
import { gvkString, type Resource } from './resource.js';

export const defaultOrderFirst = [
  'Namespace', 'ResourceQuota', 'StorageClass', 'CustomResourceDefinition', 'ServiceAccount', 'PodSecurityPolicy',
  'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Endpoints', 'Service',
  'LimitRange', 'PriorityClass', 'PersistentVolume', 'PersistentVolumeClaim', 'Deployment', 'StatefulSet', 'CronJob',
  'PodDisruptionBudget',
];
export const defaultOrderLast = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

const legacyGvk = (g: Gvk): string => `${g.group || '~G'}_${g.version || '~V'}_${g.kind || '~K'}`;

export function sortResources(
  resources: Resource[],
  order: 'legacy' | 'fifo',
  orderFirst = defaultOrderFirst,
  orderLast = defaultOrderLast,
): Resource[] {
  if (order === 'fifo') return resources;
  if (order !== 'legacy') {
    throw new KustomizeError('invalid-kustomization', `the field 'sortOptions.order' must be one of [fifo, legacy]`);
  }
  const rank = new Map<string, number>();
  orderFirst.forEach((k, i) => rank.set(k, -orderFirst.length + i));
  orderLast.forEach((k, i) => rank.set(k, 1 + i));
  const keyed = resources.map((r) => {
    const id = r.curId();
    return { r, gvk: id.gvk, idKey: `${gvkString(id.gvk)}|${id.namespace || '~X'}|${id.name || '~N'}` };
  });
  keyed.sort((a, b) => {
    const ga = a.gvk;
    const gb = b.gvk;
    if (ga.group !== gb.group || ga.version !== gb.version || ga.kind !== gb.kind) {
      const ia = rank.get(ga.kind) ?? 0;
      const ib = rank.get(gb.kind) ?? 0;
      if (ia !== ib) return ia - ib;
      const sa = legacyGvk(ga);
      const sb = legacyGvk(gb);
      if (ga.kind === 'Namespace' && gb.kind === 'Namespace' && (ga.group === '' || gb.group === '')) {
        return sa > sb ? -1 : sa < sb ? 1 : 0;
      }
      return sa < sb ? -1 : sa > sb ? 1 : 0;
    }
    return a.idKey < b.idKey ? -1 : a.idKey > b.idKey ? 1 : 0;
  });
  return keyed.map((k) => k.r);
}
