/** The kustomize.toolkit.fluxcd.io kind with its served versions (storage v1). */
import type { KindDefinition } from '../meta/crd.js';
import { kustomizeComponent, kustomizeGroup } from './group.js';
import { kustomizationV1 } from './v1/kustomization.js';
import { kustomizationV1beta2 } from './v1beta2/kustomization.js';

export const kustomizeKinds: readonly KindDefinition[] = [
  {
    group: kustomizeGroup,
    component: kustomizeComponent,
    kind: 'Kustomization',
    plural: 'kustomizations',
    singular: 'kustomization',
    shortNames: ['ks'],
    categories: [],
    versions: [kustomizationV1, kustomizationV1beta2],
  },
];
