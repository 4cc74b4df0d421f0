import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  TestRepo,
  createGpgSigner,
  createRepoRoot,
  createTestPKI,
  gitSync,
  haveSshd,
  sshKeygen,
  startGitHttpServer,
  startSshServer,
} from '../../test/fixtures/git/index.js';
import type { GitHttpServer, SshServer } from '../../test/fixtures/git/index.js';
import { CheckoutCache, GitError, SignatureVerifier, checkout, isSignedTag, openAuth, sanitize } from './index.js';
import type { CheckoutRef, GitAuth } from './index.js';

const root = createRepoRoot();
const repo = new TestRepo(root, 'app');
const signer = createGpgSigner();
const other = createGpgSigner('Someone Else');
let first = '';
let second = '';
let http: GitHttpServer;
let basic: GitHttpServer;
let bearer: GitHttpServer;
let https: GitHttpServer;
let mtls: GitHttpServer;
let ssh: SshServer | undefined;
const pki = createTestPKI();
const dirs: string[] = [];

async function workdir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'sluice-git-test-'));
  dirs.push(d);
  return join(d, 'checkout');
}

async function run(
  url: string,
  ref: CheckoutRef | undefined,
  auth: GitAuth = {},
  extra: {
    sparse?: string[];
    last?: string;
    maxBytes?: number;
    submodules?: boolean;
    cache?: CheckoutCache;
    needGitDir?: boolean;
  } = {},
) {
  const session = await openAuth(url, auth);
  const dir = await workdir();
  try {
    const res = await checkout({
      url,
      ref,
      dir,
      auth: session,
      timeoutMs: 30_000,
      ...(extra.sparse ? { sparseCheckout: extra.sparse } : {}),
      ...(extra.last ? { lastObservedRevision: extra.last } : {}),
      ...(extra.maxBytes ? { maxBytes: extra.maxBytes } : {}),
      ...(extra.submodules ? { recurseSubmodules: true } : {}),
      ...(extra.cache ? { cache: { store: extra.cache, credentials: CheckoutCache.key({ ...auth }) } } : {}),
      ...(extra.needGitDir === false ? { needGitDir: false } : {}),
    });
    return { res, dir };
  } finally {
    await session.close();
  }
}

before(async () => {
  first = repo.commit({ 'deploy/app.yaml': 'kind: A\n', 'docs/readme.md': 'x' }, 'first commit');
  repo.tag('v1.0.0');
  repo.tag('v1.1.0', { annotated: true });
  second = repo.commit({ 'deploy/app.yaml': 'kind: B\n' }, 'second commit\n\nbody', { sign: signer });
  repo.tag('v1.2.0-rc.1');
  repo.tag('v2.0.0', { sign: signer });
  repo.pushRef('refs/pull/7/head');
  http = await startGitHttpServer({ root });
  basic = await startGitHttpServer({
    root,
    auth: { kind: 'basic', username: 'alice', password: 's3cr3t-pw' },
  });
  bearer = await startGitHttpServer({ root, auth: { kind: 'bearer', token: 'tok-0123456789' } });
  https = await startGitHttpServer({ root, tls: { cert: pki.serverCert, key: pki.serverKey } });
  mtls = await startGitHttpServer({
    root,
    tls: { cert: pki.serverCert, key: pki.serverKey, ca: pki.caCert },
  });
  if (haveSshd()) ssh = await startSshServer();
});

after(async () => {
  await Promise.all([http, basic, bearer, https, mtls].map((s) => s?.close()));
  await ssh?.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
  await rm(root, { recursive: true, force: true });
  repo.remove();
  signer.remove();
  other.remove();
});

