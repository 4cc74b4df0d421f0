import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { archive, extract, memorySource, UnsafeArchiveError } from './index.js';
import type { ExtractSink, MemoryNode } from './index.js';

async function collect(it: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of it) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

function digest(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

interface Written {
  readonly kind: 'dir' | 'file' | 'symlink';
  readonly mode?: number;
  readonly content?: string;
  readonly target?: string;
}

function memorySink(): { sink: ExtractSink; out: Map<string, Written> } {
  const out = new Map<string, Written>();
  return {
    out,
    sink: {
      async mkdir(path, mode) {
        out.set(path, { kind: 'dir', mode });
      },
      async writeFile(path, content, mode) {
        out.set(path, { kind: 'file', mode, content: (await collect(content)).toString() });
      },
      async symlink(path, target) {
        out.set(path, { kind: 'symlink', target });
      },
    },
  };
}

interface RawEntry {
  readonly name: string;
  readonly type?: tar.Header['type'];
  readonly content?: string;
  readonly linkname?: string;
}

async function rawTarGz(entries: readonly RawEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const e of entries) {
    if (e.content !== undefined) pack.entry({ name: e.name, type: e.type ?? 'file' }, e.content);
    else
      pack.entry({
        name: e.name,
        type: e.type ?? 'directory',
        ...(e.linkname ? { linkname: e.linkname } : {}),
      });
  }
  pack.finalize();
  return gzipSync(await collect(pack as unknown as AsyncIterable<Uint8Array>));
}

async function* once(buf: Buffer): AsyncIterable<Uint8Array> {
  yield buf;
}

const tree: Record<string, MemoryNode> = {
  'b.yaml': 'kind: B\n',
  'a/x.yaml': 'kind: X\n',
  'a.txt': 'a',
  'bin/run.sh': { content: '#!/bin/sh\n', mode: 0o755 },
  link: { symlink: '../outside' },
  empty: { dir: true },
};

async function entriesOf(buf: Buffer): Promise<tar.Header[]> {
  const ex = tar.extract();
  const { Readable } = await import('node:stream');
  const { createGunzip } = await import('node:zlib');
  Readable.from([buf]).pipe(createGunzip()).pipe(ex);
  const out: tar.Header[] = [];
  for await (const e of ex) {
    out.push(e.header);
    e.resume();
  }
  return out;
}

describe('archive', () => {
  it('the same tree always gives the same bytes, whatever the listing order', async () => {
    const reversed = Object.fromEntries(Object.entries(tree).reverse());
    const a = await collect(archive(memorySource(tree)));
    const b = await collect(archive(memorySource(reversed)));
    assert.equal(digest(a), digest(b));
  });

  it('a changed byte changes the digest', async () => {
    const a = await collect(archive(memorySource(tree)));
    const b = await collect(archive(memorySource({ ...tree, 'a.txt': 'b' })));
    assert.notEqual(digest(a), digest(b));
  });

  it('walks like filepath.Walk, emits the root as ".", skips symlinks, and sanitizes headers', async () => {
    const headers = await entriesOf(await collect(archive(memorySource(tree))));
    assert.deepEqual(
      headers.map((h) => [h.name, h.type, (h.mode ?? 0).toString(8)]),
      [
        ['.', 'directory', '750'],
        ['a', 'directory', '750'],
        ['a/x.yaml', 'file', '600'],
        ['a.txt', 'file', '600'],
        ['b.yaml', 'file', '600'],
        ['bin', 'directory', '750'],
        ['bin/run.sh', 'file', '700'],
        ['empty', 'directory', '750'],
      ],
    );
    for (const h of headers) {
      assert.equal(h.uid, 0);
      assert.equal(h.gid, 0);
      assert.equal(h.uname, '');
      assert.equal(h.gname, '');
      assert.equal(h.mtime?.getTime(), 0);
    }
  });

  it('an excluded directory is left out but its files are still offered to the filter', async () => {
    const seen: string[] = [];
    const headers = await entriesOf(
      await collect(
        archive(memorySource(tree), (p, isDir) => {
          seen.push(p);
          return isDir && p === 'a';
        }),
      ),
    );
    assert.ok(seen.includes('a/x.yaml'));
    assert.deepEqual(
      headers.map((h) => h.name).filter((n) => n.startsWith('a')),
      ['a/x.yaml', 'a.txt'],
    );
  });

  it('a long path (over 100 bytes) round-trips', async () => {
    const long = `${'d'.repeat(60)}/${'f'.repeat(80)}.yaml`;
    const { sink, out } = memorySink();
    await extract(archive(memorySource({ [long]: 'x' })), sink);
    assert.equal(out.get(long)?.content, 'x');
  });
});

