import { lstat, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuthSession } from './auth.js';
import { CheckoutCache } from './cache.js';
import { GitError } from './errors.js';
import { git } from './exec.js';
import type { ExecOptions } from './exec.js';
import { parseLsRemote, strategyFor, tagCommit } from './refs.js';
import type { CheckoutRef, Strategy } from './refs.js';
import { highestMatching } from './semver.js';

/** Options of one checkout. */
export interface CheckoutOptions {
  readonly url: string;
  readonly ref?: CheckoutRef;
  /** An empty directory to check out into. */
  readonly dir: string;
  readonly auth: AuthSession;
  /** Budget for the whole operation. @default 60000 */
  readonly timeoutMs?: number;
  readonly recurseSubmodules?: boolean;
  /** Directories to check out (sparse); leading `./` is trimmed. */
  readonly sparseCheckout?: readonly string[];
  /**
   * The revision of the stored artifact (`main@sha1:…`). When the remote still points at that
   * commit, no clone happens and the result is `partial`.
   */
  readonly lastObservedRevision?: string;
  /** Largest checkout (working tree plus .git), in bytes. @default 1 GiB */
  readonly maxBytes?: number;
  /**
   * Share completed checkouts with other callers: `credentials` is an opaque fingerprint of the
   * credentials and transport settings (part of the cache key). The remote is still resolved with
   * this caller's own credentials first; checkouts of a bare commit never use the cache (their
   * remote is not consulted).
   */
  readonly cache?: { readonly store: CheckoutCache; readonly credentials: string };
  /**
   * Whether the caller needs `.git` (signature verification does). A checkout copied from the cache
   * without submodules then leaves it out. @default true
   */
  readonly needGitDir?: boolean;
}

/** What was checked out. */
export interface CheckoutResult {
  readonly hash: string;
  /** Full reference: `refs/heads/main`, `refs/tags/v1`, `refs/pull/1/head`, or '' for a bare commit. */
  readonly reference: string;
  /** The full commit message (empty for a partial result). */
  readonly message: string;
  /** The tag the checkout came through (tag or semver strategies, or a name under refs/tags/). */
  readonly tag?: string;
  /** True when nothing was cloned because the remote matched `lastObservedRevision`. */
  readonly partial: boolean;
}

/**
 * Resolves the remote revision first (`git ls-remote`); if it equals the last observed revision
 * the clone is skipped. Otherwise a shallow single-ref fetch into `dir` and a detached checkout.
 * Returns undefined for an empty repository.
 */
export async function checkout(opts: CheckoutOptions): Promise<CheckoutResult | undefined> {
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  const ex: Exec = (what: string, cwd?: string): ExecOptions => ({
    env: opts.auth.env,
    secrets: opts.auth.secrets,
    timeoutMs: Math.max(1, deadline - Date.now()),
    what,
    ...(cwd ? { cwd } : {}),
  });
  if (opts.cache) ex.share = opts.cache;
  const strategy = strategyFor(opts.ref);
  const remote = await resolveRemote(opts.url, strategy, ex);
  if (!remote) return undefined;
  if (opts.lastObservedRevision && sameCommit(opts.lastObservedRevision, remote.hash)) {
    const reference = remote.reference ?? '';
    return { hash: remote.hash, reference, message: '', partial: true, ...tagOf(reference) };
  }
  const reference = remote.reference ?? '';
  const max = opts.maxBytes ?? 1024 * 1024 * 1024;
  const produce = (): Promise<CheckoutResult & { size: number }> => fullCheckout(opts, strategy, remote, ex, max);
  const cache = opts.cache;
  const res =
    cache && strategy.kind !== 'commit'
      ? await cache.store.use(
          CheckoutCache.key({
            url: opts.url,
            credentials: cache.credentials,
            strategy,
            reference,
            hash: remote.hash,
            sparse: opts.sparseCheckout ?? null,
            submodules: opts.recurseSubmodules ?? false,
          }),
          opts.dir,
          produce,
          opts.needGitDir === false && !opts.recurseSubmodules ? ['.git'] : [],
          (hit) => ({ hash: hit.hash, reference, message: hit.message, partial: false, size: hit.size, ...tagOf(reference) }),
        )
      : await produce();
  const { size, ...result } = res;
  if (size > max) throw new GitError('toolarge', `repository size exceeds the limit of ${max} bytes`);
  return result;
}

