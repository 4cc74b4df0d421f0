/**
 * Remote resources and components: how URLs split into repository and kustomization path (kustomize's
 * RepoSpec rules), and builds of remote git bases and http(s) files served on 127.0.0.1, compared byte
 * for byte (or failure for failure) with the real kustomize v5.7.1 building the same tree against the
 * same servers. The git server is the smart-HTTP fixture (git http-backend); files come from a node:http
 * server.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MemoryFileSystem } from '../../engines/fs/index.js';
import { KustomizeError, Kustomizer, parseRepoSpec, type RepoSpec } from '../../engines/kustomize/index.js';
import { DiskFileSystem } from '../../runtime/fs/disk-fs.js';
import { buildWithRemotes } from '../../runtime/kustomize-fetch/index.js';
import { runCli } from '../cli/run-cli.js';
import { createRepoRoot, startGitHttpServer, TestRepo, type GitHttpServer } from '../fixtures/git/index.js';

type SpecFields = Pick<RepoSpec, 'host' | 'repoPath' | 'kustRootPath' | 'ref' | 'submodules' | 'timeoutMs'>;
const spec = (host: string, repoPath: string, kustRootPath = '', extra: Partial<SpecFields> = {}): SpecFields => ({
  host,
  repoPath,
  kustRootPath,
  ref: '',
  submodules: true,
  timeoutMs: 27_000,
  ...extra,
});

const urlCases: Array<[string, string, SpecFields | RegExp]> = [
  ['an https URL with // splits repository and directory and reads ?ref', 'https://example.com/org/repo//deploy/base?ref=v1.2.0',
    spec('https://example.com/', 'org/repo', 'deploy/base', { ref: 'v1.2.0' })],
  ['.git ends the repository path when there is no //', 'https://example.com/org/repo.git/deploy?ref=main',
    spec('https://example.com/', 'org/repo.git', 'deploy', { ref: 'main' })],
  ['without markers a repository is the first two path segments', 'https://example.com/org/repo/deploy/base',
    spec('https://example.com/', 'org/repo', 'deploy/base')],
  ['github.com without a scheme is cloned over https', 'github.com/org/repo/deploy',
    spec('https://github.com/', 'org/repo', 'deploy')],
  ['git@github.com: is scp-style ssh', 'git@github.com:org/repo.git//deploy',
    spec('git@github.com:', 'org/repo.git', 'deploy')],
  ['an ssh:// URL keeps its user', 'ssh://git@example.com/org/repo.git//app?submodules=false',
    spec('ssh://git@example.com/', 'org/repo.git', 'app', { submodules: false })],
  ['git:: is stripped and ?version is a ref', 'git::https://example.com/org/repo.git//app?version=v2',
    spec('https://example.com/', 'org/repo.git', 'app', { ref: 'v2' })],
  ['?ref wins over ?version', 'https://example.com/org/repo//app?version=v2&ref=v3',
    spec('https://example.com/', 'org/repo', 'app', { ref: 'v3' })],
  ['?timeout in plain seconds', 'https://example.com/org/repo//app?timeout=90',
    spec('https://example.com/', 'org/repo', 'app', { timeoutMs: 90_000 })],
  ['?timeout as a Go duration', 'https://example.com/org/repo//app?timeout=1m30s',
    spec('https://example.com/', 'org/repo', 'app', { timeoutMs: 90_000 })],
  ['an unparsable ?timeout keeps the default', 'https://example.com/org/repo//app?timeout=soon',
    spec('https://example.com/', 'org/repo', 'app')],
  ['an unparsable ?submodules keeps the default', 'https://example.com/org/repo//app?submodules=maybe',
    spec('https://example.com/', 'org/repo', 'app')],
  ['Azure _git/ ends the repository at the next segment', 'https://dev.azure.com/org/project/_git/repo/path/to/app',
    spec('https://dev.azure.com/', 'org/project/_git/repo', 'path/to/app')],
  ['file:// takes the whole path as the repository', 'file:///srv/git/repo',
    spec('file://', '/srv/git/repo')],
  ['a host with a port', 'http://127.0.0.1:8080/remote.git//base?ref=v1',
    spec('http://127.0.0.1:8080/', 'remote.git', 'base', { ref: 'v1' })],
  ['a relative path is not a repository', '../base', /failed to parse scheme/],
  ['an absolute path is not a repository', '/srv/base', /abs path/],
  ['one segment after the host is not a repository', 'https://example.com/file.yaml', /repo path segment/],
  ['a directory that climbs out of the repository is refused', 'https://example.com/org/repo//../up', /exits repo/],
];

describe('remote URLs split like kustomize', () => {
  for (const [name, url, want] of urlCases) {
    it(name, () => {
      const got = parseRepoSpec(url);
      if (want instanceof RegExp) {
        assert.equal(typeof got, 'string');
        assert.match(got as string, want);
        return;
      }
      assert.notEqual(typeof got, 'string', String(got));
      const s = got as RepoSpec;
      assert.deepEqual(
        { host: s.host, repoPath: s.repoPath, kustRootPath: s.kustRootPath, ref: s.ref, submodules: s.submodules, timeoutMs: s.timeoutMs },
        want,
      );
    });
  }
});

describe('remote entries without a fetcher', () => {
  const cases: Array<[string, string]> = [
    ['a git URL resource is refused with not-supported', 'resources:\n- https://example.com/org/repo//app?ref=v1\n'],
    ['a github.com shorthand resource is refused with not-supported', 'resources:\n- github.com/org/repo/app\n'],
    ['an http file resource is refused with not-supported', 'resources:\n- https://example.com/manifests/app.yaml\n'],
    ['a remote component is refused with not-supported', 'components:\n- https://example.com/org/repo//comp\n'],
  ];
  for (const [name, k] of cases) {
    it(name, () => {
      const fs = MemoryFileSystem.fromFiles({ 'kustomization.yaml': k });
      assert.throws(() => Kustomizer.run(fs, '/'), (err: unknown) => err instanceof KustomizeError && err.code === 'not-supported' && /requires a fetcher/.test(err.message));
    });
  }
});

const oracle = join(process.env.SLUICE_CACHE ?? join(homedir(), '.cache', 'sluice'), 'bin', 'kustomize-v5.7.1', 'kustomize');
const skip = !existsSync(oracle) && !process.env.SLUICE_REQUIRE_ORACLES ? `kustomize oracle not built at ${oracle}` : false;

const deploy = (name: string, image: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: ${image}\n`;

describe('remote builds match the real kustomize against the same loopback servers', { skip }, () => {
  let git: GitHttpServer;
  let files: Server;
  let filesUrl = '';
  let v1sha = '';
  const repoRoot = createRepoRoot();
  const repos: TestRepo[] = [];
  const work = mkdtempSync(join(tmpdir(), 'sluice-kz-remote-'));

  before(async () => {
    git = await startGitHttpServer({ root: repoRoot });
    const served: Record<string, string> = {
      '/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: remote-cm\ndata:\n  k: v\n',
      '/two.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n',
      '/bad.yaml': 'kind: [unclosed\n',
      '/patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: local\nspec:\n  replicas: 3\n',
      '/json-patch.yaml': '- op: add\n  path: /metadata/labels\n  value: {fetched: "yes"}\n',
      '/app.properties': 'mode=fetched\n',
      '/settings.env': 'A=1\nB=two\n',
    };
    files = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/moved.yaml') {
        res.writeHead(302, { location: '/cm.yaml' });
        res.end();
        return;
      }
      const body = served[path];
      res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/plain' });
      res.end(body ?? 'not found');
    });
    await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
    filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;

    const lib = new TestRepo(repoRoot, 'lib');
    repos.push(lib);
    v1sha = lib.commit({
      'base/kustomization.yaml': 'resources:\n- deploy.yaml\nconfigMapGenerator:\n- name: cfg\n  files:\n  - app.properties\n',
      'base/deploy.yaml': deploy('web', 'nginx:1.25'),
      'base/app.properties': 'mode=v1\n',
      'comp/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ncommonLabels:\n  from: component\n',
      'uses-sibling/kustomization.yaml': 'namePrefix: sib-\nresources:\n- ../base\n',
      'escapes/kustomization.yaml': 'resources:\n- ../../../outside\n',
      'reads-outside/kustomization.yaml': 'configMapGenerator:\n- name: x\n  files:\n  - ../base/app.properties\n',
      'nested/kustomization.yaml': `resources:\n- ${git.url}/lib.git//base?ref=v1\nnameSuffix: -nested\n`,
      'self/kustomization.yaml': `resources:\n- ${git.url}/lib.git//self\n`,
      'file.yaml': deploy('f', 'busybox'),
      'link-inside': { symlink: 'uses-sibling' },
      'link-out': { symlink: '../..' },
    });
    lib.tag('v1');
    lib.commit({ 'base/deploy.yaml': deploy('web', 'nginx:1.27'), 'base/app.properties': 'mode=head\n' });
  });

  after(async () => {
    await git.close();
    await new Promise<void>((r) => files.close(() => r()));
    for (const r of repos) r.remove();
    rmSync(repoRoot, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  const cases: Array<{ name: string; kustomization: () => string; fails?: boolean; extra?: () => Record<string, string>; allowFileUrls?: boolean }> = [
    { name: 'a remote base at a tag, with an overlay prefix', kustomization: () => `namePrefix: o-\nresources:\n- ${git.url}/lib.git//base?ref=v1\n` },
    { name: 'a remote base at a commit hash', kustomization: () => `resources:\n- ${git.url}/lib.git//base?ref=${v1sha}\n` },
    { name: 'a remote base without a ref builds the default branch', kustomization: () => `resources:\n- ${git.url}/lib.git//base\n` },
    { name: 'a file:// repository path with // and ?ref, where file URLs are allowed', kustomization: () => `resources:\n- file://${repoRoot}/lib.git//base?ref=v1\n`, allowFileUrls: true },
    { name: 'git:: with ?version and ?timeout', kustomization: () => `resources:\n- git::${git.url}/lib.git//base?version=v1&timeout=60s\n` },
    { name: '.git without // ends the repository path', kustomization: () => `resources:\n- ${git.url}/lib.git/base?ref=v1\n` },
    { name: 'a remote component labels the overlay resources', kustomization: () => `resources:\n- d.yaml\ncomponents:\n- ${git.url}/lib.git//comp?ref=v1\n`, extra: () => ({ 'd.yaml': deploy('local', 'redis') }) },
    { name: 'a remote base may use a sibling directory of its repository', kustomization: () => `resources:\n- ${git.url}/lib.git//uses-sibling?ref=v1\n` },
    { name: 'a remote base naming another remote base', kustomization: () => `resources:\n- ${git.url}/lib.git//nested?ref=v1\n` },
    { name: 'the same remote base at two refs conflicts by id', kustomization: () => `resources:\n- ${git.url}/lib.git//base?ref=v1\n- ${git.url}/lib.git//base?ref=main\n`, fails: true },
    { name: 'a remote base at two refs with different prefixes', kustomization: () => `resources:\n- ${git.url}/lib.git//base?ref=v1\n- ../second\n`, extra: () => ({ '../second/kustomization.yaml': `namePrefix: main-\nresources:\n- ${git.url}/lib.git//base?ref=main\n` }) },
    { name: 'an http file resource', kustomization: () => `resources:\n- ${filesUrl}/cm.yaml\n- ${filesUrl}/two.yaml\nnamespace: web\n` },
    { name: 'an http file behind a redirect', kustomization: () => `resources:\n- ${filesUrl}/moved.yaml\n` },
    { name: 'a strategic merge patch file fetched over http', kustomization: () => `resources:\n- d.yaml\npatches:\n- path: ${filesUrl}/patch.yaml\n`, extra: () => ({ 'd.yaml': deploy('local', 'redis') }) },
    { name: 'a JSON 6902 patch file fetched over http with a target', kustomization: () => `resources:\n- d.yaml\npatches:\n- path: ${filesUrl}/json-patch.yaml\n  target:\n    kind: Deployment\n`, extra: () => ({ 'd.yaml': deploy('local', 'redis') }) },
    { name: 'generator files and env files fetched over http', kustomization: () => `configMapGenerator:\n- name: fetched\n  files:\n  - ${filesUrl}/app.properties\n  - renamed=${filesUrl}/app.properties\n  envs:\n  - ${filesUrl}/settings.env\n` },
    { name: 'a patch file missing over http fails', kustomization: () => `resources:\n- d.yaml\npatches:\n- path: ${filesUrl}/missing.yaml\n`, extra: () => ({ 'd.yaml': deploy('local', 'redis') }), fails: true },
    { name: 'an http file that is missing fails', kustomization: () => `resources:\n- ${filesUrl}/missing.yaml\n`, fails: true },
    { name: 'an http file that is not YAML fails', kustomization: () => `resources:\n- ${filesUrl}/bad.yaml\n`, fails: true },
    { name: 'a missing directory in the repository fails', kustomization: () => `resources:\n- ${git.url}/lib.git//nowhere?ref=v1\n`, fails: true },
    { name: 'a missing ref fails', kustomization: () => `resources:\n- ${git.url}/lib.git//base?ref=no-such-tag\n`, fails: true },
    { name: 'a missing repository fails', kustomization: () => `resources:\n- ${git.url}/nothing.git//base\n`, fails: true },
    { name: 'a path in the repository that is a file fails', kustomization: () => `resources:\n- ${git.url}/lib.git//file.yaml?ref=v1\n`, fails: true },
    { name: 'a kustomization path that is a symlink inside the clone builds', kustomization: () => `resources:\n- ${git.url}/lib.git//link-inside?ref=v1\n` },
    { name: 'a kustomization path that is a symlink out of the clone fails', kustomization: () => `resources:\n- ${git.url}/lib.git//link-out?ref=v1\n`, fails: true },
    { name: 'a base that climbs out of the clone fails', kustomization: () => `resources:\n- ${git.url}/lib.git//escapes?ref=v1\n`, fails: true },
    { name: 'a remote generator file above its kustomization fails', kustomization: () => `resources:\n- ${git.url}/lib.git//reads-outside?ref=v1\n`, fails: true },
    { name: 'a remote base that names itself is a cycle', kustomization: () => `resources:\n- ${git.url}/lib.git//self\n`, fails: true },
  ];

  it('sluice kustomize build fetches a remote base and prints what kustomize build prints', async () => {
    const top = mkdtempSync(join(work, 'cli-'));
    writeFileSync(join(top, 'kustomization.yaml'), `namePrefix: cli-\nresources:\n- ${git.url}/lib.git//base?ref=v1\n`);
    const real = await runReal(top);
    const ours = await runCli(['kustomize', 'build', top]);
    assert.equal(real.ok, true, real.out);
    assert.equal(ours.code, 0, ours.stderr);
    assert.equal(ours.stdout, real.out);
    const refused = await runCli(['kustomize', 'build', '--no-remote', top]);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /requires a fetcher/);
  });

  it('sluice kustomize build URL builds a remote target like kustomize build URL', async () => {
    for (const url of [`${git.url}/lib.git//uses-sibling?ref=v1`, `${git.url}/lib.git//nested?ref=v1`]) {
      const real = await runReal(url);
      const ours = await runCli(['kustomize', 'build', url]);
      assert.equal(real.ok, true, real.out);
      assert.equal(ours.code, 0, ours.stderr);
      assert.equal(ours.stdout, real.out);
    }
    const escapes = `${git.url}/lib.git//escapes?ref=v1`;
    assert.equal((await runReal(escapes)).ok, false);
    const ours = await runCli(['kustomize', 'build', escapes]);
    assert.notEqual(ours.code, 0);
    assert.match(ours.stderr, /must be within the repo/);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const dir = mkdtempSync(join(work, 'case-'));
      const top = join(dir, 'top');
      for (const [p, text] of Object.entries({ 'kustomization.yaml': c.kustomization(), ...(c.extra?.() ?? {}) })) {
        mkdirSync(dirname(join(top, p)), { recursive: true });
        writeFileSync(join(top, p), text);
      }
      const real = await runReal(top);
      let ours: { ok: boolean; out: string };
      try {
        ours = { ok: true, out: (await buildWithRemotes(new DiskFileSystem(dir), '/top', { allowFileUrls: c.allowFileUrls })).yaml };
      } catch (err) {
        ours = { ok: false, out: (err as Error).message };
      }
      assert.equal(ours.ok, real.ok, `kustomize: ${real.out}\nsluice: ${ours.out}`);
      if (process.env.KUSTOMIZE_REMOTE_SHOW && !real.ok) process.stdout.write(`# ${c.name}\n# kustomize: ${real.out.trim()}\n# sluice: ${ours.out.trim()}\n`);
      if (c.fails) assert.equal(real.ok, false, 'the case is meant to fail');
      else {
        assert.match(real.out, /^kind: |\nkind: /);
        assert.equal(ours.out, real.out);
      }
    });
  }
});

describe('submodules of a remote base are cloned unless ?submodules=false, as kustomize', { skip }, () => {
  const repoRoot = createRepoRoot();
  const sub = new TestRepo(repoRoot, 'sub');
  const main = new TestRepo(repoRoot, 'main');
  const dir = mkdtempSync(join(tmpdir(), 'sluice-kz-sub-'));
  let git: GitHttpServer;
  before(async () => {
    git = await startGitHttpServer({ root: repoRoot });
    sub.commit({ 'app/kustomization.yaml': 'resources:\n- d.yaml\n', 'app/d.yaml': deploy('vendored', 'nginx') });
    main.commit({ 'README': 'main\n' });
    // asynchronously: the clone is served by this process's event loop
    await gitAsync(main.work, ['submodule', 'add', '-q', `${git.url}/sub.git`, 'vendor']);
    main.commit({}, 'add submodule');
  });
  after(async () => {
    await git.close();
    sub.remove();
    main.remove();
    rmSync(repoRoot, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });
  const cases: Array<[string, string]> = [
    ['a directory inside a submodule builds', '//vendor/app'],
    ['with ?submodules=false the submodule directory is empty and the build fails', '//vendor/app?submodules=false'],
  ];
  for (const [name, suffix] of cases) {
    it(name, async () => {
      writeFileSync(join(dir, 'kustomization.yaml'), `resources:\n- ${git.url}/main.git${suffix}\n`);
      const real = await runReal(dir);
      let ours: { ok: boolean; out: string };
      try {
        ours = { ok: true, out: (await buildWithRemotes(new DiskFileSystem(dir), '/')).yaml };
      } catch (err) {
        ours = { ok: false, out: (err as Error).message };
      }
      assert.equal(ours.ok, real.ok, `kustomize: ${real.out}\nsluice: ${ours.out}`);
      if (real.ok) {
        assert.match(real.out, /name: vendored/);
        assert.equal(ours.out, real.out);
      }
      assert.equal(real.ok, !suffix.includes('submodules=false'));
    });
  }
});

describe('credentials in a remote URL never reach an error', () => {
  const repoRoot = createRepoRoot();
  const repo = new TestRepo(repoRoot, 'private');
  const dir = mkdtempSync(join(tmpdir(), 'sluice-kz-cred-'));
  let git: GitHttpServer;
  before(async () => {
    git = await startGitHttpServer({ root: repoRoot, auth: { kind: 'basic', username: 'reader', password: 'right-pass-1234' } });
    repo.commit({ 'app/kustomization.yaml': 'resources:\n- d.yaml\n', 'app/d.yaml': deploy('web', 'nginx') });
  });
  after(async () => {
    await git.close();
    repo.remove();
    rmSync(repoRoot, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });
  const withUser = (password: string): string => git.url.replace('http://', `http://reader:${password}@`);
  it('the right password in the URL builds', async () => {
    writeFileSync(join(dir, 'kustomization.yaml'), `resources:\n- ${withUser('right-pass-1234')}/private.git//app\n`);
    assert.match((await buildWithRemotes(new DiskFileSystem(dir), '/')).yaml, /name: web/);
  });
  it('a refused password fails with an error that does not contain it', async () => {
    writeFileSync(join(dir, 'kustomization.yaml'), `resources:\n- ${withUser('wrong-pass-5678')}/private.git//app\n`);
    await assert.rejects(buildWithRemotes(new DiskFileSystem(dir), '/'), (err: unknown) => {
      const msg = (err as Error).message;
      assert.ok(!msg.includes('wrong-pass-5678'), msg);
      assert.match(msg, /private\.git/);
      return true;
    });
  });
});

describe('noRemoteBases refuses git bases but fetches files, as kustomize-controller --no-remote-bases', () => {
  let git: GitHttpServer;
  let files: Server;
  const repoRoot = createRepoRoot();
  const repo = new TestRepo(repoRoot, 'base');
  const dir = mkdtempSync(join(tmpdir(), 'sluice-kz-noremote-'));
  before(async () => {
    git = await startGitHttpServer({ root: repoRoot });
    repo.commit({ 'app/kustomization.yaml': 'resources:\n- d.yaml\n', 'app/d.yaml': deploy('web', 'nginx') });
    files = createServer((_req, res) => {
      res.writeHead(200);
      res.end('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fetched\n');
    });
    await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
  });
  after(async () => {
    await git.close();
    await new Promise<void>((r) => files.close(() => r()));
    repo.remove();
    rmSync(repoRoot, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });
  it('a git base is refused with a security error and nothing is cloned', async () => {
    writeFileSync(join(dir, 'kustomization.yaml'), `resources:\n- ${git.url}/base.git//app\n`);
    await assert.rejects(buildWithRemotes(new DiskFileSystem(dir), '/', { noRemoteBases: true }), (err: unknown) => err instanceof KustomizeError && err.code === 'security' && /remote bases are not allowed/.test(err.message));
    assert.equal(git.requests.get('git-upload-pack') ?? 0, 0);
  });
  it('a file:// repository is refused unless file URLs are allowed', async () => {
    writeFileSync(join(dir, 'kustomization.yaml'), `resources:\n- file://${repoRoot}/base.git//app\n`);
    await assert.rejects(buildWithRemotes(new DiskFileSystem(dir), '/'), /transport 'file' not allowed/);
  });
  it('an http(s) file is still fetched', async () => {
    const url = `http://127.0.0.1:${(files.address() as AddressInfo).port}/cm.yaml`;
    writeFileSync(join(dir, 'kustomization.yaml'), `resources:\n- ${url}\n`);
    const out = await buildWithRemotes(new DiskFileSystem(dir), '/', { noRemoteBases: true });
    assert.equal(out.yaml, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fetched\n');
  });
  it('the same git base builds without the option', async () => {
    writeFileSync(join(dir, 'kustomization.yaml'), `resources:\n- ${git.url}/base.git//app\n`);
    const out = await buildWithRemotes(new DiskFileSystem(dir), '/');
    assert.match(out.yaml, /name: web/);
  });
});

function gitAsync(cwd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
    execFile('git', args, { cwd, env, timeout: 60_000 }, (err, _out, stderr) => (err ? reject(new Error(`git ${args.join(' ')}: ${stderr}`)) : resolve()));
  });
}

function runReal(dir: string): Promise<{ ok: boolean; out: string }> {
  return new Promise((resolve) => {
    execFile(oracle, ['build', dir], { encoding: 'utf8', timeout: 120_000 }, (err, stdout, stderr) => {
      resolve(err ? { ok: false, out: stderr || String(err) } : { ok: true, out: stdout });
    });
  });
}
