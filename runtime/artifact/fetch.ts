import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract } from '../../engines/tar/index.js';
import type { ExtractOptions, ExtractResult } from '../../engines/tar/index.js';
import { isDigestAlgorithm, newHash, parseDigest } from './digest.js';
import { diskSink } from './disk-sink.js';

/** The artifact could not be found at its URL (HTTP 404): the source has not produced it (yet). */
export class ArtifactNotFoundError extends Error {
  override readonly name = 'ArtifactNotFoundError';
}

/** Options of the consumer-side artifact fetch (kustomize-controller, helm-controller…). */
export interface FetchArtifactOptions {
  /** Largest download in bytes. @default 100 MiB */
  readonly maxDownloadBytes?: number;
  /** Retries on network errors and 5xx. @default 3 */
  readonly retries?: number;
  /** Wait before the first retry, doubled each time up to 30 s. @default 1000 */
  readonly retryWaitMs?: number;
  /** Limits for the safe extractor (symlinks are skipped by default, like Flux). */
  readonly extract?: ExtractOptions;
  /** Environment for the host overrides (@default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly signal?: AbortSignal;
}

/**
 * Replaces the URL's host with `SOURCE_CONTROLLER_LOCALHOST` (or `SOURCE_WATCHER_LOCALHOST` when
 * the URL contains `//source-watcher`) when set, as Flux's consumers do.
 */
export function rewriteArtifactURL(
  url: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const override = url.includes('//source-watcher')
    ? env.SOURCE_WATCHER_LOCALHOST
    : env.SOURCE_CONTROLLER_LOCALHOST;
  if (!override) return url;
  const u = new URL(url);
  u.host = override;
  return u.toString();
}

/**
 * Downloads an artifact, verifies its digest, and safely extracts it into `dir` (created if
 * missing). Nothing is extracted unless the digest matches.
 */
export async function fetchArtifact(
  artifact: { readonly url: string; readonly digest?: string },
  dir: string,
  opts: FetchArtifactOptions = {},
): Promise<ExtractResult> {
  const url = rewriteArtifactURL(artifact.url, opts.env);
  const max = opts.maxDownloadBytes ?? 100 * 1024 * 1024;
  const tmp = await mkdtemp(join(tmpdir(), 'sluice-fetch-'));
  const file = join(tmp, 'artifact.tar.gz');
  try {
    const digest = await download(url, file, max, opts);
    if (artifact.digest) {
      const { algo, hex } = parseDigest(artifact.digest);
      if (!isDigestAlgorithm(algo))
        throw new Error(`failed to verify archive: unsupported digest algorithm '${algo}'`);
      const got = algo === 'sha256' ? digest : await hashFile(file, algo);
      if (got !== hex) {
        throw new Error(
          `failed to verify archive: computed digest doesn't match provided '${artifact.digest}' (check whether file size exceeds max download size)`,
        );
      }
    }
    await mkdir(dir, { recursive: true });
    return await extract(createReadStream(file), diskSink(dir), opts.extract);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function download(url: string, file: string, max: number, opts: FetchArtifactOptions): Promise<string> {
  const retries = opts.retries ?? 3;
  let wait = opts.retryWaitMs ?? 1000;
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(url, opts.signal ? { signal: opts.signal } : {});
    } catch (err) {
      if (attempt >= retries)
        throw new Error(`failed to download archive from ${url}: ${(err as Error).message}`);
      await sleep(wait);
      wait = Math.min(wait * 2, 30_000);
      continue;
    }
    if (res.status === 404) {
      await res.body?.cancel();
      throw new ArtifactNotFoundError(`artifact not found at ${url}`);
    }
    if (res.status >= 500 && attempt < retries) {
      await res.body?.cancel();
      await sleep(wait);
      wait = Math.min(wait * 2, 30_000);
      continue;
    }
    if (res.status !== 200 || !res.body) {
      await res.body?.cancel();
      throw new Error(`failed to download archive from ${url} (status: ${res.status} ${res.statusText})`);
    }
    const hash = newHash('sha256');
    let size = 0;
    const out = createWriteStream(file, { mode: 0o600 });
    await pipeline(
      Readable.fromWeb(res.body as Parameters<typeof Readable.fromWeb>[0]),
      new Writable({
        write(chunk: Buffer, _enc, cb) {
          size += chunk.length;
          if (size > max) {
            cb(new Error(`failed to download archive from ${url}: size exceeds the maximum of ${max} bytes`));
            return;
          }
          hash.update(chunk);
          if (!out.write(chunk)) out.once('drain', () => cb());
          else cb();
        },
        final(cb) {
          out.end(cb);
        },
      }),
    );
    return hash.digest('hex');
  }
}

async function hashFile(file: string, algo: 'sha1' | 'sha256' | 'sha384' | 'sha512'): Promise<string> {
  const h = newHash(algo);
  for await (const c of createReadStream(file)) h.update(c as Buffer);
  return h.digest('hex');
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
