/** OCIRepository, source.toolkit.fluxcd.io/v1 (storage version). */
import {
  array,
  boolean,
  duration,
  enumOf,
  integer,
  object,
  required,
  string,
  type Infer,
} from '../../meta/schema.js';
import { artifact, conditions, lastHandledReconcileAt, localObjectReference } from '../../meta/types.js';
import {
  ageColumn,
  constructorFor,
  readyColumn,
  statusColumn,
  type VersionDefinition,
} from '../../meta/crd.js';
import type { KubeObject } from '../../meta/object.js';
import { OCIRepositoryKind, sourceGroup } from '../group.js';

export const ociRepositoryRef = object({
  digest: string({ description: "Image digest to pull, 'sha256:<hex>'; takes precedence over semver." }),
  semver: string({
    description: 'SemVer range of tags; the highest match is pulled. Takes precedence over tag.',
  }),
  semverFilter: string({ description: 'Regular expression the tags must match before semver selection.' }),
  tag: string({ description: "Tag to pull; defaults to 'latest'." }),
});
export type OCIRepositoryRef = Infer<typeof ociRepositoryRef>;

export const ociLayerSelector = object({
  mediaType: string({ description: 'Media type of the layer to select; the first layer when empty.' }),
  operation: enumOf(['extract', 'copy'], { description: "How the layer is stored; defaults to 'extract'." }),
});
export type OCILayerSelector = Infer<typeof ociLayerSelector>;

export const oidcIdentityMatch = object({
  issuer: required(string({ description: 'Regular expression matching the OIDC issuer.' })),
  subject: required(string({ description: 'Regular expression matching the identity subject.' })),
});

/** Signature verification of OCI artifacts (also used by HelmChart). */
export const ociRepositoryVerification = object({
  provider: required(enumOf(['cosign', 'notation'], { default: 'cosign' })),
  secretRef: localObjectReference,
  matchOIDCIdentity: array(oidcIdentityMatch),
});
export type OCIRepositoryVerification = Infer<typeof ociRepositoryVerification>;

export const ociProviders = ['generic', 'aws', 'azure', 'gcp'] as const;

export const ociRepositorySpecProps = {
  url: required(
    string({ pattern: '^oci://.*$', description: 'oci://host[:port]/repository, without tag or digest.' }),
  ),
  ref: ociRepositoryRef,
  layerSelector: ociLayerSelector,
  provider: enumOf(ociProviders, { default: 'generic' }),
  secretRef: localObjectReference,
  verify: ociRepositoryVerification,
  serviceAccountName: string(),
  certSecretRef: localObjectReference,
  proxySecretRef: localObjectReference,
  interval: required(duration()),
  timeout: duration({ noHours: true, default: '60s' }),
  ignore: string(),
  insecure: boolean(),
  suspend: boolean(),
} as const;

export const ociRepositorySpec = object(ociRepositorySpecProps);
export type OCIRepositorySpec = Infer<typeof ociRepositorySpec>;

export const ociRepositoryStatusProps = {
  observedGeneration: integer({ format: 'int64' }),
  conditions,
  url: string({ description: 'Download link of the latest artifact.' }),
  artifact,
  observedIgnore: string(),
  observedLayerSelector: ociLayerSelector,
  lastHandledReconcileAt,
} as const;
export const ociRepositoryStatus = object(ociRepositoryStatusProps);
export type OCIRepositoryStatus = Infer<typeof ociRepositoryStatus>;

export type OCIRepository = KubeObject<
  'source.toolkit.fluxcd.io/v1',
  'OCIRepository',
  OCIRepositorySpec,
  OCIRepositoryStatus
>;

export const ociRepositoryV1: VersionDefinition<OCIRepositorySpec, OCIRepositoryStatus> = {
  group: sourceGroup,
  version: 'v1',
  kind: OCIRepositoryKind,
  description: 'OCIRepository produces an artifact from an OCI artifact in a container registry.',
  spec: ociRepositorySpec,
  status: ociRepositoryStatus,
  statusDefault: true,
  storage: true,
  printerColumns: [
    { name: 'URL', type: 'string', jsonPath: '.spec.url' },
    readyColumn,
    statusColumn,
    ageColumn,
  ],
};

export const newOCIRepository = constructorFor<OCIRepository>(ociRepositoryV1);
