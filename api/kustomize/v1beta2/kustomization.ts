/** Kustomization, kustomize.toolkit.fluxcd.io/v1beta2 (served, deprecated). */
import {
  array,
  boolean,
  duration,
  enumOf,
  integer,
  json,
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
  namespacedObjectReference,
  selector,
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
import { postBuild, resourceInventory } from '../v1/kustomization.js';

export const json6902Patch = object({
  patch: required(
    array(
      object({
        op: required(enumOf(['test', 'remove', 'add', 'replace', 'move', 'copy'])),
        path: required(string()),
        from: string(),
        value: json(),
      }),
    ),
  ),
  target: required(selector),
});

export const kustomizationSpecV1beta2 = object({
  dependsOn: array(namespacedObjectReference),
  decryption: object({ provider: required(enumOf(['sops'])), secretRef: localObjectReference }),
  interval: required(duration()),
  retryInterval: duration(),
  kubeConfig: kubeConfigReference,
  path: string(),
  postBuild,
  prune: required(boolean()),
  healthChecks: array(namespacedObjectKindReference),
  patches: array(kustomizePatch),
  patchesStrategicMerge: array(json(), { description: 'Deprecated: use patches.' }),
  patchesJson6902: array(json6902Patch, { description: 'Deprecated: use patches.' }),
  images: array(kustomizeImage),
  serviceAccountName: string(),
  sourceRef: required(
    object({
      apiVersion: string(),
      kind: required(enumOf(['OCIRepository', 'GitRepository', 'Bucket'])),
      name: required(string()),
      namespace: string(),
    }),
  ),
  suspend: boolean(),
  targetNamespace: string({ minLength: 1, maxLength: 63 }),
  timeout: duration(),
  force: boolean({ default: false }),
  wait: boolean(),
  validation: enumOf(['none', 'client', 'server'], { description: 'Deprecated: ignored.' }),
  components: array(string()),
  commonMetadata,
});
export type KustomizationSpecV1beta2 = Infer<typeof kustomizationSpecV1beta2>;

export const kustomizationStatusV1beta2 = object({
  lastHandledReconcileAt,
  observedGeneration: integer({ format: 'int64' }),
  conditions,
  lastAppliedRevision: string(),
  lastAttemptedRevision: string(),
  inventory: resourceInventory,
});
export type KustomizationStatusV1beta2 = Infer<typeof kustomizationStatusV1beta2>;

export type KustomizationV1beta2 = KubeObject<
  'kustomize.toolkit.fluxcd.io/v1beta2',
  'Kustomization',
  KustomizationSpecV1beta2,
  KustomizationStatusV1beta2
>;

export const kustomizationV1beta2: VersionDefinition<KustomizationSpecV1beta2, KustomizationStatusV1beta2> = {
  group: kustomizeGroup,
  version: 'v1beta2',
  kind: KustomizationKind,
  description: 'Kustomization (deprecated version v1beta2).',
  spec: kustomizationSpecV1beta2,
  status: kustomizationStatusV1beta2,
  statusDefault: true,
  storage: false,
  deprecationWarning: 'v1beta2 Kustomization is deprecated, upgrade to v1',
  printerColumns: [ageColumn, readyColumn, statusColumn],
};

export const newKustomizationV1beta2 = constructorFor<KustomizationV1beta2>(kustomizationV1beta2);
