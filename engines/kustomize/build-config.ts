/**
 * The transformer config of each resource accumulator, as kustomize's ResAccumulator keeps it: a new
 * kustomization starts empty, takes the config of every resource directory it accumulates, then its own
 * (builtin defaults + `configurations`), then the config read from its `crds`; a component adds to its
 * parent's. Transformers of a kustomization use its config; name references and vars at the top use the
 * top's, which holds every config of the build.
 *
 * Configs are immutable and merges are cached by identity; configs built from the defaults alone are one
 * shared object, so a tree without custom configs costs a few map lookups per kustomization. Transformers get `undefined` (the builtin defaults, as before) unless a
 * custom config was merged in somewhere below.
 */
import { defaultTransformerConfig } from './data/field-specs.js';
import { configFromCrds } from './crd-config.js';
import type { TransformerConfigData } from './field-spec.js';
import { type Kustomization, stringList } from './kustomization.js';
import type { Loader } from './loader.js';
import type { Resource } from './resource.js';
import { compareGvk, FIELD_SPEC_LISTS, mergeConfigs, parseTransformerConfig } from './transformer-config.js';

const EMPTY: TransformerConfigData = Object.freeze({});

/** MakeDefaultConfig: the builtin lists, each sorted by GVK (not yet deduplicated). */
const DEFAULTS: TransformerConfigData = (() => {
  const out: Record<string, unknown> = {};
  for (const [key] of FIELD_SPEC_LISTS) out[key] = [...((defaultTransformerConfig[key] as readonly []) ?? [])].sort(compareGvk);
  out.nameReference = [...(defaultTransformerConfig.nameReference ?? [])].sort(compareGvk);
  return out as TransformerConfigData;
})();

const configs = new WeakMap<readonly Resource[], TransformerConfigData>();
/** Configs that hold something beyond the builtin defaults. */
const custom = new WeakSet<TransformerConfigData>();
const cache = new WeakMap<TransformerConfigData, Map<TransformerConfigData, TransformerConfigData>>();

let canonical: TransformerConfigData | undefined;

function merge(a: TransformerConfigData, b: TransformerConfigData): TransformerConfigData {
  if (!custom.has(a) && !custom.has(b)) {
    // every non-empty config built from the defaults alone has the same content (merging is idempotent)
    if (a === EMPTY && b === EMPTY) return EMPTY;
    canonical ??= mergeConfigs(EMPTY, DEFAULTS);
    return canonical;
  }
  let m = cache.get(a);
  const hit = m?.get(b);
  if (hit) return hit;
  const out = mergeConfigs(a, b);
  // a merge that adds nothing returns `a`, whose content (and so customness) is unchanged
  if (out !== a && (custom.has(a) || custom.has(b))) custom.add(out);
  if (!m) {
    m = new Map();
    cache.set(a, m);
  }
  m.set(b, out);
  return out;
}

function configOf(acc: readonly Resource[]): TransformerConfigData {
  return configs.get(acc) ?? EMPTY;
}

/** ResAccumulator.MergeConfig of another accumulator's config into `into`. */
export function mergeAccumulatorConfig(into: readonly Resource[], from: readonly Resource[]): void {
  configs.set(into, merge(configOf(into), configOf(from)));
}

/** After a component: kustomize moves the shared accumulator into a new, empty one. */
export function renewAccumulatorConfig(acc: readonly Resource[]): void {
  configs.set(acc, merge(EMPTY, configOf(acc)));
}

/** MakeTransformerConfig(configurations) then LoadConfigFromCRDs(crds), both merged into `acc`'s config. */
export function mergeKustomizationConfig(loader: Loader, dir: string, k: Kustomization, file: string, acc: readonly Resource[]): void {
  const paths = stringList(k, 'configurations', file);
  let own = DEFAULTS;
  if (paths.length > 0) {
    let loaded: TransformerConfigData = EMPTY;
    for (const p of paths) {
      const { text, path } = loader.readRelative(dir, p);
      const t = parseTransformerConfig(text, path);
      custom.add(t);
      loaded = merge(loaded, t);
    }
    own = merge(DEFAULTS, loaded);
  }
  let cfg = merge(configOf(acc), own);
  const crds = stringList(k, 'crds', file);
  if (crds.length > 0) {
    const crdTc = configFromCrds(crds.map((p) => loader.readRelative(dir, p)));
    custom.add(crdTc);
    cfg = merge(cfg, crdTc);
  } else cfg = merge(cfg, EMPTY);
  configs.set(acc, cfg);
}

/** The config transformers of `acc` use, or undefined for the builtin defaults. */
export function customConfigOf(acc: readonly Resource[]): TransformerConfigData | undefined {
  const c = configs.get(acc);
  return c && custom.has(c) ? c : undefined;
}

/** A kustomization's accumulator becomes its caller's result: the caller takes its config as it is. */
export function adoptAccumulatorConfig(into: readonly Resource[], from: readonly Resource[]): void {
  const c = configs.get(from);
  if (c) configs.set(into, c);
}
