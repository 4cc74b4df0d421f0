/**
 * Shared Flux API types (github.com/fluxcd/pkg/apis/meta, acl, kustomize) and metav1.Condition, defined once as
 * schema + type.
 */
import { array, dateTime, enumOf, integer, map, object, required, string, type Infer } from './schema.js';

export const localObjectReference = object({
  name: required(string({ description: 'Name of the referent.' })),
});
export type LocalObjectReference = Infer<typeof localObjectReference>;

export const namespacedObjectReference = object({
  name: required(string({ description: 'Name of the referent.' })),
  namespace: string({
    description: 'Namespace of the referent; defaults to the referring object namespace.',
  }),
});
export type NamespacedObjectReference = Infer<typeof namespacedObjectReference>;

export const namespacedObjectKindReference = object({
  apiVersion: string({ description: 'API version of the referent.' }),
  kind: required(string({ description: 'Kind of the referent.' })),
  name: required(string({ description: 'Name of the referent.' })),
  namespace: string({ description: 'Namespace of the referent.' }),
});
export type NamespacedObjectKindReference = Infer<typeof namespacedObjectKindReference>;

export const secretKeyReference = object({
  name: required(string({ description: 'Name of the Secret.' })),
  key: string({ description: 'Key in the Secret; when empty the consumer picks its default key.' }),
});
export type SecretKeyReference = Infer<typeof secretKeyReference>;

export const kubeConfigReference = object(
  {
    configMapRef: localObjectReference,
    secretRef: secretKeyReference,
  },
  {
    description:
      'Remote cluster access: a kubeconfig Secret, or a ConfigMap for secret-less workload identity.',
    validations: [
      {
        rule: 'has(self.configMapRef) || has(self.secretRef)',
        message: 'exactly one of spec.kubeConfig.configMapRef or spec.kubeConfig.secretRef must be specified',
      },
      {
        rule: '!has(self.configMapRef) || !has(self.secretRef)',
        message: 'exactly one of spec.kubeConfig.configMapRef or spec.kubeConfig.secretRef must be specified',
      },
    ],
  },
);
export type KubeConfigReference = Infer<typeof kubeConfigReference>;

/** `<algorithm>:<encoded digest>` as Flux validates it. */
export const digestPattern = '^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$';

export const artifactProps = {
  path: required(string({ description: 'Relative path of the artifact in the storage.' })),
  url: required(string({ description: 'HTTP address the artifact is served at.' })),
  revision: required(
    string({ description: 'Human-readable source revision the artifact was produced from.' }),
  ),
  digest: string({ pattern: digestPattern, description: 'Digest of the artifact file, <algo>:<hex>.' }),
  lastUpdateTime: required(dateTime({ description: 'When the artifact was last updated.' })),
  size: integer({ format: 'int64', description: 'Size of the artifact file in bytes.' }),
  metadata: map(string(), {
    description: 'Annotations of the upstream artifact, e.g. OCI manifest annotations.',
  }),
} as const;
export const artifact = object(artifactProps);
export type Artifact = Infer<typeof artifact>;

/** metav1.Condition with the validation Kubernetes generates for it. */
export const condition = object({
  type: required(
    string({
      maxLength: 316,
      pattern:
        '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$',
    }),
  ),
  status: required(enumOf(['True', 'False', 'Unknown'])),
  observedGeneration: integer({ format: 'int64', minimum: 0 }),
  lastTransitionTime: required(dateTime()),
  reason: required(
    string({ minLength: 1, maxLength: 1024, pattern: '^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$' }),
  ),
  message: required(string({ maxLength: 32768 })),
});
export type Condition = Infer<typeof condition>;
export type ConditionStatus = Condition['status'];

export const conditions = array(condition, { description: 'Conditions of the object, kstatus-compatible.' });

export const accessFrom = object({
  namespaceSelectors: required(
    array(object({ matchLabels: map(string(), { description: 'Labels a namespace must carry.' }) }), {
      description: 'Namespaces allowed to reference this object.',
    }),
  ),
});
export type AccessFrom = Infer<typeof accessFrom>;

/** One reconciliation attempt in `status.history` (newest first, at most 5). */
export const snapshot = object({
  digest: required(string({ description: 'Checksum of the applied configuration.' })),
  firstReconciled: required(dateTime()),
  lastReconciled: required(dateTime()),
  lastReconciledDuration: required(string()),
  lastReconciledStatus: required(string()),
  totalReconciliations: required(integer({ format: 'int64' })),
  metadata: map(string()),
});
export type Snapshot = Infer<typeof snapshot>;

export const commonMetadata = object({
  annotations: map(string(), { description: 'Annotations added to every object.' }),
  labels: map(string(), { description: 'Labels added to every object.' }),
});
export type CommonMetadata = Infer<typeof commonMetadata>;

/** kustomize Selector, as Flux embeds it in patches and drift rules. */
export const selector = object({
  group: string(),
  version: string(),
  kind: string(),
  namespace: string(),
  name: string(),
  annotationSelector: string(),
  labelSelector: string(),
});
export type Selector = Infer<typeof selector>;

export const kustomizePatch = object({
  patch: string({ description: 'Strategic merge or JSON 6902 patch document.' }),
  target: selector,
});
export type KustomizePatch = Infer<typeof kustomizePatch>;

export const kustomizeImage = object({
  name: required(string({ description: 'Tag-less image name.' })),
  newName: string(),
  newTag: string(),
  digest: string(),
});
export type KustomizeImage = Infer<typeof kustomizeImage>;

/** The label selector of metav1 (matchLabels / matchExpressions). */
export const labelSelector = object(
  {
    matchLabels: map(string()),
    matchExpressions: array(
      object({
        key: required(string()),
        operator: required(string()),
        values: array(string(), { listType: 'atomic' }),
      }),
      { listType: 'atomic' },
    ),
  },
  { mapType: 'atomic' },
);
export type LabelSelector = Infer<typeof labelSelector>;

/** The `reconcile.fluxcd.io/requestedAt` value the controller last acted on. */
export const lastHandledReconcileAt = string({
  description: 'Value of the reconcile.fluxcd.io/requestedAt annotation last handled by the controller.',
});
