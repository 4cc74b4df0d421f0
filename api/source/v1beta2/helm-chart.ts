/** HelmChart, source.toolkit.fluxcd.io/v1beta2 (served, deprecated). */
import { array, integer, object, string, type Infer } from '../../meta/schema.js';
import { conditions, lastHandledReconcileAt } from '../../meta/types.js';
import { constructorFor, type VersionDefinition } from '../../meta/crd.js';
import type { KubeObject } from '../../meta/object.js';
import { deprecatedV1beta2, HelmChartKind, sourceGroup } from '../group.js';
import { helmChartPrinterColumns, helmChartSpecProps } from '../v1/helm-chart.js';
import { artifactV1beta2 } from './artifact.js';

export const helmChartSpecV1beta2 = object(helmChartSpecProps);
export type HelmChartSpecV1beta2 = Infer<typeof helmChartSpecV1beta2>;

export const helmChartStatusV1beta2 = object({
  observedGeneration: integer({ format: 'int64' }),
  observedSourceArtifactRevision: string(),
  observedChartName: string(),
  observedValuesFiles: array(string()),
  conditions,
  url: string(),
  artifact: artifactV1beta2,
  lastHandledReconcileAt,
});
export type HelmChartStatusV1beta2 = Infer<typeof helmChartStatusV1beta2>;

export type HelmChartV1beta2 = KubeObject<
  'source.toolkit.fluxcd.io/v1beta2',
  'HelmChart',
  HelmChartSpecV1beta2,
  HelmChartStatusV1beta2
>;

export const helmChartV1beta2: VersionDefinition<HelmChartSpecV1beta2, HelmChartStatusV1beta2> = {
  group: sourceGroup,
  version: 'v1beta2',
  kind: HelmChartKind,
  description: 'HelmChart (deprecated version v1beta2).',
  spec: helmChartSpecV1beta2,
  status: helmChartStatusV1beta2,
  statusDefault: true,
  storage: false,
  deprecationWarning: deprecatedV1beta2(HelmChartKind),
  printerColumns: helmChartPrinterColumns,
};

export const newHelmChartV1beta2 = constructorFor<HelmChartV1beta2>(helmChartV1beta2);
