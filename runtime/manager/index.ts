/**
 * runtime/manager — controller-runtime's manager for Sluice: work queues (dedupe, per-key
 * exponential backoff 750 ms → 15 m, requeueAfter), controllers with `--concurrent` workers, a
 * Manager with Lease leader election per controller, /healthz + /readyz, Prometheus /metrics,
 * graceful shutdown, and Flux's common flags with their defaults.
 */
export { Controller, generationOrRequestedAtChanged } from './controller.js';
export type { ControllerOptions, ReconcileContext, Reconciler, Request, Result } from './controller.js';
export { serveHealth, serveMetrics } from './http-endpoints.js';
export type { Endpoint } from './http-endpoints.js';
export { jitteredIntervalMs } from './jitter.js';
export { LeaderElector } from './leader-election.js';
export type { LeaderElectionOptions } from './leader-election.js';
export { Manager } from './manager.js';
export type { ManagerDeps, Runnable } from './manager.js';
export { defaultManagerOptions, leaderElectionId, parseDurationMs, parseFeatureGates, parseListenAddr } from './options.js';
export type { ManagerOptions } from './options.js';
export { WorkQueue } from './queue.js';
export type { QueueOptions } from './queue.js';
export { setupSignalHandler } from './signals.js';
export { addManagerFlags, managerOptionsFromFlags } from './flags.js';
export type { ManagerFlagValues } from './flags.js';
export { addOptionOnce, fluxControllers, resolveControllers } from './registry.js';
export type { ControllerContext, ControllerRegistration, ControllerRegistry, ControllerSetup, FluxControllerName } from './registry.js';
export { runControllers } from './run.js';
export type { RunControllersOptions } from './run.js';
