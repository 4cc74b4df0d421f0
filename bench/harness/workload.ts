/**
 * A benchmark workload: the content of the one local Git repository, the objects created before timing
 * starts (namespace, RBAC), the Flux objects whose reconciliation is timed, and which of them to track.
 */
import type { KubeObject } from '../../runtime/client/index.js';
import type { ControllerName } from './implementation.js';
import type { Tracked } from './readiness.js';

export interface WorkloadContext {
  readonly n: number;
  /** Clone URL of the benchmark repository on the loopback Git server. */
  readonly gitUrl: string;
}

export interface Workload {
  /** Short id used in report markers and file names, e.g. `gitrepositories`. */
  readonly id: string;
  /** One line describing the shape, for the report. */
  describe(n: number): string;
  readonly controllers: readonly ControllerName[];
  /** Files committed to the benchmark repository (path → content). */
  repoFiles(): Readonly<Record<string, string>>;
  /** Objects created and settled before timing starts (Namespace, ServiceAccount, RoleBinding…). */
  setupObjects(ctx: WorkloadContext): KubeObject[];
  /** The Flux objects; timing starts at the first of these writes. Applied in this order. */
  fluxObjects(ctx: WorkloadContext): KubeObject[];
  /** The objects whose readiness is timed, one entry per kind (each kind gets its own time). */
  tracked(ctx: WorkloadContext): Tracked[];
}
