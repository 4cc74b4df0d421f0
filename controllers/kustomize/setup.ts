/**
 * Registers the Kustomization controller on a manager (4.14 watches): Kustomizations on generation
 * or requestedAt changes, and source kinds whose artifact revision changes, mapped through an index
 * `<Kind>/<ns>/<name>` to the Kustomizations that use them (except those already Ready with that
 * revision attempted).
 */
import { availableParallelism } from 'node:os';
import type { Informer } from '../../runtime/cache/index.js';
import type { KubeObject } from '../../runtime/client/index.js';
import type { Controller, Manager, Request } from '../../runtime/manager/index.js';
import { WorkerPool } from '../../runtime/workers/index.js';
import { pooledBuilder } from './builder.js';
import { cacheLiveVersions } from './live-versions.js';
import { kustomizationEvents } from './events.js';
import { kustomizationApiVersion, type KustomizationObject } from './object.js';
import { KustomizationReconciler } from './reconciler.js';
import { sortedRequests, sourceIndex, sourceIndexKey, watchSources } from './source-watches.js';
import type { ArtifactFetcher, KustomizeControllerOptions, ManifestBuilder } from './types.js';
import { artifactFetcher, celCompiler } from './wiring.js';

const configIndex = 'configRef';

export interface KustomizationSetupOptions extends KustomizeControllerOptions {
  readonly fetcher?: ArtifactFetcher;
  readonly builder?: ManifestBuilder;
  /** `--watch-configs-label-selector`. @default 'reconcile.fluxcd.io/watch=Enabled' */
  readonly watchConfigsLabelSelector?: string;
  /** Build worker threads. @default max(2, availableParallelism() - 1) */
  readonly buildWorkers?: number;
  /** Reconcile workers (Flux --concurrent). @default the manager's */
  readonly concurrent?: number;
  /** @default mgr.leaseIdFor('kustomize-controller') */
  readonly leaderElectionId?: string;
}

/** The ConfigMaps and Secrets a Kustomization reads (substituteFrom, decryption, kubeConfig). */
function configRefs(ks: KustomizationObject): string[] {
  const ns = ks.metadata.namespace;
  const out = (ks.spec?.postBuild?.substituteFrom ?? []).map((r) => `${r.kind}/${ns}/${r.name}`);
  if (ks.spec?.decryption?.secretRef) out.push(`Secret/${ns}/${ks.spec.decryption.secretRef.name}`);
  if (ks.spec?.kubeConfig?.secretRef) out.push(`Secret/${ns}/${ks.spec.kubeConfig.secretRef.name}`);
  return out;
}

/**
 * Flux 1.7's config watchers: a labelled ConfigMap or Secret (metadata-only watch) that is created,
 * changed or deleted enqueues the Kustomizations referencing it.
 */
function watchConfigs(
  mgr: Manager,
  controller: Controller,
  kustomizations: ReturnType<Manager['cache']['informer']>,
  selector = 'reconcile.fluxcd.io/watch=Enabled',
): void {
  kustomizations.addIndex(configIndex, (o) => configRefs(o as KustomizationObject));
  for (const kind of ['ConfigMap', 'Secret']) {
    const inf = mgr.cache.informer({ apiVersion: 'v1', kind, labelSelector: selector, metadataOnly: true });
    controller.watchMapped(
      inf as unknown as Informer,
      (obj): Request[] =>
        sortedRequests(
          kustomizations.byIndex(
            configIndex,
            `${kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`,
          ),
          mgr.log,
          'config dependency change',
        ),
      (o, n) => o.metadata.resourceVersion !== n.metadata.resourceVersion,
    );
  }
}

/** The build pool, closed when the manager stops. */
function buildPool(mgr: Manager, size: number | undefined): WorkerPool {
  const pool = new WorkerPool({ size: size ?? Math.max(2, availableParallelism() - 1) });
  mgr.add({
    name: 'kustomize-build-pool',
    start: async (signal) => {
      if (!signal.aborted)
        await new Promise<void>((r) => signal.addEventListener('abort', () => r(), { once: true }));
      await pool.close();
    },
  });
  return pool;
}

export function setupKustomizationController(
  mgr: Manager,
  opts: KustomizationSetupOptions = {},
): { controller: Controller; reconciler: KustomizationReconciler } {
  const informer = mgr.cache.informer<KubeObject>({
    apiVersion: kustomizationApiVersion,
    kind: 'Kustomization',
    sharded: true,
  });
  informer.addIndex(sourceIndex, (o) => sourceIndexKey(o as KustomizationObject));
  const gates = mgr.options.featureGates;
  const reconciler = new KustomizationReconciler({
    client: mgr.kube,
    fetcher: opts.fetcher ?? artifactFetcher(),
    builder: opts.builder ?? pooledBuilder(buildPool(mgr, opts.buildWorkers)),
    events: kustomizationEvents(mgr.kube, mgr.log, mgr.options.eventsAddr),
    cel: celCompiler(),
    liveVersions: cacheLiveVersions(mgr.cache),
    options: {
      requeueDependencyMs: mgr.options.requeueDependencyMs,
      strictSubstitutions: gates['StrictPostBuildSubstitutions'] === true,
      disableFailFast: gates['DisableFailFastBehavior'] === true,
      externalArtifact: gates['ExternalArtifact'] === true,
      objectLevelWorkloadIdentity: gates['ObjectLevelWorkloadIdentity'] === true,
      cancelHealthCheckOnNewRevision: gates['CancelHealthCheckOnNewRevision'] === true,
      ...opts,
    },
  });
  const controller = mgr.newController({
    name: 'kustomization',
    kind: 'Kustomization',
    group: 'kustomize.toolkit.fluxcd.io',
    leaderElectionId: opts.leaderElectionId ?? mgr.leaseIdFor('kustomize-controller'),
    ...(opts.concurrent ? { concurrent: opts.concurrent } : {}),
    reconcile: async (req) => {
      const res = await reconciler.reconcile(req.namespace ?? 'default', req.name);
      if (res.requeueAfterMs === 0) return { requeue: true };
      return res.requeueAfterMs !== undefined ? { requeueAfterMs: res.requeueAfterMs } : {};
    },
  });
  controller.watchPrimary(informer as unknown as Informer);
  if (gates['DisableConfigWatchers'] !== true)
    watchConfigs(mgr, controller, informer, opts.watchConfigsLabelSelector);
  watchSources(mgr, controller, informer, opts.externalArtifact ?? gates['ExternalArtifact'] === true);
  return { controller, reconciler };
}
