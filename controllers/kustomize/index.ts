/**
 * kustomize-controller: the Kustomization reconciler as a `sluice controller` entry
 * (`--controllers=kustomize`), and the pieces tests and benchmarks drive directly.
 */
import type { ControllerSetup } from '../../runtime/manager/index.js';
import { kustomizeOptionsFromFlags } from './flags.js';
import { setupKustomizationController } from './setup.js';
import { artifactFetcher } from './wiring.js';

export { addKustomizeFlags, kustomizeOptionsFromFlags } from './flags.js';
export { KustomizationReconciler } from './reconciler.js';
export { setupKustomizationController, type KustomizationSetupOptions } from './setup.js';

export const kustomizeController: ControllerSetup = {
  name: 'kustomize',
  component: 'kustomize-controller',
  defaultConcurrent: 4,
  setup(mgr, ctx) {
    const { httpRetry, ...opts } = kustomizeOptionsFromFlags(ctx.flags, mgr.options.runtimeNamespace);
    // Flux exits at start-up on this combination (auth.InconsistentObjectLevelConfiguration).
    if (
      opts.defaultKubeconfigServiceAccount &&
      mgr.options.featureGates['ObjectLevelWorkloadIdentity'] !== true
    )
      throw new Error(
        'invalid configuration: cannot set default service accounts when the feature gate ObjectLevelWorkloadIdentity is not enabled',
      );
    setupKustomizationController(mgr, {
      ...opts,
      concurrent: ctx.concurrent,
      leaderElectionId: ctx.leaderElectionId,
      fetcher: artifactFetcher({ retries: httpRetry }),
    });
  },
};