async function fullCheckout(
  opts: CheckoutOptions,
  strategy: Strategy,
  remote: Remote,
  ex: (what: string, cwd?: string) => ExecOptions,
  max: number,
): Promise<CheckoutResult & { size: number }> {
  // No template: no sample hooks or description files to write (and to copy into the cache).
  await git(['init', '-q', '--template=', opts.dir], ex('init'));
  await git(['remote', 'add', 'origin', opts.url], ex('remote', opts.dir));
  if (opts.sparseCheckout && opts.sparseCheckout.length > 0)
    await configureSparse(opts.dir, opts.sparseCheckout, ex);
  const fetched = await fetchStrategy(opts.dir, strategy, remote, ex);
  await git(
    ['-c', 'advice.detachedHead=false', 'checkout', '-q', '--detach', fetched],
    ex('checkout', opts.dir),
  );
  if (opts.sparseCheckout) await checkSparse(opts.dir, opts.sparseCheckout);
  if (opts.recurseSubmodules) {
    await git(
      ['submodule', 'update', '--init', '--recursive', '--depth', '1'],
      ex('submodule update', opts.dir),
    );
  }
  const out = await git(['log', '-1', '--format=%H%n%B', 'HEAD'], ex('log', opts.dir));
  const nl = out.indexOf('\n');
  const hash = out.slice(0, nl).trim();
  const size = await treeSize(opts.dir, max);
  if (size > max) throw new GitError('toolarge', `repository size exceeds the limit of ${max} bytes`);
  const reference = remote.reference ?? '';
  return {
    hash,
    reference,
    message: out.slice(nl + 1).replace(/\n+$/, ''),
    partial: false,
    size,
    ...tagOf(reference),
  };
}

/** Builds the options of one git call; `share` (the checkout cache) lets identical ls-remote calls in flight be shared. */
type Exec = ((what: string, cwd?: string) => ExecOptions) & { share?: CheckoutOptions['cache'] };

interface Remote {
  readonly hash: string;
  /** undefined for a bare-commit checkout, where the remote is not consulted. */
  readonly reference: string | undefined;
}