describe('checkout refs', () => {
  const cases: ReadonlyArray<{
    name: string;
    ref: CheckoutRef | undefined;
    hash: () => string;
    reference: string;
    tag?: string;
  }> = [
    {
      name: 'branch main gives refs/heads/main at the tip',
      ref: { branch: 'main' },
      hash: () => second,
      reference: 'refs/heads/main',
    },
    {
      name: 'a lightweight tag resolves to its commit',
      ref: { tag: 'v1.0.0' },
      hash: () => first,
      reference: 'refs/tags/v1.0.0',
      tag: 'v1.0.0',
    },
    {
      name: 'an annotated tag resolves to the peeled commit',
      ref: { tag: 'v1.1.0' },
      hash: () => first,
      reference: 'refs/tags/v1.1.0',
      tag: 'v1.1.0',
    },
    {
      name: 'semver picks the highest matching tag',
      ref: { semver: '>=1.0.0 <2.0.0' },
      hash: () => first,
      reference: 'refs/tags/v1.1.0',
      tag: 'v1.1.0',
    },
    {
      name: 'semver with a prerelease range includes prereleases',
      ref: { semver: '>=1.2.0-0 <2.0.0' },
      hash: () => second,
      reference: 'refs/tags/v1.2.0-rc.1',
      tag: 'v1.2.0-rc.1',
    },
    {
      name: 'a ref name like refs/pull/7/head is fetched as is',
      ref: { name: 'refs/pull/7/head' },
      hash: () => second,
      reference: 'refs/pull/7/head',
    },
    {
      name: 'a commit alone checks out that commit',
      ref: { commit: first },
      hash: () => first,
      reference: '',
    },
    {
      name: 'a commit with a branch must be on that branch',
      ref: { commit: first, branch: 'main' },
      hash: () => first,
      reference: 'refs/heads/main',
    },
    {
      name: 'tag takes precedence over branch',
      ref: { branch: 'main', tag: 'v1.0.0' },
      hash: () => first,
      reference: 'refs/tags/v1.0.0',
      tag: 'v1.0.0',
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { res, dir } = await run(`${http.url}/app.git`, c.ref);
      assert.ok(res);
      assert.equal(res.hash, c.hash());
      assert.equal(res.reference, c.reference);
      assert.equal(res.tag, c.tag);
      assert.equal(res.partial, false);
      assert.ok((await readdir(join(dir, 'deploy'))).includes('app.yaml'));
    });
  }

  it('the commit message is returned in full', async () => {
    const { res } = await run(`${http.url}/app.git`, { branch: 'main' });
    assert.equal(res?.message, 'second commit\n\nbody');
  });

  it('an unchanged remote revision costs no clone (ls-remote only)', async () => {
    const before = http.requests.get('git-upload-pack') ?? 0;
    const { res, dir } = await run(
      `${http.url}/app.git`,
      { branch: 'main' },
      {},
      { last: `main@sha1:${second}` },
    );
    assert.equal(res?.partial, true);
    assert.equal(res?.hash, second);
    await assert.rejects(readdir(dir));
    // protocol v2: ls-remote is one upload-pack POST; a fetch would add at least one more
    assert.equal((http.requests.get('git-upload-pack') ?? 0) - before, 1);
  });

  const failures: ReadonlyArray<{ name: string; ref: CheckoutRef; code: string; message: RegExp }> = [
    {
      name: 'a missing branch',
      ref: { branch: 'nope' },
      code: 'notfound',
      message: /couldn't find remote ref "refs\/heads\/nope"/,
    },
    { name: 'a missing tag', ref: { tag: 'v9' }, code: 'notfound', message: /refs\/tags\/v9/ },
    {
      name: 'a semver range with no match',
      ref: { semver: '>=5.0.0' },
      code: 'notfound',
      message: /no match found for semver: >=5.0.0/,
    },
    {
      name: 'a commit not on the branch',
      ref: { commit: '0'.repeat(40), branch: 'main' },
      code: 'notfound',
      message: /unable to resolve commit/,
    },
  ];
  for (const f of failures) {
    it(`fails with a clear error on ${f.name}`, async () => {
      await assert.rejects(run(`${http.url}/app.git`, f.ref), (e: Error) => {
        assert.ok(e instanceof GitError);
        assert.equal(e.code, f.code);
        assert.match(e.message, f.message);
        return true;
      });
    });
  }

  it('an empty repository gives undefined', async () => {
    new TestRepo(root, 'empty');
    const { res } = await run(`${http.url}/empty.git`, { branch: 'main' });
    assert.equal(res, undefined);
  });

  it('recurseSubmodules checks out submodules with the same transport', async () => {
    const parent = new TestRepo(root, 'parent');
    try {
      // add from the bare path (a synchronous clone over our own in-process HTTP server would
      // deadlock), then point .gitmodules at the HTTP URL the checkout must use
      gitSync(parent.work, [
        '-c',
        'protocol.file.allow=always',
        'submodule',
        'add',
        '-q',
        repo.bare,
        'vendor/app',
      ]);
      gitSync(parent.work, [
        'config',
        '-f',
        '.gitmodules',
        'submodule.vendor/app.url',
        `${http.url}/app.git`,
      ]);
      parent.commit({ 'main.yaml': 'x' }, 'with submodule');
      const { dir } = await run(`${http.url}/parent.git`, { branch: 'main' }, {}, { submodules: true });
      assert.equal(await readFile(join(dir, 'vendor/app/deploy/app.yaml'), 'utf8'), 'kind: B\n');
    } finally {
      parent.remove();
    }
  });

  it('sparse checkout keeps only the named directories', async () => {
    const { dir } = await run(`${http.url}/app.git`, { branch: 'main' }, {}, { sparse: ['./deploy'] });
    const names = (await readdir(dir)).filter((n) => n !== '.git');
    assert.deepEqual(names, ['deploy']);
  });

  it('sparse checkout of a missing directory fails', async () => {
    await assert.rejects(
      run(`${http.url}/app.git`, { branch: 'main' }, {}, { sparse: ['nope'] }),
      /sparse checkout dir 'nope' does not exist/,
    );
  });

  it('a checkout larger than the size limit fails', async () => {
    await assert.rejects(
      run(`${http.url}/app.git`, { branch: 'main' }, {}, { maxBytes: 1000 }),
      (e: Error) => {
        assert.ok(e instanceof GitError);
        assert.equal(e.code, 'toolarge');
        assert.match(e.message, /repository size exceeds the limit of 1000 bytes/);
        return true;
      },
    );
  });
});

