/**
 * Remote resources and components through an injected fetcher. The engine stays pure and synchronous: a
 * RemoteFetcher hands back a clone as a FileSystem, or the body of an http(s) file. A fetcher that cannot
 * answer synchronously throws RemoteFetchPending; runtime/kustomize-fetch then fetches and builds again.
 *
 * The order is kustomize's (KustTarget.accumulateResources + FileLoader.New/Load): an http(s) entry is
 * first fetched as a file; a 2xx body is resources, anything else falls back to a git clone when the URL
 * parses as a repository. Other entries are a local file when one exists, else a repository when they
 * parse as one, else a local directory. A clone confines every read to itself.
 */
import { basenamePath, type FileSystem, isWithin, resolvePath } from '../fs/index.js';
import { KustomizeError } from './errors.js';
import { Loader } from './loader.js';
import { isRemoteFileUrl, parseRepoSpec, type RepoSpec } from './remote-spec.js';
import type { Resource } from './resource.js';
import type { BuildState } from './target.js';

export { cloneSpec, isRemoteFileUrl, parseRepoSpec, type RepoSpec } from './remote-spec.js';

/** A cloned repository: `fs` holds it under directory `root`. Nothing outside `root` is read. */
export interface RemoteRepo {
  readonly fs: FileSystem;
  readonly root: string;
}

/** The answer to an http(s) GET. */
export interface RemoteFileResponse {
  readonly status: number;
  /** Reason phrase, e.g. "Not Found". */
  readonly statusText: string;
  readonly body: Uint8Array;
}

/** Fetches what a kustomization names by URL. Throws KustomizeError (code 'remote') when a fetch fails. */
export interface RemoteFetcher {
  /** A shallow clone of `spec` at its ref (kustomize: init, fetch --depth=1 origin REF, checkout FETCH_HEAD). */
  cloneRepo(spec: RepoSpec): RemoteRepo;
  /** An http(s) GET of `url` (redirects followed). */
  getFile(url: string): RemoteFileResponse;
}

export type RemoteRequest = { readonly kind: 'repo'; readonly spec: RepoSpec } | { readonly kind: 'file'; readonly url: string };

/** Thrown by a fetcher that must fetch asynchronously first; the build is re-run once it has. */
export class RemoteFetchPending extends Error {
  constructor(readonly request: RemoteRequest) {
    super(`remote ${shown(request.kind === 'repo' ? request.spec.raw : request.url)} is not fetched yet`);
    this.name = 'RemoteFetchPending';
  }
}

/** Where the build is reading from, for remote bases. */
export interface RemoteContext {
  readonly fetcher?: RemoteFetcher;
  /** Raw URLs of the remote bases being built, outermost first (kustomize's repo cycle check). */
  readonly chain: readonly string[];
  /** The clone directory the current loader reads from, when it reads from a clone. */
  readonly repoRoot?: string;
}

/** How a remote base is built: the target's accumulate, given a state over the clone. */
export type BuildRemote = (state: BuildState, dir: string) => void;

const decoder = new TextDecoder('utf-8');

/** A URL for messages: userinfo (`user:token@`) removed. */
function shown(url: string): string {
  return url.replace(/(\/\/|^)[^/@\s]*@/, '$1');
}

/**
 * Loads resource entry `entry` of kustomization `file` (in `dir`) when it is remote: returns the resources
 * of a remote file, or true once `build` has accumulated a remote base; undefined when `entry` is local.
 */
export function remoteResourceEntry(
  st: BuildState,
  dir: string,
  entry: string,
  file: string,
  fromText: (text: string, where: string) => Resource[],
  build: BuildRemote,
): Resource[] | true | undefined {
  if (isRemoteFileUrl(entry)) {
    const fetcher = requireFetcher(st, entry, file, 'resource');
    const res = fetcher.getFile(entry);
    const spec = parseRepoSpec(entry);
    if (res.status >= 200 && res.status <= 299) {
      try {
        return fromText(decoder.decode(res.body), entry);
      } catch (err) {
        if (typeof spec === 'string') throw err;
        try {
          buildRemoteBase(st, spec, build);
          return true;
        } catch (cloneErr) {
          if (cloneErr instanceof RemoteFetchPending) throw cloneErr;
          throw err;
        }
      }
    }
    if (typeof spec === 'string') {
      throw new KustomizeError(
        'remote',
        `accumulating resources: accumulating resources from '${shown(entry)}': HTTP Error: status code ${res.status} (${res.statusText}) (in ${file})`,
      );
    }
    buildRemoteBase(st, spec, build);
    return true;
  }
  const spec = parseRepoSpec(entry);
  if (typeof spec === 'string' || st.loader.isFile(resolvePath(dir, entry))) return undefined;
  requireFetcher(st, entry, file, 'resource');
  buildRemoteBase(st, spec, build);
  return true;
}

