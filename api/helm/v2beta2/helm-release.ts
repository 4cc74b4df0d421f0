/** HelmRelease, helm.toolkit.fluxcd.io/v2beta2 (served, deprecated). */
import { array, enumOf, json, object, required, string, type Infer } from '../../meta/schema.js';
import { kustomizeImage, kustomizePatch, namespacedObjectReference } from '../../meta/types.js';
import {
  ageColumn,
  constructorFor,
  readyColumn,
  statusColumn,
  type VersionDefinition,
} from '../../meta/crd.js';
import type { KubeObject } from '../../meta/object.js';
import { helmGroup, HelmReleaseKind } from '../group.js';
import { installProps, upgradeProps } from '../v2/helm-release-actions.js';
import { chartXorChartRef, helmReleaseCommonSpecProps, helmReleaseStatusProps } from '../v2/helm-release.js';
import { json6902Patch } from '../../kustomize/v1beta2/kustomization.js';

export const helmReleaseSpecV2beta2 = object(
  {
    ...helmReleaseCommonSpecProps,
    chartRef: object({
      apiVersion: string(),
      kind: required(enumOf(['OCIRepository', 'HelmChart'])),
      name: required(string({ minLength: 1, maxLength: 253 })),
      namespace: string({ minLength: 1, maxLength: 63 }),
    }),
    dependsOn: array(namespacedObjectReference),
    install: object(installProps),
    upgrade: object(upgradeProps),
    postRenderers: array(
      object({
        kustomize: object({
          patches: array(kustomizePatch),
          patchesStrategicMerge: array(json()),
          patchesJson6902: array(json6902Patch),
          images: array(kustomizeImage),
        }),
      }),
    ),
  },
  { validations: [chartXorChartRef] },
);
export type HelmReleaseSpecV2beta2 = Infer<typeof helmReleaseSpecV2beta2>;

export const helmReleaseStatusV2beta2 = object({
  ...helmReleaseStatusProps,
  lastAppliedRevision: string({ description: 'Deprecated: see history.' }),
});
export type HelmReleaseStatusV2beta2 = Infer<typeof helmReleaseStatusV2beta2>;

export type HelmReleaseV2beta2 = KubeObject<
  'helm.toolkit.fluxcd.io/v2beta2',
  'HelmRelease',
  HelmReleaseSpecV2beta2,
  HelmReleaseStatusV2beta2
>;

export const helmReleaseV2beta2: VersionDefinition<HelmReleaseSpecV2beta2, HelmReleaseStatusV2beta2> = {
  group: helmGroup,
  version: 'v2beta2',
  kind: HelmReleaseKind,
  description: 'HelmRelease (deprecated version v2beta2).',
  spec: helmReleaseSpecV2beta2,
  status: helmReleaseStatusV2beta2,
  statusDefault: true,
  storage: false,
  deprecationWarning: 'v2beta2 HelmRelease is deprecated, upgrade to v2',
  printerColumns: [ageColumn, readyColumn, statusColumn],
};

export const newHelmReleaseV2beta2 = constructorFor<HelmReleaseV2beta2>(helmReleaseV2beta2);
