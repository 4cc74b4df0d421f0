/** GitRepository, source.toolkit.fluxcd.io/v1 (storage version). */
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
import { GitRepositoryKind, sourceGroup } from '../group.js';

export const gitRepositoryRef = object({
  branch: string({ description: "Branch to check out; defaults to 'master' when no other field is set." }),
  tag: string({ description: 'Tag to check out; takes precedence over branch.' }),
  semver: string({ description: 'SemVer range of tags to check out; takes precedence over tag.' }),
  name: string({
    description:
      'Full reference name, e.g. refs/pull/420/head; takes precedence over branch, tag and semver.',
  }),
  commit: string({ description: 'Commit SHA to check out; takes precedence over every other field.' }),
});
export type GitRepositoryRef = Infer<typeof gitRepositoryRef>;

export const gitRepositoryInclude = object({
  repository: required(localObjectReference),
  fromPath: string({ description: 'Path to copy from; defaults to the artifact root.' }),
  toPath: string({ description: 'Path to copy to; defaults to the repository name.' }),
});
export type GitRepositoryInclude = Infer<typeof gitRepositoryInclude>;

export const gitVerificationModes = ['head', 'HEAD', 'Tag', 'TagAndHEAD'] as const;

export const gitRepositoryVerification = object({
  mode: enumOf(gitVerificationModes, { default: 'HEAD', description: 'Which Git objects to verify.' }),
  secretRef: required(localObjectReference),
});

export const gitRepositorySpecProps = {
  url: required(
    string({ pattern: '^(http|https|ssh)://.*$', description: 'Git repository URL (HTTP/S or SSH).' }),
  ),
  secretRef: localObjectReference,
  provider: enumOf(['generic', 'azure', 'github'], {
    description: "Authentication provider; defaults to 'generic'.",
  }),
  serviceAccountName: string({
    description: "ServiceAccount for workload identity; only with provider 'azure'.",
  }),
  interval: required(duration({ description: 'How often the repository is checked for new revisions.' })),
  timeout: duration({ noHours: true, default: '60s', description: 'Timeout of Git operations.' }),
  ref: gitRepositoryRef,
  verify: gitRepositoryVerification,
  proxySecretRef: localObjectReference,
  ignore: string({ description: 'Extra exclusion patterns in .sourceignore format.' }),
  suspend: boolean(),
  recurseSubmodules: boolean(),
  include: array(gitRepositoryInclude),
  sparseCheckout: array(string()),
} as const;

export const gitRepositorySpec = object(gitRepositorySpecProps, {
  validations: [
    {
      rule: "!has(self.serviceAccountName) || (has(self.provider) && self.provider == 'azure')",
      message: "serviceAccountName can only be set when provider is 'azure'",
    },
  ],
});
export type GitRepositorySpec = Infer<typeof gitRepositorySpec>;

export const gitRepositoryStatus = object({
  observedGeneration: integer({ format: 'int64' }),
  conditions,
  artifact,
  includedArtifacts: array(artifact),
  observedIgnore: string(),
  observedRecurseSubmodules: boolean(),
  observedInclude: array(gitRepositoryInclude),
  observedSparseCheckout: array(string()),
  sourceVerificationMode: string(),
  lastHandledReconcileAt,
});
export type GitRepositoryStatus = Infer<typeof gitRepositoryStatus>;

export type GitRepository = KubeObject<
  'source.toolkit.fluxcd.io/v1',
  'GitRepository',
  GitRepositorySpec,
  GitRepositoryStatus
>;

export const gitRepositoryV1: VersionDefinition<GitRepositorySpec, GitRepositoryStatus> = {
  group: sourceGroup,
  version: 'v1',
  kind: GitRepositoryKind,
  description: 'GitRepository produces an artifact from a Git repository revision.',
  spec: gitRepositorySpec,
  status: gitRepositoryStatus,
  statusDefault: true,
  storage: true,
  printerColumns: [
    { name: 'URL', type: 'string', jsonPath: '.spec.url' },
    ageColumn,
    readyColumn,
    statusColumn,
  ],
};

export const newGitRepository = constructorFor<GitRepository>(gitRepositoryV1);