/** A component named by URL: builds it and returns true; undefined when `entry` is a local path. */
export function remoteComponentEntry(st: BuildState, entry: string, file: string, build: BuildRemote): true | undefined {
  const spec = parseRepoSpec(entry);
  if (typeof spec === 'string') return undefined;
  requireFetcher(st, entry, file, 'component');
  buildRemoteBase(st, spec, build);
  return true;
}

/** kustomize's errIfGitContainmentViolation: a base inside a clone must stay inside that clone. */
export function checkRepoContainment(st: BuildState, base: string): void {
  const root = st.remote?.repoRoot;
  if (root === undefined || isWithin(root, base)) return;
  throw new KustomizeError(
    'security',
    `security; bases in kustomizations found in cloned git repos must be within the repo, but base '${base}' is outside '${root}'`,
  );
}

function requireFetcher(st: BuildState, entry: string, file: string, what: string): RemoteFetcher {
  const f = st.remote?.fetcher;
  if (!f) throw new KustomizeError('not-supported', `${file}: remote ${what} ${shown(entry)} requires a fetcher, and none is configured`);
  return f;
}

/** The clone and directory of a remote build target (`kustomize build URL`), with its confinement. */
export function openRemoteTarget(
  url: string,
  fetcher: RemoteFetcher | undefined,
  maxFileBytes: number | undefined,
): { fs: FileSystem; dir: string; remote: RemoteContext } {
  const spec = parseRepoSpec(url);
  if (typeof spec === 'string') throw new KustomizeError('missing-file', `${shown(url)} is not a remote kustomization: ${spec}`);
  if (!fetcher) throw new KustomizeError('not-supported', `remote target ${shown(url)} requires a fetcher, and none is configured`);
  const repo = fetcher.cloneRepo(spec);
  const loader = new Loader(repo.fs, { maxFileBytes, fetcher });
  const dir = remoteKustomizationDir(loader, repo, spec);
  return { fs: repo.fs, dir, remote: { fetcher, chain: [spec.raw], repoRoot: repo.root } };
}

function buildRemoteBase(st: BuildState, spec: RepoSpec, build: BuildRemote): void {
  const ctx = st.remote as RemoteContext;
  const prev = ctx.chain.find((raw) => raw.startsWith(spec.raw));
  if (prev !== undefined) {
    throw new KustomizeError('cycle', `cycle detected: URI '${shown(spec.raw)}' referenced by previous URI '${shown(prev)}'`);
  }
  const repo = (ctx.fetcher as RemoteFetcher).cloneRepo(spec);
  const loader = new Loader(repo.fs, { maxFileBytes: st.loader.maxFileBytes, fetcher: ctx.fetcher });
  const real = remoteKustomizationDir(loader, repo, spec);
  const state: BuildState = {
    loader,
    visiting: [],
    vars: st.vars,
    remote: { fetcher: ctx.fetcher, chain: [...ctx.chain, spec.raw], repoRoot: repo.root },
  };
  build(state, real);
}

/** newLoaderAtGitClone's checks: the kustomization path is a directory inside the clone. */
function remoteKustomizationDir(loader: Loader, repo: RemoteRepo, spec: RepoSpec): string {
  const abs = resolvePath(repo.root, spec.kustRootPath);
  const real = loader.realPath(abs);
  if (!isWithin(repo.root, real)) {
    throw new KustomizeError('security', `"${abs}" refers to directory outside of repo "${repo.root}" (${shown(spec.raw)})`);
  }
  if (loader.isFile(real)) {
    throw new KustomizeError('remote', `'${abs}' refers to file '${basenamePath(real)}'; expecting directory (${shown(spec.raw)})`);
  }
  if (!loader.isDir(real)) {
    throw new KustomizeError('missing-file', `evalsymlink failure on '${abs}' : lstat ${abs}: no such file or directory (${shown(spec.raw)})`);
  }
  return real;
}
