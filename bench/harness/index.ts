/**
 * bench/harness: the side-by-side controller benchmark runner (upstream Flux vs Sluice, each on a fresh
 * control plane). Entry points: bench/source/run-side-by-side.ts, bench/kustomize-controller/run-side-by-side.ts.
 */
export { sideBySideMain } from './cli.js';
export { startBenchCluster } from './cluster.js';
export type { BenchCluster } from './cluster.js';
export { startBenchGitServer } from './git.js';
export type { ControllerName, Implementation, ImplContext, RunningImpl } from './implementation.js';
export { runOne } from './run.js';
export type { ImplResult, PhaseResult, RunOptions } from './run.js';
export { renderTable, writeToDoc } from './report.js';
export { fluxUpstream, upstreamBinary, upstreamVersions } from './upstream.js';
export { sluiceImplementation } from './sluice.js';
export type { SluiceLayout, SluiceRun } from './sluice.js';
export { ensureCompiledBuild, sourceTreeKey } from './sluice-build.js';
export type { CompiledBuild } from './sluice-build.js';
export type { Workload, WorkloadContext } from './workload.js';