describe('semver ties', () => {
  // Equal versions on different commits: Flux picks the tag whose commit has the latest committer
  // date (name order would pick 'v3.0.0' over '3.0.0' in both cases).
  const cases = [
    { name: 'the tag on the newer commit wins even when it sorts first by name', newer: '3.0.0', older: 'v3.0.0' },
    { name: 'the tag on the newer commit wins when it also sorts last by name', newer: 'v3.0.0', older: '3.0.0' },
    { name: 'build metadata differences are ties broken by commit date', newer: '3.0.0+build.1', older: '3.0.0+build.2' },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const tiesRoot = createRepoRoot();
      const ties = new TestRepo(tiesRoot, 'ties');
      const server = await startGitHttpServer({ root: tiesRoot });
      try {
        ties.commit({ 'a.yaml': 'old' }, 'older', { date: '2020-01-01T00:00:00Z' });
        ties.tag(c.older, { annotated: true });
        const newer = ties.commit({ 'a.yaml': 'new' }, 'newer', { date: '2021-01-01T00:00:00Z' });
        ties.tag(c.newer);
        const { res } = await run(`${server.url}/ties.git`, { semver: '3.0.x' });
        assert.equal(res?.hash, newer);
        assert.equal(res?.reference, `refs/tags/${c.newer}`);
      } finally {
        await server.close();
        ties.remove();
        await rm(tiesRoot, { recursive: true, force: true });
      }
    });
  }
});

