import type { GitRepository } from '../../../api/source/v1/git-repository.js';
import { Storage, advertisedAddress } from '../../../runtime/artifact/index.js';
import type { DigestAlgorithm } from '../../../runtime/artifact/index.js';
import type { Informer } from '../../../runtime/cache/index.js';
import type { KubeObject } from '../../../runtime/client/index.js';
import { CheckoutCache } from '../../../runtime/git/index.js';
import type { CheckoutCacheOptions } from '../../../runtime/git/index.js';
import type { Controller, Manager } from '../../../runtime/manager/index.js';
import { WorkerPool } from '../../../runtime/workers/index.js';
import type { GitRepositoryDeps } from './context.js';
import { EventRecorder } from '../../../runtime/events/index.js';
import { reconcileGitRepository } from './reconciler.js';

/** source-controller storage flags (defaults as Flux's). */
export interface SourceStorageOptions {
  /** --storage-path. @default '/data' */
  readonly storagePath: string;
  /** --storage-addr. @default ':9090' */
  readonly storageAddr: string;
  /** --storage-adv-addr. @default '' */
  readonly storageAdvAddr?: string;
  /** --artifact-retention-ttl. @default 60000 */
  readonly retentionTTLMs?: number;
  /** --artifact-retention-records. @default 2 */
  readonly retentionRecords?: number;
  /** --artifact-digest-algo. @default 'sha256' */
  readonly digestAlgorithm?: DigestAlgorithm;
  /** Largest Git checkout in bytes. @default 1 GiB */
  readonly gitMaxBytes?: number;
  /**
   * Share completed checkouts between GitRepositories that resolve to the same commit of the same
   * remote with the same credentials and content options (false turns it off). @default {}
   */
  readonly gitCheckoutCache?: false | CheckoutCacheOptions;
  /** Worker threads that archive checkouts (0: archive on the event loop). @default 1 */
  readonly archiveWorkers?: number;
}

/**
 * Registers the GitRepository controller (watch on GitRepositories with Flux's predicates, reads
 * from the shared cache) on the manager. Returns the storage, the controller and the lease ID; the
 * caller (cli/, which may import server/) serves the storage with server/artifact's
 * `artifactServerRunnable(storage, storageAddr, leaseId)`.
 */
export function setupGitRepositoryController(
  mgr: Manager,
  opts: SourceStorageOptions,
): { storage: Storage; controller: Controller; leaseId: string; checkoutCache?: CheckoutCache } {
  const storage = new Storage({
    path: opts.storagePath,
    address: advertisedAddress(opts.storageAddr, opts.storageAdvAddr ?? ''),
    retentionTTLMs: opts.retentionTTLMs ?? 60_000,
    retentionRecords: opts.retentionRecords ?? 2,
    digestAlgorithm: opts.digestAlgorithm ?? 'sha256',
  });
  const recorder = new EventRecorder(mgr.kube, mgr.log, {
    component: 'source-controller',
    eventsAddr: mgr.options.eventsAddr,
  });
  const informer = mgr.cache.informer<GitRepository & KubeObject>({
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'GitRepository',
    sharded: true,
  });
  const checkoutCache = opts.gitCheckoutCache === false ? undefined : new CheckoutCache(opts.gitCheckoutCache ?? {});
  if (checkoutCache) {
    mgr.add({
      name: 'gitrepository-checkout-cache',
      start: (signal) =>
        new Promise<void>((resolve) => {
          const close = (): void => void checkoutCache.close().finally(resolve);
          if (signal.aborted) close();
          else signal.addEventListener('abort', close, { once: true });
        }),
    });
  }
  const archiveWorkers = opts.archiveWorkers ?? 1;
  const archivePool = archiveWorkers > 0 ? new WorkerPool({ size: archiveWorkers }) : undefined;
  if (archivePool) {
    mgr.add({
      name: 'gitrepository-archive-pool',
      start: async (signal) => {
        if (!signal.aborted)
          await new Promise<void>((r) => signal.addEventListener('abort', () => r(), { once: true }));
        await archivePool.close();
      },
    });
  }
  const deps: GitRepositoryDeps = {
    client: mgr.kube,
    storage,
    requeueDependencyMs: mgr.options.requeueDependencyMs,
    jitterPercent: mgr.options.intervalJitterPercentage,
    featureGates: mgr.options.featureGates,
    recordEvent: (obj, type, reason, message, annotations, forward) =>
      recorder.event(obj as GitRepository & KubeObject, type, reason, message, {
        ...(annotations ? { metadata: annotations } : {}),
        ...(forward === false ? { forward: false } : {}),
      }),
    read: async (ns, name) => {
      const o = informer.get(ns, name);
      return o ? structuredClone(o) : undefined;
    },
    ...(opts.gitMaxBytes ? { gitMaxBytes: opts.gitMaxBytes } : {}),
    ...(checkoutCache ? { checkoutCache } : {}),
    ...(archivePool ? { archivePool } : {}),
  };
  const leaseId = mgr.leaseIdFor('source-controller');
  const controller = mgr.newController({
    name: 'gitrepository',
    kind: 'GitRepository',
    group: 'source.toolkit.fluxcd.io',
    leaderElectionId: leaseId,
    reconcile: async (req) => {
      const out = await reconcileGitRepository(deps, req.namespace ?? 'default', req.name);
      if (out.error) throw out.error;
      return {
        ...(out.requeueAfterMs !== undefined ? { requeueAfterMs: out.requeueAfterMs } : {}),
        ...(out.requeue ? { requeue: true } : {}),
      };
    },
  });
  controller.watchPrimary(informer as unknown as Informer);
  return { storage, controller, leaseId, ...(checkoutCache ? { checkoutCache } : {}) };
}
