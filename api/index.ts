/**
 * The public surface of api/: shared meta types, condition constants, the kind registry and the CRD renderer.
 * Per-kind types and constructors live in api/<group>/<version>/<kind>.ts.
 */
export * from './meta/conditions.js';
export * from './meta/types.js';
export type { KubeObject, KubeList, ObjectMeta, OwnerReference } from './meta/object.js';
export {
  apiVersionOf,
  crdName,
  toCustomResourceDefinition,
  type CustomResourceDefinition,
  type KindDefinition,
  type VersionDefinition,
} from './meta/crd.js';
export { fluxKinds, kindRegistry, lookupKind, storageVersionOf, type KindVersionInfo } from './registry.js';
export { sourceGroup } from './source/group.js';
export { kustomizeGroup } from './kustomize/group.js';
export { helmGroup } from './helm/group.js';
export { notificationGroup } from './notification/group.js';
export { imageGroup } from './image/group.js';