describe('extract', () => {
  it('round-trips an archive with archive modes and skips symlinks by default', async () => {
    const { sink, out } = memorySink();
    const res = await extract(archive(memorySource(tree)), sink);
    assert.deepEqual(res, { files: 4, dirs: 3, bytes: 27, skipped: 0 });
    assert.deepEqual(out.get('bin/run.sh'), { kind: 'file', mode: 0o700, content: '#!/bin/sh\n' });
    assert.deepEqual(out.get('a'), { kind: 'dir', mode: 0o750 });
  });

  const rejected: ReadonlyArray<{
    name: string;
    entries: RawEntry[];
    message: RegExp;
    symlinks?: 'inside' | 'reject';
  }> = [
    { name: 'an absolute path', entries: [{ name: '/etc/passwd', content: 'x' }], message: /absolute path/ },
    { name: 'a parent traversal', entries: [{ name: 'a/../../x', content: 'x' }], message: /path traversal/ },
    { name: 'a plain "../"', entries: [{ name: '../x', content: 'x' }], message: /path traversal/ },
    {
      name: 'a character device',
      entries: [{ name: 'dev', type: 'character-device' }],
      message: /unsupported type/,
    },
    { name: 'a FIFO', entries: [{ name: 'fifo', type: 'fifo' }], message: /unsupported type/ },
    {
      name: 'a hard link',
      entries: [{ name: 'h', type: 'link', linkname: '/etc/passwd' }],
      message: /unsupported type/,
    },
    {
      name: 'a symlink escaping the root',
      entries: [{ name: 'l', type: 'symlink', linkname: '../../etc' }],
      message: /symlink 'l'/,
      symlinks: 'inside',
    },
    {
      name: 'an absolute symlink',
      entries: [{ name: 'l', type: 'symlink', linkname: '/etc' }],
      message: /symlink 'l'/,
      symlinks: 'inside',
    },
    {
      name: 'a write through an inside symlink',
      entries: [
        { name: 'd', type: 'directory' },
        { name: 'l', type: 'symlink', linkname: 'd' },
        { name: 'l/x', content: 'x' },
      ],
      message: /through a symlink/,
      symlinks: 'inside',
    },
    {
      name: 'any symlink in reject mode',
      entries: [{ name: 'l', type: 'symlink', linkname: 'a' }],
      message: /symlink 'l'/,
      symlinks: 'reject',
    },
  ];
  for (const c of rejected) {
    it(`rejects ${c.name}`, async () => {
      const { sink, out } = memorySink();
      const opts = c.symlinks ? { symlinks: c.symlinks } : {};
      await assert.rejects(extract(once(await rawTarGz(c.entries)), sink, opts), (e: Error) => {
        assert.ok(e instanceof UnsafeArchiveError, String(e));
        assert.match(e.message, c.message);
        return true;
      });
      for (const p of out.keys()) assert.ok(!p.startsWith('/') && !p.startsWith('..'));
    });
  }

  it('extracts a symlink that stays inside when asked to', async () => {
    const { sink, out } = memorySink();
    await extract(once(await rawTarGz([{ name: 'a/l', type: 'symlink', linkname: '../b' }])), sink, {
      symlinks: 'inside',
    });
    assert.deepEqual(out.get('a/l'), { kind: 'symlink', target: '../b' });
  });

  it('stops once the total size limit is crossed', async () => {
    const { sink } = memorySink();
    const buf = await rawTarGz([
      { name: 'a', content: 'x'.repeat(600) },
      { name: 'b', content: 'x'.repeat(600) },
    ]);
    await assert.rejects(extract(once(buf), sink, { maxBytes: 1000 }), /exceeds the limit of 1000 bytes/);
  });

  it('stops once the entry count limit is crossed', async () => {
    const { sink } = memorySink();
    const buf = await rawTarGz([1, 2, 3, 4].map((i) => ({ name: `f${i}`, content: 'x' })));
    await assert.rejects(extract(once(buf), sink, { maxEntries: 3 }), /more than 3 entries/);
  });

  it('fails on input that is not gzip', async () => {
    const { sink } = memorySink();
    await assert.rejects(extract(once(Buffer.from('not a tarball')), sink));
  });
});
