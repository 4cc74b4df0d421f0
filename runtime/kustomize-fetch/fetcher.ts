/**
 * The runtime side of kustomize remote resources. The engine is synchronous, so this fetcher answers from
 * what it has already fetched and otherwise throws RemoteFetchPending; buildWithRemotes fetches what was
 * asked for (git via the git CLI, files via undici) and builds again, until the build needs nothing new.
 * Each URL is fetched once per fetcher; clones live in one temporary directory removed by dispose().
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileSystem } from '../../engines/fs/index.js';
import {
  type BuildResult,
  cloneSpec,
  type KustomizeOptions,
  KustomizeError,
  Kustomizer,
  RemoteFetchPending,
  type RemoteFetcher,
  type RemoteFileResponse,
  type RemoteRepo,
  type RemoteRequest,
  type RepoSpec,
} from '../../engines/kustomize/index.js';
import { DiskFileSystem } from '../fs/disk-fs.js';
import { sanitize } from '../git/index.js';
import { cloneRemoteBase } from './git-clone.js';
import { getHttpFile } from './http-file.js';

export interface RemoteFetcherOptions {
  /** Largest remote file body, in bytes. @default 16 MiB */
  readonly maxFileBytes?: number;
  /** Time limit of one http(s) file GET, in milliseconds. @default 27000 (kustomize's git timeout) */
  readonly httpTimeoutMs?: number;
  /** Parent of the temporary clone directory. @default os.tmpdir() */
  readonly tmpDir?: string;
  /**
   * Refuse git repositories (remote bases and components) but still fetch http(s) files, as
   * kustomize-controller's `--no-remote-bases` does. @default false
   */
  readonly noRemoteBases?: boolean;
  /** Allow `file://` repositories on this machine (the CLI does, as kustomize build; a controller should not). @default false */
  readonly allowFileUrls?: boolean;
}

type Outcome<T> = { readonly ok: T } | { readonly error: KustomizeError };

export class PrefetchingFetcher implements RemoteFetcher {
  private readonly repos = new Map<string, Outcome<RemoteRepo>>();
  private readonly files = new Map<string, Outcome<RemoteFileResponse>>();
  private dir: string | undefined;
  private clones = 0;
  /** How many fetches were made (clones and file GETs), for callers and tests. */
  fetches = 0;

  constructor(private readonly options: RemoteFetcherOptions = {}) {}

  cloneRepo(spec: RepoSpec): RemoteRepo {
    if (this.options.noRemoteBases) {
      throw new KustomizeError('security', sanitize(`remote bases are not allowed: ${spec.raw} (the build allows local bases and http(s) files only)`));
    }
    return answer(this.repos.get(repoKey(spec)), { kind: 'repo', spec });
  }

  getFile(url: string): RemoteFileResponse {
    return answer(this.files.get(url), { kind: 'file', url });
  }

  /** Fetches what a build asked for; failures are kept and answered as errors on the next build. */
  async fetch(req: RemoteRequest): Promise<void> {
    this.fetches++;
    if (req.kind === 'file') {
      try {
        const res = await getHttpFile(req.url, { maxBytes: this.options.maxFileBytes, timeoutMs: this.options.httpTimeoutMs });
        this.files.set(req.url, { ok: res });
      } catch (err) {
        this.files.set(req.url, { error: remoteError(`fetching ${req.url}`, err) });
      }
      return;
    }
    this.dir ??= await mkdtemp(join(this.options.tmpDir ?? tmpdir(), 'sluice-kustomize-remote-'));
    const dir = join(this.dir, String(this.clones++));
    try {
      await cloneRemoteBase(req.spec, dir, this.options.allowFileUrls ?? false);
      this.repos.set(repoKey(req.spec), { ok: { fs: new DiskFileSystem(dir), root: '/repo' } });
    } catch (err) {
      this.repos.set(repoKey(req.spec), { error: remoteError(`cloning ${cloneSpec(req.spec)}`, err) });
    }
  }

  /** Removes every clone. */
  async dispose(): Promise<void> {
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}

export type RemoteBuildOptions = KustomizeOptions & RemoteFetcherOptions & {
  /** Most fetches (clones and files) one build may make. @default 64 */
  readonly maxFetches?: number;
};

/** Kustomizer.run with remote resources fetched. */
export function buildWithRemotes(fs: FileSystem, path: string, options: RemoteBuildOptions = {}): Promise<BuildResult> {
  return withFetches(options, (k) => k.run(fs, path));
}

/** `kustomize build URL`: the target itself is a remote repository directory. */
export function buildRemoteTarget(url: string, options: RemoteBuildOptions = {}): Promise<BuildResult> {
  return withFetches(options, (k) => k.runRemote(url));
}

/** Runs `build` until it needs nothing new, fetching what each attempt asked for. */
async function withFetches(options: RemoteBuildOptions, build: (k: Kustomizer) => BuildResult): Promise<BuildResult> {
  const fetcher = new PrefetchingFetcher(options);
  const max = options.maxFetches ?? 64;
  try {
    for (;;) {
      try {
        return build(new Kustomizer({ ...options, fetcher }));
      } catch (err) {
        if (!(err instanceof RemoteFetchPending)) throw err;
        if (fetcher.fetches >= max) throw new KustomizeError('remote', `more than ${max} remote fetches in one build`);
        await fetcher.fetch(err.request);
      }
    }
  } finally {
    await fetcher.dispose();
  }
}

function repoKey(spec: RepoSpec): string {
  return JSON.stringify([cloneSpec(spec), spec.ref, spec.submodules]);
}

function answer<T>(o: Outcome<T> | undefined, req: RemoteRequest): T {
  if (o === undefined) throw new RemoteFetchPending(req);
  if ('error' in o) throw o.error;
  return o.ok;
}

function remoteError(what: string, err: unknown): KustomizeError {
  return new KustomizeError('remote', sanitize(`${what}: ${(err as Error).message}`));
}
