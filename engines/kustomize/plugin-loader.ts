/** Reading the plugin configs a `generators`, `transformers` or `validators` field names. */
import { resolvePath } from '../fs/index.js';
import { scalarText } from '../yaml/index.js';
import { markFileOrigins, type Origin, originPath, pluginOrigin, setOrigin } from './build-metadata.js';
import { KustomizeError } from './errors.js';
import type { Kustomization } from './kustomization.js';
import { checkLoadable, type Ctx, makeTransformer, type Transform } from './plugin-kinds.js';
import { isRemoteFileUrl, parseRepoSpec } from './remote.js';
import type { Resource } from './resource.js';
import { accumulateEntry, type BuildState, resourcesFromText } from './target.js';

/** Reads the plugin configs of one field: inline YAML resources, else files or kustomization directories. */
export function loadConfigs(ctx: Ctx, entries: readonly string[]): Resource[] {
  const { st, dir, file } = ctx;
  const out: Resource[] = [];
  const index = new Set<string>();
  const paths: string[] = [];
  for (const e of entries) {
    let inline: Resource[];
    try {
      inline = resourcesFromText(e, file);
    } catch {
      paths.push(e);
      continue;
    }
    // kustomize ignores an id conflict among inline configs: the rest of that entry is dropped
    for (const r of inline) {
      if (index.has(r.idKey())) break;
      index.add(r.idKey());
      if (st.origin) setOrigin(r, { path: originPath(st.origin, file) });
      out.push(r);
    }
  }
  // a directory of configs is a build of its own: its vars stay out of this build's vars
  const sub: BuildState = { ...st, vars: [] };
  for (const p of paths) {
    const abs = resolvePath(dir, p);
    if (st.origin && !st.loader.isFile(abs) && !st.loader.isDir(abs)) refuseRemoteOrigin(st, p, file);
    const before = out.length;
    accumulateEntry(sub, dir, p, out, file, index);
    if (st.origin && st.loader.isFile(abs)) markFileOrigins(st.origin, out.slice(before), abs);
  }
  return out;
}

export function loadTransformers(ctx: Ctx, entries: readonly string[]): { run: Transform; origin: Origin | undefined }[] {
  const configs = loadConfigs(ctx, entries);
  for (const r of configs) checkLoadable(r, 'transformer');
  return configs.map((r) => ({ run: makeTransformer(ctx, r), origin: ctx.st.origin ? pluginOrigin(r) : undefined }));
}

export function entriesOf(k: Kustomization, field: string): string[] {
  const v = k[field];
  return Array.isArray(v) ? v.map((x) => scalarText(x) ?? '') : [];
}

/** A remote entry: its origin would need the repo and ref, which this engine does not record yet. */
export function refuseRemoteOrigin(st: BuildState, entry: string, file: string): void {
  if (st.remote?.repoRoot !== undefined || isRemoteFileUrl(entry) || typeof parseRepoSpec(entry) !== 'string') {
    throw new KustomizeError('not-supported', `${file}: buildMetadata with the remote '${entry}' is not supported by this kustomize engine (origins of remote resources are not recorded)`);
  }
}

