/** kustomize.toolkit.fluxcd.io: names shared by every version. */
export const kustomizeGroup = 'kustomize.toolkit.fluxcd.io';
export const kustomizeComponent = 'kustomize-controller';
export const KustomizationKind = 'Kustomization';
