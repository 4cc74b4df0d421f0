/**
 * Archiving a checkout into an artifact file: the ignore rules (`.sourceignore` files and
 * `spec.ignore`) are loaded, the tree is streamed as Flux's tar.gz into `out` and hashed on the way.
 * `archiveTask` is the worker-pool entry (runtime/workers): only strings cross the thread boundary,
 * so the walk, tar packing and hashing of a large repository never run on the event loop.
 */
import { createWriteStream } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { loadIgnorePatterns, parsePatterns, sourceIgnoreFilter } from '../../engines/sourceignore/index.js';
import { archive } from '../../engines/tar/index.js';
import type { ArchiveFilter } from '../../engines/tar/index.js';
import { newHash } from './digest.js';
import type { DigestAlgorithm } from './digest.js';
import { diskSource } from './disk-source.js';

export interface ArchiveTaskInput {
  /** The checkout to archive. */
  readonly dir: string;
  /** The file to write (mode 0600). */
  readonly out: string;
  readonly algo: DigestAlgorithm;
  /** `spec.ignore`, appended to the `.sourceignore` rules. */
  readonly ignore?: string;
}

export type ArchiveTaskResult =
  | { readonly digest: string; readonly size: number }
  | { readonly ignoreError: string };

/** Writes the archive of `dir` (filtered) to `out`; returns `<algo>:<hex>` and the size. */
export async function writeArchive(
  dir: string,
  out: string,
  algo: DigestAlgorithm,
  filter?: ArchiveFilter,
): Promise<{ digest: string; size: number }> {
  const hash = newHash(algo);
  let size = 0;
  const file = createWriteStream(out, { mode: 0o600 });
  await pipeline(
    archive(diskSource(dir), filter),
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        size += chunk.length;
        if (!file.write(chunk)) file.once('drain', () => cb());
        else cb();
      },
      final(cb) {
        file.end(cb);
      },
    }),
  );
  await chmod(out, 0o600);
  return { digest: `${algo}:${hash.digest('hex')}`, size };
}

/** Loads the ignore rules, then writes the archive; a rule-loading failure is returned, not thrown. */
export async function archiveTask(input: ArchiveTaskInput): Promise<ArchiveTaskResult> {
  let filter: ArchiveFilter;
  try {
    const patterns = await loadIgnorePatterns(diskSource(input.dir));
    if (input.ignore !== undefined) patterns.push(...parsePatterns(input.ignore));
    filter = sourceIgnoreFilter(patterns);
  } catch (err) {
    return { ignoreError: err instanceof Error ? err.message : String(err) };
  }
  return writeArchive(input.dir, input.out, input.algo, filter);
}
