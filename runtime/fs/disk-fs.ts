/**
 * A read-only FileSystem over a directory on disk: the path "/" of the interface is `root` on disk.
 * Symlinks are reported by lstat and followed by readFile/readDir only while they stay inside `root`
 * (an escaping link reads as FsError('EESCAPE')), so engines never see anything outside the root.
 */
import { lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { resolve as resolveNative, sep } from 'node:path';
import { type FileStat, type FileSystem, FsError } from '../../engines/fs/file-system.js';
import { normalizePath } from '../../engines/fs/path.js';

export class DiskFileSystem implements FileSystem {
  private readonly root: string;
  /** `root` without a trailing separator ("" for the filesystem root), for joining and prefix checks. */
  private readonly base: string;

  constructor(root: string) {
    this.root = realpathSync(resolveNative(root));
    this.base = this.root.endsWith(sep) ? this.root.slice(0, -1) : this.root;
  }

  private native(path: string): string {
    const p = normalizePath(path);
    return p === '/' ? this.root : this.base + p.split('/').join(sep);
  }

  /** The real path of `path`, which must stay inside the root. */
  private real(path: string): string {
    let real: string;
    try {
      real = realpathSync(this.native(path));
    } catch (err) {
      throw wrap(err, path);
    }
    if (real !== this.root && !real.startsWith(this.base + sep)) {
      throw new FsError('EESCAPE', path, `path ${path} resolves outside the root`);
    }
    return real;
  }

  lstat(path: string): FileStat | undefined {
    try {
      const st = lstatSync(this.native(path));
      const kind = st.isSymbolicLink() ? 'symlink' : st.isDirectory() ? 'dir' : 'file';
      return { kind, size: kind === 'file' ? st.size : 0 };
    } catch {
      return undefined;
    }
  }

  readFile(path: string, maxBytes?: number): Uint8Array {
    const real = this.real(path);
    const st = statSync(real);
    if (st.isDirectory()) throw new FsError('EISDIR', path, `is a directory: ${path}`);
    if (maxBytes !== undefined && st.size > maxBytes) {
      throw new FsError('ETOOBIG', path, `file ${path} is larger than ${maxBytes} bytes`);
    }
    return readFileSync(real);
  }

  readDir(path: string): string[] {
    const real = this.real(path);
    try {
      return readdirSync(real).sort();
    } catch (err) {
      throw wrap(err, path);
    }
  }

  readLink(path: string): string {
    try {
      return readlinkSync(this.native(path));
    } catch {
      throw new FsError('EINVAL', path, `not a symlink: ${path}`);
    }
  }
}

function wrap(err: unknown, path: string): FsError {
  const code = (err as { code?: string }).code;
  if (code === 'ENOTDIR') return new FsError('ENOTDIR', path, `not a directory: ${path}`);
  if (code === 'ELOOP') return new FsError('ELOOP', path, `too many levels of symbolic links: ${path}`);
  return new FsError('ENOENT', path, `no such file or directory: ${path}`);
}
