/** ImageUpdateAutomation, image.toolkit.fluxcd.io/v1 (storage version; v1beta2 has the same schema). */
import {
  boolean,
  dateTime,
  duration,
  enumOf,
  integer,
  map,
  object,
  required,
  string,
  type Infer,
} from '../../meta/schema.js';
import { conditions, labelSelector, lastHandledReconcileAt, localObjectReference } from '../../meta/types.js';
import { ageColumn, readyColumn, statusColumn, type PrinterColumn } from '../../meta/crd.js';
import { gitRepositoryRef } from '../../source/v1/git-repository.js';
import { imageRef } from './image-policy.js';

export const gitSpec = object({
  checkout: object({ ref: required(gitRepositoryRef) }),
  commit: required(
    object({
      author: required(object({ name: string(), email: required(string()) })),
      signingKey: object({ secretRef: localObjectReference }),
      messageTemplate: string(),
      messageTemplateValues: map(string()),
    }),
  ),
  push: object({ branch: string(), refspec: string(), options: map(string()) }),
});
export type GitSpec = Infer<typeof gitSpec>;

export const imageUpdateAutomationSpec = object({
  sourceRef: required(
    object({
      apiVersion: string(),
      kind: required(enumOf(['GitRepository'], { default: 'GitRepository' })),
      name: required(string()),
      namespace: string(),
    }),
  ),
  git: gitSpec,
  interval: required(duration()),
  policySelector: labelSelector,
  update: object(
    {
      path: string(),
      strategy: required(enumOf(['Setters'], { default: 'Setters' })),
    },
    { default: { strategy: 'Setters' } },
  ),
  suspend: boolean(),
});
export type ImageUpdateAutomationSpec = Infer<typeof imageUpdateAutomationSpec>;

export const imageUpdateAutomationStatus = object({
  lastAutomationRunTime: dateTime(),
  lastPushCommit: string(),
  lastPushTime: dateTime(),
  observedGeneration: integer({ format: 'int64' }),
  observedPolicies: map(imageRef),
  observedSourceRevision: string(),
  conditions,
  lastHandledReconcileAt,
});
export type ImageUpdateAutomationStatus = Infer<typeof imageUpdateAutomationStatus>;

export const imageUpdateAutomationPrinterColumns: readonly PrinterColumn[] = [
  readyColumn,
  statusColumn,
  { name: 'Last run', type: 'string', jsonPath: '.status.lastAutomationRunTime' },
  ageColumn,
];
