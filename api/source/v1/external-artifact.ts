/** ExternalArtifact, source.toolkit.fluxcd.io/v1 (new in Flux 2.7; written by third-party producers). */
import { object, type Infer } from '../../meta/schema.js';
import { artifact, conditions, namespacedObjectKindReference } from '../../meta/types.js';
import {
  ageColumn,
  constructorFor,
  readyColumn,
  statusColumn,
  type VersionDefinition,
} from '../../meta/crd.js';
import type { KubeObject } from '../../meta/object.js';
import { ExternalArtifactKind, sourceGroup } from '../group.js';

export const externalArtifactSpec = object({
  sourceRef: namespacedObjectKindReference,
});
export type ExternalArtifactSpec = Infer<typeof externalArtifactSpec>;

export const externalArtifactStatus = object({
  artifact,
  conditions,
});
export type ExternalArtifactStatus = Infer<typeof externalArtifactStatus>;

export type ExternalArtifact = KubeObject<
  'source.toolkit.fluxcd.io/v1',
  'ExternalArtifact',
  ExternalArtifactSpec,
  ExternalArtifactStatus
>;

export const externalArtifactV1: VersionDefinition<ExternalArtifactSpec, ExternalArtifactStatus> = {
  group: sourceGroup,
  version: 'v1',
  kind: ExternalArtifactKind,
  description: 'ExternalArtifact records an artifact produced outside source-controller.',
  spec: externalArtifactSpec,
  status: externalArtifactStatus,
  statusDefault: false,
  storage: true,
  printerColumns: [
    ageColumn,
    readyColumn,
    statusColumn,
    { name: 'Source', type: 'string', jsonPath: '.spec.sourceRef.name' },
  ],
};

export const newExternalArtifact = constructorFor<ExternalArtifact>(externalArtifactV1);
