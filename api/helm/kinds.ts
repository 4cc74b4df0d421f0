/** The helm.toolkit.fluxcd.io kind with its served versions (storage v2). */
import type { KindDefinition } from '../meta/crd.js';
import { helmComponent, helmGroup } from './group.js';
import { helmReleaseV2 } from './v2/helm-release.js';
import { helmReleaseV2beta2 } from './v2beta2/helm-release.js';

export const helmKinds: readonly KindDefinition[] = [
  {
    group: helmGroup,
    component: helmComponent,
    kind: 'HelmRelease',
    plural: 'helmreleases',
    singular: 'helmrelease',
    shortNames: ['hr'],
    categories: [],
    versions: [helmReleaseV2, helmReleaseV2beta2],
  },
];
