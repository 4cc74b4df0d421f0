/** The image.toolkit.fluxcd.io kinds with their served versions (storage v1). */
import type { KindDefinition } from '../meta/crd.js';
import { imageAutomationComponent, imageGroup, imageReflectorComponent } from './group.js';
import { imagePolicyVersions, imageRepositoryVersions, imageUpdateAutomationVersions } from './versions.js';

export const imageKinds: readonly KindDefinition[] = [
  {
    group: imageGroup,
    component: imageReflectorComponent,
    kind: 'ImagePolicy',
    plural: 'imagepolicies',
    singular: 'imagepolicy',
    shortNames: ['imgpol', 'imagepol'],
    categories: [],
    versions: [imagePolicyVersions.v1, imagePolicyVersions.v1beta2],
  },
  {
    group: imageGroup,
    component: imageReflectorComponent,
    kind: 'ImageRepository',
    plural: 'imagerepositories',
    singular: 'imagerepository',
    shortNames: ['imgrepo', 'imagerepo'],
    categories: [],
    versions: [imageRepositoryVersions.v1, imageRepositoryVersions.v1beta2],
  },
  {
    group: imageGroup,
    component: imageAutomationComponent,
    kind: 'ImageUpdateAutomation',
    plural: 'imageupdateautomations',
    singular: 'imageupdateautomation',
    shortNames: ['iua', 'imgupd', 'imgauto'],
    categories: [],
    versions: [imageUpdateAutomationVersions.v1, imageUpdateAutomationVersions.v1beta2],
  },
];
