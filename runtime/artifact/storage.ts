import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { cp, lstat, mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { tmpdir } from 'node:os';
import type { Artifact } from '../../api/meta/types.js';
import { extract } from '../../engines/tar/index.js';
import type { ArchiveFilter, ExtractOptions } from '../../engines/tar/index.js';
import { artifactURL } from './address.js';
import { digestFile, parseDigest } from './digest.js';
import type { DigestAlgorithm } from './digest.js';
import { diskSink } from './disk-sink.js';
import { ArtifactLocks } from './locks.js';
import { archiveTask, writeArchive } from './archive-task.js';
import type { ArchiveTaskInput, ArchiveTaskResult } from './archive-task.js';
import type { WorkerPool } from '../workers/index.js';

/** The worker-pool module holding `archiveTask` (.ts under tsx, .js when built). */
const archiveTaskModule = new URL(
  import.meta.url.endsWith('.ts') ? './archive-task.ts' : './archive-task.js',
  import.meta.url,
).href;

/** Storage settings (source-controller flags). */
export interface StorageOptions {
  /** --storage-path */
  readonly path: string;
  /** Advertised address (see advertisedAddress). */
  readonly address: string;
  /** --artifact-retention-ttl in ms. @default 60000 */
  readonly retentionTTLMs?: number;
  /** --artifact-retention-records. @default 2 */
  readonly retentionRecords?: number;
  /** --artifact-digest-algo. @default 'sha256' */
  readonly digestAlgorithm?: DigestAlgorithm;
}

/** Walks of one artifact directory stop above this many files (Flux's limit). */
const gcWalkLimit = 1000;

/**
 * Artifacts on disk at `<path>/<kind>/<namespace>/<name>/<file>`, written atomically (temp file
 * under `<path>/.tmp`, chmod 0600, rename), served read-only by server/artifact.
 */
export class Storage {
  readonly root: string;
  readonly locks = new ArtifactLocks();
  private readonly ttl: number;
  private readonly records: number;
  private readonly algo: DigestAlgorithm;

  constructor(private readonly opts: StorageOptions) {
    this.root = resolve(opts.path);
    this.ttl = opts.retentionTTLMs ?? 60_000;
    this.records = opts.retentionRecords ?? 2;
    this.algo = opts.digestAlgorithm ?? 'sha256';
  }

  get address(): string {
    return this.opts.address;
  }

  /** A new artifact (not yet written) for an object; kind is lower-cased like Flux. */
  newArtifactFor(kind: string, namespace: string, name: string, revision: string, file: string): Artifact {
    const path = `${kind.toLowerCase()}/${namespace}/${name}/${file}`;
    return {
      path,
      url: artifactURL(this.address, path),
      revision,
      lastUpdateTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    };
  }

  /** Re-stamps the URL with the current advertised address. */
  setArtifactURL(a: Artifact): void {
    a.url = artifactURL(this.address, a.path);
  }

  /** Absolute path of an artifact file; throws if the relative path would leave the root. */
  localPath(a: Pick<Artifact, 'path'>): string {
    return this.resolveInside(a.path);
  }

  /** Resolves a slash path under the root, or throws. */
  resolveInside(rel: string): string {
    const p = resolve(this.root, rel);
    const r = relative(this.root, p);
    if (r.startsWith('..') || r.startsWith(sep) || r === '')
      throw new Error(`path '${rel}' is outside the storage root`);
    return p;
  }

  async exists(a: Artifact): Promise<boolean> {
    const st = await lstat(this.localPath(a)).catch(() => undefined);
    return st?.isFile() ?? false;
  }

  /** Throws when the file's digest differs from `a.digest`. */
  async verify(a: Artifact): Promise<void> {
    if (!a.digest) throw new Error('artifact has no digest');
    const { algo } = parseDigest(a.digest);
    if (algo !== 'sha256' && algo !== 'sha1' && algo !== 'sha384' && algo !== 'sha512')
      throw new Error(`unsupported digest algorithm '${algo}'`);
    const got = await digestFile(this.localPath(a), algo);
    if (got !== a.digest) throw new Error(`computed digest doesn't match '${a.digest}'`);
  }

  /**
   * Archives `dir` (filtered) into the artifact file atomically and sets digest, size, URL and
   * lastUpdateTime on `a`.
   */
  async archive(a: Artifact, dir: string, filter?: ArchiveFilter): Promise<void> {
    await this.writeAtomically(a, (tmp) => writeArchive(dir, tmp, this.algo, filter));
  }

  /**
   * Like `archive`, with the ignore rules loaded from the checkout (`.sourceignore` files plus
   * `ignore`, Flux's spec.ignore) and, when a worker pool is given, all of the walking, packing and
   * hashing done in a worker thread. A failure to load the rules is returned as `ignoreError`
   * (nothing written); archive failures throw.
   */
  async archiveIgnoring(
    a: Artifact,
    dir: string,
    ignore: string | undefined,
    pool?: WorkerPool,
  ): Promise<{ ignoreError?: string }> {
    let ignoreError: string | undefined;
    await this.writeAtomically(a, async (tmp) => {
      const input: ArchiveTaskInput = { dir, out: tmp, algo: this.algo, ...(ignore !== undefined ? { ignore } : {}) };
      const res = pool
        ? await pool.run<ArchiveTaskResult>({ module: archiveTaskModule, exportName: 'archiveTask', input })
        : await archiveTask(input);
      if ('ignoreError' in res) {
        ignoreError = res.ignoreError;
        return undefined;
      }
      return res;
    });
    return ignoreError !== undefined ? { ignoreError } : {};
  }

  /** Writes through `write` into a temp file, renames it into place, records digest/size/URL. */
  private async writeAtomically(
    a: Artifact,
    write: (tmp: string) => Promise<{ digest: string; size: number } | undefined>,
  ): Promise<void> {
    const target = this.localPath(a);
    await mkdir(resolve(target, '..'), { recursive: true });
    await this.locks.withWriteLock(a.path, async () => {
      const tmp = await this.tempFile();
      let written;
      try {
        written = await write(tmp);
        if (written) await rename(tmp, target);
        else await rm(tmp, { force: true });
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
      if (!written) return;
      a.digest = written.digest;
      a.size = written.size;
      a.lastUpdateTime = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      this.setArtifactURL(a);
    });
  }

  /**
   * Extracts artifact `a` and copies its `fromPath` subtree (default: all) into `toDir`
   * (Flux CopyToPath for GitRepository includes).
   */
  async copyToPath(a: Artifact, fromPath: string, toDir: string, limits: ExtractOptions = {}): Promise<void> {
    const tmp = await mkdtemp(join(tmpdir(), 'sluice-include-'));
    try {
      await extract(createReadStream(this.localPath(a)), diskSink(tmp), limits);
      const rel = fromPath.replace(/^\.?\/+/, '');
      const from = rel === '' || rel === '.' ? tmp : resolve(tmp, rel);
      const r = relative(tmp, from);
      if (r.startsWith('..') || r.startsWith(sep)) throw new Error(`illegal path '${fromPath}'`);
      const st = await stat(from).catch(() => undefined);
      if (!st?.isDirectory())
        throw new Error(`'${fromPath}' does not exist in the included artifact or is not a directory`);
      await mkdir(toDir, { recursive: true });
      await cp(from, toDir, { recursive: true, force: true, verbatimSymlinks: true });
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }

  async remove(a: Artifact): Promise<void> {
    await rm(this.localPath(a), { force: true });
  }

  /** Removes `<kind>/<ns>/<name>/`; returns the removed dir, or '' when there was none. */
  async removeAll(kind: string, namespace: string, name: string): Promise<string> {
    const dir = this.resolveInside(`${kind.toLowerCase()}/${namespace}/${name}`);
    const st = await lstat(dir).catch(() => undefined);
    if (!st) return '';
    await rm(dir, { recursive: true, force: true });
    return dir;
  }

  /**
   * Deletes old files next to the current artifact (never the current one, never a file being
   * served): first those older than the TTL, then the oldest until at most `records` remain.
   * Returns the deleted paths. Gives up when `timeoutMs` elapses.
   */
  async garbageCollect(current: Artifact, timeoutMs = 5000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    const currentPath = this.localPath(current);
    const dir = resolve(currentPath, '..');
    const files: Array<{ path: string; mtime: number }> = [];
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (files.length >= gcWalkLimit) break;
      if (name.endsWith('.lock')) continue;
      const p = join(dir, name);
      const st = await lstat(p).catch(() => undefined);
      if (!st || !st.isFile()) continue;
      files.push({ path: p, mtime: st.mtimeMs });
    }
    const now = Date.now();
    const garbage = new Set(
      files.filter((f) => f.path !== currentPath && now - f.mtime > this.ttl).map((f) => f.path),
    );
    let remaining = files.length - garbage.size;
    for (const f of [...files].sort((a, b) => a.mtime - b.mtime)) {
      if (remaining <= this.records) break;
      if (f.path === currentPath || garbage.has(f.path)) continue;
      garbage.add(f.path);
      remaining--;
    }
    const deleted: string[] = [];
    for (const p of garbage) {
      if (Date.now() > deadline) throw new Error(`garbage collection timed out after ${timeoutMs}ms`);
      const rel = relative(this.root, p).split(sep).join('/');
      if (this.locks.isLeased(rel)) continue;
      await rm(p, { force: true });
      await rm(`${p}.lock`, { force: true });
      deleted.push(p);
    }
    return deleted;
  }

  private async tempFile(): Promise<string> {
    const dir = join(this.root, '.tmp');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return join(dir, `artifact-${randomBytes(8).toString('hex')}.tar.gz`);
  }
}
