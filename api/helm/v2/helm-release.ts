/** HelmRelease, helm.toolkit.fluxcd.io/v2 (storage version). */
import {
  array,
  boolean,
  dateTime,
  duration,
  enumOf,
  integer,
  json,
  map,
  object,
  required,
  string,
  type Infer,
  type ValidationRule,
} from '../../meta/schema.js';
import {
  commonMetadata,
  conditions,
  kubeConfigReference,
  kustomizeImage,
  kustomizePatch,
  lastHandledReconcileAt,
  localObjectReference,
  selector,
} from '../../meta/types.js';
import {
  ageColumn,
  constructorFor,
  readyColumn,
  statusColumn,
  type VersionDefinition,
} from '../../meta/crd.js';
import type { KubeObject } from '../../meta/object.js';
import { helmGroup, HelmReleaseKind } from '../group.js';
import { install, rollback, test, uninstall, upgrade } from './helm-release-actions.js';

const referenceName = string({ minLength: 1, maxLength: 253 });
const referenceNamespace = string({ minLength: 1, maxLength: 63 });

export const helmChartTemplateSpecProps = {
  chart: required(
    string({ minLength: 1, maxLength: 2048, description: 'Chart name, or path in a Git/Bucket source.' }),
  ),
  version: string({ default: '*', description: 'SemVer range; ignored for Git and Bucket sources.' }),
  sourceRef: required(
    object({
      apiVersion: string(),
      kind: required(enumOf(['HelmRepository', 'GitRepository', 'Bucket'])),
      name: required(referenceName),
      namespace: referenceNamespace,
    }),
  ),
  interval: duration({ description: 'Interval of the generated HelmChart; defaults to spec.interval.' }),
  reconcileStrategy: enumOf(['ChartVersion', 'Revision'], { default: 'ChartVersion' }),
  valuesFiles: array(string()),
  valuesFile: string({ description: 'Deprecated: use valuesFiles.' }),
  ignoreMissingValuesFiles: boolean(),
  verify: object({
    provider: required(enumOf(['cosign', 'notation'], { default: 'cosign' })),
    secretRef: localObjectReference,
  }),
} as const;

export const helmChartTemplate = object({
  metadata: object({ labels: map(string()), annotations: map(string()) }),
  spec: required(object(helmChartTemplateSpecProps)),
});
export type HelmChartTemplate = Infer<typeof helmChartTemplate>;

export const chartRefKinds = ['OCIRepository', 'HelmChart', 'ExternalArtifact'] as const;

export const valuesReference = object({
  kind: required(enumOf(['Secret', 'ConfigMap'])),
  name: required(referenceName),
  valuesKey: string({
    maxLength: 253,
    pattern: '^[\\-._a-zA-Z0-9]+$',
    description: "Data key; 'values.yaml' when empty.",
  }),
  targetPath: string({ maxLength: 250, pattern: '^([a-zA-Z0-9_\\-.\\\\\\/]|\\[[0-9]{1,5}\\])+$' }),
  optional: boolean(),
});
export type ValuesReference = Infer<typeof valuesReference>;

export const driftDetection = object({
  mode: enumOf(['enabled', 'warn', 'disabled']),
  ignore: array(object({ paths: required(array(string())), target: selector })),
});
export type DriftDetection = Infer<typeof driftDetection>;

export const chartXorChartRef: ValidationRule = {
  rule: '(has(self.chart) && !has(self.chartRef)) || (!has(self.chart) && has(self.chartRef))',
  message: 'either chart or chartRef must be set',
};

