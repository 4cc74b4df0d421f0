/**
 * One real control plane per test run: scripts/test.sh starts it once and exports SLUICE_TEST_CLUSTER_DIR;
 * a test file run on its own starts a private one and stops it when the process exits.
 */
import { mkdtempSync } from 'node:fs';
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

async function acquire(): Promise<TestCluster> {
  const shared = process.env.SLUICE_TEST_CLUSTER_DIR;
  let state: ClusterState | undefined;
  if (shared) {
    state = await readClusterState(shared);
    if (!state || !clusterRunning(state))
      throw new Error(`SLUICE_TEST_CLUSTER_DIR=${shared} has no running control plane`);
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-test-cp-'));
    state = await startCluster({ dir });
    // A private control plane dies with this test process: stop it synchronously at exit.
    const here = new URL('../../bin/sluice.js', import.meta.url).pathname;
    process.once('exit', () => {
      try {
        execFileSync(process.execPath, [here, 'dev', 'cluster', 'stop', '--dir', dir], { stdio: 'ignore' });
      } catch {
        // best effort: nothing else can be done while exiting
      }
    });
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
