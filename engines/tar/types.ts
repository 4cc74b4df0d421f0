/**
 * The filesystem seen by the archive engine. Engines never touch the disk: the runtime passes a
 * source backed by a directory (runtime/artifact/disk-source.ts) and tests pass an in-memory one.
 */

/** What a directory listing reports about one entry. Symlinks and special files are reported as such. */
export interface SourceEntry {
  /** Base name, no slashes. */
  readonly name: string;
  readonly type: 'file' | 'dir' | 'symlink' | 'other';
  /** Permission bits (only the x bits matter for the archive). */
  readonly mode: number;
  /** Size in bytes for files; 0 otherwise. */
  readonly size: number;
}

/** A read-only tree addressed by slash-separated paths relative to its root ('' is the root). */
export interface ArchiveSource {
  list(dir: string): Promise<readonly SourceEntry[]>;
  /** The bytes of a regular file; must yield exactly the size reported by list(). */
  read(path: string): AsyncIterable<Uint8Array>;
}

/** Returns true when a path (relative, slash-separated) must be left out of the archive. */
export type ArchiveFilter = (path: string, isDir: boolean) => boolean;

/** Where the safe extractor writes. Paths are relative, normalised, and already checked. */
export interface ExtractSink {
  mkdir(path: string, mode: number): Promise<void>;
  writeFile(path: string, content: AsyncIterable<Uint8Array>, mode: number): Promise<void>;
  /** Only called when symlinks are extracted (option `symlinks: 'inside'`). */
  symlink?(path: string, target: string): Promise<void>;
}
