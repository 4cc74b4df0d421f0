/**
 * runtime/client — Sluice's own raw-JSON Kubernetes client.
 *
 * ```ts
 * import { KubeClient, isNotFound } from '../runtime/client/index.js';
 * const kube = KubeClient.fromKubeConfig({ kubeconfigPath }, { fieldManager: 'source-controller', rateLimit: { qps: 50, burst: 300 } });
 * const repo = await kube.get({ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', namespace: 'flux-system', name: 'podinfo' });
 * await kube.patchStatus(ref, 'merge', { status: { observedGeneration: 2 } });
 * await kube.apply(obj, { fieldManager: 'kustomize-controller', force: true, dryRun: true });
 * for await (const ev of kube.watch('v1', 'ConfigMap', { namespace, resourceVersion })) { … }
 * const asTenant = kube.impersonateServiceAccount('apps', 'deployer');
 * ```
 *
 * Public surface:
 * - `loadKubeConfig({ kubeconfigPath?, context?, inCluster? })` → ConnectionConfig. Uses
 *   own kubeconfig reading (certs, tokens, CA, contexts, in-cluster); @kubernetes/client-node only for exec plugins / auth providers, imported on first use.
 * - `KubeClient` — one identity against one API server:
 *   - reads: `get`, `getOrUndefined`, `getStatus`, `listPage` (one page), `list` (follows
 *     `limit`/`continue`, default page 500; `metadataOnly` asks for PartialObjectMetadata), `watch` (async iterator of ADDED/MODIFIED/DELETED/BOOKMARK;
 *     an ERROR event is thrown as KubeApiError, 410 → `isGone`), `getPath` (raw JSON GET).
 *   - writes: `create`, `update`, `updateStatus`, `patch(ref, 'merge'|'json'|'strategic'|'apply', body)`,
 *     `patchStatus`, `apply` (server-side apply, force defaults to true), `applyStatus`,
 *     `delete(ref, { propagationPolicy, preconditions, gracePeriodSeconds, dryRun })`.
 *     Every write takes `{ dryRun, fieldManager, fieldValidation }`.
 *   - identity: `impersonate({ user, groups, uid })`, `impersonateServiceAccount(ns, name)` — derived
 *     clients share the keep-alive pool, REST mapper, QPS/burst token bucket and counters.
 *   - `mapping(apiVersion, kind)` / `mapper` — discovery-backed REST mapping, cached per group/version,
 *     refreshed once on a miss (new CRDs); `mapper.resolve('ks')` resolves short/plural/kind names.
 *   - `stats` (requests by verb, throttled count) and `onRequest(observer)` for metrics/benchmarks.
 * - Errors: `KubeApiError` { code, reason, message, status } with `isNotFound`, `isAlreadyExists`,
 *   `isConflict`, `isGone`, `isInvalid`, `isForbidden`, `isUnauthorized`, `isTooManyRequests`;
 *   `NoKindMatchError` / `isNoMatch` when a kind is not served.
 * - `TokenBucket` + `defaultRateLimiterOptions()` (Flux: --kube-api-qps 50, --kube-api-burst 300).
 * - Object helpers: `KubeObject`, `KubeList`, `ObjectRef`, `refOf(obj)`, `objectName(obj)` (Kind/ns/name),
 *   `parseApiVersion`, `gvkOf`.
 */
export { KubeClient, refOf } from './client.js';
export type {
  ApplyOptions,
  DeleteOptions,
  Impersonation,
  KubeClientOptions,
  ListOptions,
  PatchOptions,
  PatchType,
  RequestObserver,
  RequestStats,
  Verb,
  WatchOptions,
  WriteOptions,
} from './client.js';
export {
  KubeApiError,
  NoKindMatchError,
  isAlreadyExists,
  isBadRequest,
  isConflict,
  isForbidden,
  isGone,
  isInvalid,
  isNoMatch,
  isNotFound,
  isTooManyRequests,
  isUnauthorized,
  reasonForCode,
} from './errors.js';
export type { StatusReason } from './errors.js';
export { connectionFromKubeConfigText, loadKubeConfig } from './kubeconfig.js';
export type { ConnectionConfig, LoadKubeConfigOptions, TlsSettings } from './kubeconfig.js';
export { TokenBucket, defaultRateLimiterOptions } from './rate-limiter.js';
export type { RateLimiterOptions } from './rate-limiter.js';
export { RestMapper } from './rest-mapper.js';
export type { RestMapping } from './rest-mapper.js';
export { gvkOf, objectName, parseApiVersion } from './types.js';
export type {
  GroupVersionKind,
  JsonValue,
  KubeList,
  KubeObject,
  ListMeta,
  ObjectMeta,
  ObjectRef,
  OwnerReference,
  StatusBody,
  WatchEvent,
  WatchEventType,
} from './types.js';
