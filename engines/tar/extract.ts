import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import type { ExtractSink } from './types.js';
import { safeEntryPath, symlinkStaysInside } from './safe-path.js';
import { defaultDirMode, fileModeFor } from './modes.js';

/** Limits and policies of the safe extractor. */
export interface ExtractOptions {
  /** Largest sum of file sizes. @default 100 MiB */
  readonly maxBytes?: number;
  /** Most entries of any type. @default 100000 */
  readonly maxEntries?: number;
  /**
   * `skip` drops symlinks (what Flux's consumers do); `reject` fails on any symlink; `inside` extracts
   * symlinks whose target stays inside the root and fails on the others. @default 'skip'
   */
  readonly symlinks?: 'skip' | 'reject' | 'inside';
}

export function defaultExtractOptions(): Required<ExtractOptions> {
  return { maxBytes: 100 * 1024 * 1024, maxEntries: 100_000, symlinks: 'skip' };
}

/** Summary of an extraction. */
export interface ExtractResult {
  readonly files: number;
  readonly dirs: number;
  readonly bytes: number;
  readonly skipped: number;
}

export class UnsafeArchiveError extends Error {
  override readonly name = 'UnsafeArchiveError';
}

/**
 * Extracts a tar.gz stream into `sink`, refusing anything that could write outside the root:
 * absolute names, `..`, writes through an earlier symlink, escaping symlinks, hard links and device
 * or FIFO entries. Stops with UnsafeArchiveError once a limit is crossed. Files get the archive
 * modes (0600, or 0700 when executable), directories 0750.
 */
export async function extract(
  input: AsyncIterable<Uint8Array>,
  sink: ExtractSink,
  options: ExtractOptions = {},
): Promise<ExtractResult> {
  const opts = { ...defaultExtractOptions(), ...options };
  const ex = tar.extract();
  const gunzip = createGunzip();
  const source = Readable.from(input);
  source.on('error', (e) => gunzip.destroy(e));
  gunzip.on('error', (e) => ex.destroy(e));
  source.pipe(gunzip).pipe(ex);
  const symlinks = new Set<string>();
  let files = 0;
  let dirs = 0;
  let bytes = 0;
  let skipped = 0;
  let entries = 0;
  try {
    for await (const entry of ex) {
      const h = entry.header;
      if (++entries > opts.maxEntries)
        throw new UnsafeArchiveError(`archive has more than ${opts.maxEntries} entries`);
      const checked = safeEntryPath(h.name);
      if ('error' in checked) throw new UnsafeArchiveError(checked.error);
      const path = checked.path;
      if (path !== '' && throughSymlink(path, symlinks)) {
        throw new UnsafeArchiveError(`entry '${path}' would be written through a symlink`);
      }
      switch (h.type) {
        case 'directory':
          if (path !== '') {
            await sink.mkdir(path, defaultDirMode);
            dirs++;
          }
          entry.resume();
          break;
        case 'file':
        case 'contiguous-file': {
          if (path === '') throw new UnsafeArchiveError('file entry without a name');
          const size = h.size ?? 0;
          if (bytes + size > opts.maxBytes) {
            throw new UnsafeArchiveError(`archive content exceeds the limit of ${opts.maxBytes} bytes`);
          }
          bytes += size;
          await sink.writeFile(path, entry as unknown as AsyncIterable<Uint8Array>, fileModeFor(h.mode ?? 0));
          files++;
          break;
        }
        case 'symlink': {
          entry.resume();
          const target = h.linkname ?? '';
          if (opts.symlinks === 'skip') {
            skipped++;
            break;
          }
          if (opts.symlinks === 'reject' || !symlinkStaysInside(path, target) || !sink.symlink) {
            throw new UnsafeArchiveError(`symlink '${path}' -> '${target}' is not allowed`);
          }
          await sink.symlink(path, target);
          symlinks.add(path);
          break;
        }
        default:
          throw new UnsafeArchiveError(`entry '${path}' has unsupported type '${String(h.type)}'`);
      }
    }
  } catch (err) {
    source.destroy();
    gunzip.destroy();
    throw err;
  }
  return { files, dirs, bytes, skipped };
}

function throughSymlink(path: string, symlinks: ReadonlySet<string>): boolean {
  if (symlinks.size === 0) return false;
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) if (symlinks.has(parts.slice(0, i).join('/'))) return true;
  return false;
}
