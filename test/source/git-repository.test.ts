import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, rm, mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchArtifact } from '../../runtime/artifact/index.js';
import { checkStatus } from '../../runtime/conditions/index.js';
import { readySummary } from '../../controllers/source/git-repository/reconciler.js';
import {
  TestRepo,
  createGpgSigner,
  createRepoRoot,
  createTestPKI,
  haveSshd,
  startConnectProxy,
  startGitHttpServer,
  startSshServer,
} from '../fixtures/git/index.js';
import type { ConnectProxy, GitHttpServer, SshServer } from '../fixtures/git/index.js';
import { createTestNamespace, waitFor } from '../harness/index.js';
import { startSourceEnv } from './env.js';
import type { GitRepo, SourceEnv } from './env.js';

const password = 'pw-Zq81-secret';
const token = 'tok-Hn27-secret';
const proxyPassword = 'proxy-Kw63-secret';
const wrongProxyPassword = 'wrong-Proxy-7781';
const root = createRepoRoot();
const app = new TestRepo(root, 'app');
const lib = new TestRepo(root, 'lib');
const big = new TestRepo(root, 'big');
const signer = createGpgSigner();
const stranger = createGpgSigner('Stranger');
const pki = createTestPKI();
let env: SourceEnv;
let ns = '';
let http: GitHttpServer;
let basic: GitHttpServer;
let bearer: GitHttpServer;
let https: GitHttpServer;
let ssh: SshServer | undefined;
let proxy: ConnectProxy;
let head = '';
const tmpDirs: string[] = [];

const api = 'source.toolkit.fluxcd.io/v1';

async function create(
  name: string,
  spec: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await env.kube.create({
    apiVersion: api,
    kind: 'GitRepository',
    metadata: { name, namespace: ns, ...extra },
    spec: { interval: '10m', ...spec },
  });
}

async function get(name: string): Promise<GitRepo> {
  return env.kube.get<GitRepo>({ apiVersion: api, kind: 'GitRepository', namespace: ns, name });
}

function cond(o: GitRepo, type: string): { status: string; reason: string; message: string } | undefined {
  return o.status?.conditions?.find((c) => c.type === type) as
    { status: string; reason: string; message: string } | undefined;
}

/** Waits until `pred` holds on the object, returns it. */
async function until(
  name: string,
  pred: (o: GitRepo) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<GitRepo> {
  return waitFor(
    async () => {
      const o = await get(name);
      return pred(o) ? o : undefined;
    },
    { timeoutMs, what: `${name}: ${what}` },
  );
}

const readyIs =
  (status: string, reason?: string) =>
  (o: GitRepo): boolean => {
    const r = cond(o, 'Ready');
    return (
      r?.status === status &&
      (reason === undefined || r.reason === reason) &&
      o.status?.observedGeneration === o.metadata.generation
    );
  };
const failedWith =
  (type: string, reason: string) =>
  (o: GitRepo): boolean =>
    cond(o, type)?.status === 'True' &&
    cond(o, type)?.reason === reason &&
    cond(o, 'Ready')?.status === 'False';

function assertInvariants(o: GitRepo): void {
  const summary = {
    ...readySummary,
  };
  assert.deepEqual(checkStatus(o as never, { summary }), [], JSON.stringify(o.status?.conditions));
}

async function setSecret(name: string, data: Record<string, string>): Promise<void> {
  const body = { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: ns }, stringData: data };
  await env.kube.apply(body as never, { fieldManager: 'test', force: true });
}

async function annotate(name: string): Promise<void> {
  await env.kube.patch({ apiVersion: api, kind: 'GitRepository', namespace: ns, name }, 'merge', {
    metadata: {
      annotations: { 'reconcile.fluxcd.io/requestedAt': new Date().toISOString() + Math.random() },
    },
  });
}

async function extracted(o: GitRepo): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'sluice-src-test-'));
  tmpDirs.push(d);
  const a = o.status?.artifact;
  assert.ok(a);
  await fetchArtifact({ url: a.url, digest: a.digest ?? '' }, d, { retries: 0 });
  return d;
}

