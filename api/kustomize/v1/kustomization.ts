/** Kustomization, kustomize.toolkit.fluxcd.io/v1 (storage version). */
import {
  array,
  boolean,
  duration,
  enumOf,
  integer,
  map,
  object,
  required,
  string,
  type Infer,
} from '../../meta/schema.js';
import {
  commonMetadata,
  conditions,
  kubeConfigReference,
  kustomizeImage,
  kustomizePatch,
  lastHandledReconcileAt,
  localObjectReference,
  namespacedObjectKindReference,
  snapshot,
} from '../../meta/types.js';
import {
  ageColumn,
  constructorFor,
  readyColumn,
  statusColumn,
  type VersionDefinition,
} from '../../meta/crd.js';
import type { KubeObject } from '../../meta/object.js';
import { KustomizationKind, kustomizeGroup } from '../group.js';

export const crossNamespaceSourceReference = object({
  apiVersion: string(),
  kind: required(enumOf(['OCIRepository', 'GitRepository', 'Bucket', 'ExternalArtifact'])),
  name: required(string()),
  namespace: string({ description: 'Defaults to the namespace of the Kustomization.' }),
});
export type CrossNamespaceSourceReference = Infer<typeof crossNamespaceSourceReference>;

export const dependencyReference = object({
  name: required(string()),
  namespace: string(),
  readyExpr: string({ description: 'CEL expression over `dep` and `self` deciding readiness.' }),
});
export type DependencyReference = Infer<typeof dependencyReference>;

export const substituteReference = object({
  kind: required(enumOf(['Secret', 'ConfigMap'])),
  name: required(string({ minLength: 1, maxLength: 253 })),
  optional: boolean({ default: false }),
});
export type SubstituteReference = Infer<typeof substituteReference>;

export const postBuild = object({
  substitute: map(string()),
  substituteFrom: array(substituteReference),
});
export type PostBuild = Infer<typeof postBuild>;

export const customHealthCheck = object({
  apiVersion: required(string()),
  kind: required(string()),
  current: required(string({ description: 'CEL expression: true when the object is healthy.' })),
  inProgress: string(),
  failed: string(),
});
export type CustomHealthCheck = Infer<typeof customHealthCheck>;

export const resourceInventory = object({
  entries: required(
    array(
      object({
        id: required(string({ description: '<namespace>_<name>_<group>_<kind>' })),
        v: required(string({ description: 'API version of the object.' })),
      }),
    ),
  ),
});
export type ResourceInventory = Infer<typeof resourceInventory>;

export const deletionPolicies = ['MirrorPrune', 'Delete', 'WaitForTermination', 'Orphan'] as const;

export const kustomizationSpec = object({
  commonMetadata,
  dependsOn: array(dependencyReference),
  decryption: object({
    provider: required(enumOf(['sops'])),
    serviceAccountName: string(),
    secretRef: localObjectReference,
  }),
  interval: required(duration()),
  retryInterval: duration(),
  kubeConfig: kubeConfigReference,
  path: string(),
  postBuild,
  prune: required(boolean()),
  deletionPolicy: enumOf(deletionPolicies),
  healthChecks: array(namespacedObjectKindReference),
  namePrefix: string({ minLength: 1, maxLength: 200 }),
  nameSuffix: string({ minLength: 1, maxLength: 200 }),
  patches: array(kustomizePatch),
  images: array(kustomizeImage),
  serviceAccountName: string(),
  sourceRef: required(crossNamespaceSourceReference),
  suspend: boolean(),
  targetNamespace: string({ minLength: 1, maxLength: 63 }),
  timeout: duration(),
  force: boolean({ default: false }),
  wait: boolean(),
  components: array(string()),
  ignoreMissingComponents: boolean(),
  healthCheckExprs: array(customHealthCheck),
});
export type KustomizationSpec = Infer<typeof kustomizationSpec>;

export const kustomizationStatus = object({
  lastHandledReconcileAt,
  observedGeneration: integer({ format: 'int64' }),
  conditions,
  lastAppliedRevision: string(),
  lastAppliedOriginRevision: string(),
  lastAttemptedRevision: string(),
  inventory: resourceInventory,
  history: array(snapshot),
});
export type KustomizationStatus = Infer<typeof kustomizationStatus>;

export type Kustomization = KubeObject<
  'kustomize.toolkit.fluxcd.io/v1',
  'Kustomization',
  KustomizationSpec,
  KustomizationStatus
>;

export const kustomizationV1: VersionDefinition<KustomizationSpec, KustomizationStatus> = {
  group: kustomizeGroup,
  version: 'v1',
  kind: KustomizationKind,
  description:
    'Kustomization builds a path of a source artifact with kustomize and applies it to the cluster.',
  spec: kustomizationSpec,
  status: kustomizationStatus,
  statusDefault: true,
  storage: true,
  printerColumns: [ageColumn, readyColumn, statusColumn],
};

export const newKustomization = constructorFor<Kustomization>(kustomizationV1);
