import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { controlPlaneBinaries, readClusterState } from '../../runtime/controlplane/index.js';
import { createTestNamespace, getTestCluster, kubectl, kubectlJson, waitFor } from '../harness/index.js';

const run = promisify(execFile);
const sluice = fileURLToPath(new URL('../../bin/sluice.js', import.meta.url));
const env = { ...process.env, SLUICE_FROM_SOURCE: '1' };

/** Alive and not a zombie (a detached child whose parent exited may linger as one until reaped). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

test('dev cluster start/stop: a kubeconfig that works, a real version, and stop kills exactly its pids', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-devcluster-'));
  const started = await run(
    process.execPath,
    [sluice, 'dev', 'cluster', 'start', '--dir', dir, '--workload-controllers'],
    { env },
  );
  assert.equal(started.stdout.trim(), join(dir, 'kubeconfig'));
  assert.match(started.stderr, /control plane v1\.35\.\d+ ready at https:\/\/127\.0\.0\.1:\d+/);

  const kube = controlPlaneBinaries().kubectl;
  const version = JSON.parse(
    (await run(kube, ['--kubeconfig', join(dir, 'kubeconfig'), 'version', '-o', 'json'])).stdout,
  ) as {
    serverVersion: { gitVersion: string };
  };
  assert.match(version.serverVersion.gitVersion, /^v1\.35\.\d+$/, 'ldflags stamp the real version');

  // --workload-controllers: a replicas-0 Deployment gets its status from the real deployment controller.
  const kc = ['--kubeconfig', join(dir, 'kubeconfig')];
  const deploy = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'standin', namespace: 'default' },
    spec: {
      replicas: 0,
      selector: { matchLabels: { app: 'standin' } },
      template: {
        metadata: { labels: { app: 'standin' } },
        spec: { containers: [{ name: 'c', image: 'example.invalid/x:1' }] },
      },
    },
  };
  const applied = run(kube, [...kc, 'apply', '-f', '-']);
  applied.child.stdin?.end(JSON.stringify(deploy));
  await applied;
  await waitFor(
    async () => {
      const d = JSON.parse(
        (await run(kube, [...kc, 'get', 'deployment', 'standin', '-o', 'json'])).stdout,
      ) as {
        metadata: { generation: number };
        status?: { observedGeneration?: number; conditions?: Array<{ type: string; status: string }> };
      };
      return (
        d.status?.observedGeneration === d.metadata.generation &&
        d.status.conditions?.some((c) => c.type === 'Available' && c.status === 'True')
      );
    },
    { what: 'the deployment controller to mark the replicas-0 Deployment Available', timeoutMs: 60_000 },
  );

  const again = await run(process.execPath, [sluice, 'dev', 'cluster', 'start', '--dir', dir], { env });
  assert.match(again.stderr, /already running/, 'a second start reuses the running control plane');

  const state = await readClusterState(dir);
  assert.ok(state);
  assert.deepEqual(
    state.processes.map((p) => p.name),
    ['etcd', 'kube-apiserver', 'kube-controller-manager'],
  );
  const shared = await getTestCluster();

  const stopped = await run(process.execPath, [sluice, 'dev', 'cluster', 'stop', '--dir', dir], { env });
  assert.match(stopped.stderr, /stopped kube-controller-manager .*kube-apiserver .*etcd/);
  for (const p of state.processes) assert.equal(alive(p.pid), false, `${p.name} (pid ${p.pid}) stopped`);
  for (const p of shared.state.processes) assert.equal(alive(p.pid), true, `the shared ${p.name} still runs`);
  assert.ok(
    readFileSync(join(dir, 'logs', 'kube-apiserver.log'), 'utf8').length > 0,
    'logs are kept after stop',
  );
});

test('the shared control plane runs the garbage collector and namespace lifecycle', async () => {
  const ns = await createTestNamespace('gc');
  await kubectl(['-n', ns, 'create', 'configmap', 'owner']);
  const owner = await kubectlJson<{ metadata: { uid: string } }>(['-n', ns, 'get', 'configmap', 'owner']);
  const dependent = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'dependent',
      namespace: ns,
      ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid }],
    },
  };
  await kubectl(['apply', '-f', '-'], { input: JSON.stringify(dependent) });
  await kubectl(['-n', ns, 'delete', 'configmap', 'owner']);
  await waitFor(
    async () =>
      (await kubectl(['-n', ns, 'get', 'configmap', 'dependent', '--ignore-not-found'])).stdout === '',
    {
      what: 'the garbage collector to delete the dependent ConfigMap',
    },
  );
  await kubectl(['delete', 'namespace', ns, '--wait=true', '--timeout=60s']);
  const left = await kubectl(['get', 'namespace', ns, '--ignore-not-found']);
  assert.equal(left.stdout, '', 'the namespace is gone, not stuck Terminating');
});
