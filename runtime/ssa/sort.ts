/**
 * Apply order (fluxcd/pkg ssa sort, 2.7 line): known kinds first in a fixed order, then every other
 * kind by group then kind, then the webhook configurations last; ties by namespace, then name.
 */
import { parseApiVersion, type KubeObject } from '../client/index.js';

const orderFirst = [
  'CustomResourceDefinition',
  'Namespace',
  'ClusterRole',
  'ClusterClass',
  'RuntimeClass',
  'PriorityClass',
  'StorageClass',
  'VolumeSnapshotClass',
  'IngressClass',
  'GatewayClass',
  'ClusterRoleBinding',
  'ResourceQuota',
  'ServiceAccount',
  'Role',
  'RoleBinding',
  'ConfigMap',
  'Secret',
  'Service',
  'LimitRange',
  'Deployment',
  'StatefulSet',
  'CronJob',
  'PodDisruptionBudget',
];
const orderLast = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

const kindIndex = new Map<string, number>([
  ...orderFirst.map((k, i): [string, number] => [k, i - orderFirst.length]),
  ...orderLast.map((k, i): [string, number] => [k, i + 1]),
]);

export interface SortKey {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

export function keyOf(obj: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>): SortKey {
  return {
    group: parseApiVersion(obj.apiVersion).group,
    kind: obj.kind,
    namespace: obj.metadata.namespace ?? '',
    name: obj.metadata.name ?? '',
  };
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareKeys(a: SortKey, b: SortKey): number {
  if (a.group !== b.group || a.kind !== b.kind) {
    const ia = kindIndex.get(a.kind) ?? 0;
    const ib = kindIndex.get(b.kind) ?? 0;
    if (ia !== ib) return ia - ib;
    if (a.group !== b.group) return cmpStr(a.group, b.group);
    return cmpStr(a.kind, b.kind);
  }
  if (a.namespace !== b.namespace) return cmpStr(a.namespace, b.namespace);
  return cmpStr(a.name, b.name);
}

/** A sorted copy, in apply order. */
export function sortObjects<T extends Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>>(
  objs: readonly T[],
): T[] {
  return [...objs].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
}

/** Stage 1 of a staged apply: cluster definitions (CRDs, Namespaces, ClusterRoles). */
export function isClusterDefinition(obj: Pick<KubeObject, 'apiVersion' | 'kind'>): boolean {
  const { group } = parseApiVersion(obj.apiVersion);
  return (
    (obj.kind === 'CustomResourceDefinition' && group === 'apiextensions.k8s.io') ||
    (obj.kind === 'Namespace' && group === '') ||
    (obj.kind === 'ClusterRole' && group === 'rbac.authorization.k8s.io')
  );
}

/** Stage 2: any kind named `*Class` (StorageClass, IngressClass, GatewayClass, …). */
export function isKindClass(obj: Pick<KubeObject, 'kind'>): boolean {
  return obj.kind.endsWith('Class');
}
