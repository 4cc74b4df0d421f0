/**
 * The upstream kustomize-controller v1.7.3 binary (scripts/build-flux-upstream.sh, cached under
 * SLUICE_CACHE) run as a local process against the test control plane, watching only one namespace,
 * so a test can compare what Flux writes with what Sluice writes for the same objects.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { upstreamBinary } from '../../bench/harness/upstream.js';
import { freePort } from '../../runtime/controlplane/ports.js';

export const fluxKustomizeBinary = upstreamBinary('kustomize');

/** A `skip` value for node:test: the reason when the binary is missing (unless oracles are required). */
export const skipWithoutFlux: string | false =
  !existsSync(fluxKustomizeBinary) && !process.env.SLUICE_REQUIRE_ORACLES
    ? `upstream kustomize-controller not built at ${fluxKustomizeBinary} (run scripts/build-flux-upstream.sh)`
    : false;

export interface RunningFlux {
  /** The last lines of its log (JSON lines), for failure messages. */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

/**
 * Starts kustomize-controller with RUNTIME_NAMESPACE=`namespace` and --watch-all-namespaces=false,
 * no leader election, metrics/health on loopback; its log and temp files go to `dir`.
 */
export async function startFlux(
  kubeconfig: string,
  namespace: string,
  dir: string,
  extraArgs: readonly string[] = [],
): Promise<RunningFlux> {
  const [metrics, health] = [await freePort(), await freePort()];
  const logPath = join(dir, 'kustomize-controller.log');
  const log = openSync(logPath, 'a');
  const child = spawn(
    fluxKustomizeBinary,
    [
      `--metrics-addr=127.0.0.1:${metrics}`,
      `--health-addr=127.0.0.1:${health}`,
      '--watch-all-namespaces=false',
      '--enable-leader-election=false',
      '--log-encoding=json',
      ...extraArgs,
    ],
    {
      env: { ...process.env, KUBECONFIG: kubeconfig, RUNTIME_NAMESPACE: namespace, TMPDIR: dir },
      stdio: ['ignore', log, log],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    logTail: (lines = 10) => readFileSync(logPath, 'utf8').split('\n').slice(-lines).join('\n'),
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
      await exited;
      closeSync(log);
    },
  };
}
