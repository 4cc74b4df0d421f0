/**
 * runtime/patch — the patch helper (snapshot → mutate → minimal merge patches; status on the
 * subresource with owned conditions winning on conflict) and finalizer helpers.
 */
export { PatchHelper, addFinalizer, hasFinalizer, mergeConditions, removeFinalizer } from './helper.js';
export type { PatchHelperOptions, PatchOptions } from './helper.js';
export { clone, deepEqual, mergeDiff } from './merge-diff.js';
export type { Json } from './merge-diff.js';
