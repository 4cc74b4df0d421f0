/**
 * The `generators`, `transformers` and `validators` entries: plugin configs of kustomize's builtin kinds
 * (apiVersion `builtin`), given inline or as files or directories (a kustomization whose output is the
 * configs). Each kind runs the same code as the kustomization field it stands for. Exec, container and
 * other external plugins are refused, as kustomize refuses them without --enable-alpha-plugins (Flux never
 * sets it). Generators run after the kustomization's own generators, transformers after its own
 * transformers, then validators, which must leave every resource as it was.
 */
import { resolvePath } from '../fs/index.js';
import { deepClone, deepEqual, isMap, jsonToYaml, scalarText, type YMap, type YValue } from '../yaml/index.js';
import {
  builtinOrigin, hasOrigin, markFileOrigins, type Origin, originPath, pluginOrigin, recordTransformations, setOrigin,
} from './build-metadata.js';
import { KustomizeError } from './errors.js';
import { labelsFromFile } from './file-labels.js';
import { contentHash, runGenerator } from './generators.js';
import type { Kustomization } from './kustomization.js';
import { idString, type Resource } from './resource.js';
import { applyReplacements } from './replacements.js';
import { isRemoteFileUrl, parseRepoSpec } from './remote.js';
import { PluginConfig } from './plugin-config.js';
import { makeValueAdd } from './value-add.js';
import {
  absorbGenerated, accumulateEntry, type BuildState, resourcesFromText, runPatches, runPatchesJson6902, runPatchesStrategicMerge,
} from './target.js';
import { applyAffixes, applyImages, applyNamespace, applyReplicas, setStringMap } from './transformers.js';

const VALIDATED_BY = 'validated-by';

type Transform = (acc: Resource[]) => void;
type Generate = () => Resource[];

interface Ctx {
  readonly st: BuildState;
  readonly dir: string;
  readonly file: string;
}

const GENERATORS = new Set(['ConfigMapGenerator', 'SecretGenerator', 'HelmChartInflationGenerator', 'IAMPolicyGenerator']);
const TRANSFORMERS = new Set([
  'AnnotationsTransformer', 'HashTransformer', 'ImageTagTransformer', 'LabelTransformer', 'NamespaceTransformer',
  'PatchJson6902Transformer', 'PatchStrategicMergeTransformer', 'PatchTransformer', 'PrefixSuffixTransformer',
  'PrefixTransformer', 'SuffixTransformer', 'ReplicaCountTransformer', 'ReplacementTransformer', 'ValueAddTransformer',
]);

