import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, utimes, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startArtifactServer } from '../../server/artifact/index.js';
import { WorkerPool } from '../workers/index.js';
import { extract } from '../../engines/tar/index.js';
import { createReadStream } from 'node:fs';
import { diskSink } from './disk-sink.js';
import {
  ArtifactNotFoundError,
  Storage,
  advertisedAddress,
  artifactURL,
  fetchArtifact,
  gitRevision,
  sameRevision,
} from './index.js';

const dirs: string[] = [];
async function tmp(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'sluice-artifact-test-'));
  dirs.push(d);
  return d;
}
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function tree(files: Record<string, string>): Promise<string> {
  const d = await tmp();
  for (const [p, c] of Object.entries(files)) {
    await mkdir(join(d, p, '..'), { recursive: true });
    await writeFile(join(d, p), c);
  }
  return d;
}

describe('revision', () => {
  const h = 'a'.repeat(40);
  const cases: ReadonlyArray<[string, string, boolean, string]> = [
    ['refs/heads/main', h, false, `main@sha1:${h}`],
    ['refs/tags/v1.2.3', h, false, `v1.2.3@sha1:${h}`],
    ['refs/pull/420/head', h, true, `refs/pull/420/head@sha1:${h}`],
    ['', h, false, `sha1:${h}`],
    ['refs/heads/main', 'b'.repeat(64), false, `main@<unknown>:${'b'.repeat(64)}`],
  ];
  for (const [ref, hash, abs, want] of cases) {
    it(`${ref || 'a bare commit'} gives ${want.slice(0, 30)}…`, () =>
      assert.equal(gitRevision(ref, hash, abs), want));
  }
  it('a legacy main/<sha> revision equals main@sha1:<sha>', () =>
    assert.ok(sameRevision(`main/${h}`, `main@sha1:${h}`)));
});

describe('address', () => {
  it('uses --storage-adv-addr when set', () =>
    assert.equal(advertisedAddress(':9090', 'sc.flux-system.svc.'), 'sc.flux-system.svc.'));
  it('reads an empty host as localhost', () => assert.equal(advertisedAddress(':9090'), 'localhost:9090'));
  it('keeps a scheme prefix', () =>
    assert.equal(artifactURL('https://x:1/', 'a/b.tar.gz'), 'https://x:1/a/b.tar.gz'));
  it('adds http:// to a bare host', () =>
    assert.equal(artifactURL('x:1', 'a/b.tar.gz'), 'http://x:1/a/b.tar.gz'));
});

