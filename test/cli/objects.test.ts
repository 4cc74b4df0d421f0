import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createTestNamespace, ensureCrds, getTestCluster, kubectl, kubectlJson } from '../harness/index.js';

const run = promisify(execFile);
const sluiceBin = fileURLToPath(new URL('../../bin/sluice.js', import.meta.url));

async function sluice(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const c = await getTestCluster();
  try {
    const r = await run(process.execPath, [sluiceBin, '--kubeconfig', c.kubeconfigPath, ...args], {
      env: { ...process.env, SLUICE_FROM_SOURCE: '1', NO_COLOR: '1' },
    });
    return { ...r, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

const sha = '0123456789abcdef0123456789abcdef01234567';
let ns = '';

async function applyWithStatus(obj: Record<string, unknown>, status: Record<string, unknown>): Promise<void> {
  await kubectl(['apply', '--server-side', '-f', '-'], { input: JSON.stringify(obj) });
  const md = obj.metadata as { name: string };
  const kind = (obj.kind as string).toLowerCase();
  const group = (obj.apiVersion as string).split('/')[0];
  const current = await kubectlJson<{ metadata: { generation: number } }>([
    '-n',
    ns,
    'get',
    `${kind}.${group}`,
    md.name,
  ]);
  await kubectl([
    '-n',
    ns,
    'patch',
    `${kind}.${group}`,
    md.name,
    '--subresource=status',
    '--type=merge',
    '-p',
    JSON.stringify({ status: { observedGeneration: current.metadata.generation, ...status } }),
  ]);
}

const readyCond = (status: string, reason: string, message: string): Record<string, unknown> => ({
  type: 'Ready',
  status,
  reason,
  message,
  lastTransitionTime: '2026-11-25T00:00:00Z',
});

before(async () => {
  await ensureCrds();
  ns = await createTestNamespace('cli-get');
  await applyWithStatus(
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'flux-system', namespace: ns },
      spec: { interval: '1m', url: 'http://127.0.0.1:1/repo.git', ref: { branch: 'main' } },
    },
    {
      artifact: {
        revision: `main@sha1:${sha}`,
        digest: 'sha256:' + 'a'.repeat(64),
        path: 'x',
        url: 'http://x',
        lastUpdateTime: '2026-11-25T00:00:00Z',
      },
      conditions: [readyCond('True', 'Succeeded', `stored artifact for revision 'main@sha1:${sha}'`)],
    },
  );
  await applyWithStatus(
    {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'apps', namespace: ns },
      spec: {
        interval: '10m',
        path: './apps',
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      },
    },
    { conditions: [readyCond('False', 'BuildFailed', 'kustomize build failed: missing resource')] },
  );
});

test('get sources git prints flux columns with the revision hash shortened to 8', async () => {
  const r = await sluice(['get', 'sources', 'git', '-n', ns]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    r.stdout,
    'NAME       \tREVISION          \tSUSPENDED\tREADY\tMESSAGE                                           \n' +
      "flux-system\tmain@sha1:01234567\tFalse    \tTrue \tstored artifact for revision 'main@sha1:01234567'\t\n",
  );
});

test('get all -A prefixes names with the kind and puts NAMESPACE first, one table per kind', async () => {
  const r = await sluice(['get', 'all', '-A']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.match(lines[0]!, /^NAMESPACE\s*\tNAME\s*\tREVISION\s*\tSUSPENDED\tREADY\tMESSAGE/);
  assert.ok(lines.some((l) => l.startsWith(ns) && l.includes('gitrepository/flux-system')));
  assert.ok(
    lines.some(
      (l) =>
        l.startsWith(ns) &&
        l.includes('kustomization/apps') &&
        l.includes('BuildFailed') === false &&
        l.includes('kustomize build failed'),
    ),
  );
});

test('--status-selector ready=false keeps only the failing objects', async () => {
  const r = await sluice(['get', 'all', '-n', ns, '--status-selector', 'ready=false']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /kustomization\/apps/);
  assert.doesNotMatch(r.stdout, /gitrepository\/flux-system/);
});

test('get -o json prints the objects as a List', async () => {
  const r = await sluice(['get', 'ks', '-n', ns, '-o', 'json']);
  const list = JSON.parse(r.stdout) as { kind: string; items: Array<{ metadata: { name: string } }> };
  assert.equal(list.kind, 'List');
  assert.deepEqual(
    list.items.map((i) => i.metadata.name),
    ['apps'],
  );
});

test('suspend sets spec.suspend, get shows SUSPENDED True, and reconcile refuses a suspended object', async () => {
  const s = await sluice(['suspend', 'kustomization', 'apps', '-n', ns]);
  assert.equal(s.code, 0, s.stderr);
  assert.match(
    s.stderr,
    new RegExp(`► suspending kustomization apps in ${ns} namespace\\n✔ kustomization suspended`),
  );
  const g = await sluice(['get', 'ks', 'apps', '-n', ns, '--no-header']);
  assert.match(g.stdout, /^apps\s*\t\s*\tTrue\s*\tFalse/);
  const r = await sluice(['reconcile', 'ks', 'apps', '-n', ns]);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /✗ resource is suspended/);
});

test('export prints clean YAML: apiVersion, kind, metadata and spec, no status', async () => {
  const r = await sluice(['export', 'source', 'git', 'flux-system', '-n', ns]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    r.stdout,
    `---\napiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: flux-system\n  namespace: ${ns}\nspec:\n  interval: 1m\n  ref:\n    branch: main\n  timeout: 60s\n  url: http://127.0.0.1:1/repo.git\n`,
  );
});

test('get of a missing object says which and where', async () => {
  const r = await sluice(['get', 'ks', 'nope', '-n', ns]);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, new RegExp(`Kustomization object 'nope' not found in "${ns}" namespace`));
});