before(async () => {
  head = app.commit(
    {
      'deploy/app.yaml': 'kind: ConfigMap\n',
      'deploy/logo.png': 'png',
      'staging/x.yaml': 'x',
      '.sourceignore': '# nothing special\n*.md\n',
      'README.md': 'docs',
    },
    'Add the application manifests and a commit subject longer than fifty characters',
    { sign: signer },
  );
  app.tag('v1.0.0', { sign: signer });
  app.tag('v1.1.0');
  app.pushRef('refs/pull/3/head');
  lib.commit({ 'base/lib.yaml': 'kind: Lib\n', 'other/no.yaml': 'no' }, 'lib');
  big.commit({ 'blob.bin': 'x'.repeat(300_000) }, 'big');
  http = await startGitHttpServer({ root });
  basic = await startGitHttpServer({ root, auth: { kind: 'basic', username: 'alice', password } });
  bearer = await startGitHttpServer({ root, auth: { kind: 'bearer', token } });
  https = await startGitHttpServer({ root, tls: { cert: pki.serverCert, key: pki.serverKey } });
  proxy = await startConnectProxy({ username: 'proxy-user', password: proxyPassword });
  if (haveSshd()) ssh = await startSshServer();
  env = await startSourceEnv({ gitMaxBytes: 200_000 });
  ns = await createTestNamespace('source-git');
});

after(async () => {
  await env?.stop();
  await Promise.all([http, basic, bearer, https, proxy].map((s) => s?.close()));
  await ssh?.close();
  for (const d of tmpDirs) await rm(d, { recursive: true, force: true });
  await rm(root, { recursive: true, force: true });
  for (const r of [app, lib, big]) r.remove();
  signer.remove();
  stranger.remove();
});

