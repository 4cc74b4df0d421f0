/** Bucket, source.toolkit.fluxcd.io/v1beta2 (served, deprecated). */
import { integer, object, string, type Infer } from '../../meta/schema.js';
import { accessFrom, conditions, lastHandledReconcileAt } from '../../meta/types.js';
import { constructorFor, type VersionDefinition } from '../../meta/crd.js';
import type { KubeObject } from '../../meta/object.js';
import { BucketKind, deprecatedV1beta2, sourceGroup } from '../group.js';
import { bucketPrinterColumns, bucketSpecProps, bucketSTSValidations } from '../v1/bucket.js';
import { artifactV1beta2 } from './artifact.js';

const { serviceAccountName: _serviceAccountName, ...v1SpecProps } = bucketSpecProps;

export const bucketSpecV1beta2 = object(
  { ...v1SpecProps, accessFrom },
  { validations: bucketSTSValidations },
);
export type BucketSpecV1beta2 = Infer<typeof bucketSpecV1beta2>;

export const bucketStatusV1beta2 = object({
  observedGeneration: integer({ format: 'int64' }),
  conditions,
  url: string(),
  artifact: artifactV1beta2,
  observedIgnore: string(),
  lastHandledReconcileAt,
});
export type BucketStatusV1beta2 = Infer<typeof bucketStatusV1beta2>;

export type BucketV1beta2 = KubeObject<
  'source.toolkit.fluxcd.io/v1beta2',
  'Bucket',
  BucketSpecV1beta2,
  BucketStatusV1beta2
>;

export const bucketV1beta2: VersionDefinition<BucketSpecV1beta2, BucketStatusV1beta2> = {
  group: sourceGroup,
  version: 'v1beta2',
  kind: BucketKind,
  description: 'Bucket (deprecated version v1beta2).',
  spec: bucketSpecV1beta2,
  status: bucketStatusV1beta2,
  statusDefault: true,
  storage: false,
  deprecationWarning: deprecatedV1beta2(BucketKind),
  printerColumns: bucketPrinterColumns,
};

export const newBucketV1beta2 = constructorFor<BucketV1beta2>(bucketV1beta2);
