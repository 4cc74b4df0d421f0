/**
 * runtime/cache — list+watch informers (bookmarks, resume from resourceVersion, relist on 410 Gone,
 * stall detection with backoff), indexed stores, and a Cache that shares one informer per
 * (kind, namespace, label selector).
 */
export { Backoff, defaultBackoffOptions, sleep } from './backoff.js';
export type { BackoffOptions } from './backoff.js';
export { Cache } from './cache.js';
export type { CacheOptions, InformerKey } from './cache.js';
export { Informer, stripManagedFields } from './informer.js';
export type { InformerHandlers, InformerOptions, InformerStats } from './informer.js';
export { IndexedStore, objectKey, splitKey } from './store.js';
export type { IndexFunc } from './store.js';
