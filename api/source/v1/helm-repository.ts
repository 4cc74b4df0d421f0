/** HelmRepository, source.toolkit.fluxcd.io/v1 (storage version). */
import {
  boolean,
  duration,
  enumOf,
  integer,
  object,
  required,
  string,
  type Infer,
} from '../../meta/schema.js';
import {
  accessFrom,
  artifact,
  conditions,
  lastHandledReconcileAt,
  localObjectReference,
} from '../../meta/types.js';
import {
  ageColumn,
  constructorFor,
  readyColumn,
  statusColumn,
  type VersionDefinition,
} from '../../meta/crd.js';
import type { KubeObject } from '../../meta/object.js';
import { HelmRepositoryKind, sourceGroup } from '../group.js';
import { ociProviders } from './oci-repository.js';

export const helmRepositorySpecProps = {
  url: required(string({ pattern: '^(http|https|oci)://.*$', description: 'Helm repository URL.' })),
  secretRef: localObjectReference,
  certSecretRef: localObjectReference,
  passCredentials: boolean(),
  interval: duration({ description: 'How often the index is fetched; 1m when empty.' }),
  insecure: boolean(),
  timeout: duration({ noHours: true, description: 'Index fetch timeout; 60s when empty.' }),
  suspend: boolean(),
  accessFrom,
  type: enumOf(['default', 'oci'], { description: "Repository type; 'oci' requires an oci:// URL." }),
  provider: enumOf(ociProviders, { default: 'generic' }),
} as const;

export const helmRepositorySpec = object(helmRepositorySpecProps);
export type HelmRepositorySpec = Infer<typeof helmRepositorySpec>;

export const helmRepositoryStatus = object({
  observedGeneration: integer({ format: 'int64' }),
  conditions,
  url: string(),
  artifact,
  lastHandledReconcileAt,
});
export type HelmRepositoryStatus = Infer<typeof helmRepositoryStatus>;

export type HelmRepository = KubeObject<
  'source.toolkit.fluxcd.io/v1',
  'HelmRepository',
  HelmRepositorySpec,
  HelmRepositoryStatus
>;

export const helmRepositoryV1: VersionDefinition<HelmRepositorySpec, HelmRepositoryStatus> = {
  group: sourceGroup,
  version: 'v1',
  kind: HelmRepositoryKind,
  description: 'HelmRepository produces an artifact from a Helm repository index.',
  spec: helmRepositorySpec,
  status: helmRepositoryStatus,
  statusDefault: true,
  storage: true,
  printerColumns: [
    { name: 'URL', type: 'string', jsonPath: '.spec.url' },
    ageColumn,
    readyColumn,
    statusColumn,
  ],
};

export const newHelmRepository = constructorFor<HelmRepository>(helmRepositoryV1);