/** Reads the plugin configs of one field: inline YAML resources, else files or kustomization directories. */
function loadConfigs(ctx: Ctx, entries: readonly string[]): Resource[] {
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

function pluginId(r: Resource): string {
  return idString(r.curId());
}

function checkLoadable(r: Resource, want: 'generator' | 'transformer'): void {
  const g = r.gvk;
  if (g.group !== '' || g.version !== 'builtin') {
    throw new KustomizeError('not-supported', `external plugins disabled; unable to load external plugin '${r.kind}' (exec, container and other non-builtin plugins are never run)`);
  }
  if (!GENERATORS.has(r.kind) && !TRANSFORMERS.has(r.kind)) {
    throw new KustomizeError('invalid-kustomization', `unable to load builtin ${r.kind}.builtin.[noGrp]: no builtin plugin of that kind`);
  }
  if (want === 'generator' && !GENERATORS.has(r.kind)) throw new KustomizeError('invalid-kustomization', `plugin ${pluginId(r)} not a generator`);
  if (want === 'transformer' && !TRANSFORMERS.has(r.kind)) throw new KustomizeError('invalid-kustomization', `plugin ${pluginId(r)} not a transformer`);
  if (r.kind === 'HelmChartInflationGenerator') {
    throw new KustomizeError('not-supported', `plugin ${pluginId(r)}: helm charts are not supported (Flux builds with helm chart inflation disabled)`);
  }
}

/** IAMPolicyGenerator: a GKE workload-identity ServiceAccount (the only cloud kustomize knows). */
function makeIamPolicyGenerator(c: PluginConfig, file: string): Generate {
  const cloud = c.str('cloud') ?? '';
  const ksa = c.map('kubernetesService') ?? {};
  const gsa = c.map('serviceAccount') ?? {};
  const name = c.str('name', ksa) ?? '';
  const namespace = c.str('namespace', ksa) ?? '';
  const account = `${c.str('name', gsa) ?? ''}@${c.str('projectId', gsa) ?? ''}.iam.gserviceaccount.com`;
  return () => {
    if (cloud !== 'gke') throw new KustomizeError('generator', `${file}: cloud provider ${cloud} not supported yet`);
    const meta: YMap = { annotations: { 'iam.gke.io/gcp-service-account': account } };
    if (name) meta.name = name;
    if (namespace) meta.namespace = namespace;
    return resourcesFromText(jsonToYaml({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta }), file);
  };
}

function makeGenerator(ctx: Ctx, r: Resource): Generate {
  const c = new PluginConfig(r.obj, pluginId(r), r.kind);
  if (r.kind === 'IAMPolicyGenerator') return makeIamPolicyGenerator(c, ctx.file);
  const kind = r.kind === 'SecretGenerator' ? 'Secret' : 'ConfigMap';
  const args: YMap = {};
  const name = c.str('name') || r.name;
  const namespace = c.str('namespace') || r.namespace;
  if (name) args.name = name;
  if (namespace) args.namespace = namespace;
  for (const f of ['behavior', 'env', ...(kind === 'Secret' ? ['type'] : [])]) {
    const v = c.str(f);
    if (v !== undefined) args[f] = v;
  }
  for (const f of ['literals', 'files', 'envs']) {
    const v = c.stringList(f);
    if (v !== undefined) args[f] = v;
  }
  const o = c.map('options');
  if (o) {
    const opts: YMap = { labels: c.stringMap('labels', o), annotations: c.stringMap('annotations', o) };
    if (c.raw('disableNameSuffixHash', o) !== undefined) opts.disableNameSuffixHash = String(c.bool('disableNameSuffixHash', o));
    if (c.raw('immutable', o) !== undefined) opts.immutable = String(c.bool('immutable', o));
    args.options = opts;
  }
  return () => [runGenerator(args, kind, undefined, ctx.st.loader, ctx.dir, ctx.file)];
}

function makeTransformer(ctx: Ctx, r: Resource): Transform {
  const c = new PluginConfig(r.obj, pluginId(r), r.kind);
  const { st, dir, file } = ctx;
  switch (r.kind) {
    case 'LabelTransformer':
    case 'AnnotationsTransformer': {
      const values = c.stringMap(r.kind === 'LabelTransformer' ? 'labels' : 'annotations');
      const specs = c.fieldSpecs() ?? [];
      return (acc) => {
        if (Object.keys(values).length === 0) return;
        for (const res of acc) setStringMap(res, specs, values);
      };
    }
    case 'NamespaceTransformer': {
      const meta = c.map('metadata');
      const ns = (meta ? c.str('namespace', meta) : undefined) ?? '';
      const mode = c.str('setRoleBindingSubjects') ?? '';
      if (mode !== '' && mode !== 'defaultOnly' && mode !== 'allServiceAccounts' && mode !== 'none') {
        c.fail(`invalid value "${mode}" for setRoleBindingSubjects: must be one of "defaultOnly", "none" or "allServiceAccounts"`);
      }
      const opts = { specs: c.fieldSpecs() ?? [], unsetOnly: c.bool('unsetOnly'), subjects: (mode || 'defaultOnly') as 'defaultOnly' | 'allServiceAccounts' | 'none' };
      return (acc) => applyNamespace(acc, ns, opts);
    }
    case 'PrefixTransformer':
    case 'SuffixTransformer':
    case 'PrefixSuffixTransformer': {
      const specs = c.fieldSpecs() ?? c.fail('fieldSpecs is not expected to be nil');
      const prefix = r.kind === 'SuffixTransformer' ? undefined : c.str('prefix') ?? '';
      const suffix = r.kind === 'PrefixTransformer' ? undefined : c.str('suffix') ?? '';
      return (acc) => applyAffixes(acc, prefix, suffix, specs);
    }
    case 'ImageTagTransformer': {
      const tag = c.map('imageTag') ?? {};
      const image: YMap = {};
      for (const f of ['name', 'newName', 'newTag', 'digest', 'tagSuffix']) {
        const v = c.str(f, tag);
        if (v !== undefined) image[f] = v;
      }
      const specs = c.fieldSpecs() ?? [];
      return (acc) => applyImages(acc, { images: [image] }, specs);
    }
    case 'ReplicaCountTransformer': {
      const rep = c.map('replica') ?? {};
      const replica: YMap = { name: c.str('name', rep) ?? '', count: c.int('count', rep) ?? '0' };
      const specs = c.fieldSpecs() ?? [];
      return (acc) => applyReplicas(acc, { replicas: [replica] }, specs);
    }
    case 'PatchTransformer': {
      const entry: YMap = {};
      for (const f of ['path', 'patch']) {
        const v = c.str(f);
        if (v) entry[f] = v;
      }
      if (!entry.path && !entry.patch) c.fail('must specify one of patch and path in configuration');
      if (entry.path && entry.patch) c.fail('patch and path can\'t be set at the same time');
      const target = c.map('target');
      if (target) entry.target = target;
      const options = c.map('options');
      if (options) entry.options = { allowNameChange: String(c.bool('allowNameChange', options)), allowKindChange: String(c.bool('allowKindChange', options)) };
      return (acc) => runPatches(st, dir, { patches: [entry] }, acc, file);
    }
    case 'PatchStrategicMergeTransformer': {
      const entries: YValue[] = [...(c.stringList('paths') ?? [])];
      const inline = c.str('patches');
      if (entries.length === 0 && !inline) c.fail('empty file path and empty patch content');
      if (inline) entries.push(inline.includes('\n') ? inline : inline + '\n');
      return (acc) => runPatchesStrategicMerge(st, dir, entries, acc, file);
    }
    case 'PatchJson6902Transformer': {
      // kustomize dereferences a missing target (a crash); the entry checks are runPatchesJson6902's
      const target = c.map('target') ?? c.fail('must specify the target name');
      const path = c.str('path');
      const op = c.str('jsonOp');
      const entry: YMap = { target, ...(path ? { path } : {}), ...(op ? { patch: op } : {}) };
      return (acc) => runPatchesJson6902(st, dir, [entry], acc, file);
    }
    case 'ReplacementTransformer': {
      const list = c.list('replacements') ?? [];
      return (acc) => applyReplacements(acc, list, st.loader, dir, file);
    }
    case 'ValueAddTransformer':
      return makeValueAdd(c, st, dir);
    case 'HashTransformer':
      // hashes every generated resource that wants a suffix now; the build hashes them again at the end
      return (acc) => {
        for (const res of acc) {
          if (!res.generated?.needsHash) continue;
          const h = contentHash(res);
          res.storePreviousId();
          res.name = `${res.name}-${h}`;
        }
      };
    default:
      throw new KustomizeError('invalid-kustomization', `unable to load builtin ${r.kind}.builtin.[noGrp]`);
  }
}

function loadTransformers(ctx: Ctx, entries: readonly string[]): { run: Transform; origin: Origin | undefined }[] {
  const configs = loadConfigs(ctx, entries);
  for (const r of configs) checkLoadable(r, 'transformer');
  return configs.map((r) => ({ run: makeTransformer(ctx, r), origin: ctx.st.origin ? pluginOrigin(r) : undefined }));
}

function entriesOf(k: Kustomization, field: string): string[] {
  const v = k[field];
  return Array.isArray(v) ? v.map((x) => scalarText(x) ?? '') : [];
}

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

interface Snapshot {
  readonly obj: YMap;
  readonly ids: string;
}

function snapshot(r: Resource): Snapshot {
  return { obj: deepClone(r.obj), ids: JSON.stringify([r.prevIds, r.prefixes, r.suffixes]) };
}

/** Labels with `validated-by` taken out, as kustomize compares a validator's result. */
function withoutValidatedBy(obj: YMap): YMap {
  const meta = obj.metadata;
  if (!isMap(meta) || !isMap(meta.labels) || meta.labels[VALIDATED_BY] === undefined) return obj;
  const copy = deepClone(obj);
  const m = copy.metadata as YMap;
  const labels = m.labels as YMap;
  delete labels[VALIDATED_BY];
  if (Object.keys(labels).length === 0) delete m.labels;
  return copy;
}

/**
 * kustomize takes the `validated-by` label out by writing the label map anew (cleared and appended as the
 * last field of metadata) and compares YAML nodes with reflect.DeepEqual, positions and field order
 * included: the result equals the original only when the label map was built by kustomize itself (not
 * read from a file, see file-labels.ts) and already was the last field of metadata.
 */
function rewritesLabels(after: YMap): boolean {
  const meta = after.metadata;
  if (!isMap(meta) || !isMap(meta.labels) || meta.labels[VALIDATED_BY] === undefined) return false;
  if (!Object.keys(meta.labels).some((k) => k !== VALIDATED_BY)) return false;
  const keys = Object.keys(meta);
  return labelsFromFile(meta.labels) || keys[keys.length - 1] !== 'labels';
}

/** The `validators` entries: each runs like a transformer and must change nothing but a `validated-by` label. */
export function runPluginValidators(st: BuildState, dir: string, k: Kustomization, acc: Resource[], file: string): void {
  const entries = entriesOf(k, 'validators');
  if (entries.length === 0) return;
  for (const v of loadTransformers({ st, dir, file }, entries)) {
    const before = acc.map(snapshot);
    v.run(acc);
    const changed = acc.length !== before.length || acc.some((r, i) => {
      const b = before[i] as Snapshot;
      return b.ids !== snapshot(r).ids || !deepEqual(b.obj, withoutValidatedBy(r.obj)) || rewritesLabels(r.obj);
    });
    if (changed) throw new KustomizeError('transformer', `${file}: validator shouldn't modify the resource map`);
  }
}

/** Origins for the kustomization's own configMapGenerator/secretGenerator output. */
export function markGenerated(st: BuildState, file: string, r: Resource): void {
  if (st.origin && !hasOrigin(r)) setOrigin(r, builtinOrigin(st.origin, file, `${r.kind}Generator`));
}

/** A remote entry: its origin would need the repo and ref, which this engine does not record yet. */
function refuseRemoteOrigin(st: BuildState, entry: string, file: string): void {
  if (st.remote?.repoRoot !== undefined || isRemoteFileUrl(entry) || typeof parseRepoSpec(entry) !== 'string') {
    throw new KustomizeError('not-supported', `${file}: buildMetadata with the remote '${entry}' is not supported by this kustomize engine (origins of remote resources are not recorded)`);
  }
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