async function resolveRemote(
  url: string,
  s: Strategy,
  ex: Exec,
): Promise<Remote | undefined> {
  if (s.kind === 'commit') {
    if (s.branch) {
      const refs = await lsRemote(url, [`refs/heads/${s.branch}`], ex);
      if (!refs.has(`refs/heads/${s.branch}`)) await missing(url, `refs/heads/${s.branch}`, ex);
    }
    return { hash: s.commit, reference: s.branch ? `refs/heads/${s.branch}` : undefined };
  }
  if (s.kind === 'branch') {
    const ref = `refs/heads/${s.branch}`;
    const hash = (await lsRemote(url, [ref], ex)).get(ref);
    return hash ? { hash, reference: ref } : missing(url, ref, ex);
  }
  if (s.kind === 'tag') {
    const ref = `refs/tags/${s.tag}`;
    const hash = tagCommit(await lsRemote(url, [ref, `${ref}^{}`], ex), s.tag);
    return hash ? { hash, reference: ref } : missing(url, ref, ex);
  }
  if (s.kind === 'name') {
    const refs = await lsRemote(url, [s.name, `${s.name}^{}`], ex);
    const hash = refs.get(`${s.name}^{}`) ?? refs.get(s.name);
    return hash ? { hash, reference: s.name } : missing(url, s.name, ex);
  }
  const refs = await lsRemote(url, ['refs/tags/*'], ex);
  if (refs.size === 0 && (await isEmpty(url, ex))) return undefined;
  const tags = new Set([...refs.keys()].map((r) => r.replace(/^refs\/tags\//, '').replace(/\^\{\}$/, '')));
  const candidates = highestMatching(s.range, tags);
  const tag =
    candidates.length > 1 && new Set(candidates.map((t) => tagCommit(refs, t))).size > 1
      ? await newestTag(url, candidates, ex)
      : (candidates[candidates.length - 1] as string);
  const hash = tagCommit(refs, tag) as string;
  return { hash, reference: `refs/tags/${tag}` };
}

/**
 * Among tags of equal versions (`v1.0.0` and `1.0.0`, or differing build metadata) on different
 * commits, the one whose commit has the latest committer date, as Flux sorts them; equal dates
 * fall back to the last by name. The dates need the commits: a depth-1 fetch of just those tags
 * into a throwaway repository.
 */
async function newestTag(
  url: string,
  candidates: readonly string[],
  ex: (what: string, cwd?: string) => ExecOptions,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sluice-git-tags-'));
  try {
    await git(['init', '-q', '--bare', dir], ex('init'));
    await git(
      ['fetch', '-q', '--no-tags', '--depth', '1', url, ...candidates.map((t) => `+refs/tags/${t}:refs/tags/${t}`)],
      ex('fetch', dir),
    );
    const out = await git(
      ['for-each-ref', '--format=%(*committerdate:unix) %(committerdate:unix) %(refname:lstrip=2)', 'refs/tags'],
      ex('for-each-ref', dir),
    );
    const dated = new Map<string, number>();
    for (const line of out.split('\n')) {
      const m = /^(\d*) (\d*) (.+)$/.exec(line);
      if (m?.[3]) dated.set(m[3], Number(m[1] || m[2] || 0));
    }
    let best = candidates[0] as string;
    for (const t of candidates) if ((dated.get(t) ?? 0) >= (dated.get(best) ?? 0)) best = t;
    return best;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function lsRemote(
  url: string,
  patterns: string[],
  ex: Exec,
): Promise<Map<string, string>> {
  const run = (): Promise<string> => git(['ls-remote', url, ...patterns], ex('ls-remote'));
  const cache = ex.share;
  const out = cache
    ? await cache.store.shareRemoteQuery(
        CheckoutCache.key({ lsRemote: url, credentials: cache.credentials, patterns }),
        run,
        (err) => err instanceof GitError && err.code === 'timeout',
      )
    : await run();
  return parseLsRemote(out);
}

async function isEmpty(url: string, ex: Exec): Promise<boolean> {
  return (await lsRemote(url, [], ex)).size === 0;
}

async function missing(url: string, ref: string, ex: Exec): Promise<undefined> {
  if (await isEmpty(url, ex)) return undefined;
  throw new GitError('notfound', `couldn't find remote ref "${ref}"`);
}

async function fetchStrategy(
  dir: string,
  s: Strategy,
  remote: Remote,
  ex: (what: string, cwd?: string) => ExecOptions,
): Promise<string> {
  const fetch = (args: string[]): Promise<string> =>
    // unpackLimit 1: keep the fetched pack as one file instead of a loose object per blob.
    git(['-c', 'fetch.unpackLimit=1', 'fetch', '-q', '--no-tags', ...args], ex('fetch', dir));
  switch (s.kind) {
    case 'branch':
      await fetch(['--depth', '1', 'origin', `+refs/heads/${s.branch}:refs/remotes/origin/${s.branch}`]);
      return `refs/remotes/origin/${s.branch}`;
    case 'tag':
    case 'semver': {
      const ref = remote.reference as string;
      await fetch(['--depth', '1', 'origin', `+${ref}:${ref}`]);
      return `${ref}^{commit}`;
    }
    case 'name':
      await fetch(['--depth', '1', 'origin', `+${s.name}:${s.name}`]);
      return `${s.name}^{commit}`;
    case 'commit':
      if (s.branch) {
        await fetch(['origin', `+refs/heads/${s.branch}:refs/remotes/origin/${s.branch}`]);
        try {
          await git(
            ['merge-base', '--is-ancestor', s.commit, `refs/remotes/origin/${s.branch}`],
            ex('merge-base', dir),
          );
        } catch {
          throw new GitError(
            'notfound',
            `unable to resolve commit object for '${s.commit}': object not found`,
          );
        }
        return s.commit;
      }
      try {
        await fetch(['--depth', '1', 'origin', s.commit]);
      } catch {
        try {
          await fetch(['origin', '+refs/heads/*:refs/remotes/origin/*', '+refs/tags/*:refs/tags/*']);
          await git(['cat-file', '-e', `${s.commit}^{commit}`], ex('cat-file', dir));
        } catch {
          throw new GitError(
            'notfound',
            `unable to resolve commit object for '${s.commit}': object not found`,
          );
        }
      }
      return s.commit;
  }
}

async function configureSparse(
  dir: string,
  dirs: readonly string[],
  ex: (what: string, cwd?: string) => ExecOptions,
): Promise<void> {
  await git(['config', 'core.sparseCheckout', 'true'], ex('config', dir));
  await mkdir(join(dir, '.git', 'info'), { recursive: true });
  const lines = dirs.map((d) => `/${trimDir(d)}/`);
  await writeFile(join(dir, '.git', 'info', 'sparse-checkout'), `${lines.join('\n')}\n`);
}

async function checkSparse(dir: string, dirs: readonly string[]): Promise<void> {
  for (const d of dirs) {
    try {
      await lstat(join(dir, trimDir(d)));
    } catch {
      throw new GitError('sparse', `sparse checkout dir '${d}' does not exist in repository`);
    }
  }
}

function trimDir(d: string): string {
  return d.replace(/^\.\//, '').replace(/^\/+|\/+$/g, '');
}

function tagOf(reference: string): { tag?: string } {
  return reference.startsWith('refs/tags/') ? { tag: reference.slice('refs/tags/'.length) } : {};
}

/** Whether a stored revision (`x@sha1:h`, `sha1:h`, legacy `x/h`, or `h`) names commit `hash`. */
export function sameCommit(revision: string, hash: string): boolean {
  const at = revision.lastIndexOf('@');
  const digest = at >= 0 ? revision.slice(at + 1) : revision;
  const hex = digest.includes(':')
    ? digest.slice(digest.indexOf(':') + 1)
    : digest.slice(digest.lastIndexOf('/') + 1);
  return hex === hash;
}

async function treeSize(dir: string, stopAbove: number): Promise<number> {
  let total = 0;
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (total > stopAbove) return;
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) total += (await lstat(p)).size;
    }
  };
  await walk(dir);
  return total;
}
