/** ImageUpdateAutomation, image.toolkit.fluxcd.io/v1beta2 (served, deprecated): the v1 schema under the v1beta2 version. */
import { constructorFor } from '../../meta/crd.js';
import { imageUpdateAutomationVersions, type ImageUpdateAutomation } from '../versions.js';

export type ImageUpdateAutomationV1beta2 = ImageUpdateAutomation<'v1beta2'>;
export const imageUpdateAutomationV1beta2 = imageUpdateAutomationVersions.v1beta2;
export const newImageUpdateAutomationV1beta2 = constructorFor<ImageUpdateAutomationV1beta2>(
  imageUpdateAutomationV1beta2,
);