describe('GitRepository', () => {
  it('a branch over HTTP makes Ready=True with a served, reproducible artifact and a NewArtifact event', async () => {
    await create('branch', { url: `${http.url}/app.git`, ref: { branch: 'main' } });
    const o = await until('branch', readyIs('True', 'Succeeded'), 'Ready');
    const a = o.status?.artifact;
    assert.equal(a?.revision, `main@sha1:${head}`);
    assert.match(a?.digest ?? '', /^sha256:[0-9a-f]{64}$/);
    assert.equal(a?.path, `gitrepository/${ns}/branch/${head}.tar.gz`);
    assert.equal(a?.url, `http://${env.storageAddr}/gitrepository/${ns}/branch/${head}.tar.gz`);
    assert.equal(cond(o, 'Ready')?.message, `stored artifact for revision 'main@sha1:${head}'`);
    assert.equal(cond(o, 'ArtifactInStorage')?.status, 'True');
    assert.ok(o.metadata.finalizers?.includes('finalizers.fluxcd.io'));
    const d = await extracted(o);
    // .sourceignore replaces the defaults: *.md excluded, png kept, .git never archived
    assert.deepEqual((await readdir(d)).sort(), ['.sourceignore', 'deploy', 'staging']);
    assert.deepEqual((await readdir(join(d, 'deploy'))).sort(), ['app.yaml', 'logo.png']);
    const events = await env.kube.list('v1', 'Event', { namespace: ns });
    const ev = events.items.find(
      (e) =>
        (e as { involvedObject?: { name?: string } }).involvedObject?.name === 'branch' &&
        e.reason === 'NewArtifact',
    ) as { message?: string; metadata: { annotations?: Record<string, string> } } | undefined;
    assert.equal(
      ev?.message,
      `stored artifact for commit 'Add the application manifests and a commit subject...'`,
    );
    assert.equal(ev?.metadata.annotations?.['source.toolkit.fluxcd.io/revision'], `main@sha1:${head}`);
    assertInvariants(o);
  });

  it('an unchanged remote revision costs no clone: requestedAt is handled with ls-remote only', async () => {
    const before = http.requests.get('git-upload-pack') ?? 0;
    const o0 = await get('branch');
    await annotate('branch');
    const o = await until(
      'branch',
      (x) => x.status?.lastHandledReconcileAt === x.metadata.annotations?.['reconcile.fluxcd.io/requestedAt'],
      'lastHandledReconcileAt',
    );
    assert.equal((http.requests.get('git-upload-pack') ?? 0) - before, 1);
    assert.equal(o.status?.artifact?.digest, o0.status?.artifact?.digest);
    assert.equal(cond(o, 'Ready')?.status, 'True');
    assertInvariants(o);
  });

  const refs: ReadonlyArray<{ name: string; ref: Record<string, string>; revision: () => string }> = [
    { name: 'tag', ref: { tag: 'v1.1.0' }, revision: () => `v1.1.0@sha1:${head}` },
    { name: 'semver', ref: { semver: '>=1.0.0' }, revision: () => `v1.1.0@sha1:${head}` },
    { name: 'refname', ref: { name: 'refs/pull/3/head' }, revision: () => `refs/pull/3/head@sha1:${head}` },
    { name: 'commit', ref: { commit: head }, revision: () => `sha1:${head}` },
    { name: 'commit-branch', ref: { commit: head, branch: 'main' }, revision: () => `main@sha1:${head}` },
  ];
  for (const r of refs) {
    it(`ref ${JSON.stringify(r.ref).replace(head, '<head>')} gives revision ${r.revision().replace(head, '<hash>')}`, async () => {
      await create(`ref-${r.name}`, { url: `${http.url}/app.git`, ref: r.ref });
      const o = await until(`ref-${r.name}`, readyIs('True'), 'Ready');
      assert.equal(o.status?.artifact?.revision, r.revision());
      assertInvariants(o);
    });
  }

  it('a wrong password gives FetchFailed without the password, keeps the artifact, and recovers when the Secret is fixed', async () => {
    await setSecret('basic-auth', { username: 'alice', password });
    await create('basic', {
      url: `${basic.url}/app.git`,
      ref: { branch: 'main' },
      secretRef: { name: 'basic-auth' },
    });
    const ok = await until('basic', readyIs('True'), 'Ready');
    await setSecret('basic-auth', { username: 'alice', password: 'wrong-Pw-0099' });
    app.commit({ 'deploy/new.yaml': 'n' }, 'second');
    head = app.head();
    await annotate('basic');
    const bad = await until('basic', failedWith('FetchFailed', 'GitOperationFailed'), 'FetchFailed');
    assert.match(cond(bad, 'FetchFailed')?.message ?? '', /^failed to checkout and determine revision: /);
    assert.ok(!JSON.stringify(bad).includes('wrong-Pw-0099'));
    assert.equal(bad.status?.artifact?.digest, ok.status?.artifact?.digest);
    assertInvariants(bad);
    await setSecret('basic-auth', { username: 'alice', password });
    const fixed = await until(
      'basic',
      (o) => readyIs('True')(o) && o.status?.artifact?.revision === `main@sha1:${head}`,
      'recovery',
    );
    assertInvariants(fixed);
  });

  it('bearer token auth and HTTPS with a CA from the Secret work', async () => {
    await setSecret('bearer', { bearerToken: token });
    await setSecret('ca', { 'ca.crt': pki.caCert });
    await create('bearer', {
      url: `${bearer.url}/app.git`,
      secretRef: { name: 'bearer' },
      ref: { branch: 'main' },
    });
    await create('https', {
      url: `${https.url}/app.git`,
      secretRef: { name: 'ca' },
      ref: { branch: 'main' },
    });
    for (const n of ['bearer', 'https']) assertInvariants(await until(n, readyIs('True'), 'Ready'));
  });

  it('proxySecretRef tunnels git through the CONNECT proxy; a wrong proxy password fails without leaking it and recovers', async () => {
    await setSecret('ca', { 'ca.crt': pki.caCert });
    await setSecret('proxy', { address: proxy.url, username: 'proxy-user', password: proxyPassword });
    await setSecret('proxy-bad', { address: proxy.url, username: 'proxy-user', password: wrongProxyPassword });
    const spec = { url: `${https.url}/app.git`, secretRef: { name: 'ca' }, ref: { branch: 'main' } };
    await create('proxied', { ...spec, proxySecretRef: { name: 'proxy' } });
    await create('proxied-bad', { ...spec, proxySecretRef: { name: 'proxy-bad' } });
    const ok = await until('proxied', readyIs('True'), 'Ready');
    assertInvariants(ok);
    assert.ok(proxy.tunnels.includes(new URL(https.url).host), `tunnels: ${proxy.tunnels.join(', ')}`);
    const bad = await until('proxied-bad', failedWith('FetchFailed', 'GitOperationFailed'), 'FetchFailed');
    assertInvariants(bad);
    assert.match(cond(bad, 'FetchFailed')?.message ?? '', /407|proxy/i);
    assert.ok(proxy.rejected > 0);
    for (const o of [ok, bad]) {
      const text = JSON.stringify(o);
      for (const secret of [proxyPassword, wrongProxyPassword, encodeURIComponent(wrongProxyPassword)])
        assert.ok(!text.includes(secret), `found ${secret} in ${o.metadata.name}`);
    }
    await setSecret('proxy-bad', { address: proxy.url, username: 'proxy-user', password: proxyPassword });
    assertInvariants(await until('proxied-bad', readyIs('True'), 'Ready'));
  });

  const providerStalls = [
    {
      name: 'provider azure with serviceAccountName while the ObjectLevelWorkloadIdentity gate is off',
      spec: { provider: 'azure', serviceAccountName: 'sa' },
      reason: 'FeatureGateDisabled',
      message: /^to use spec.serviceAccountName for provider authentication please enable the ObjectLevelWorkloadIdentity feature gate in the controller$/,
    },
    {
      name: 'provider github without a secretRef',
      spec: { provider: 'github' },
      reason: 'InvalidProviderConfiguration',
      message: /^secretRef with github app data must be specified when provider is set to github$/,
    },
  ];
  for (const [i, c] of providerStalls.entries()) {
    it(`${c.name} is Stalled with FetchFailed ${c.reason}`, async () => {
      const name = `provider-${i}`;
      await create(name, { url: `${http.url}/app.git`, ref: { branch: 'main' }, ...c.spec });
      const o = await until(name, (x) => failedWith('FetchFailed', c.reason)(x) && cond(x, 'Stalled')?.reason === c.reason, 'Stalled');
      assert.match(cond(o, 'FetchFailed')?.message ?? '', c.message);
      assertInvariants(o);
    });
  }

  it('a missing Secret gives AuthenticationFailed and recovers once the Secret exists', async () => {
    await create('nosecret', {
      url: `${basic.url}/app.git`,
      ref: { branch: 'main' },
      secretRef: { name: 'later' },
    });
    const bad = await until(
      'nosecret',
      failedWith('FetchFailed', 'AuthenticationFailed'),
      'AuthenticationFailed',
    );
    assert.match(
      cond(bad, 'FetchFailed')?.message ?? '',
      new RegExp(`^failed to get secret '${ns}/later': `),
    );
    assertInvariants(bad);
    await setSecret('later', { username: 'alice', password });
    assertInvariants(await until('nosecret', readyIs('True'), 'recovery'));
  });

  const failures: ReadonlyArray<{
    name: string;
    spec: () => Record<string, unknown>;
    message: RegExp;
    fix: () => Record<string, unknown>;
  }> = [
    {
      name: 'an unreachable host',
      spec: () => ({ url: 'http://127.0.0.1:1/app.git', ref: { branch: 'main' } }),
      message: /failed to checkout and determine revision: ls-remote failed: .*127\.0\.0\.1/,
      fix: () => ({ url: `${http.url}/app.git` }),
    },
    {
      name: 'a bad ref',
      spec: () => ({ url: `${http.url}/app.git`, ref: { branch: 'does-not-exist' } }),
      message: /couldn't find remote ref "refs\/heads\/does-not-exist"/,
      fix: () => ({ ref: { branch: 'main' } }),
    },
  ];
  for (const f of failures) {
    it(`${f.name} gives FetchFailed/GitOperationFailed and recovers when the spec is fixed`, async () => {
      const name = f.name.replace(/\s+/g, '-').replace(/^an?-/, '');
      await create(name, f.spec());
      const bad = await until(name, failedWith('FetchFailed', 'GitOperationFailed'), 'FetchFailed');
      assert.match(cond(bad, 'Ready')?.message ?? '', f.message);
      assertInvariants(bad);
      await env.kube.patch({ apiVersion: api, kind: 'GitRepository', namespace: ns, name }, 'merge', {
        spec: f.fix(),
      });
      assertInvariants(await until(name, readyIs('True'), 'recovery'));
    });
  }

  it('a repository over the size limit fails, keeps the old artifact, and recovers when it shrinks', async () => {
    await create('big', { url: `${http.url}/big.git`, ref: { branch: 'main' } });
    const bad = await until('big', failedWith('FetchFailed', 'GitOperationFailed'), 'FetchFailed');
    assert.match(
      cond(bad, 'FetchFailed')?.message ?? '',
      /repository size exceeds the limit of 200000 bytes/,
    );
    assertInvariants(bad);
    big.commit({ 'blob.bin': 'small' }, 'shrink');
    await annotate('big');
    assertInvariants(await until('big', readyIs('True'), 'recovery'));
  });

  it('a symlink pointing outside the repository fails with StorageOperationFailed and recovers when removed', async () => {
    const evil = new TestRepo(root, 'evil');
    try {
      evil.commit({ 'ok.yaml': 'ok', passwd: { symlink: '../../../../etc/passwd' } }, 'evil');
      await create('symlink', { url: `${http.url}/evil.git`, ref: { branch: 'main' } });
      const bad = await until(
        'symlink',
        failedWith('StorageOperationFailed', 'ArchiveOperationFailed'),
        'StorageOperationFailed',
      );
      assert.match(cond(bad, 'Ready')?.message ?? '', /symlink 'passwd' points outside the repository/);
      assertInvariants(bad);
      evil.commit({ passwd: 'not a link' }, 'fix');
      await annotate('symlink');
      assertInvariants(await until('symlink', readyIs('True'), 'recovery'));
    } finally {
      evil.remove();
    }
  });

  it('a HEAD signature made with the trusted key makes SourceVerified=True', async () => {
    await setSecret('keys', { 'author.asc': signer.publicKey });
    await create('verify-head', {
      url: `${http.url}/app.git`,
      ref: { tag: 'v1.0.0' },
      verify: { mode: 'TagAndHEAD', secretRef: { name: 'keys' } },
    });
    const o = await until('verify-head', readyIs('True'), 'Ready');
    const sv = cond(o, 'SourceVerified');
    assert.equal(sv?.status, 'True');
    assert.match(
      sv?.message ?? '',
      new RegExp(
        `^verified signature of\\n\\t- tag 'v1\\.0\\.0@sha1:[0-9a-f]{40}' with key '${signer.keyID}'\\n\\t- commit '[0-9a-f]{40}' with key '${signer.keyID}'$`,
      ),
    );
    assert.equal(o.status?.sourceVerificationMode, 'TagAndHEAD');
    assertInvariants(o);
  });

  it('a signature by an untrusted key makes SourceVerified=False and Ready=False, and recovers with the right key', async () => {
    await setSecret('wrong-keys', { 'x.asc': stranger.publicKey });
    await create('verify-bad', {
      url: `${http.url}/app.git`,
      ref: { tag: 'v1.0.0' },
      verify: { mode: 'HEAD', secretRef: { name: 'wrong-keys' } },
    });
    const bad = await until(
      'verify-bad',
      (o) =>
        cond(o, 'SourceVerified')?.status === 'False' &&
        cond(o, 'Ready')?.reason === 'InvalidCommitSignature',
      'InvalidCommitSignature',
    );
    assert.match(
      cond(bad, 'Ready')?.message ?? '',
      /^signature verification of commit '[0-9a-f]{40}' failed: /,
    );
    assertInvariants(bad);
    await setSecret('wrong-keys', { 'x.asc': signer.publicKey });
    assertInvariants(
      await until(
        'verify-bad',
        (o) => readyIs('True')(o) && cond(o, 'SourceVerified')?.status === 'True',
        'recovery',
      ),
    );
  });

  it('Tag verification without a tag reference is Stalled with InvalidVerificationMode', async () => {
    await create('verify-stalled', {
      url: `${http.url}/app.git`,
      ref: { branch: 'main' },
      verify: { mode: 'Tag', secretRef: { name: 'keys' } },
    });
    const o = await until('verify-stalled', (x) => cond(x, 'Stalled')?.status === 'True', 'Stalled');
    assert.equal(cond(o, 'Stalled')?.reason, 'InvalidVerificationMode');
    assert.equal(cond(o, 'Ready')?.status, 'False');
    assert.equal(o.status?.observedGeneration, o.metadata.generation);
    assertInvariants(o);
  });

  it('spec.ignore, include and sparseCheckout shape the artifact and are recorded as observed*', async () => {
    await create('lib', { url: `${http.url}/lib.git`, ref: { branch: 'main' } });
    await until('lib', readyIs('True'), 'Ready');
    await create('combo', {
      url: `${http.url}/app.git`,
      ref: { branch: 'main' },
      ignore: 'staging/\n',
      include: [{ repository: { name: 'lib' }, fromPath: 'base', toPath: 'vendor/lib' }],
    });
    const o = await until('combo', readyIs('True'), 'Ready');
    const d = await extracted(o);
    assert.deepEqual((await readdir(join(d, 'vendor/lib'))).sort(), ['lib.yaml']);
    await assert.rejects(stat(join(d, 'staging')));
    assert.equal(o.status?.observedIgnore, 'staging/\n');
    assert.equal(o.status?.observedInclude?.[0]?.toPath, 'vendor/lib');
    assert.equal(o.status?.includedArtifacts?.length, 1);
    assertInvariants(o);
    await create('sparse', {
      url: `${http.url}/app.git`,
      ref: { branch: 'main' },
      sparseCheckout: ['deploy'],
    });
    const s = await until('sparse', readyIs('True'), 'Ready');
    assert.deepEqual(s.status?.observedSparseCheckout, ['deploy']);
    assert.deepEqual((await readdir(await extracted(s))).sort(), ['deploy']);
    assertInvariants(s);
  });

  it('an include of a missing GitRepository makes IncludeUnavailable=True NotFound', async () => {
    await create('incl-missing', {
      url: `${http.url}/app.git`,
      ref: { branch: 'main' },
      include: [{ repository: { name: 'nope' } }],
    });
    const o = await until('incl-missing', failedWith('IncludeUnavailable', 'NotFound'), 'IncludeUnavailable');
    assert.match(cond(o, 'IncludeUnavailable')?.message ?? '', /^could not get resource for include 'nope'/);
    assertInvariants(o);
  });

  it(
    'over SSH, a known host key works; an unknown one fails with a clear message and recovers when known_hosts is fixed',
    { skip: !haveSshd() && 'openssh-server is not installed' },
    async () => {
      const s = ssh as SshServer;
      const url = `${s.baseURL}${root}/app.git`;
      await setSecret('ssh', { identity: s.identity, known_hosts: s.knownHosts });
      await setSecret('ssh-bad', {
        identity: s.identity,
        known_hosts: `[127.0.0.1]:${s.port} ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBz5Yq1m7b0Vf0Yk4nqv6m3y0o7iRbo9yS3v0m8wq3bR\n`,
      });
      await create('ssh', { url, ref: { branch: 'main' }, secretRef: { name: 'ssh' } });
      await create('ssh-bad', { url, ref: { branch: 'main' }, secretRef: { name: 'ssh-bad' } });
      assertInvariants(await until('ssh', readyIs('True'), 'Ready'));
      const bad = await until('ssh-bad', failedWith('FetchFailed', 'GitOperationFailed'), 'FetchFailed');
      assert.match(cond(bad, 'FetchFailed')?.message ?? '', /host key/i);
      assert.ok(!JSON.stringify(bad).includes('PRIVATE KEY'));
      assertInvariants(bad);
      // The cause fixed (the right known_hosts): Ready again by itself, on the next retry.
      await setSecret('ssh-bad', { identity: s.identity, known_hosts: s.knownHosts });
      const fixed = await until('ssh-bad', readyIs('True'), 'Ready after known_hosts is fixed');
      assertInvariants(fixed);
      assert.equal(cond(fixed, 'FetchFailed'), undefined);
    },
  );

  it('a suspended GitRepository is not reconciled', async () => {
    await create('suspended', { url: `${http.url}/app.git`, ref: { branch: 'main' }, suspend: true });
    await new Promise((r) => setTimeout(r, 1500));
    const o = await get('suspended');
    assert.equal(o.status?.artifact, undefined);
  });

  it('deleting a GitRepository removes its stored artifacts and the finalizer', async () => {
    const o = await get('branch');
    const file = env.storage.localPath(o.status?.artifact as never);
    await readFile(file);
    await env.kube.delete({ apiVersion: api, kind: 'GitRepository', namespace: ns, name: 'branch' });
    await waitFor(
      async () =>
        !(await env.kube.getOrUndefined({
          apiVersion: api,
          kind: 'GitRepository',
          namespace: ns,
          name: 'branch',
        })),
      { what: 'deleted' },
    );
    await assert.rejects(stat(join(env.storage.root, 'gitrepository', ns, 'branch')));
  });

  it('no credential ever appears in logs, events or conditions', async () => {
    const events = await env.kube.list('v1', 'Event', { namespace: ns });
    const repos = await env.kube.list(api, 'GitRepository', { namespace: ns });
    const haystack = [
      env.logs.join('\n'),
      JSON.stringify(events.items),
      JSON.stringify(repos.items.map((r) => r.status)),
    ].join('\n');
    const proxyBasic = (pw: string): string => Buffer.from(`proxy-user:${pw}`).toString('base64');
    for (const secret of [
      password,
      'wrong-Pw-0099',
      token,
      'PRIVATE KEY',
      proxyPassword,
      wrongProxyPassword,
      proxyBasic(proxyPassword),
      proxyBasic(wrongProxyPassword),
    ])
      assert.ok(!haystack.includes(secret), `found ${secret}`);
    assert.ok(events.items.length > 0);
  });
});
