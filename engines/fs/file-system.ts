/**
 * The read-only filesystem that pure engines are given. Paths are absolute POSIX paths; implementations
 * decide what "/" means (the in-memory tree, or a directory on disk for runtime/fs/disk-fs.ts).
 */

export type EntryKind = 'file' | 'dir' | 'symlink';

export interface FileStat {
  readonly kind: EntryKind;
  /** Size in bytes for files; 0 otherwise. */
  readonly size: number;
}

export interface FileSystem {
  /** Stats `path` without following a final symlink; undefined when nothing is there. */
  lstat(path: string): FileStat | undefined;
  /** Reads a whole file (following symlinks); throws FsError('ENOENT' | 'EISDIR' | 'ETOOBIG'). */
  readFile(path: string, maxBytes?: number): Uint8Array;
  /** Names in a directory, sorted by code unit; throws FsError('ENOENT' | 'ENOTDIR'). */
  readDir(path: string): string[];
  /** The target text of a symlink; throws FsError('EINVAL') when `path` is not a symlink. */
  readLink(path: string): string;
}

export type FsErrorCode = 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EINVAL' | 'ETOOBIG' | 'ELOOP' | 'EESCAPE';

export class FsError extends Error {
  constructor(
    readonly code: FsErrorCode,
    readonly path: string,
    message?: string,
  ) {
    super(message ?? `${code}: ${path}`);
    this.name = 'FsError';
  }
}
