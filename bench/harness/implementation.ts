/**
 * What the runner needs from an implementation under test (upstream Flux or Sluice): build it if
 * needed, start its controllers against a bench cluster, say which processes to measure, stop them.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { get } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchCluster } from './cluster.js';
import { FatalWaitError, waitUntil } from './cluster.js';

export type ControllerName = 'source' | 'kustomize';

export interface ImplContext {
  readonly cluster: BenchCluster;
  readonly controllers: readonly ControllerName[];
  /** Scratch folder for storage, temp files and logs of this implementation. */
  readonly workDir: string;
  /** A folder on tmpfs when available (kustomize-controller's temp dir, as upstream's emptyDir medium Memory). */
  readonly fastTmp: string;
  readonly log: (line: string) => void;
}

export interface RunningImpl {
  /** The controller processes to measure. */
  readonly processes: readonly { readonly pid: number; readonly name: string }[];
  /** The log files of those processes. */
  readonly logs: readonly string[];
  stop(): Promise<void>;
}

export interface Implementation {
  readonly id: 'flux' | 'sluice';
  /** Human label with versions, for the report. */
  label(controllers: readonly ControllerName[]): string;
  /** Builds what is missing (a no-op when cached). */
  prepare(controllers: readonly ControllerName[], log: (line: string) => void): Promise<void>;
  start(ctx: ImplContext): Promise<RunningImpl>;
}

/** A child process whose stdout/stderr go to a log file; killed when this process exits. */
export interface LoggedChild {
  readonly child: ChildProcess;
  readonly name: string;
  readonly log: string;
  stop(graceMs?: number): Promise<void>;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

export function spawnLogged(
  name: string,
  command: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  log: string,
  cwd?: string,
): LoggedChild {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const c of live) c.kill('SIGKILL');
    });
  }
  const fd = openSync(log, 'a');
  let child: ChildProcess;
  try {
    child = spawn(command, [...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', fd, fd] });
  } finally {
    closeSync(fd);
  }
  if (child.pid === undefined) throw new Error(`could not start ${name} (${command})`);
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => live.delete(child));
  return {
    child,
    name,
    log,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timedOut = await Promise.race([exited.then(() => false), sleep(graceMs).then(() => true)]);
      if (timedOut) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** Waits until http://127.0.0.1:<port><path> answers 200 while the child runs. */
export async function waitHttpOk(child: LoggedChild, port: number, path: string, timeoutMs = 120_000): Promise<void> {
  await waitUntil(`${child.name} ${path} on port ${port}`, timeoutMs, async () => {
    if (child.child.exitCode !== null) throw new FatalWaitError(`${child.name} exited with ${child.child.exitCode}; see ${child.log}`);
    return (await httpStatus(port, path)) === 200;
  });
}

function httpStatus(port: number, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => {
      req.destroy();
      resolve(0);
    });
  });
}

/**
 * After /readyz answers, both implementations get the same short settle time for their informers to
 * sync and workers to start (neither can run leader election here; see commonControllerFlags).
 */
export const settleMs = 3000;

/**
 * The flags both implementations share (the install manifests' flags, loopback ports) — except
 * --enable-leader-election: upstream's controller-runtime can only find the lease namespace in a pod
 * ("unable to find leader election namespace: not running in-cluster"), so leader election is off on
 * both sides (one process per controller, nothing to elect).
 */
export function commonControllerFlags(metricsPort: number, healthPort: number): string[] {
  return [
    `--metrics-addr=127.0.0.1:${metricsPort}`,
    `--health-addr=127.0.0.1:${healthPort}`,
    '--watch-all-namespaces=true',
    '--log-level=info',
    '--log-encoding=json',
  ];
}

/**
 * source-controller's storage flags: artifacts under `dir` (created here: upstream refuses a missing
 * --storage-path), served and advertised on loopback.
 */
export function storageFlags(dir: string, port: number): string[] {
  mkdirSync(dir, { recursive: true });
  return [`--storage-path=${dir}`, `--storage-addr=127.0.0.1:${port}`, `--storage-adv-addr=127.0.0.1:${port}`];
}
