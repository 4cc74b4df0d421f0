import { createHash } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Options of a checkout cache. */
export interface CheckoutCacheOptions {
  /** Parent directory for the cache's own directory. @default os.tmpdir() */
  readonly parentDir?: string;
  /** Most entries kept (least recently used evicted first). @default 32 */
  readonly maxEntries?: number;
  /** Largest total size kept, in bytes; larger checkouts are not cached. @default 256 MiB */
  readonly maxBytes?: number;
  /** An entry unused for this long is evicted. @default 600000 (10 min) */
  readonly ttlMs?: number;
}

/** What a cached checkout remembers besides its files. */
export interface CachedCheckout {
  readonly hash: string;
  readonly message: string;
  /** Working tree plus .git, in bytes (as the size limit counts it). */
  readonly size: number;
}

interface Entry extends CachedCheckout {
  readonly dir: string;
  lastUsed: number;
  readers: number;
  evicted: boolean;
}

/**
 * Completed checkouts (working tree and `.git`) shared by objects that check out the same commit
 * of the same remote with the same credentials and content options. The key is a SHA-256 over
 * those parts, so credentials are never kept in clear. Entries are immutable: a hit is copied into
 * the caller's directory. Concurrent misses on one key wait for a single populating checkout
 * (single flight); if that fails, each caller does its own.
 */
export class CheckoutCache {
  private dirPromise: Promise<string> | undefined;
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<Entry | undefined>>();
  private readonly remoteFlights = new Map<string, Promise<string>>();
  private totalBytes = 0;
  private seq = 0;
  private closed = false;
  /** Counters for tests and benchmarks. */
  readonly stats = { hits: 0, misses: 0, stored: 0, evicted: 0, sharedRemoteQueries: 0 };

  constructor(private readonly opts: CheckoutCacheOptions = {}) {}

