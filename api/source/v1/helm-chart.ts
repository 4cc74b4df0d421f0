/** HelmChart, source.toolkit.fluxcd.io/v1 (storage version). */
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
import { accessFrom, artifact, conditions, lastHandledReconcileAt } from '../../meta/types.js';
import {
  ageColumn,
  constructorFor,
  readyColumn,
  statusColumn,
  type VersionDefinition,
} from '../../meta/crd.js';
import type { KubeObject } from '../../meta/object.js';
import { HelmChartKind, sourceGroup } from '../group.js';
import { ociRepositoryVerification } from './oci-repository.js';

export const localHelmChartSourceReference = object({
  apiVersion: string(),
  kind: required(enumOf(['HelmRepository', 'GitRepository', 'Bucket'])),
  name: required(string()),
});
export type LocalHelmChartSourceReference = Infer<typeof localHelmChartSourceReference>;

export const reconcileStrategies = ['ChartVersion', 'Revision'] as const;

export const helmChartSpecProps = {
  chart: required(string({ description: 'Chart name, or path in a GitRepository or Bucket artifact.' })),
  version: string({ default: '*', description: 'SemVer range; ignored for Git and Bucket sources.' }),
  sourceRef: required(localHelmChartSourceReference),
  interval: required(duration()),
  reconcileStrategy: enumOf(reconcileStrategies, { default: 'ChartVersion' }),
  valuesFiles: array(string()),
  valuesFile: string({ description: 'Deprecated: use valuesFiles.' }),
  ignoreMissingValuesFiles: boolean(),
  suspend: boolean(),
  accessFrom,
  verify: ociRepositoryVerification,
} as const;

export const helmChartSpec = object(helmChartSpecProps);
export type HelmChartSpec = Infer<typeof helmChartSpec>;

export const helmChartStatus = object({
  observedGeneration: integer({ format: 'int64' }),
  observedSourceArtifactRevision: string(),
  observedChartName: string(),
  observedValuesFiles: array(string()),
  conditions,
  url: string(),
  artifact,
  lastHandledReconcileAt,
});
export type HelmChartStatus = Infer<typeof helmChartStatus>;

export type HelmChart = KubeObject<
  'source.toolkit.fluxcd.io/v1',
  'HelmChart',
  HelmChartSpec,
  HelmChartStatus
>;

export const helmChartPrinterColumns = [
  { name: 'Chart', type: 'string', jsonPath: '.spec.chart' },
  { name: 'Version', type: 'string', jsonPath: '.spec.version' },
  { name: 'Source Kind', type: 'string', jsonPath: '.spec.sourceRef.kind' },
  { name: 'Source Name', type: 'string', jsonPath: '.spec.sourceRef.name' },
  ageColumn,
  readyColumn,
  statusColumn,
] as const;

export const helmChartV1: VersionDefinition<HelmChartSpec, HelmChartStatus> = {
  group: sourceGroup,
  version: 'v1',
  kind: HelmChartKind,
  description:
    'HelmChart produces a packaged chart artifact from a Helm repository, Git repository or Bucket.',
  spec: helmChartSpec,
  status: helmChartStatus,
  statusDefault: true,
  storage: true,
  printerColumns: helmChartPrinterColumns,
};

export const newHelmChart = constructorFor<HelmChart>(helmChartV1);
