/** The Helm action options of a HelmRelease (install, upgrade, test, rollback, uninstall), v2. */
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

export const crdsPolicies = ['Skip', 'Create', 'CreateReplace'] as const;

/** install.strategy / upgrade.strategy with the CEL rule Flux puts on it. */
export const actionStrategy = object(
  {
    name: required(enumOf(['RemediateOnFailure', 'RetryOnFailure'])),
    retryInterval: duration({ description: "Retry delay; only with 'RetryOnFailure' (5m when empty)." }),
  },
  {
    validations: [
      {
        rule: "!has(self.retryInterval) || self.name != 'RemediateOnFailure'",
        message: ".retryInterval cannot be set when .name is 'RemediateOnFailure'",
      },
    ],
  },
);

export const installRemediationProps = {
  retries: integer({ description: 'Retries before giving up; negative means unlimited.' }),
  ignoreTestFailures: boolean(),
  remediateLastFailure: boolean(),
} as const;

export const installProps = {
  timeout: duration(),
  remediation: object(installRemediationProps),
  disableWait: boolean(),
  disableWaitForJobs: boolean(),
  disableHooks: boolean(),
  disableOpenAPIValidation: boolean(),
  replace: boolean(),
  skipCRDs: boolean({ description: "Deprecated: use crds: 'Skip'." }),
  crds: enumOf(crdsPolicies),
  createNamespace: boolean(),
} as const;

export const install = object({
  ...installProps,
  strategy: actionStrategy,
  disableSchemaValidation: boolean(),
  disableTakeOwnership: boolean(),
});
export type Install = Infer<typeof install>;

export const upgradeRemediation = object({
  ...installRemediationProps,
  strategy: enumOf(['rollback', 'uninstall']),
});

export const upgradeProps = {
  timeout: duration(),
  remediation: upgradeRemediation,
  disableWait: boolean(),
  disableWaitForJobs: boolean(),
  disableHooks: boolean(),
  disableOpenAPIValidation: boolean(),
  force: boolean(),
  preserveValues: boolean(),
  cleanupOnFail: boolean(),
  crds: enumOf(crdsPolicies),
} as const;

export const upgrade = object({
  ...upgradeProps,
  strategy: actionStrategy,
  disableSchemaValidation: boolean(),
  disableTakeOwnership: boolean(),
});
export type Upgrade = Infer<typeof upgrade>;

export const test = object({
  enable: boolean(),
  timeout: duration(),
  ignoreFailures: boolean(),
  filters: array(object({ name: required(string({ minLength: 1, maxLength: 253 })), exclude: boolean() })),
});
export type Test = Infer<typeof test>;

export const rollback = object({
  timeout: duration(),
  disableWait: boolean(),
  disableWaitForJobs: boolean(),
  disableHooks: boolean(),
  recreate: boolean(),
  force: boolean(),
  cleanupOnFail: boolean(),
});
export type Rollback = Infer<typeof rollback>;

export const uninstall = object({
  timeout: duration(),
  disableHooks: boolean(),
  keepHistory: boolean(),
  disableWait: boolean(),
  deletionPropagation: enumOf(['background', 'foreground', 'orphan'], { default: 'background' }),
});
export type Uninstall = Infer<typeof uninstall>;
