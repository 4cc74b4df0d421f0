import { createWriteStream } from 'node:fs';
import { lstat, mkdir, symlink } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { ExtractSink } from '../../engines/tar/types.js';

/**
 * An ExtractSink writing under `root`. Paths arrive already checked by the engine; this side
 * re-checks that the target stays under the root and never writes through an existing symlink.
 */
export function diskSink(root: string): ExtractSink {
  const base = resolve(root);
  const target = async (path: string): Promise<string> => {
    const p = resolve(base, path);
    const rel = relative(base, p);
    if (rel === '' || rel.startsWith('..') || rel.startsWith(sep)) throw new Error(`illegal path '${path}'`);
    let cur = base;
    for (const part of rel.split(sep).slice(0, -1)) {
      cur = join(cur, part);
      const st = await lstat(cur).catch(() => undefined);
      if (st?.isSymbolicLink()) throw new Error(`refusing to write '${path}' through a symlink`);
    }
    return p;
  };
  return {
    async mkdir(path, mode) {
      await mkdir(await target(path), { recursive: true, mode });
    },
    async writeFile(path, content, mode) {
      const p = await target(path);
      await mkdir(dirname(p), { recursive: true, mode: 0o750 });
      const st = await lstat(p).catch(() => undefined);
      if (st?.isSymbolicLink()) throw new Error(`refusing to overwrite symlink '${path}'`);
      await pipeline(Readable.from(content), createWriteStream(p, { mode }));
    },
    async symlink(path, linkTarget) {
      const p = await target(path);
      await mkdir(dirname(p), { recursive: true, mode: 0o750 });
      await symlink(linkTarget, p);
    },
  };
}
