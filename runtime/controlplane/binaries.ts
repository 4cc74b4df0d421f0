/**
 * Where the control-plane binaries built by scripts/build-control-plane.sh live: a cache outside the work
 * tree, keyed by version, so a fresh clone on the same machine reuses a previous build.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const kubeVersion = process.env.SLUICE_KUBE_VERSION ?? 'v1.35.4';
export const etcdVersion = process.env.SLUICE_ETCD_VERSION ?? 'v3.6.16';

export function sluiceCacheDir(): string {
  return process.env.SLUICE_CACHE ?? join(homedir(), '.cache', 'sluice');
}

export interface ControlPlaneBinaries {
  readonly etcd: string;
  readonly kubeApiserver: string;
  readonly kubeControllerManager: string;
  readonly kubectl: string;
}

export class MissingBinaryError extends Error {
  readonly reason = 'MissingBinary';
}

/** Resolves the binaries, failing with what to run when one is missing. */
export function controlPlaneBinaries(): ControlPlaneBinaries {
  const cache = sluiceCacheDir();
  const kube = join(cache, 'bin', `kube-${kubeVersion}`);
  const bins: ControlPlaneBinaries = {
    etcd: join(cache, 'bin', `etcd-${etcdVersion}`, 'etcd'),
    kubeApiserver: join(kube, 'kube-apiserver'),
    kubeControllerManager: join(kube, 'kube-controller-manager'),
    kubectl: join(kube, 'kubectl'),
  };
  for (const p of Object.values(bins)) {
    if (!existsSync(p)) {
      throw new MissingBinaryError(
        `control-plane binary ${p} is missing: run 'npm run setup' (or scripts/build-control-plane.sh) first`,
      );
    }
  }
  return bins;
}
