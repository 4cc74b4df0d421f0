/** source.toolkit.fluxcd.io: names shared by every version. */
export const sourceGroup = 'source.toolkit.fluxcd.io';
export const sourceComponent = 'source-controller';
export const sourceCategories = ['all', 'fluxcd', 'fluxcd-sources'] as const;

export const GitRepositoryKind = 'GitRepository';
export const OCIRepositoryKind = 'OCIRepository';
export const HelmRepositoryKind = 'HelmRepository';
export const HelmChartKind = 'HelmChart';
export const BucketKind = 'Bucket';
export const ExternalArtifactKind = 'ExternalArtifact';

/** Flux's CRDs for sources ask kustomize-controller not to substitute `${var}` inside them. */
export const substituteDisabledAnnotation = { 'kustomize.toolkit.fluxcd.io/substitute': 'disabled' } as const;

export const deprecatedV1beta2 = (kind: string): string => `v1beta2 ${kind} is deprecated, upgrade to v1`;
