/** HelmRepository, source.toolkit.fluxcd.io/v1beta2 (served, deprecated). */
import { integer, object, string, type Infer } from '../../meta/schema.js';
import { conditions, lastHandledReconcileAt } from '../../meta/types.js';
import {
  ageColumn,
  constructorFor,
  readyColumn,
  statusColumn,
  type VersionDefinition,
} from '../../meta/crd.js';
import type { KubeObject } from '../../meta/object.js';
import { deprecatedV1beta2, HelmRepositoryKind, sourceGroup } from '../group.js';
import { helmRepositorySpecProps } from '../v1/helm-repository.js';
import { artifactV1beta2 } from './artifact.js';

export const helmRepositorySpecV1beta2 = object(helmRepositorySpecProps);
export type HelmRepositorySpecV1beta2 = Infer<typeof helmRepositorySpecV1beta2>;

export const helmRepositoryStatusV1beta2 = object({
  observedGeneration: integer({ format: 'int64' }),
  conditions,
  url: string(),
  artifact: artifactV1beta2,
  lastHandledReconcileAt,
});
export type HelmRepositoryStatusV1beta2 = Infer<typeof helmRepositoryStatusV1beta2>;

export type HelmRepositoryV1beta2 = KubeObject<
  'source.toolkit.fluxcd.io/v1beta2',
  'HelmRepository',
  HelmRepositorySpecV1beta2,
  HelmRepositoryStatusV1beta2
>;

export const helmRepositoryV1beta2: VersionDefinition<
  HelmRepositorySpecV1beta2,
  HelmRepositoryStatusV1beta2
> = {
  group: sourceGroup,
  version: 'v1beta2',
  kind: HelmRepositoryKind,
  description: 'HelmRepository (deprecated version v1beta2).',
  spec: helmRepositorySpecV1beta2,
  status: helmRepositoryStatusV1beta2,
  statusDefault: true,
  storage: false,
  deprecationWarning: deprecatedV1beta2(HelmRepositoryKind),
  printerColumns: [
    { name: 'URL', type: 'string', jsonPath: '.spec.url' },
    ageColumn,
    readyColumn,
    statusColumn,
  ],
};

export const newHelmRepositoryV1beta2 = constructorFor<HelmRepositoryV1beta2>(helmRepositoryV1beta2);
