/**
 * `sluice build kustomization` (offline, --dry-run: inline substitution only) and `sluice diff
 * kustomization` against the real control plane: exit 0 when the cluster matches the build, 1 after a
 * change in DIR (drift, creation, inventory deletion), 2 on errors; Secret values are never printed.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { createTestNamespace, deleteTestNamespace, ensureCrds, getTestCluster } from '../harness/index.js';
import type { KubeClient, KubeObject } from '../../runtime/client/index.js';
import { runCli } from './run-cli.js';
import { testKube } from './support.js';

let dir: string;
let ns: string;
let kube: KubeClient;
let env: Record<string, string>;

const configMap = (ns: string, greeting: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  namespace: ${ns}\ndata:\n  greeting: ${greeting}\n  region: \${region:=eu}\n`;
const secret = (ns: string, password: string): string =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  namespace: ${ns}\nstringData:\n  password: ${password}\n`;
const ksFile = (ns: string, inventory = ''): string =>
  `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: app\n  namespace: ${ns}\n` +
  `spec:\n  interval: 1m\n  path: ./app\n  prune: true\n  sourceRef: {kind: GitRepository, name: repo}\n` +
  `  postBuild:\n    substitute:\n      who: world\n${inventory}`;

function write(rel: string, text: string): void {
  const p = join(dir, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sluice-build-diff-'));
  const cluster = await getTestCluster();
  await ensureCrds();
  kube = await testKube();
  ns = await createTestNamespace('build-diff');
  env = { KUBECONFIG: cluster.kubeconfigPath };
});

after(async () => {
  kube.close();
  await deleteTestNamespace(ns);
  rmSync(dir, { recursive: true, force: true });
});

test('build --dry-run renders the directory with inline substitution, owner labels and ignored paths left out', async () => {
  write('app/cm.yaml', configMap('demo', 'hello ${who}'));
  write('app/skip/x.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: skipped\n');
  write('ks.yaml', ksFile('flux-system'));
  const r = await runCli(['build', 'ks', 'app', '-n', 'flux-system', '--path', join(dir, 'app'), '--kustomization-file', join(dir, 'ks.yaml'), '--dry-run', '--ignore-paths', 'skip/']);
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  assert.equal(
    r.stdout,
    '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  namespace: demo\n  labels:\n' +
      '    kustomize.toolkit.fluxcd.io/name: app\n    kustomize.toolkit.fluxcd.io/namespace: flux-system\n' +
      'data:\n  greeting: hello world\n  region: eu\n',
  );
  rmSync(join(dir, 'app'), { recursive: true });
});

test('build --strict-substitute fails on a variable without a value; --dry-run without a file is refused', async () => {
  write('app/cm.yaml', configMap('demo', 'hello ${nobody}'));
  const strict = await runCli(['build', 'ks', 'app', '-n', 'flux-system', '--path', join(dir, 'app'), '--kustomization-file', join(dir, 'ks.yaml'), '--dry-run', '--strict-substitute']);
  assert.equal(strict.code, 1);
  assert.match(strict.stderr, /variable not set \(strict mode\): "nobody"/);
  const noFile = await runCli(['build', 'ks', 'app', '--path', join(dir, 'app'), '--dry-run']);
  assert.equal(noFile.code, 1);
  assert.match(noFile.stderr, /--kustomization-file/);
  rmSync(join(dir, 'app'), { recursive: true });
});

async function applyBuild(): Promise<void> {
  const r = await runCli(['build', 'ks', 'app', '-n', ns, '--path', join(dir, 'app'), '--kustomization-file', join(dir, 'ks.yaml')], env);
  assert.equal(r.code, 0, r.stderr);
  for (const doc of parseAllDocuments(r.stdout)) {
    await kube.apply(doc.toJS() as KubeObject, { fieldManager: 'kustomize-controller', force: true });
  }
}

const diff = (): ReturnType<typeof runCli> =>
  runCli(['diff', 'ks', 'app', '-n', ns, '--path', join(dir, 'app'), '--kustomization-file', join(dir, 'ks.yaml'), '--progress-bar=false'], env);

test('diff exits 1 listing created objects, 0 once the cluster matches, 1 with the changed fields after a change in DIR', async () => {
  write('app/cm.yaml', configMap(ns, 'hello ${who}'));
  write('app/secret.yaml', secret(ns, 'first-pa55'));
  write('ks.yaml', ksFile(ns));

  const first = await diff();
  assert.equal(first.code, 1, first.stderr);
  assert.equal(first.stdout, `► ConfigMap/${ns}/app created\n► Secret/${ns}/creds created\n`);

  await applyBuild();
  const clean = await diff();
  assert.equal(clean.stderr, '');
  assert.equal(clean.stdout, '');
  assert.equal(clean.code, 0);

  write('app/cm.yaml', configMap(ns, 'goodbye ${who}'));
  write('app/secret.yaml', secret(ns, 'second-pa55'));
  const changed = await diff();
  assert.equal(changed.code, 1, changed.stderr);
  assert.match(changed.stdout, new RegExp(`► ConfigMap/${ns}/app drifted\n\ndata\\.greeting\n  ± value change\n    - hello world\n    \\+ goodbye world\n`));
  assert.match(changed.stdout, new RegExp(`► Secret/${ns}/creds drifted\n\ndata\\.password\n  ± value change\n    - "\\*\\*\\* \\(before\\)"\n    \\+ "\\*\\*\\* \\(after\\)"\n`));
  for (const out of [first, clean, changed]) {
    for (const s of ['first-pa55', 'second-pa55', Buffer.from('first-pa55').toString('base64'), Buffer.from('second-pa55').toString('base64')]) {
      assert.ok(!out.stdout.includes(s) && !out.stderr.includes(s), 'a Secret value was printed');
    }
  }
});

test('diff reports inventory objects that are no longer built as deleted, and exits 2 on errors', async () => {
  write('app/cm.yaml', configMap(ns, 'hello ${who}'));
  write('app/secret.yaml', secret(ns, 'first-pa55'));
  write('ks.yaml', ksFile(ns, `status:\n  inventory:\n    entries:\n      - {id: ${ns}_app__ConfigMap, v: v1}\n      - {id: ${ns}_old__ConfigMap, v: v1}\n`));
  await applyBuild();
  const r = await diff();
  assert.equal(r.stdout, `► ConfigMap/${ns}/old deleted\n`);
  assert.equal(r.code, 1);

  const missing = await runCli(['diff', 'ks', 'app', '-n', ns, '--path', join(dir, 'nowhere'), '--kustomization-file', join(dir, 'ks.yaml')], env);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /invalid resource path/);
});

test('build reads substituteFrom ConfigMaps and Secrets from the cluster, skips optional missing ones, fails on required ones', async () => {
  await kube.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'vars', namespace: ns }, data: { who: 'cluster', region: 'us' } });
  await kube.apply({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'secret-vars', namespace: ns }, data: { who: Buffer.from('secret').toString('base64') } });
  write('app/cm.yaml', configMap('demo', 'hello ${who}'));
  rmSync(join(dir, 'app/secret.yaml'), { force: true });
  const from = (refs: string): string =>
    `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: vars\n  namespace: ${ns}\n` +
    `spec:\n  interval: 1m\n  path: ./app\n  sourceRef: {kind: GitRepository, name: repo}\n  postBuild:\n    substituteFrom:\n${refs}`;
  const cases = [
    { refs: '      - {kind: ConfigMap, name: vars}\n', code: 0, greeting: 'hello cluster', region: 'us' },
    { refs: '      - {kind: ConfigMap, name: vars}\n      - {kind: Secret, name: secret-vars}\n', code: 0, greeting: 'hello secret', region: 'us' },
    { refs: '      - {kind: ConfigMap, name: vars}\n      - {kind: Secret, name: absent, optional: true}\n', code: 0, greeting: 'hello cluster', region: 'us' },
    { refs: '      - {kind: Secret, name: absent}\n', code: 1, error: /substitute from 'Secret\/absent' error/ },
  ];
  for (const c of cases) {
    write('vars.yaml', from(c.refs));
    const r = await runCli(['build', 'ks', 'vars', '-n', ns, '--path', join(dir, 'app'), '--kustomization-file', join(dir, 'vars.yaml')], env);
    assert.equal(r.code, c.code, r.stderr);
    if (c.error) {
      assert.match(r.stderr, c.error);
      continue;
    }
    const doc = parseAllDocuments(r.stdout)[0]?.toJS() as { data: Record<string, string> };
    assert.deepEqual(doc.data, { greeting: c.greeting, region: c.region });
  }
});

test('build masks the values of a SOPS-encrypted Secret and drops its sops metadata', async () => {
  rmSync(join(dir, 'app'), { recursive: true, force: true });
  write(
    'app/enc.yaml',
    'apiVersion: v1\nkind: Secret\nmetadata:\n  name: enc\n  namespace: demo\ndata:\n  token: RU5DW0FFUzI1Nl9HQ00sZGF0YTp4XQ==\n' +
      'sops:\n  mac: ENC[AES256_GCM,data:abc]\n  version: 3.11.0\n',
  );
  write('ks.yaml', ksFile('flux-system'));
  const r = await runCli(['build', 'ks', 'app', '-n', 'flux-system', '--path', join(dir, 'app'), '--kustomization-file', join(dir, 'ks.yaml'), '--dry-run']);
  assert.equal(r.code, 0, r.stderr);
  const doc = parseAllDocuments(r.stdout)[0]?.toJS() as Record<string, unknown>;
  assert.deepEqual(doc['data'], { token: Buffer.from('**SOPS**').toString('base64') });
  assert.equal(doc['sops'], undefined);
});

test('diff without --kustomization-file uses the live Kustomization, its spec overrides and its inventory', async () => {
  rmSync(join(dir, 'app'), { recursive: true, force: true });
  write('app/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  greeting: hi\n');
  await kube.apply({
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name: 'live', namespace: ns },
    spec: { interval: '1m', path: './app', prune: true, targetNamespace: ns, namePrefix: 'live-', sourceRef: { kind: 'GitRepository', name: 'repo' } },
  });
  await kube.patchStatus({ apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', namespace: ns, name: 'live' }, 'merge', {
    status: { inventory: { entries: [{ id: `${ns}_live-app__ConfigMap`, v: 'v1' }, { id: `${ns}_live-gone__ConfigMap`, v: 'v1' }] } },
  });
  const r = await runCli(['diff', 'ks', 'live', '-n', ns, '--path', join(dir, 'app')], env);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, `► ConfigMap/${ns}/live-app created\n► ConfigMap/${ns}/live-gone deleted\n`);
  assert.equal(r.code, 1);
});
