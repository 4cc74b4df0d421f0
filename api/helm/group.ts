/** helm.toolkit.fluxcd.io: names shared by every version. */
export const helmGroup = 'helm.toolkit.fluxcd.io';
export const helmComponent = 'helm-controller';
export const HelmReleaseKind = 'HelmRelease';
