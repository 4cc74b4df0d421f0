import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArchiveSource, SourceEntry } from '../../engines/tar/types.js';

/** An ArchiveSource over a directory; symlinks are reported as such (never followed). */
export function diskSource(root: string): ArchiveSource {
  return {
    async list(dir) {
      const out: SourceEntry[] = [];
      for (const d of await readdir(join(root, dir), { withFileTypes: true })) {
        const st = await lstat(join(root, dir, d.name));
        const type = st.isSymbolicLink()
          ? 'symlink'
          : st.isDirectory()
            ? 'dir'
            : st.isFile()
              ? 'file'
              : 'other';
        out.push({ name: d.name, type, mode: st.mode & 0o7777, size: type === 'file' ? st.size : 0 });
      }
      return out;
    },
    read(path) {
      return createReadStream(join(root, path));
    },
  };
}