describe('checkout cache', () => {
  const uploads = (s: GitHttpServer): number => s.requests.get('git-upload-pack') ?? 0;
  const tree = async (dir: string): Promise<string[]> =>
    (await readdir(dir, { recursive: true })).filter((p) => !p.startsWith('.git')).sort();

  it('a second checkout of the same commit is copied from the cache: ls-remote only, same files and message', async () => {
    const cache = new CheckoutCache();
    try {
      const a = await run(`${http.url}/app.git`, { branch: 'main' }, {}, { cache });
      const before = uploads(http);
      const b = await run(`${http.url}/app.git`, { branch: 'main' }, {}, { cache });
      assert.equal(uploads(http) - before, 1);
      assert.deepEqual({ ...b.res }, { ...a.res });
      assert.deepEqual(await tree(b.dir), await tree(a.dir));
      assert.equal(await readFile(join(b.dir, 'deploy/app.yaml'), 'utf8'), 'kind: B\n');
      assert.equal(gitSync(b.dir, ['rev-parse', 'HEAD']).trim(), second);
      assert.deepEqual(cache.stats, { hits: 1, misses: 1, stored: 1, evicted: 0, sharedRemoteQueries: 0 });
    } finally {
      await cache.close();
    }
  });

  it('a caller that does not need .git gets the cached working tree without it', async () => {
    const cache = new CheckoutCache();
    try {
      const a = await run(`${http.url}/app.git`, { branch: 'main' }, {}, { cache, needGitDir: false });
      const b = await run(`${http.url}/app.git`, { branch: 'main' }, {}, { cache, needGitDir: false });
      assert.ok((await readdir(a.dir)).includes('.git'), 'a fetched checkout keeps .git');
      assert.ok(!(await readdir(b.dir)).includes('.git'));
      assert.deepEqual(await tree(b.dir), await tree(a.dir));
      assert.equal(b.res?.hash, second);
      assert.equal(cache.stats.hits, 1);
    } finally {
      await cache.close();
    }
  });

  it('concurrent checkouts of one commit fetch once (single flight)', async () => {
    const cache = new CheckoutCache();
    try {
      const before = uploads(http);
      const all = await Promise.all([1, 2, 3].map(() => run(`${http.url}/app.git`, { tag: 'v1.0.0' }, {}, { cache })));
      for (const r of all) assert.equal(r.res?.hash, first);
      // three ls-remotes, one fetch (a fetch is at least one upload-pack POST)
      assert.ok(uploads(http) - before <= 3 + 2, `upload-pack requests: ${uploads(http) - before}`);
      assert.equal(cache.stats.stored, 1);
      assert.equal(cache.stats.hits, 2);
    } finally {
      await cache.close();
    }
  });

  it('different credentials, sparse options or refs do not share an entry, and each caller still authenticates', async () => {
    const cache = new CheckoutCache();
    try {
      await run(`${basic.url}/app.git`, { branch: 'main' }, { username: 'alice', password: 's3cr3t-pw' }, { cache });
      await assert.rejects(
        run(`${basic.url}/app.git`, { branch: 'main' }, { username: 'alice', password: 'wrong-pw-123' }, { cache }),
        (e: Error) => e instanceof GitError && e.code === 'auth',
      );
      const sparse = await run(`${basic.url}/app.git`, { branch: 'main' }, { username: 'alice', password: 's3cr3t-pw' }, { cache, sparse: ['deploy'] });
      assert.deepEqual(await tree(sparse.dir), ['deploy', 'deploy/app.yaml']);
      assert.equal(cache.stats.hits, 0);
      assert.equal(cache.stats.stored, 2);
    } finally {
      await cache.close();
    }
  });

  it('a cached checkout still obeys the size limit of each caller', async () => {
    const cache = new CheckoutCache();
    try {
      await run(`${http.url}/app.git`, { branch: 'main' }, {}, { cache });
      await assert.rejects(run(`${http.url}/app.git`, { branch: 'main' }, {}, { cache, maxBytes: 100 }), /exceeds the limit of 100 bytes/);
      assert.equal(cache.stats.hits, 1);
    } finally {
      await cache.close();
    }
  });

  it('identical remote queries in flight are shared; none is kept once settled; a shared timeout is retried alone', async () => {
    const cache = new CheckoutCache();
    let runs = 0;
    const slow = (answer: string) => async (): Promise<string> => {
      runs++;
      await new Promise((r) => setTimeout(r, 50));
      return answer;
    };
    const never = (): boolean => false;
    assert.deepEqual(
      await Promise.all([cache.shareRemoteQuery('k', slow('a'), never), cache.shareRemoteQuery('k', slow('b'), never)]),
      ['a', 'a'],
    );
    assert.equal(runs, 1);
    assert.equal(await cache.shareRemoteQuery('k', slow('c'), never), 'c');
    assert.equal(runs, 2);
    const timeout = new GitError('timeout', 'ls-remote timed out after 1s');
    const first = cache.shareRemoteQuery('t', () => Promise.reject(timeout), (e) => e === timeout);
    const joiner = cache.shareRemoteQuery('t', slow('own'), (e) => e === timeout);
    const [, own] = await Promise.all([assert.rejects(first, timeout), joiner]);
    assert.equal(own, 'own');
    const denied = new GitError('auth', 'authentication failed');
    const a = cache.shareRemoteQuery('d', () => Promise.reject(denied), (e) => e === timeout);
    const b = cache.shareRemoteQuery('d', slow('never'), (e) => e === timeout);
    await Promise.all([assert.rejects(a, denied), assert.rejects(b, denied)]);
    await cache.close();
  });

  it('least recently used entries beyond maxEntries are evicted and their files removed', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'sluice-cache-parent-'));
    dirs.push(parent);
    const cache = new CheckoutCache({ parentDir: parent, maxEntries: 1 });
    try {
      await run(`${http.url}/app.git`, { tag: 'v1.0.0' }, {}, { cache });
      await run(`${http.url}/app.git`, { branch: 'main' }, {}, { cache });
      assert.equal(cache.stats.evicted, 1);
      const [root] = await readdir(parent);
      assert.equal((await readdir(join(parent, root ?? ''))).length, 1);
    } finally {
      await cache.close();
    }
    assert.deepEqual(await readdir(parent), []);
  });
});

