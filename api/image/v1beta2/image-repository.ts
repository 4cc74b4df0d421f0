/** ImageRepository, image.toolkit.fluxcd.io/v1beta2 (served, deprecated): the v1 schema under the v1beta2 version. */
import { constructorFor } from '../../meta/crd.js';
import { imageRepositoryVersions, type ImageRepository } from '../versions.js';

export type ImageRepositoryV1beta2 = ImageRepository<'v1beta2'>;
export const imageRepositoryV1beta2 = imageRepositoryVersions.v1beta2;
export const newImageRepositoryV1beta2 = constructorFor<ImageRepositoryV1beta2>(imageRepositoryV1beta2);
