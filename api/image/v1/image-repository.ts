/** ImageRepository, image.toolkit.fluxcd.io/v1 (storage version; v1beta2 has the same schema). */
import {
  array,
  boolean,
  dateTime,
  duration,
  enumOf,
  integer,
  object,
  required,
  string,
  type Infer,
} from '../../meta/schema.js';
import { accessFrom, conditions, lastHandledReconcileAt, localObjectReference } from '../../meta/types.js';
import { ageColumn, readyColumn, statusColumn, type PrinterColumn } from '../../meta/crd.js';

export const imageRepositorySpec = object({
  image: required(string({ description: 'Image repository to scan, without scheme or tag.' })),
  interval: required(duration()),
  timeout: duration({ noHours: true, description: 'Scan timeout; defaults to the interval.' }),
  secretRef: localObjectReference,
  serviceAccountName: string({ maxLength: 253 }),
  certSecretRef: localObjectReference,
  proxySecretRef: localObjectReference,
  accessFrom,
  suspend: boolean(),
  exclusionList: array(string(), { maxItems: 25, default: ['^.*\\.sig$'] }),
  provider: enumOf(['generic', 'aws', 'azure', 'gcp'], { default: 'generic' }),
  insecure: boolean(),
});
export type ImageRepositorySpec = Infer<typeof imageRepositorySpec>;

export const imageRepositoryStatus = object({
  observedGeneration: integer({ format: 'int64' }),
  conditions,
  canonicalImageName: string(),
  lastScanResult: object({
    revision: string(),
    tagCount: required(integer()),
    scanTime: dateTime(),
    latestTags: array(string()),
  }),
  observedExclusionList: array(string()),
  lastHandledReconcileAt,
});
export type ImageRepositoryStatus = Infer<typeof imageRepositoryStatus>;

export const imageRepositoryPrinterColumns: readonly PrinterColumn[] = [
  { name: 'Image', type: 'string', jsonPath: '.spec.image' },
  { name: 'Tags', type: 'integer', jsonPath: '.status.lastScanResult.tagCount' },
  readyColumn,
  statusColumn,
  { name: 'Last scan', type: 'date', jsonPath: '.status.lastScanResult.scanTime' },
  ageColumn,
];