describe('transports and credentials', () => {
  it('basic auth over HTTP works with the right password', async () => {
    const { res } = await run(
      `${basic.url}/app.git`,
      { branch: 'main' },
      { username: 'alice', password: 's3cr3t-pw' },
    );
    assert.equal(res?.hash, second);
  });

  it('a wrong password fails as auth and never shows the password', async () => {
    await assert.rejects(
      run(`${basic.url}/app.git`, { branch: 'main' }, { username: 'alice', password: 'wrong-pw-123' }),
      (e: Error) => {
        assert.ok(e instanceof GitError);
        assert.equal(e.code, 'auth');
        assert.ok(!e.message.includes('wrong-pw-123'));
        return true;
      },
    );
  });

  it('bearer token auth works', async () => {
    const { res } = await run(`${bearer.url}/app.git`, { branch: 'main' }, { bearerToken: 'tok-0123456789' });
    assert.equal(res?.hash, second);
  });

  it('HTTPS with the test CA works; without it the certificate is rejected', async () => {
    const { res } = await run(`${https.url}/app.git`, { branch: 'main' }, { caCert: pki.caCert });
    assert.equal(res?.hash, second);
    await assert.rejects(
      run(`${https.url}/app.git`, { branch: 'main' }),
      (e: Error) => e instanceof GitError && e.code === 'unreachable',
    );
  });

  it('mutual TLS works with the client certificate', async () => {
    const { res } = await run(
      `${mtls.url}/app.git`,
      { branch: 'main' },
      { caCert: pki.caCert, clientCert: pki.clientCert, clientKey: pki.clientKey },
    );
    assert.equal(res?.hash, second);
  });

  it('an unreachable host fails as unreachable', async () => {
    await assert.rejects(
      run('http://127.0.0.1:1/app.git', { branch: 'main' }),
      (e: Error) => e instanceof GitError && e.code === 'unreachable',
    );
  });

  it('credentials in the URL are stripped from errors', () => {
    assert.equal(
      sanitize("fatal: unable to access 'https://bob:hunter2@127.0.0.1/x.git/'"),
      "fatal: unable to access 'https://127.0.0.1/x.git/'",
    );
  });

  it('the askpass and key files are removed when the session closes', async () => {
    const s = await openAuth('ssh://127.0.0.1/x', {
      sshIdentity: 'KEY',
      sshKnownHosts: 'KH',
      password: 'pp',
    });
    const askpass = s.env.GIT_ASKPASS as string;
    assert.ok(!JSON.stringify(Object.values(s.env).filter((v) => v.startsWith('ssh'))).includes('pp'));
    await s.close();
    await assert.rejects(readFile(askpass));
  });
});

