/**
 * The image.toolkit.fluxcd.io versions: v1 (storage) and v1beta2 (deprecated) share one schema per kind, so both
 * versions are built here from the same definitions.
 */
import { constructorFor, type VersionDefinition } from '../meta/crd.js';
import type { KubeObject } from '../meta/object.js';
import { imageGroup, ImagePolicyKind, ImageRepositoryKind, ImageUpdateAutomationKind } from './group.js';
import {
  imagePolicyPrinterColumns,
  imagePolicySpec,
  imagePolicyStatus,
  type ImagePolicySpec,
  type ImagePolicyStatus,
} from './v1/image-policy.js';
import {
  imageRepositoryPrinterColumns,
  imageRepositorySpec,
  imageRepositoryStatus,
  type ImageRepositorySpec,
  type ImageRepositoryStatus,
} from './v1/image-repository.js';
import {
  imageUpdateAutomationPrinterColumns,
  imageUpdateAutomationSpec,
  imageUpdateAutomationStatus,
  type ImageUpdateAutomationSpec,
  type ImageUpdateAutomationStatus,
} from './v1/image-update-automation.js';

type ImageVersion = 'v1' | 'v1beta2';

export type ImageRepository<V extends ImageVersion = 'v1'> = KubeObject<
  `image.toolkit.fluxcd.io/${V}`,
  'ImageRepository',
  ImageRepositorySpec,
  ImageRepositoryStatus
>;
export type ImagePolicy<V extends ImageVersion = 'v1'> = KubeObject<
  `image.toolkit.fluxcd.io/${V}`,
  'ImagePolicy',
  ImagePolicySpec,
  ImagePolicyStatus
>;
export type ImageUpdateAutomation<V extends ImageVersion = 'v1'> = KubeObject<
  `image.toolkit.fluxcd.io/${V}`,
  'ImageUpdateAutomation',
  ImageUpdateAutomationSpec,
  ImageUpdateAutomationStatus
>;

function versionsOf<S, T>(
  kind: string,
  description: string,
  spec: VersionDefinition<S, T>['spec'],
  status: NonNullable<VersionDefinition<S, T>['status']>,
  printerColumns: VersionDefinition['printerColumns'],
): { v1: VersionDefinition<S, T>; v1beta2: VersionDefinition<S, T> } {
  const base = { group: imageGroup, kind, spec, status, statusDefault: true, printerColumns } as const;
  return {
    v1: { ...base, version: 'v1', description, storage: true },
    v1beta2: {
      ...base,
      version: 'v1beta2',
      description: `${kind} (deprecated version v1beta2).`,
      storage: false,
      deprecationWarning: `v1beta2 ${kind} is deprecated, upgrade to v1`,
    },
  };
}

export const imageRepositoryVersions = versionsOf(
  ImageRepositoryKind,
  'ImageRepository scans a container image repository for tags.',
  imageRepositorySpec,
  imageRepositoryStatus,
  imageRepositoryPrinterColumns,
);
export const imagePolicyVersions = versionsOf(
  ImagePolicyKind,
  'ImagePolicy selects the latest image tag of an ImageRepository.',
  imagePolicySpec,
  imagePolicyStatus,
  imagePolicyPrinterColumns,
);
export const imageUpdateAutomationVersions = versionsOf(
  ImageUpdateAutomationKind,
  'ImageUpdateAutomation writes the latest images into YAML in a Git repository and pushes the commit.',
  imageUpdateAutomationSpec,
  imageUpdateAutomationStatus,
  imageUpdateAutomationPrinterColumns,
);

export const newImageRepository = constructorFor<ImageRepository>(imageRepositoryVersions.v1);
export const newImagePolicy = constructorFor<ImagePolicy>(imagePolicyVersions.v1);
export const newImageUpdateAutomation = constructorFor<ImageUpdateAutomation>(
  imageUpdateAutomationVersions.v1,
);
