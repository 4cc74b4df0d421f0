/**
 * An in-memory FileSystem: files, directories (implied by file paths or added explicitly) and symlinks.
 */
import { type FileStat, type FileSystem, FsError } from './file-system.js';
import { dirnamePath, normalizePath, resolvePath } from './path.js';

type Entry =
  | { kind: 'file'; data: Uint8Array }
  | { kind: 'dir' }
  | { kind: 'symlink'; target: string };

const encoder = new TextEncoder();

export class MemoryFileSystem implements FileSystem {
  private readonly entries = new Map<string, Entry>([['/', { kind: 'dir' }]]);

  /** Builds a tree from `{ 'dir/file.yaml': 'text' }` (paths relative to "/"). */
  static fromFiles(files: Readonly<Record<string, string | Uint8Array>>): MemoryFileSystem {
    const fs = new MemoryFileSystem();
    for (const [p, c] of Object.entries(files)) fs.writeFile('/' + p, c);
    return fs;
  }

  writeFile(path: string, content: string | Uint8Array): this {
    const p = normalizePath(path);
    this.mkdirAll(dirnamePath(p));
    this.entries.set(p, { kind: 'file', data: typeof content === 'string' ? encoder.encode(content) : content });
    return this;
  }

  mkdirAll(path: string): this {
    let p = normalizePath(path);
    const todo: string[] = [];
    while (!this.entries.has(p)) {
      todo.push(p);
      p = dirnamePath(p);
    }
    for (const d of todo) this.entries.set(d, { kind: 'dir' });
    return this;
  }

  symlink(target: string, path: string): this {
    const p = normalizePath(path);
    this.mkdirAll(dirnamePath(p));
    this.entries.set(p, { kind: 'symlink', target });
    return this;
  }

  /** Every file path (absolute) in the tree, sorted; symlinks and directories are not listed. */
  files(): string[] {
    return [...this.entries].filter(([, e]) => e.kind === 'file').map(([p]) => p).sort();
  }

  lstat(path: string): FileStat | undefined {
    const p = this.resolveParents(normalizePath(path));
    const e = p === undefined ? undefined : this.entries.get(p);
    if (!e) return undefined;
    return { kind: e.kind, size: e.kind === 'file' ? e.data.length : 0 };
  }

  readFile(path: string, maxBytes?: number): Uint8Array {
    const p = this.follow(normalizePath(path));
    const e = this.entries.get(p);
    if (!e) throw new FsError('ENOENT', path, `no such file: ${path}`);
    if (e.kind !== 'file') throw new FsError('EISDIR', path, `is a directory: ${path}`);
    if (maxBytes !== undefined && e.data.length > maxBytes) {
      throw new FsError('ETOOBIG', path, `file ${path} is larger than ${maxBytes} bytes`);
    }
    return e.data;
  }

  readDir(path: string): string[] {
    const p = this.follow(normalizePath(path));
    const e = this.entries.get(p);
    if (!e) throw new FsError('ENOENT', path, `no such directory: ${path}`);
    if (e.kind !== 'dir') throw new FsError('ENOTDIR', path, `not a directory: ${path}`);
    const prefix = p === '/' ? '/' : p + '/';
    const names: string[] = [];
    for (const k of this.entries.keys()) {
      if (k !== p && k.startsWith(prefix) && !k.slice(prefix.length).includes('/')) names.push(k.slice(prefix.length));
    }
    return names.sort();
  }

  readLink(path: string): string {
    const p = this.resolveParents(normalizePath(path));
    const e = p === undefined ? undefined : this.entries.get(p);
    if (!e || e.kind !== 'symlink') throw new FsError('EINVAL', path, `not a symlink: ${path}`);
    return e.target;
  }

  /** Resolves symlinks in the directory part of `p` (not the final element). */
  private resolveParents(p: string): string | undefined {
    if (p === '/') return p;
    const parent = this.follow(dirnamePath(p));
    return (parent === '/' ? '' : parent) + '/' + p.slice(p.lastIndexOf('/') + 1);
  }

  /** Resolves every symlink along `p`, bounded so that cycles end in ELOOP. */
  private follow(p: string, depth = 0): string {
    if (depth > 40) throw new FsError('ELOOP', p, `too many levels of symbolic links: ${p}`);
    const parts = p.split('/').filter(Boolean);
    let cur = '/';
    for (let i = 0; i < parts.length; i++) {
      const next = (cur === '/' ? '' : cur) + '/' + parts[i];
      const e = this.entries.get(next);
      if (e?.kind === 'symlink') {
        const rest = parts.slice(i + 1).join('/');
        const target = resolvePath(cur, e.target);
        return this.follow(rest ? target + '/' + rest : target, depth + 1);
      }
      cur = next;
    }
    return cur;
  }
}
