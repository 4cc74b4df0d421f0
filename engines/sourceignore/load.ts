import type { ArchiveSource } from '../tar/types.js';
import { ignoreFile, parsePatterns } from './patterns.js';
import type { Pattern } from './patterns.js';

/** Largest `.sourceignore` file read, in bytes; larger ones are an error, not silently cut. */
export const maxIgnoreFileBytes = 1024 * 1024;

/**
 * Loads every `.sourceignore` under the root (skipping `.git`), each scoped to its own directory,
 * in filepath.Walk order (names sorted per directory), so deeper files usually take precedence.
 */
export async function loadIgnorePatterns(source: ArchiveSource, dir = ''): Promise<Pattern[]> {
  const entries = [...(await source.list(dir))].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const out: Pattern[] = [];
  for (const e of entries) {
    if (e.type === 'file' && e.name === ignoreFile) {
      if (e.size > maxIgnoreFileBytes)
        throw new Error(`${join(dir, e.name)} is larger than ${maxIgnoreFileBytes} bytes`);
      out.push(...parsePatterns(await readText(source, join(dir, e.name)), dir));
    } else if (e.type === 'dir' && !(dir === '' && e.name === '.git')) {
      out.push(...(await loadIgnorePatterns(source, join(dir, e.name))));
    }
  }
  return out;
}

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

async function readText(source: ArchiveSource, path: string): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const c of source.read(path)) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}
