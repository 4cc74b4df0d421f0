/**
 * `sluice bootstrap git` over ssh: a throwaway key authorised on Debian's sshd (loopback), the host
 * key learnt with ssh-keyscan into the flux-system Secret, and the in-cluster GitRepository fetching
 * over ssh with that Secret until the sync Kustomization is Ready. The key never reaches the output.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createRepoRoot,
  gitSync,
  haveSshd,
  startSshServer,
  TestRepo,
  type SshServer,
} from '../fixtures/git/index.js';
import { createTestNamespace, getTestCluster } from '../harness/index.js';
import type { KubeClient } from '../../runtime/client/index.js';
import { runCli } from './run-cli.js';
import {
  cleanupNamespace,
  markDeploymentsAvailable,
  startControllers,
  testKube,
  type RunningControllers,
} from './support.js';

let ns: string;
let kube: KubeClient;
let ssh: SshServer;
let repo: TestRepo;
let controllers: RunningControllers;
let deployments: { stop(): void };
let keyDir: string;
let env: Record<string, string>;

before(async () => {
  assert.ok(haveSshd(), 'openssh-server is installed by scripts/setup.sh');
  const cluster = await getTestCluster();
  kube = await testKube();
  ns = await createTestNamespace('bootstrap-ssh');
  repo = new TestRepo(createRepoRoot(), 'fleet');
  repo.commit({
    'clusters/dev/app.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  namespace: ${ns}\ndata:\n  via: ssh\n`,
  });
  ssh = await startSshServer();
  keyDir = mkdtempSync(join(tmpdir(), 'sluice-bootstrap-key-'));
  writeFileSync(join(keyDir, 'id_ed25519'), ssh.identity, { mode: 0o600 });
  controllers = await startControllers(ns);
  deployments = markDeploymentsAvailable(kube, ns);
  env = { KUBECONFIG: cluster.kubeconfigPath };
});

after(async () => {
  deployments.stop();
  await controllers.stop();
  await cleanupNamespace(kube, ns);
  await ssh.close();
  repo.remove();
  rmSync(keyDir, { recursive: true, force: true });
  kube.close();
});

const commits = (): number => Number(gitSync(repo.bare, ['rev-list', '--count', 'main']).trim());

test('bootstrap git over ssh pushes the flux layout and the cluster syncs over ssh with the generated Secret', async () => {
  const url = `${ssh.baseURL}${repo.bare}`;
  const before = commits();
  const r = await runCli(
    [
      'bootstrap',
      'git',
      `--url=${url}`,
      '--branch=main',
      '--path=clusters/dev',
      `--private-key-file=${join(keyDir, 'id_ed25519')}`,
      '--components-extra=',
      '-n',
      ns,
      '--timeout=3m',
    ],
    env,
  );
  assert.equal(r.code, 0, r.stderr);
  assert.equal(commits(), before + 2, 'one commit for the components, one for the sync manifests');
  assert.match(
    gitSync(repo.bare, ['show', `main:clusters/dev/${ns}/gotk-sync.yaml`]),
    new RegExp(`url: ${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
  );
  assert.ok(r.stderr.includes('✔ Kustomization reconciled successfully'), r.stderr);
  const keyBody = ssh.identity.split('\n').filter((l) => l && !l.startsWith('-----'))[1] ?? 'x';
  assert.ok(
    !r.stderr.includes(keyBody) && !r.stdout.includes(keyBody),
    'the private key never reaches the output',
  );

  const secret = await kube.get({ apiVersion: 'v1', kind: 'Secret', namespace: ns, name: 'flux-system' });
  const data = (secret as { data?: Record<string, string> }).data ?? {};
  assert.equal(Buffer.from(data.identity ?? '', 'base64').toString(), ssh.identity);
  assert.match(
    Buffer.from(data.known_hosts ?? '', 'base64').toString(),
    new RegExp(`\\[127\\.0\\.0\\.1\\]:${ssh.port} ssh-`),
  );
  const cm = await kube.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'app' });
  assert.equal(
    (cm as { data?: Record<string, string> }).data?.via,
    'ssh',
    'the repository content was applied through the ssh source',
  );

  const again = await runCli(
    [
      'bootstrap',
      'git',
      `--url=${url}`,
      '--branch=main',
      '--path=clusters/dev',
      `--private-key-file=${join(keyDir, 'id_ed25519')}`,
      '--components-extra=',
      '-n',
      ns,
      '--timeout=3m',
    ],
    env,
  );
  assert.equal(again.code, 0, again.stderr);
  assert.equal(commits(), before + 2, 'a second run over ssh makes no commit');
});