  /** The cache key of a checkout: every part that decides the checked-out files and `.git`. */
  static key(parts: Readonly<Record<string, unknown>>): string {
    return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  /**
   * Fills the empty directory `dest` for `key`: a copy of the cached entry on a hit; on a miss,
   * `produce` (a checkout into `dest`) runs as the single flight for the key and a copy of its
   * result is stored. Callers arriving during a populate wait for it and then copy; if it failed
   * they run their own `produce`. Failing to store or copy never fails the checkout.
   */
  async use<T extends CachedCheckout>(
    key: string,
    dest: string,
    produce: () => Promise<T>,
    /** Top-level names not copied on a hit (e.g. `.git` when the caller does not need it). */
    skipOnHit: readonly string[],
    fromCache: (hit: CachedCheckout) => T,
  ): Promise<T> {
    const pending = this.inflight.get(key);
    const entry = this.entries.get(key) ?? (pending ? await pending : undefined);
    if (entry && !entry.evicted && !this.closed) {
      const hit = await this.copy(entry, dest, skipOnHit);
      if (hit) return fromCache(hit);
    }
    this.stats.misses++;
    if (this.inflight.has(key) || this.entries.has(key) || this.closed) return produce();
    let settle: (e: Entry | undefined) => void = () => undefined;
    this.inflight.set(key, new Promise((r) => (settle = r)));
    let stored: Entry | undefined;
    try {
      const result = await produce();
      stored = await this.store(key, dest, result);
      return result;
    } finally {
      this.inflight.delete(key);
      settle(stored);
    }
  }

  /**
   * Runs `query` (a read-only remote query such as `ls-remote`), or joins the identical one already
   * in flight for `key`: a caller arriving while it runs gets the same answer, as if it had asked
   * at that moment. Nothing is kept once it settles. A joiner whose shared query timed out runs
   * its own (the first caller's deadline may have been shorter).
   */
  async shareRemoteQuery(key: string, query: () => Promise<string>, isTimeout: (err: unknown) => boolean): Promise<string> {
    const running = this.remoteFlights.get(key);
    if (running) {
      this.stats.sharedRemoteQueries++;
      try {
        return await running;
      } catch (err) {
        if (!isTimeout(err)) throw err;
        return query();
      }
    }
    const p = query();
    this.remoteFlights.set(key, p);
    try {
      return await p;
    } finally {
      this.remoteFlights.delete(key);
    }
  }

  private async copy(entry: Entry, dest: string, skip: readonly string[]): Promise<CachedCheckout | undefined> {
    entry.readers++;
    entry.lastUsed = Date.now();
    try {
      await copyTree(entry.dir, dest, skip);
      this.stats.hits++;
      return { hash: entry.hash, message: entry.message, size: entry.size };
    } catch {
      await rm(dest, { recursive: true, force: true });
      return undefined;
    } finally {
      entry.readers--;
      if (entry.evicted && entry.readers === 0) await rm(entry.dir, { recursive: true, force: true });
    }
  }

  /** Removes every entry and the cache directory. */
  async close(): Promise<void> {
    this.closed = true;
    const dir = await this.dirPromise?.catch(() => undefined);
    this.entries.clear();
    if (dir) await rm(dir, { recursive: true, force: true });
  }

  private async store(key: string, src: string, meta: CachedCheckout): Promise<Entry | undefined> {
    const maxBytes = this.opts.maxBytes ?? 256 * 1024 * 1024;
    if (this.closed || meta.size > maxBytes) return undefined;
    try {
      const root = await this.root();
      const unique = `${key}-${(this.seq++).toString(36)}`;
      const tmp = join(root, `.tmp-${unique}`);
      await copyTree(src, tmp);
      const dir = join(root, unique);
      await rename(tmp, dir);
      const old = this.entries.get(key);
      if (old) this.drop(key, old);
      const entry: Entry = { ...meta, dir, lastUsed: Date.now(), readers: 0, evicted: false };
      this.entries.set(key, entry);
      this.totalBytes += meta.size;
      this.stats.stored++;
      await this.evict(maxBytes);
      return entry.evicted ? undefined : entry;
    } catch {
      return undefined;
    }
  }

  private async evict(maxBytes: number): Promise<void> {
    const maxEntries = this.opts.maxEntries ?? 32;
    const ttl = this.opts.ttlMs ?? 600_000;
    const now = Date.now();
    const byAge = [...this.entries].sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [key, e] of byAge) {
      const over = this.entries.size > maxEntries || this.totalBytes > maxBytes;
      if (!over && now - e.lastUsed <= ttl) continue;
      this.drop(key, e);
      if (e.readers === 0) await rm(e.dir, { recursive: true, force: true });
    }
  }

  private drop(key: string, e: Entry): void {
    this.entries.delete(key);
    this.totalBytes -= e.size;
    e.evicted = true;
    this.stats.evicted++;
  }

  private root(): Promise<string> {
    this.dirPromise ??= (async () => {
      const parent = this.opts.parentDir ?? tmpdir();
      await mkdir(parent, { recursive: true });
      return mkdtemp(join(parent, 'sluice-git-checkouts-'));
    })();
    return this.dirPromise;
  }
}

/**
 * Copies a checkout (less the top-level names in `skip`): directories, regular files (copyFile keeps the mode bits) and symlinks as
 * they are (targets not followed). `dest` must not exist. Fewer system calls than fs.cp, which
 * stats every path several times and chmods every file.
 */
async function copyTree(src: string, dest: string, skip: readonly string[] = []): Promise<void> {
  await mkdir(dest);
  const entries = (await readdir(src, { withFileTypes: true })).filter((e) => !skip.includes(e.name));
  await Promise.all(
    entries.map(async (e) => {
      const from = join(src, e.name);
      const to = join(dest, e.name);
      if (e.isDirectory()) await copyTree(from, to);
      else if (e.isFile()) await copyFile(from, to, fsConstants.COPYFILE_EXCL);
      else if (e.isSymbolicLink()) await symlink(await readlink(from), to);
    }),
  );
}
