/**
 * One real control plane per test run: scripts/test.sh starts it once and exports SLUICE_TEST_CLUSTER_DIR;
 * a test file run on its own starts a private one and stops it when the process exits.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  clusterRunning,
  controlPlaneBinaries,
  readClusterState,
  startCluster,
  type ClusterState,
} from '../../runtime/controlplane/index.js';

export interface TestCluster {
  readonly dir: string;
  readonly server: string;
  readonly kubeconfigPath: string;
  readonly kubectlPath: string;
  readonly state: ClusterState;
}

let pending: Promise<TestCluster> | undefined;

const privatePrefix = 'sluice-test-cp-';
const ownerFile = 'owner.json';
const here = new URL('../../bin/sluice.js', import.meta.url).pathname;

function stopSync(dir: string): void {
  try {
    execFileSync(process.execPath, [here, 'dev', 'cluster', 'stop', '--dir', dir], { stdio: 'ignore' });
  } catch {
    // best effort: nothing else can be done while exiting
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops private control planes whose test process died without cleaning up (killed by a timeout or a
 * signal), so they do not pile up on a 2-core machine.
 */
function reapOrphans(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(privatePrefix)) continue;
    const dir = join(tmpdir(), name);
    try {
      const { pid } = JSON.parse(readFileSync(join(dir, ownerFile), 'utf8')) as { pid: number };
      if (pidAlive(pid)) continue;
      stopSync(dir);
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // no owner file (yet): not ours to judge
    }
  }
}

async function acquire(): Promise<TestCluster> {
  const shared = process.env.SLUICE_TEST_CLUSTER_DIR;
  let state: ClusterState | undefined;
  if (shared) {
    state = await readClusterState(shared);
    if (!state || !clusterRunning(state))
      throw new Error(`SLUICE_TEST_CLUSTER_DIR=${shared} has no running control plane`);
  } else {
    reapOrphans();
    const dir = mkdtempSync(join(tmpdir(), privatePrefix));
    writeFileSync(join(dir, ownerFile), JSON.stringify({ pid: process.pid }));
    // A private control plane dies with this test process: stop it synchronously at exit or on a signal.
    process.once('exit', () => stopSync(dir));
    for (const sig of ['SIGINT', 'SIGTERM'] as const) {
      process.once(sig, () => {
        stopSync(dir);
        process.exit(sig === 'SIGINT' ? 130 : 143);
      });
    }
    state = await startCluster({ dir });
  }
  return {
    dir: state.dir,
    server: state.server,
    kubeconfigPath: state.kubeconfig,
    kubectlPath: controlPlaneBinaries().kubectl,
    state,
  };
}

/** The shared control plane of this test run (memoised per process). */
export function getTestCluster(): Promise<TestCluster> {
  pending ??= acquire();
  return pending;
}
