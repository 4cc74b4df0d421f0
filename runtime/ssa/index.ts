/** Server-side apply ResourceManager (fluxcd/pkg ssa): staged apply, drift, ChangeSets, prune, wait. */
export { ChangeSet, entryFor, subjectOf } from './changeset.js';
export type { Action, ChangeSetEntry } from './changeset.js';
export { cleanupPatch, kustomizeCleanupOptions } from './cleanup.js';
export type { CleanupOptions, FieldManager, JsonPatchOp } from './cleanup.js';
export { deepEqual, hasDrifted } from './drift.js';
export { DryRunError, dryRunErrorFor, isImmutableError } from './errors.js';
export { ApplyError, ResourceManager } from './manager.js';
export type { ApplyOptions, DeleteOptions, ResourceManagerOptions } from './manager.js';
export * from './metadata.js';
export { normalize } from './normalize.js';
export { compareKeys, isClusterDefinition, isKindClass, keyOf, sortObjects } from './sort.js';
