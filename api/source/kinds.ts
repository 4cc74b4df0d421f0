/** The six source.toolkit.fluxcd.io kinds with their served versions (storage v1). */
import type { KindDefinition } from '../meta/crd.js';
import { sourceCategories, sourceComponent, sourceGroup, substituteDisabledAnnotation } from './group.js';
import { bucketV1 } from './v1/bucket.js';
import { externalArtifactV1 } from './v1/external-artifact.js';
import { gitRepositoryV1 } from './v1/git-repository.js';
import { helmChartV1 } from './v1/helm-chart.js';
import { helmRepositoryV1 } from './v1/helm-repository.js';
import { ociRepositoryV1 } from './v1/oci-repository.js';
import { bucketV1beta2 } from './v1beta2/bucket.js';
import { gitRepositoryV1beta2 } from './v1beta2/git-repository.js';
import { helmChartV1beta2 } from './v1beta2/helm-chart.js';
import { helmRepositoryV1beta2 } from './v1beta2/helm-repository.js';
import { ociRepositoryV1beta2 } from './v1beta2/oci-repository.js';

const common = { group: sourceGroup, component: sourceComponent } as const;

export const sourceKinds: readonly KindDefinition[] = [
  {
    ...common,
    kind: 'Bucket',
    plural: 'buckets',
    singular: 'bucket',
    shortNames: [],
    categories: sourceCategories,
    versions: [bucketV1, bucketV1beta2],
  },
  {
    ...common,
    kind: 'ExternalArtifact',
    plural: 'externalartifacts',
    singular: 'externalartifact',
    shortNames: [],
    categories: sourceCategories,
    annotations: substituteDisabledAnnotation,
    versions: [externalArtifactV1],
  },
  {
    ...common,
    kind: 'GitRepository',
    plural: 'gitrepositories',
    singular: 'gitrepository',
    shortNames: ['gitrepo'],
    categories: sourceCategories,
    annotations: substituteDisabledAnnotation,
    versions: [gitRepositoryV1, gitRepositoryV1beta2],
  },
  {
    ...common,
    kind: 'HelmChart',
    plural: 'helmcharts',
    singular: 'helmchart',
    shortNames: ['hc'],
    categories: sourceCategories,
    versions: [helmChartV1, helmChartV1beta2],
  },
  {
    ...common,
    kind: 'HelmRepository',
    plural: 'helmrepositories',
    singular: 'helmrepository',
    shortNames: ['helmrepo'],
    categories: sourceCategories,
    annotations: substituteDisabledAnnotation,
    versions: [helmRepositoryV1, helmRepositoryV1beta2],
  },
  {
    ...common,
    kind: 'OCIRepository',
    plural: 'ocirepositories',
    singular: 'ocirepository',
    shortNames: ['ocirepo'],
    categories: sourceCategories,
    annotations: substituteDisabledAnnotation,
    versions: [ociRepositoryV1, ociRepositoryV1beta2],
  },
];
