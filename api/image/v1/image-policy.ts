/** ImagePolicy, image.toolkit.fluxcd.io/v1 (storage version; v1beta2 has the same schema). */
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
import { conditions, lastHandledReconcileAt, namespacedObjectReference } from '../../meta/types.js';
import { ageColumn, readyColumn, statusColumn, type PrinterColumn } from '../../meta/crd.js';

const sortOrder = enumOf(['asc', 'desc'], { default: 'asc' });

export const imagePolicyChoice = object({
  semver: object({ range: required(string({ description: 'SemVer range the tags must satisfy.' })) }),
  alphabetical: object({ order: sortOrder }),
  numerical: object({ order: sortOrder }),
});
export type ImagePolicyChoice = Infer<typeof imagePolicyChoice>;

export const imageRef = object({
  name: required(string()),
  tag: required(string()),
  digest: string(),
});
export type ImageRef = Infer<typeof imageRef>;

export const imagePolicySpec = object(
  {
    imageRepositoryRef: required(namespacedObjectReference),
    policy: required(imagePolicyChoice),
    filterTags: object({ pattern: string(), extract: string() }),
    digestReflectionPolicy: enumOf(['Always', 'IfNotPresent', 'Never'], { default: 'Never' }),
    interval: duration({ description: "Only with digestReflectionPolicy 'Always'." }),
    suspend: boolean(),
  },
  {
    validations: [
      {
        rule: "!has(self.interval) || (has(self.digestReflectionPolicy) && self.digestReflectionPolicy == 'Always')",
        message: "spec.interval is only accepted when spec.digestReflectionPolicy is set to 'Always'",
      },
      {
        rule: "has(self.interval) || !has(self.digestReflectionPolicy) || self.digestReflectionPolicy != 'Always'",
        message: "spec.interval must be set when spec.digestReflectionPolicy is set to 'Always'",
      },
    ],
  },
);
export type ImagePolicySpec = Infer<typeof imagePolicySpec>;

export const imagePolicyStatus = object({
  latestRef: imageRef,
  observedPreviousRef: imageRef,
  observedGeneration: integer({ format: 'int64' }),
  conditions,
  lastHandledReconcileAt,
});
export type ImagePolicyStatus = Infer<typeof imagePolicyStatus>;

export const imagePolicyPrinterColumns: readonly PrinterColumn[] = [
  { name: 'Image', type: 'string', jsonPath: '.status.latestRef.name' },
  { name: 'Tag', type: 'string', jsonPath: '.status.latestRef.tag' },
  readyColumn,
  statusColumn,
  ageColumn,
];
