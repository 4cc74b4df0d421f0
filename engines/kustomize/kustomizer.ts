/** The public entry: build the kustomization at a path of an injected filesystem. */
import { type FileSystem, normalizePath } from '../fs/index.js';
import { jsonToYaml, isMap, scalarText, type YMap } from '../yaml/index.js';
import { finishBuildMetadata, startTracking } from './build-metadata.js';
import { pluginHooks } from './builtin-plugins.js';
import { KustomizeError } from './errors.js';
import { Loader, type LoaderOptions } from './loader.js';
import { parseKustomization } from './kustomization.js';
import { idString, type Resource } from './resource.js';
import { openRemoteTarget, type RemoteContext, type RemoteFetcher } from './remote.js';
import { sortResources } from './sort.js';
import { accumulate, finish } from './target.js';
import { resolveVars } from './vars.js';

export interface KustomizeOptions extends LoaderOptions {
  /** Fetches remote resources and components (URLs); without one they are refused with 'not-supported'. */
  readonly fetcher?: RemoteFetcher;
}

export interface BuildResult {
  /** The built resources, in output order (plain JSON-like data; see engines/yaml YValue). */
  readonly resources: readonly YMap[];
  /** Exactly what `kustomize build` prints. */
  readonly yaml: string;
}

const LOCAL_CONFIG = 'config.kubernetes.io/local-config';

export class Kustomizer {
  constructor(private readonly options: KustomizeOptions = {}) {}

  /** Builds the kustomization in directory `path` of `fs`; throws KustomizeError on invalid input. */
  static run(fs: FileSystem, path: string, options: KustomizeOptions = {}): BuildResult {
    return new Kustomizer(options).run(fs, path);
  }

  /**
   * Builds a remote target, as `kustomize build URL`: the repository is cloned through the fetcher and
   * every read stays inside the clone.
   */
  runRemote(url: string): BuildResult {
    const t = openRemoteTarget(url, this.options.fetcher, this.options.maxFileBytes);
    return this.run(t.fs, t.dir, t.remote);
  }

  run(fs: FileSystem, path: string, remote: RemoteContext = { fetcher: this.options.fetcher, chain: [] }): BuildResult {
    const loader = new Loader(fs, this.options);
    const dir = loader.realPath(normalizePath(path));
    if (!loader.isDir(dir)) throw new KustomizeError('missing-file', `must build at directory: not a valid directory: '${path}'`);
    const top = parseKustomization(loader.readBytesText(loader.findKustomization(dir)), loader.findKustomization(dir));
    const state = {
      loader, visiting: [], vars: [], remote,
      origin: startTracking(top, dir), plugins: pluginHooks,
    };
    const acc = accumulate(state, dir, [], false, true);
    finish(acc);
    resolveVars(acc, state.vars);
    const kept = acc.filter((r) => r.stringMap('annotations')[LOCAL_CONFIG] === undefined);
    let order: 'legacy' | 'fifo' = 'legacy';
    let first: string[] | undefined;
    let last: string[] | undefined;
    if (isMap(top.sortOptions)) {
      order = (scalarText(top.sortOptions.order) ?? '') as 'legacy' | 'fifo';
      const lo = top.sortOptions.legacySortOptions;
      if (isMap(lo)) {
        if (order === 'fifo') {
          throw new KustomizeError('invalid-kustomization', `the field 'sortOptions.legacySortOptions' is set but the selected sort order is 'fifo', not 'legacy'`);
        }
        first = Array.isArray(lo.orderFirst) ? lo.orderFirst.map((x) => scalarText(x) ?? '') : [];
        last = Array.isArray(lo.orderLast) ? lo.orderLast.map((x) => scalarText(x) ?? '') : [];
      }
    }
    const sorted = sortResources(kept, order, first, last);
    finishBuildMetadata(sorted, top);
    const docs = sorted.map((r) => {
      try {
        return jsonToYaml(r.obj);
      } catch (err) {
        throw new KustomizeError('invalid-resource', `${idString(r.curId())}: ${(err as Error).message}`, { cause: err });
      }
    });
    return { resources: sorted.map((r: Resource) => r.obj), yaml: docs.join('---\n') };
  }
}

/** Same as Kustomizer.run. */
export function buildKustomization(fs: FileSystem, path: string, options: KustomizeOptions = {}): BuildResult {
  return Kustomizer.run(fs, path, options);
}