describe('ssh', { skip: !haveSshd() && 'openssh-server is not installed' }, () => {
  it('clones with an identity and known_hosts', async () => {
    const s = ssh as SshServer;
    const { res } = await run(
      `${s.baseURL}${root}/app.git`,
      { branch: 'main' },
      { sshIdentity: s.identity, sshKnownHosts: s.knownHosts },
    );
    assert.equal(res?.hash, second);
  });

  it('clones with a passphrase-protected key', async () => {
    const s = ssh as SshServer;
    const [priv, pub] = sshKeygen('key-pass-42');
    s.authorize(pub);
    const { res } = await run(
      `${s.baseURL}${root}/app.git`,
      { branch: 'main' },
      { sshIdentity: priv, sshKnownHosts: s.knownHosts, password: 'key-pass-42' },
    );
    assert.equal(res?.hash, second);
  });

  it('an unknown host key fails as hostkey', async () => {
    const s = ssh as SshServer;
    const [, otherPub] = sshKeygen();
    const wrong = `[127.0.0.1]:${s.port} ${otherPub.split(' ').slice(0, 2).join(' ')}\n`;
    await assert.rejects(
      run(
        `${s.baseURL}${root}/app.git`,
        { branch: 'main' },
        { sshIdentity: s.identity, sshKnownHosts: wrong },
      ),
      (e: Error) => {
        assert.ok(e instanceof GitError);
        assert.equal(e.code, 'hostkey');
        return true;
      },
    );
  });
});

describe('signatures', () => {
  it('a signed commit verifies with its key and reports the key ID', async () => {
    const { dir } = await run(`${http.url}/app.git`, { branch: 'main' });
    const v = await SignatureVerifier.open([signer.publicKey]);
    try {
      assert.deepEqual(await v.commit(dir), { keyID: signer.keyID });
    } finally {
      await v.close();
    }
  });

  it('a signed commit does not verify with another key', async () => {
    const { dir } = await run(`${http.url}/app.git`, { branch: 'main' });
    const v = await SignatureVerifier.open([other.publicKey]);
    try {
      assert.ok('error' in (await v.commit(dir)));
    } finally {
      await v.close();
    }
  });

  it('an unsigned commit reports no signature', async () => {
    const { dir } = await run(`${http.url}/app.git`, { tag: 'v1.0.0' });
    const v = await SignatureVerifier.open([signer.publicKey]);
    try {
      assert.deepEqual(await v.commit(dir), { error: 'no signature found' });
    } finally {
      await v.close();
    }
  });

  it('a signed tag verifies and is recognised as signed; an annotated unsigned tag is not', async () => {
    const { dir } = await run(`${http.url}/app.git`, { tag: 'v2.0.0' });
    assert.equal(await isSignedTag(dir, 'v2.0.0'), true);
    const v = await SignatureVerifier.open([signer.publicKey]);
    try {
      assert.deepEqual(await v.tag(dir, 'v2.0.0'), { keyID: signer.keyID });
    } finally {
      await v.close();
    }
    const { dir: d2 } = await run(`${http.url}/app.git`, { tag: 'v1.1.0' });
    assert.equal(await isSignedTag(d2, 'v1.1.0'), false);
  });
});
