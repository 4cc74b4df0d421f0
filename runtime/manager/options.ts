/**
 * The runtime options every Flux controller shares (pkg/runtime client/leaderelection/logger flags
 * plus the common controller flags), with Flux's defaults.
 */
import type { LogEncoding, LogLevel } from '../logging/index.js';

export interface ManagerOptions {
  /** @default ":8080" */
  readonly metricsAddr: string;
  /** @default ":9440" */
  readonly healthAddr: string;
  /** notification-controller events API; "" disables forwarding. @default "" */
  readonly eventsAddr: string;
  /** Workers per controller (Flux --concurrent; source 2, kustomize 4). @default 4 */
  readonly concurrent: number;
  /** @default 50 */
  readonly kubeApiQps: number;
  /** @default 300 */
  readonly kubeApiBurst: number;
  /** @default "info" */
  readonly logLevel: LogLevel;
  /** @default "json" */
  readonly logEncoding: LogEncoding;
  /** @default false (the install manifests set it) */
  readonly enableLeaderElection: boolean;
  /** @default 35000 */
  readonly leaderElectionLeaseDurationMs: number;
  /** @default 30000 */
  readonly leaderElectionRenewDeadlineMs: number;
  /** @default 5000 */
  readonly leaderElectionRetryPeriodMs: number;
  /** @default true */
  readonly leaderElectionReleaseOnCancel: boolean;
  /** @default 750 */
  readonly minRetryDelayMs: number;
  /** @default 900000 */
  readonly maxRetryDelayMs: number;
  /** @default true; false restricts watches to runtimeNamespace */
  readonly watchAllNamespaces: boolean;
  /** e.g. `sharding.fluxcd.io/key=shard1`, or `!sharding.fluxcd.io/key` on the main instance. @default "" */
  readonly watchLabelSelector: string;
  /** @default 5 */
  readonly intervalJitterPercentage: number;
  /** @default 30000 */
  readonly requeueDependencyMs: number;
  /** Where leases live and, with watchAllNamespaces=false, what is watched. @default $RUNTIME_NAMESPACE or "flux-system" */
  readonly runtimeNamespace: string;
  /** Feature gates as name → enabled. @default {} */
  readonly featureGates: Readonly<Record<string, boolean>>;
}

export function defaultManagerOptions(): ManagerOptions {
  return {
    metricsAddr: ':8080',
    healthAddr: ':9440',
    eventsAddr: '',
    concurrent: 4,
    kubeApiQps: 50,
    kubeApiBurst: 300,
    logLevel: 'info',
    logEncoding: 'json',
    enableLeaderElection: false,
    leaderElectionLeaseDurationMs: 35_000,
    leaderElectionRenewDeadlineMs: 30_000,
    leaderElectionRetryPeriodMs: 5_000,
    leaderElectionReleaseOnCancel: true,
    minRetryDelayMs: 750,
    maxRetryDelayMs: 900_000,
    watchAllNamespaces: true,
    watchLabelSelector: '',
    intervalJitterPercentage: 5,
    requeueDependencyMs: 30_000,
    runtimeNamespace: process.env.RUNTIME_NAMESPACE || 'flux-system',
    featureGates: {},
  };
}

/**
 * The leader-election lease name of a controller: `<controller>-leader-election`, suffixed with a
 * hash of the watch label selector when sharding so each shard elects its own leader (as Flux).
 */
export function leaderElectionId(controller: string, watchLabelSelector: string, hash: (s: string) => string): string {
  const base = `${controller}-leader-election`;
  return watchLabelSelector ? `${base}-${hash(watchLabelSelector).slice(0, 8)}` : base;
}

/** Parses Flux's `--feature-gates=A=true,B=false`. */
export function parseFeatureGates(v: string): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const part of v.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [k, val] = part.split('=');
    if (!k || (val !== 'true' && val !== 'false')) throw new Error(`invalid feature gate "${part}": want Name=true|false`);
    out[k] = val === 'true';
  }
  return out;
}

/**
 * Parses a Go duration (`750ms`, `1m30s`, `15m`, `1h`) into milliseconds.
 */
export function parseDurationMs(v: string): number {
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  if (v === '0') return 0;
  let total = 0;
  let consumed = 0;
  for (const m of v.matchAll(re)) {
    if (m.index !== consumed) break;
    total += Number(m[1]) * (unit[m[2] ?? 's'] ?? 0);
    consumed += m[0].length;
  }
  if (consumed === 0 || consumed !== v.length) throw new Error(`invalid duration "${v}"`);
  return total;
}

/**
 * Splits `host:port` / `:port` / `[::1]:port`. A bare `:port` means every interface in a pod (Flux
 * semantics) but loopback when running outside a cluster, so a developer machine never exposes it.
 */
export function parseListenAddr(addr: string, inCluster = Boolean(process.env.KUBERNETES_SERVICE_HOST)): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(addr);
  if (!m) throw new Error(`invalid listen address "${addr}": want host:port or :port`);
  const host = m[1] ?? m[2] ?? '';
  return { host: host || (inCluster ? '0.0.0.0' : '127.0.0.1'), port: Number(m[3]) };
}
