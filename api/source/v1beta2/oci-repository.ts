/** OCIRepository, source.toolkit.fluxcd.io/v1beta2 (served, deprecated). */
import { object, string, type Infer } from '../../meta/schema.js';
import {
  ageColumn,
  constructorFor,
  readyColumn,
  statusColumn,
  type VersionDefinition,
} from '../../meta/crd.js';
import type { KubeObject } from '../../meta/object.js';
import { deprecatedV1beta2, OCIRepositoryKind, sourceGroup } from '../group.js';
import { ociRepositorySpecProps, ociRepositoryStatusProps } from '../v1/oci-repository.js';
import { artifactV1beta2 } from './artifact.js';

export const ociRepositorySpecV1beta2 = object(ociRepositorySpecProps);
export type OCIRepositorySpecV1beta2 = Infer<typeof ociRepositorySpecV1beta2>;

export const ociRepositoryStatusV1beta2 = object({
  ...ociRepositoryStatusProps,
  artifact: artifactV1beta2,
  contentConfigChecksum: string({ description: 'Deprecated: hash of the content configuration.' }),
});
export type OCIRepositoryStatusV1beta2 = Infer<typeof ociRepositoryStatusV1beta2>;

export type OCIRepositoryV1beta2 = KubeObject<
  'source.toolkit.fluxcd.io/v1beta2',
  'OCIRepository',
  OCIRepositorySpecV1beta2,
  OCIRepositoryStatusV1beta2
>;

export const ociRepositoryV1beta2: VersionDefinition<OCIRepositorySpecV1beta2, OCIRepositoryStatusV1beta2> = {
  group: sourceGroup,
  version: 'v1beta2',
  kind: OCIRepositoryKind,
  description: 'OCIRepository (deprecated version v1beta2).',
  spec: ociRepositorySpecV1beta2,
  status: ociRepositoryStatusV1beta2,
  statusDefault: true,
  storage: false,
  deprecationWarning: deprecatedV1beta2(OCIRepositoryKind),
  printerColumns: [
    { name: 'URL', type: 'string', jsonPath: '.spec.url' },
    readyColumn,
    statusColumn,
    ageColumn,
  ],
};

export const newOCIRepositoryV1beta2 = constructorFor<OCIRepositoryV1beta2>(ociRepositoryV1beta2);