export const helmReleaseCommonSpecProps = {
  chart: helmChartTemplate,
  interval: required(duration()),
  kubeConfig: kubeConfigReference,
  suspend: boolean(),
  releaseName: string({ minLength: 1, maxLength: 53 }),
  targetNamespace: string({ minLength: 1, maxLength: 63 }),
  storageNamespace: string({ minLength: 1, maxLength: 63 }),
  timeout: duration({ description: "Timeout of each Helm action; '5m0s' when empty." }),
  maxHistory: integer({ description: 'Helm release revisions kept; 0 is unlimited, 5 when empty.' }),
  serviceAccountName: string({ minLength: 1, maxLength: 253 }),
  persistentClient: boolean(),
  driftDetection,
  test,
  rollback,
  uninstall,
  valuesFrom: array(valuesReference),
  values: json({ description: 'Inline Helm values.' }),
} as const;

export const helmReleaseSpec = object(
  {
    ...helmReleaseCommonSpecProps,
    chartRef: object({
      apiVersion: string(),
      kind: required(enumOf(chartRefKinds)),
      name: required(referenceName),
      namespace: referenceNamespace,
    }),
    dependsOn: array(object({ name: required(string()), namespace: string(), readyExpr: string() })),
    install,
    upgrade,
    commonMetadata,
    postRenderers: array(
      object({ kustomize: object({ patches: array(kustomizePatch), images: array(kustomizeImage) }) }),
    ),
  },
  { validations: [chartXorChartRef] },
);
export type HelmReleaseSpec = Infer<typeof helmReleaseSpec>;

export const helmSnapshot = object({
  apiVersion: string(),
  digest: required(string()),
  name: required(string()),
  namespace: required(string()),
  version: required(integer()),
  status: required(string()),
  chartName: required(string()),
  chartVersion: required(string()),
  appVersion: string(),
  configDigest: required(string()),
  firstDeployed: required(dateTime()),
  lastDeployed: required(dateTime()),
  deleted: dateTime(),
  testHooks: map(object({ lastStarted: dateTime(), lastCompleted: dateTime(), phase: string() })),
  ociDigest: string(),
});
export type HelmSnapshot = Infer<typeof helmSnapshot>;

export const helmReleaseStatusProps = {
  observedGeneration: integer({ format: 'int64' }),
  lastAttemptedGeneration: integer({ format: 'int64' }),
  conditions,
  helmChart: string(),
  storageNamespace: string({ minLength: 1, maxLength: 63 }),
  history: array(helmSnapshot),
  lastAttemptedReleaseAction: enumOf(['install', 'upgrade']),
  failures: integer({ format: 'int64' }),
  installFailures: integer({ format: 'int64' }),
  upgradeFailures: integer({ format: 'int64' }),
  lastAttemptedRevision: string(),
  lastAttemptedRevisionDigest: string(),
  lastAttemptedValuesChecksum: string({ description: 'Deprecated.' }),
  lastReleaseRevision: integer({ description: 'Deprecated.' }),
  lastAttemptedConfigDigest: string(),
  lastHandledForceAt: string(),
  lastHandledResetAt: string(),
  lastHandledReconcileAt,
} as const;

export const helmReleaseStatus = object({
  ...helmReleaseStatusProps,
  lastAttemptedReleaseActionDuration: duration(),
  observedPostRenderersDigest: string(),
  observedCommonMetadataDigest: string(),
});
export type HelmReleaseStatus = Infer<typeof helmReleaseStatus>;

export type HelmRelease = KubeObject<
  'helm.toolkit.fluxcd.io/v2',
  'HelmRelease',
  HelmReleaseSpec,
  HelmReleaseStatus
>;

export const helmReleaseV2: VersionDefinition<HelmReleaseSpec, HelmReleaseStatus> = {
  group: helmGroup,
  version: 'v2',
  kind: HelmReleaseKind,
  description: 'HelmRelease installs and upgrades a Helm chart release in the cluster.',
  spec: helmReleaseSpec,
  status: helmReleaseStatus,
  statusDefault: true,
  storage: true,
  printerColumns: [ageColumn, readyColumn, statusColumn],
};

export const newHelmRelease = constructorFor<HelmRelease>(helmReleaseV2);
