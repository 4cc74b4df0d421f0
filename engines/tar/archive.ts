import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import type { ArchiveFilter, ArchiveSource } from './types.js';
import { defaultDirMode, fileModeFor } from './modes.js';

const epoch = new Date(0);

/**
 * Streams a gzip-compressed tar of `source` in the order of Go's filepath.Walk (names sorted per
 * directory, a directory before its contents), the root emitted as `.`. Only regular files and
 * directories are archived; symlinks and special files are skipped. An excluded directory is not
 * emitted but its contents are still offered to the filter one by one, like Flux's Archive.
 * The same tree always yields the same bytes: uid/gid 0, no owner names, zero mtime, fixed modes,
 * default gzip level, no gzip name or time.
 */
export function archive(source: ArchiveSource, filter?: ArchiveFilter): AsyncIterable<Uint8Array> {
  const pack = tar.pack();
  const gzip = createGzip();
  const done = (async (): Promise<void> => {
    try {
      await writeEntry(pack, '.', true, 0, 0, source);
      await walk(pack, source, '', filter);
      pack.finalize();
    } catch (err) {
      pack.destroy(err as Error);
    }
  })();
  const out = pack.pipe(gzip);
  pack.on('error', (err) => gzip.destroy(err));
  return (async function* () {
    for await (const chunk of out) yield chunk as Uint8Array;
    await done;
  })();
}

async function walk(
  pack: tar.Pack,
  source: ArchiveSource,
  dir: string,
  filter?: ArchiveFilter,
): Promise<void> {
  const entries = [...(await source.list(dir))].sort((a, b) => compareBytes(a.name, b.name));
  for (const e of entries) {
    if (e.type !== 'file' && e.type !== 'dir') continue;
    const path = dir === '' ? e.name : `${dir}/${e.name}`;
    const isDir = e.type === 'dir';
    if (!filter?.(path, isDir)) await writeEntry(pack, path, isDir, e.mode, e.size, source);
    if (isDir) await walk(pack, source, path, filter);
  }
}

async function writeEntry(
  pack: tar.Pack,
  name: string,
  isDir: boolean,
  mode: number,
  size: number,
  source: ArchiveSource,
): Promise<void> {
  const header: Partial<tar.Header> & { name: string } = {
    name,
    type: isDir ? 'directory' : 'file',
    mode: isDir ? defaultDirMode : fileModeFor(mode),
    size: isDir ? 0 : size,
    mtime: epoch,
    uid: 0,
    gid: 0,
    uname: '',
    gname: '',
  };
  if (isDir) {
    await new Promise<void>((resolve, reject) =>
      pack.entry(header, (err) => (err ? reject(err) : resolve())),
    );
    return;
  }
  let finished: Promise<void> = Promise.resolve();
  const sink = pack.entry(header, (err) => {
    if (err) finished = Promise.reject(err);
  });
  await pipeline(Readable.from(source.read(name)), sink);
  await finished;
}

/** Go sorts names by bytes; JS compares UTF-16 units. They differ only for astral characters. */
function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
