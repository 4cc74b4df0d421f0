/** Bucket, source.toolkit.fluxcd.io/v1 (storage version). */
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
import type { ValidationRule } from '../../meta/schema.js';
import { artifact, conditions, lastHandledReconcileAt, localObjectReference } from '../../meta/types.js';
import {
  ageColumn,
  constructorFor,
  readyColumn,
  statusColumn,
  type VersionDefinition,
} from '../../meta/crd.js';
import type { KubeObject } from '../../meta/object.js';
import { BucketKind, sourceGroup } from '../group.js';

export const bucketSTSSpec = object({
  provider: required(enumOf(['aws', 'ldap'])),
  endpoint: required(string({ pattern: '^(http|https)://.*$' })),
  secretRef: localObjectReference,
  certSecretRef: localObjectReference,
});
export type BucketSTSSpec = Infer<typeof bucketSTSSpec>;

/** The STS rules both served versions share. */
export const bucketSTSValidations: readonly ValidationRule[] = [
  {
    rule: "self.provider == 'aws' || self.provider == 'generic' || !has(self.sts)",
    message: "STS configuration is only supported for the 'aws' and 'generic' Bucket providers",
  },
  {
    rule: "self.provider != 'aws' || !has(self.sts) || self.sts.provider == 'aws'",
    message: "'aws' is the only supported STS provider for the 'aws' Bucket provider",
  },
  {
    rule: "self.provider != 'generic' || !has(self.sts) || self.sts.provider == 'ldap'",
    message: "'ldap' is the only supported STS provider for the 'generic' Bucket provider",
  },
  {
    rule: "!has(self.sts) || self.sts.provider != 'aws' || !has(self.sts.secretRef)",
    message: "spec.sts.secretRef is not required for the 'aws' STS provider",
  },
  {
    rule: "!has(self.sts) || self.sts.provider != 'aws' || !has(self.sts.certSecretRef)",
    message: "spec.sts.certSecretRef is not required for the 'aws' STS provider",
  },
];

export const bucketSpecProps = {
  provider: enumOf(['generic', 'aws', 'gcp', 'azure'], { default: 'generic' }),
  bucketName: required(string()),
  endpoint: required(string()),
  sts: bucketSTSSpec,
  insecure: boolean(),
  region: string(),
  prefix: string(),
  secretRef: localObjectReference,
  serviceAccountName: string(),
  certSecretRef: localObjectReference,
  proxySecretRef: localObjectReference,
  interval: required(duration()),
  timeout: duration({ noHours: true, default: '60s' }),
  ignore: string(),
  suspend: boolean(),
} as const;

export const bucketSpec = object(bucketSpecProps, {
  validations: [
    ...bucketSTSValidations,
    {
      rule: "self.provider != 'generic' || !has(self.serviceAccountName)",
      message: "ServiceAccountName is not supported for the 'generic' Bucket provider",
    },
    {
      rule: '!has(self.secretRef) || !has(self.serviceAccountName)',
      message: 'cannot set both .spec.secretRef and .spec.serviceAccountName',
    },
  ],
});
export type BucketSpec = Infer<typeof bucketSpec>;

export const bucketStatus = object({
  observedGeneration: integer({ format: 'int64' }),
  conditions,
  url: string(),
  artifact,
  observedIgnore: string(),
  lastHandledReconcileAt,
});
export type BucketStatus = Infer<typeof bucketStatus>;

export type Bucket = KubeObject<'source.toolkit.fluxcd.io/v1', 'Bucket', BucketSpec, BucketStatus>;

export const bucketPrinterColumns = [
  { name: 'Endpoint', type: 'string', jsonPath: '.spec.endpoint' },
  ageColumn,
  readyColumn,
  statusColumn,
] as const;

export const bucketV1: VersionDefinition<BucketSpec, BucketStatus> = {
  group: sourceGroup,
  version: 'v1',
  kind: BucketKind,
  description: 'Bucket produces an artifact from the objects of an S3-compatible, GCS or Azure bucket.',
  spec: bucketSpec,
  status: bucketStatus,
  statusDefault: true,
  storage: true,
  printerColumns: bucketPrinterColumns,
};

export const newBucket = constructorFor<Bucket>(bucketV1);
