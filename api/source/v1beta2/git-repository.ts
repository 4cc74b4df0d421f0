/** GitRepository, source.toolkit.fluxcd.io/v1beta2 (served, deprecated). */
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
import { accessFrom, conditions, lastHandledReconcileAt, localObjectReference } from '../../meta/types.js';
import {
  ageColumn,
  constructorFor,
  readyColumn,
  statusColumn,
  type VersionDefinition,
} from '../../meta/crd.js';
import type { KubeObject } from '../../meta/object.js';
import { deprecatedV1beta2, GitRepositoryKind, sourceGroup } from '../group.js';
import { gitRepositoryInclude, gitRepositoryRef } from '../v1/git-repository.js';
import { artifactV1beta2 } from './artifact.js';

export const gitRepositorySpecV1beta2 = object({
  url: required(string({ pattern: '^(http|https|ssh)://.*$' })),
  secretRef: localObjectReference,
  interval: required(duration()),
  timeout: duration({ noHours: true, default: '60s' }),
  ref: gitRepositoryRef,
  verify: object({
    mode: required(enumOf(['head'])),
    secretRef: required(localObjectReference),
  }),
  ignore: string(),
  suspend: boolean(),
  gitImplementation: enumOf(['go-git', 'libgit2'], {
    default: 'go-git',
    description: 'Deprecated: ignored.',
  }),
  recurseSubmodules: boolean(),
  include: array(gitRepositoryInclude),
  accessFrom,
});
export type GitRepositorySpecV1beta2 = Infer<typeof gitRepositorySpecV1beta2>;

export const gitRepositoryStatusV1beta2 = object({
  observedGeneration: integer({ format: 'int64' }),
  conditions,
  url: string(),
  artifact: artifactV1beta2,
  includedArtifacts: array(artifactV1beta2),
  contentConfigChecksum: string(),
  observedIgnore: string(),
  observedRecurseSubmodules: boolean(),
  observedInclude: array(gitRepositoryInclude),
  lastHandledReconcileAt,
});
export type GitRepositoryStatusV1beta2 = Infer<typeof gitRepositoryStatusV1beta2>;

export type GitRepositoryV1beta2 = KubeObject<
  'source.toolkit.fluxcd.io/v1beta2',
  'GitRepository',
  GitRepositorySpecV1beta2,
  GitRepositoryStatusV1beta2
>;

export const gitRepositoryV1beta2: VersionDefinition<GitRepositorySpecV1beta2, GitRepositoryStatusV1beta2> = {
  group: sourceGroup,
  version: 'v1beta2',
  kind: GitRepositoryKind,
  description: 'GitRepository (deprecated version v1beta2).',
  spec: gitRepositorySpecV1beta2,
  status: gitRepositoryStatusV1beta2,
  statusDefault: true,
  storage: false,
  deprecationWarning: deprecatedV1beta2(GitRepositoryKind),
  printerColumns: [
    { name: 'URL', type: 'string', jsonPath: '.spec.url' },
    ageColumn,
    readyColumn,
    statusColumn,
  ],
};

export const newGitRepositoryV1beta2 = constructorFor<GitRepositoryV1beta2>(gitRepositoryV1beta2);
