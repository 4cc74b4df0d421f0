/** Namespace-scoped and cluster-scoped RBAC of the install, as Flux's gotk-components has it. */
import type { Component } from './components.js';
import { componentSpecs } from './components.js';

export type Manifest = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: Record<string, unknown>;
};

export const fluxApiGroups = [
  'source.toolkit.fluxcd.io',
  'kustomize.toolkit.fluxcd.io',
  'helm.toolkit.fluxcd.io',
  'notification.toolkit.fluxcd.io',
  'image.toolkit.fluxcd.io',
  'source.extensions.fluxcd.io',
];

export function rbacManifests(
  namespace: string,
  components: readonly Component[],
  labels: (component?: string) => Record<string, string>,
): Manifest[] {
  const sa = (name: string): Record<string, string> => ({ kind: 'ServiceAccount', name, namespace });
  const rbac = 'rbac.authorization.k8s.io/v1';
  const out: Manifest[] = [
    {
      apiVersion: rbac,
      kind: 'ClusterRole',
      metadata: { name: `crd-controller-${namespace}`, labels: labels() },
      rules: [
        { apiGroups: fluxApiGroups, resources: ['*'], verbs: ['*'] },
        {
          apiGroups: [''],
          resources: ['namespaces', 'secrets', 'configmaps', 'serviceaccounts'],
          verbs: ['get', 'list', 'watch'],
        },
        { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
        {
          apiGroups: [''],
          resources: ['configmaps'],
          verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
        },
        { apiGroups: [''], resources: ['configmaps/status'], verbs: ['get', 'update', 'patch'] },
        {
          apiGroups: ['coordination.k8s.io'],
          resources: ['leases'],
          verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
        },
        { apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] },
        { nonResourceURLs: ['/livez/ping'], verbs: ['head'] },
      ],
    },
    {
      apiVersion: rbac,
      kind: 'ClusterRole',
      metadata: {
        name: `flux-edit-${namespace}`,
        labels: {
          ...labels(),
          'rbac.authorization.k8s.io/aggregate-to-admin': 'true',
          'rbac.authorization.k8s.io/aggregate-to-edit': 'true',
        },
      },
      rules: [
        {
          apiGroups: fluxApiGroups,
          resources: ['*'],
          verbs: ['create', 'delete', 'deletecollection', 'patch', 'update'],
        },
      ],
    },
    {
      apiVersion: rbac,
      kind: 'ClusterRole',
      metadata: {
        name: `flux-view-${namespace}`,
        labels: {
          ...labels(),
          'rbac.authorization.k8s.io/aggregate-to-admin': 'true',
          'rbac.authorization.k8s.io/aggregate-to-edit': 'true',
          'rbac.authorization.k8s.io/aggregate-to-view': 'true',
        },
      },
      rules: [{ apiGroups: fluxApiGroups, resources: ['*'], verbs: ['get', 'list', 'watch'] }],
    },
    {
      apiVersion: rbac,
      kind: 'ClusterRoleBinding',
      metadata: { name: `cluster-reconciler-${namespace}`, labels: labels() },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: components.filter((c) => componentSpecs[c].clusterAdmin).map(sa),
    },
    {
      apiVersion: rbac,
      kind: 'ClusterRoleBinding',
      metadata: { name: `crd-controller-${namespace}`, labels: labels() },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: `crd-controller-${namespace}`,
      },
      subjects: components.map(sa),
    },
  ];
  return out;
}
