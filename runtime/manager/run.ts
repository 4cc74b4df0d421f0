/**
 * Runs a set of registered controllers in one process until SIGTERM/SIGINT: the body of
 * `sluice controller`. Returns the process exit code (0 after a graceful stop, 1 on failure,
 * including a lost leader election, after which a Deployment restarts the pod as Flux's would).
 */
import { KubeClient } from '../client/index.js';
import { createLogger } from '../logging/index.js';
import type { Logger } from '../logging/index.js';
import { managerOptionsFromFlags } from './flags.js';
import type { ManagerFlagValues } from './flags.js';
import { Manager } from './manager.js';
import { resolveControllers } from './registry.js';
import type { ControllerRegistry, ControllerSetup } from './registry.js';
import { setupSignalHandler } from './signals.js';
import { throttleAsFlux } from './throttle.js';

export interface RunControllersOptions {
  readonly registry: ControllerRegistry;
  /** `--controllers` split on commas; unset runs every available Flux controller. */
  readonly requested?: readonly string[];
  readonly flags: ManagerFlagValues & Record<string, unknown>;
  /** Stop signal; unset installs SIGTERM/SIGINT handlers. */
  readonly signal?: AbortSignal;
  /** Replaces the logger built from --log-level/--log-encoding. */
  readonly log?: Logger;
  /** Called once the manager's endpoints are up. */
  readonly onStarted?: (mgr: Manager) => void;
  readonly userAgent?: string;
}

export async function runControllers(o: RunControllersOptions): Promise<number> {
  const { names, skipped } = resolveControllers(o.registry, o.requested);
  const setups: ControllerSetup[] = [];
  for (const n of names) {
    const entry = o.registry[n];
    if (entry) setups.push(await entry.load());
  }
  const base = managerOptionsFromFlags(o.flags);
  const log = o.log ?? createLogger({ level: base.logLevel, encoding: base.logEncoding });
  for (const s of skipped) log.info({ controller: s }, `controller ${s} is not available in this build; skipping`);
  const kube = KubeClient.fromKubeConfig(
    { kubeconfigPath: o.flags.kubeconfig, context: o.flags.context },
    { rateLimit: { qps: base.kubeApiQps, burst: base.kubeApiBurst }, userAgent: o.userAgent ?? `sluice/${names.join('+')}` },
  );
  await throttleAsFlux(kube, log);
  const mgr = new Manager({ kube, log, options: base });
  for (const s of setups) {
    const concurrent = o.flags.concurrent === undefined ? (s.defaultConcurrent ?? base.concurrent) : base.concurrent;
    await s.setup(mgr, { leaderElectionId: mgr.leaseIdFor(s.component), concurrent, flags: o.flags });
  }
  const handler = o.signal ? undefined : setupSignalHandler();
  const signal = o.signal ?? handler?.controller.signal ?? new AbortController().signal;
  try {
    const started = mgr.start(signal);
    void mgr.listening.then(() => o.onStarted?.(mgr));
    await started;
    return 0;
  } catch (err) {
    log.error({ err: err instanceof Error ? err.message : String(err) }, 'manager stopped with an error');
    return 1;
  } finally {
    handler?.dispose();
    kube.close();
  }
}
