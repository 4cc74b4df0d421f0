export type { ArchiveFilter, ArchiveSource, ExtractSink, SourceEntry } from './types.js';
export { archive } from './archive.js';
export { extract, defaultExtractOptions, UnsafeArchiveError } from './extract.js';
export type { ExtractOptions, ExtractResult } from './extract.js';
export { memorySource } from './memory-source.js';
export type { MemoryFile, MemoryNode } from './memory-source.js';
export { safeEntryPath, symlinkStaysInside } from './safe-path.js';
export { defaultDirMode, defaultExeFileMode, defaultFileMode } from './modes.js';
