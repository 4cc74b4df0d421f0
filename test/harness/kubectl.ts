import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { getTestCluster } from './cluster.js';

const run = promisify(execFile);

export interface KubectlResult {
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real kubectl (built with the control plane) against the test cluster. Tests only. */
export async function kubectl(
  args: readonly string[],
  opts: { input?: string } = {},
): Promise<KubectlResult> {
  const c = await getTestCluster();
  const p = run(c.kubectlPath, ['--kubeconfig', c.kubeconfigPath, ...args], { maxBuffer: 64 * 1024 * 1024 });
  if (opts.input !== undefined) {
    p.child.stdin?.end(opts.input);
  }
  const { stdout, stderr } = await p;
  return { stdout, stderr };
}

/** kubectl … -o json, parsed. */
export async function kubectlJson<T = Record<string, unknown>>(args: readonly string[]): Promise<T> {
  const { stdout } = await kubectl([...args, '-o', 'json']);
  return JSON.parse(stdout) as T;
}
