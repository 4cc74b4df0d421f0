/**
 * Flux's common controller flags on a commander Command, and their conversion to ManagerOptions.
 * Names and defaults are Flux's (pkg/runtime client, leaderelection, logger, and the controllers'
 * main.go), so install manifests and runbooks written for Flux work unchanged.
 */
import type { Command } from 'commander';
import { parseLogEncoding, parseLogLevel } from '../logging/index.js';
import { defaultManagerOptions, parseDurationMs, parseFeatureGates } from './options.js';
import type { ManagerOptions } from './options.js';

/** The raw values commander produces for the flags below. */
export interface ManagerFlagValues {
  metricsAddr: string;
  healthAddr: string;
  eventsAddr: string;
  concurrent?: string;
  kubeApiQps: string;
  kubeApiBurst: string;
  logLevel: string;
  logEncoding: string;
  enableLeaderElection: boolean | string;
  leaderElectionLeaseDuration: string;
  leaderElectionRenewDeadline: string;
  leaderElectionRetryPeriod: string;
  leaderElectionReleaseOnCancel: string;
  minRetryDelay: string;
  maxRetryDelay: string;
  watchAllNamespaces: string;
  watchLabelSelector: string;
  intervalJitterPercentage: string;
  requeueDependency: string;
  featureGates: string;
  kubeconfig?: string;
  context?: string;
}

export function addManagerFlags(cmd: Command): Command {
  const d = defaultManagerOptions();
  return cmd
    .option('--metrics-addr <addr>', 'the address the metric endpoint binds to', process.env.METRICS_ADDR || d.metricsAddr)
    .option('--health-addr <addr>', 'the address the health endpoint binds to', d.healthAddr)
    .option('--events-addr <url>', 'the address of the events receiver (notification-controller)', process.env.EVENTS_ADDR || d.eventsAddr)
    .option('--concurrent <n>', 'the number of concurrent reconciles per controller (default: the controller\'s own, 2 for source, 4 otherwise)')
    .option('--kube-api-qps <qps>', 'the maximum queries-per-second of requests sent to the Kubernetes API', String(d.kubeApiQps))
    .option('--kube-api-burst <n>', 'the maximum burst queries-per-second of requests sent to the Kubernetes API', String(d.kubeApiBurst))
    .option('--log-level <level>', 'log verbosity: trace, debug, info or error', d.logLevel)
    .option('--log-encoding <encoding>', 'log encoding format: json or console', d.logEncoding)
    .option('--enable-leader-election [bool]', 'enable leader election for controller manager; ensures only one active controller', d.enableLeaderElection)
    .option('--leader-election-lease-duration <duration>', 'interval at which non-leader candidates will wait to force acquire leadership', '35s')
    .option('--leader-election-renew-deadline <duration>', 'duration that the leading controller manager will retry refreshing leadership before giving up', '30s')
    .option('--leader-election-retry-period <duration>', 'duration the LeaderElector clients should wait between tries of actions', '5s')
    .option('--leader-election-release-on-cancel <bool>', 'release the leader election lease on shutdown', 'true')
    .option('--min-retry-delay <duration>', 'the minimum amount of time for which an object being reconciled will have to wait before a retry', '750ms')
    .option('--max-retry-delay <duration>', 'the maximum amount of time for which an object being reconciled will have to wait before a retry', '15m')
    .option('--watch-all-namespaces <bool>', 'watch for custom resources in all namespaces; if false, only in the runtime namespace', 'true')
    .option('--watch-label-selector <selector>', 'watch for resources with matching labels, e.g. \'sharding.fluxcd.io/key=shard1\'', d.watchLabelSelector)
    .option('--interval-jitter-percentage <n>', 'percentage of jitter to apply to interval durations', String(d.intervalJitterPercentage))
    .option('--requeue-dependency <duration>', 'the interval at which failing dependencies are reevaluated', '30s')
    .option('--feature-gates <gates>', 'a comma separated list of key=value pairs defining the state of experimental features', '')
    .option('--kubeconfig <path>', 'path to a kubeconfig; unset uses $KUBECONFIG, ~/.kube/config or the in-cluster config')
    .option('--context <name>', 'kubeconfig context to use');
}

function int(name: string, v: string, min = 0): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || !Number.isInteger(n)) throw new Error(`invalid --${name} "${v}": want an integer >= ${min}`);
  return n;
}

function bool(name: string, v: string | boolean): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new Error(`invalid --${name} "${v}": want true or false`);
}

/** Validates and converts flag values; `concurrent` falls back to `defaultConcurrent`. */
export function managerOptionsFromFlags(v: ManagerFlagValues, defaultConcurrent = 4): ManagerOptions {
  const d = defaultManagerOptions();
  const opts: ManagerOptions = {
    ...d,
    metricsAddr: v.metricsAddr,
    healthAddr: v.healthAddr,
    eventsAddr: v.eventsAddr,
    concurrent: v.concurrent === undefined ? defaultConcurrent : int('concurrent', v.concurrent, 1),
    kubeApiQps: Number(v.kubeApiQps),
    kubeApiBurst: int('kube-api-burst', v.kubeApiBurst),
    logLevel: parseLogLevel(v.logLevel),
    logEncoding: parseLogEncoding(v.logEncoding),
    enableLeaderElection: bool('enable-leader-election', v.enableLeaderElection),
    leaderElectionLeaseDurationMs: parseDurationMs(v.leaderElectionLeaseDuration),
    leaderElectionRenewDeadlineMs: parseDurationMs(v.leaderElectionRenewDeadline),
    leaderElectionRetryPeriodMs: parseDurationMs(v.leaderElectionRetryPeriod),
    leaderElectionReleaseOnCancel: bool('leader-election-release-on-cancel', v.leaderElectionReleaseOnCancel),
    minRetryDelayMs: parseDurationMs(v.minRetryDelay),
    maxRetryDelayMs: parseDurationMs(v.maxRetryDelay),
    watchAllNamespaces: bool('watch-all-namespaces', v.watchAllNamespaces),
    watchLabelSelector: v.watchLabelSelector,
    intervalJitterPercentage: Number(v.intervalJitterPercentage),
    requeueDependencyMs: parseDurationMs(v.requeueDependency),
    featureGates: parseFeatureGates(v.featureGates),
  };
  if (!Number.isFinite(opts.kubeApiQps) || opts.kubeApiQps < 0) throw new Error(`invalid --kube-api-qps "${v.kubeApiQps}"`);
  if (!(opts.intervalJitterPercentage >= 0 && opts.intervalJitterPercentage < 100)) {
    throw new Error(`invalid --interval-jitter-percentage "${v.intervalJitterPercentage}": want 0 to 99`);
  }
  if (opts.leaderElectionLeaseDurationMs <= opts.leaderElectionRenewDeadlineMs) {
    throw new Error('--leader-election-lease-duration must be greater than --leader-election-renew-deadline');
  }
  return opts;
}
