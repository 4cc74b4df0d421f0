/** Injected filesystems for pure engines: the interface, an in-memory tree and POSIX path helpers. */
export { type EntryKind, type FileStat, type FileSystem, FsError, type FsErrorCode } from './file-system.js';
export { MemoryFileSystem } from './memory-fs.js';
export { basenamePath, dirnamePath, isWithin, joinPath, normalizePath, relativeTo, resolvePath } from './path.js';