describe('storage', () => {
  it('archives the same tree to the same digest, at <kind>/<ns>/<name>/<file>, mode 0600', async () => {
    const s = new Storage({ path: await tmp(), address: 'h:1' });
    const src = await tree({ 'a.yaml': 'a', 'd/b.yaml': 'b' });
    const a1 = s.newArtifactFor('GitRepository', 'ns', 'app', 'main@sha1:x', 'one.tar.gz');
    const a2 = s.newArtifactFor('GitRepository', 'ns', 'app', 'main@sha1:x', 'two.tar.gz');
    await s.archive(a1, src);
    await chmod(join(src, 'a.yaml'), 0o640);
    await s.archive(a2, src);
    assert.equal(a1.path, 'gitrepository/ns/app/one.tar.gz');
    assert.equal(a1.url, 'http://h:1/gitrepository/ns/app/one.tar.gz');
    assert.match(a1.digest ?? '', /^sha256:[0-9a-f]{64}$/);
    assert.equal(a1.digest, a2.digest);
    assert.equal(a1.size, (await readFile(s.localPath(a1))).length);
    await s.verify(a1);
    assert.deepEqual(await readdir(join(s.root, '.tmp')), []);
  });

  it('verify notices a changed file', async () => {
    const s = new Storage({ path: await tmp(), address: 'h' });
    const a = s.newArtifactFor('GitRepository', 'ns', 'app', 'r', 'x.tar.gz');
    await s.archive(a, await tree({ f: '1' }));
    await writeFile(s.localPath(a), 'tampered');
    await assert.rejects(s.verify(a), /computed digest doesn't match/);
  });

  async function withFiles(s: Storage, names: string[], ageSeconds: number[]): Promise<string> {
    const dir = join(s.root, 'gitrepository/ns/app');
    await mkdir(dir, { recursive: true });
    const now = Date.now() / 1000;
    for (const [i, n] of names.entries()) {
      await writeFile(join(dir, n), n);
      const t = now - (ageSeconds[i] ?? 0);
      await utimes(join(dir, n), t, t);
    }
    await writeFile(join(dir, 'c.tar.gz.lock'), '');
    await symlink('c.tar.gz', join(dir, 'latest.tar.gz'));
    return dir;
  }

  it('garbage collection keeps the current artifact and the newest records within the TTL', async () => {
    const s = new Storage({
      path: await tmp(),
      address: 'h',
      retentionRecords: 2,
      retentionTTLMs: 3_600_000,
    });
    const dir = await withFiles(s, ['a.tar.gz', 'b.tar.gz', 'c.tar.gz', 'd.tar.gz'], [40, 30, 20, 10]);
    const current = { path: 'gitrepository/ns/app/c.tar.gz', url: '', revision: '', lastUpdateTime: '' };
    const deleted = await s.garbageCollect(current);
    assert.deepEqual(deleted.map((p) => p.slice(dir.length + 1)).sort(), ['a.tar.gz', 'b.tar.gz']);
    assert.deepEqual((await readdir(dir)).sort(), ['c.tar.gz', 'c.tar.gz.lock', 'd.tar.gz', 'latest.tar.gz']);
  });

  it('garbage collection deletes files older than the TTL even under the record count', async () => {
    const s = new Storage({ path: await tmp(), address: 'h', retentionRecords: 5, retentionTTLMs: 15_000 });
    const dir = await withFiles(s, ['a.tar.gz', 'c.tar.gz'], [60, 60]);
    const deleted = await s.garbageCollect({
      path: 'gitrepository/ns/app/c.tar.gz',
      url: '',
      revision: '',
      lastUpdateTime: '',
    });
    assert.deepEqual(
      deleted.map((p) => p.slice(dir.length + 1)),
      ['a.tar.gz'],
    );
  });

  it('garbage collection never deletes a file that is being served', async () => {
    const s = new Storage({ path: await tmp(), address: 'h', retentionRecords: 1, retentionTTLMs: 1 });
    await withFiles(s, ['a.tar.gz', 'c.tar.gz'], [60, 60]);
    const release = s.locks.lease('gitrepository/ns/app/a.tar.gz');
    assert.deepEqual(
      await s.garbageCollect({
        path: 'gitrepository/ns/app/c.tar.gz',
        url: '',
        revision: '',
        lastUpdateTime: '',
      }),
      [],
    );
    release();
    assert.equal(
      (
        await s.garbageCollect({
          path: 'gitrepository/ns/app/c.tar.gz',
          url: '',
          revision: '',
          lastUpdateTime: '',
        })
      ).length,
      1,
    );
  });

  it('removeAll deletes the object directory', async () => {
    const s = new Storage({ path: await tmp(), address: 'h' });
    await withFiles(s, ['a.tar.gz'], [0]);
    assert.ok((await s.removeAll('GitRepository', 'ns', 'app')).endsWith('gitrepository/ns/app'));
    assert.equal(await s.removeAll('GitRepository', 'ns', 'app'), '');
  });

  it('copyToPath copies a subtree of an artifact', async () => {
    const s = new Storage({ path: await tmp(), address: 'h' });
    const a = s.newArtifactFor('GitRepository', 'ns', 'lib', 'r', 'x.tar.gz');
    await s.archive(a, await tree({ 'base/a.yaml': 'a', 'other/b.yaml': 'b' }));
    const to = join(await tmp(), 'vendor/lib');
    await s.copyToPath(a, './base', to);
    assert.deepEqual(await readdir(to), ['a.yaml']);
    await assert.rejects(s.copyToPath(a, 'missing', to), /does not exist/);
  });
});

describe('artifact server and fetch', () => {
  it('serves an artifact that fetchArtifact verifies and extracts; ranges work; dot paths are hidden', async () => {
    const s = new Storage({ path: await tmp(), address: 'x' });
    const srv = await startArtifactServer(s, '127.0.0.1:0');
    try {
      const a = s.newArtifactFor('GitRepository', 'ns', 'app', 'r', 'x.tar.gz');
      await s.archive(a, await tree({ 'deploy/a.yaml': 'kind: A\n' }));
      const url = `http://${srv.address}/${a.path}`;
      const out = join(await tmp(), 'out');
      const res = await fetchArtifact({ url, digest: a.digest as string }, out);
      assert.equal(res.files, 1);
      assert.equal(await readFile(join(out, 'deploy/a.yaml'), 'utf8'), 'kind: A\n');
      const ranged = await fetch(url, { headers: { Range: 'bytes=0-1' } });
      assert.equal(ranged.status, 206);
      assert.deepEqual([...new Uint8Array(await ranged.arrayBuffer())], [0x1f, 0x8b]);
      assert.equal((await fetch(`http://${srv.address}/.tmp/`)).status, 404);
      assert.equal((await fetch(`http://${srv.address}/`)).status, 200);
    } finally {
      await srv.close();
    }
  });

  it('a digest mismatch extracts nothing; a missing artifact is ArtifactNotFoundError', async () => {
    const s = new Storage({ path: await tmp(), address: 'x' });
    const srv = await startArtifactServer(s, '127.0.0.1:0');
    try {
      const a = s.newArtifactFor('GitRepository', 'ns', 'app', 'r', 'x.tar.gz');
      await s.archive(a, await tree({ f: '1' }));
      const out = join(await tmp(), 'out');
      await assert.rejects(
        fetchArtifact({ url: `http://${srv.address}/${a.path}`, digest: `sha256:${'0'.repeat(64)}` }, out),
        /computed digest doesn't match provided/,
      );
      await assert.rejects(readdir(out));
      await assert.rejects(
        fetchArtifact({ url: `http://${srv.address}/gitrepository/ns/app/none.tar.gz` }, out),
        ArtifactNotFoundError,
      );
    } finally {
      await srv.close();
    }
  });

  it('concurrent downloads all complete while garbage collection runs', async () => {
    const s = new Storage({ path: await tmp(), address: 'x', retentionRecords: 1, retentionTTLMs: 0 });
    const srv = await startArtifactServer(s, '127.0.0.1:0');
    try {
      const big: Record<string, string> = {};
      for (let i = 0; i < 50; i++) big[`f${i}.txt`] = `${i}`.repeat(20_000) + Math.random();
      const old = s.newArtifactFor('GitRepository', 'ns', 'app', 'r1', 'old.tar.gz');
      await s.archive(old, await tree(big));
      const cur = s.newArtifactFor('GitRepository', 'ns', 'app', 'r2', 'new.tar.gz');
      await s.archive(cur, await tree({ f: '1' }));
      const downloads = Array.from({ length: 8 }, async () => {
        const out = join(await tmp(), 'out');
        return fetchArtifact(
          { url: `http://${srv.address}/${old.path}`, digest: old.digest as string },
          out,
          { retries: 0 },
        );
      });
      await new Promise((r) => setTimeout(r, 5));
      await s.garbageCollect(cur);
      for (const r of await Promise.allSettled(downloads)) {
        // Every download either finished intact or (if it started after GC) found nothing.
        if (r.status === 'rejected') assert.ok(r.reason instanceof ArtifactNotFoundError, String(r.reason));
        else assert.equal(r.value.files, 50);
      }
      assert.deepEqual(await s.garbageCollect(cur).then((d) => d.length <= 1), true);
    } finally {
      await srv.close();
    }
  });
});

describe('archiving with ignore rules, in a worker thread or on the event loop', () => {
  const pool = new WorkerPool({ size: 1 });
  after(() => pool.close());
  const files = {
    'deploy/app.yaml': 'kind: A\n',
    'deploy/skip.tmp': 'x',
    'docs/readme.md': 'docs',
    '.sourceignore': '*.tmp\n',
  };

  it('the worker and the event loop write the same bytes and honour .sourceignore and spec.ignore', async () => {
    const src = await tree(files);
    const digests: string[] = [];
    for (const p of [pool, undefined]) {
      const storage = new Storage({ path: await tmp(), address: 'localhost:9090' });
      const a = storage.newArtifactFor('GitRepository', 'ns', 'n', 'main@sha1:x', 'x.tar.gz');
      assert.deepEqual(await storage.archiveIgnoring(a, src, '/docs/\n', p), {});
      digests.push(a.digest ?? '');
      const out = await tmp();
      await fetchFromStorage(storage, a, out);
      assert.deepEqual((await readdir(out, { recursive: true })).sort(), ['.sourceignore', 'deploy', 'deploy/app.yaml']);
    }
    assert.match(digests[0] ?? '', /^sha256:[0-9a-f]{64}$/);
    assert.equal(digests[0], digests[1]);
  });

  it('an unreadable rule set is reported as ignoreError and nothing is written', async () => {
    const src = await tree({ ...files, '.sourceignore': 'x'.repeat(1024 * 1024 + 1) });
    const root = await tmp();
    const storage = new Storage({ path: root, address: 'localhost:9090' });
    const a = storage.newArtifactFor('GitRepository', 'ns', 'n', 'main@sha1:x', 'x.tar.gz');
    const res = await storage.archiveIgnoring(a, src, undefined, pool);
    assert.match(res.ignoreError ?? '', /\.sourceignore is larger than 1048576 bytes/);
    assert.equal(a.digest, undefined);
    assert.deepEqual(await readdir(join(root, '.tmp')), []);
  });
});

async function fetchFromStorage(storage: Storage, a: { path: string }, out: string): Promise<void> {
  await extract(createReadStream(storage.localPath(a)), diskSink(out));
}
