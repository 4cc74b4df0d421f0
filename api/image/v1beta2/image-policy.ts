/** ImagePolicy, image.toolkit.fluxcd.io/v1beta2 (served, deprecated): the v1 schema under the v1beta2 version. */
import { constructorFor } from '../../meta/crd.js';
import { imagePolicyVersions, type ImagePolicy } from '../versions.js';

export type ImagePolicyV1beta2 = ImagePolicy<'v1beta2'>;
export const imagePolicyV1beta2 = imagePolicyVersions.v1beta2;
export const newImagePolicyV1beta2 = constructorFor<ImagePolicyV1beta2>(imagePolicyV1beta2);
