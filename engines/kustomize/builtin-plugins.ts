/**
 * The `generators`, `transformers` and `validators` entries: plugin configs of kustomize's builtin kinds
 * (apiVersion `builtin`), given inline or as files or directories (a kustomization whose output is the
 * configs). Each kind runs the same code as the kustomization field it stands for. Exec, container and
 * other external plugins are refused, as kustomize refuses them without --enable-alpha-plugins (Flux never
 * sets it). Generators run after the kustomization's own generators, transformers after its own
 * transformers, then validators, which must leave every resource as it was.
 */
import { resolvePath } from '../fs/index.js';
import { builtinOrigin, hasOrigin, markFileOrigins, pluginOrigin, recordTransformations, setOrigin } from './build-metadata.js';
import type { Kustomization } from './kustomization.js';
import { checkLoadable, type Ctx, makeGenerator } from './plugin-kinds.js';
import { entriesOf, loadConfigs, loadTransformers, refuseRemoteOrigin } from './plugin-loader.js';
import { runPluginValidators } from './plugin-validators.js';
import type { Resource } from './resource.js';
import { absorbGenerated, type BuildState } from './target.js';

/** The `generators` entries, after the kustomization's configMapGenerator/secretGenerator. */
export function runPluginGenerators(st: BuildState, dir: string, k: Kustomization, acc: Resource[], file: string): void {
  if (st.origin) {
    for (const c of entriesOf(k, 'components')) if (!st.loader.isDir(resolvePath(dir, c))) refuseRemoteOrigin(st, c, file);
  }
  const entries = entriesOf(k, 'generators');
  if (entries.length === 0) return;
  const ctx: Ctx = { st, dir, file };
  const configs = loadConfigs(ctx, entries);
  for (const r of configs) checkLoadable(r, 'generator');
  const gens = configs.map((r) => ({ gen: makeGenerator(ctx, r), origin: st.origin ? pluginOrigin(r) : undefined }));
  for (const { gen, origin } of gens) {
    for (const res of gen()) {
      if (origin && !hasOrigin(res)) setOrigin(res, origin);
      absorbGenerated(acc, res, file);
    }
  }
}

/**
 * The `transformers` entries, after the kustomization's own transformers; each is recorded on every
 * resource as it runs when origins are tracked, as kustomize's multiTransformer does.
 */
export function runPluginTransformers(st: BuildState, dir: string, k: Kustomization, acc: Resource[], file: string): void {
  const entries = entriesOf(k, 'transformers');
  if (entries.length === 0) return;
  for (const p of loadTransformers({ st, dir, file }, entries)) {
    p.run(acc);
    if (p.origin) recordTransformations(acc, [p.origin]);
  }
}

/** A builtin transformer of the kustomization's own fields has run: recorded when origins are tracked. */
export function noteTransformer(st: BuildState, file: string, kind: string, acc: readonly Resource[]): void {
  if (st.origin) recordTransformations(acc, [builtinOrigin(st.origin, file, kind)]);
}

/** Origins for the kustomization's own configMapGenerator/secretGenerator output. */
export function markGenerated(st: BuildState, file: string, r: Resource): void {
  if (st.origin && !hasOrigin(r)) setOrigin(r, builtinOrigin(st.origin, file, `${r.kind}Generator`));
}

/** Origins for resources a `resources` entry read from a file. */
export function markResourceOrigins(st: BuildState, dir: string, entry: string, added: readonly Resource[]): void {
  if (!st.origin) return;
  const abs = resolvePath(dir, entry);
  if (!st.loader.isFile(abs) && !st.loader.isDir(abs)) refuseRemoteOrigin(st, entry, st.loader.findKustomization(dir));
  if (added.length === 0) return;
  if (st.loader.isFile(abs)) markFileOrigins(st.origin, added, abs);
}

/** What the build target calls (through BuildState, so target.ts needs no runtime import of this file). */
export interface PluginHooks {
  readonly generators: typeof runPluginGenerators;
  readonly transformers: typeof runPluginTransformers;
  readonly validators: typeof runPluginValidators;
  readonly generated: typeof markGenerated;
  readonly resourcesRead: typeof markResourceOrigins;
  readonly transformed: typeof noteTransformer;
}

export const pluginHooks: PluginHooks = {
  generators: runPluginGenerators,
  transformers: runPluginTransformers,
  validators: runPluginValidators,
  generated: markGenerated,
  resourcesRead: markResourceOrigins,
  transformed: noteTransformer,
};
