/** image.toolkit.fluxcd.io: names shared by every version. */
export const imageGroup = 'image.toolkit.fluxcd.io';
export const imageReflectorComponent = 'image-reflector-controller';
export const imageAutomationComponent = 'image-automation-controller';
export const ImageRepositoryKind = 'ImageRepository';
export const ImagePolicyKind = 'ImagePolicy';
export const ImageUpdateAutomationKind = 'ImageUpdateAutomation';
