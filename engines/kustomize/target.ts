/**
 * The build target: accumulate resources (files, directories, components), run generators and the builtin
 * transformers per kustomization, then at the top: hash suffixes, name back-references, build-info cleanup
 * and the sort order.
 */
import { isWithin, resolvePath } from '../fs/index.js';
import { isMap, parseYamlStream, scalarText, type YMap, YScalar, type YValue } from '../yaml/index.js';
import { adoptAccumulatorConfig, customConfigOf, mergeAccumulatorConfig, mergeKustomizationConfig, renewAccumulatorConfig } from './build-config.js';
import { defaultTransformerConfig } from './data/field-specs.js';
import { KustomizeError } from './errors.js';
import { gvkSelected, splitPath, visitField } from './field-spec.js';
import { contentHash, runGenerator } from './generators.js';
import { decodeYaml11 } from './kustomization-schema.js';
import { applyJsonPatch, type JsonPatchOp } from './json-patch.js';
import { type Kustomization, parseKustomization, stringList } from './kustomization.js';
import type { Loader } from './loader.js';
import { effectiveNamespace, idEquals, idString, isClusterScoped, type ResId, Resource } from './resource.js';
import { applyReplacements } from './replacements.js';
import { keepMergedOrigin, type OriginTracking } from './build-metadata.js';
import { markFileLabels } from './file-labels.js';
import type { PluginHooks } from './builtin-plugins.js';
import { checkRepoContainment, type RemoteContext, remoteComponentEntry, remoteResourceEntry } from './remote.js';
import { noteResourceKind, setOpenApiSchema } from './openapi-schema.js';
import { matchesSelector } from './selector.js';
import { mergeVars, type VarDef } from './vars.js';
import { strategicMerge } from './strategic-merge.js';
import { applyAnnotations, applyImages, applyLabels, applyNamespace, applyPrefixSuffix, applyReplicas, withTransformerConfig } from './transformers.js';

export interface BuildState {
  readonly loader: Loader;
  readonly visiting: string[];
  /** Every var of the build, merged as kustomizations finish (resolved at the very end). */
  readonly vars: VarDef[];
  /** Remote bases: the injected fetcher and, inside a clone, its root (see remote.ts). */
  readonly remote?: RemoteContext;
  /** buildMetadata origin tracking (build-metadata.ts): set when the top kustomization lists an option. */
  readonly origin?: OriginTracking;
  /** generators/transformers/validators entries and origin bookkeeping (builtin-plugins.ts). */
  readonly plugins?: PluginHooks;
}

export function resourcesFromText(text: string, file: string): Resource[] {
  let docs: YValue[];
  try {
    docs = parseYamlStream(text, file, { stringKeysOnly: true });
  } catch (err) {
    throw new KustomizeError('invalid-resource', `${(err as Error).message}`);
  }
  const out: Resource[] = [];
  for (const d of docs) {
    if (d === null) continue;
    if (!isMap(d)) throw new KustomizeError('invalid-resource', `${file}: a resource must be a YAML map`);
    if (Object.keys(d).length === 0) continue;
    const kind = scalarText(d.kind) ?? '';
    if (kind.endsWith('List') && Array.isArray(d.items)) {
      for (const it of d.items) if (isMap(it)) out.push(checked(new Resource(it), file));
      continue;
    }
    out.push(checked(new Resource(d), file));
  }
  for (const r of out) noteResourceKind(r.gvk);
  return out;
}

function checked(r: Resource, file: string): Resource {
  r.stringifyMeta();
  markFileLabels(r.obj);
  if (!r.kind) throw new KustomizeError('invalid-resource', `${file}: missing kind in object`);
  if (!r.name) {
    throw new KustomizeError('invalid-resource', `${file}: missing metadata.name in object ${r.kind}`);
  }
  return r;
}

/** Appends `add` to `acc`, refusing a resource whose id is already there; `index` holds acc's id keys. */
function appendAll(acc: Resource[], add: Resource[], where: string, index = new Set(acc.map((r) => r.idKey()))): void {
  for (const r of add) {
    const key = r.idKey();
    if (index.has(key)) {
      throw new KustomizeError(
        'id-conflict',
        `${where}: may not add resource with an already registered id: ${idString(r.curId())}`,
      );
    }
    index.add(key);
    acc.push(r);
  }
}

/** Builds the kustomization in `dir` into `acc` (a component shares its parent's accumulator). */
export function accumulate(st: BuildState, dir: string, acc: Resource[], isComponent: boolean, top = false): Resource[] {
  const file = st.loader.findKustomization(dir);
  // kustomize's errIfArgEqualOrHigher: a kustomization root at or above one being built is a cycle
  const visited = st.visiting.findLast((v) => isWithin(dir, v));
  if (visited !== undefined) {
    throw new KustomizeError('cycle', `cycle detected: candidate root '${dir}' contains visited root '${visited}' (${[...st.visiting, dir].join(' -> ')})`);
  }
  st.visiting.push(dir);
  try {
    const k = parseKustomization(st.loader.readBytesText(file), file);
    setOpenApiSchema(k.openapi, (p) => st.loader.readRelative(dir, p), top);
    const kind = scalarText(k.kind) ?? 'Kustomization';
    if (isComponent && kind !== 'Component') {
      throw new KustomizeError('invalid-kustomization', `expected kind 'Component' for path '${dir}' but got '${kind}'`);
    }
    if (!isComponent && !top && kind === 'Component') {
      throw new KustomizeError('invalid-kustomization', `expected kind != 'Component' for path '${dir}'`);
    }
    const own: Resource[] = isComponent ? acc : [];
    const index = new Set(own.map((r) => r.idKey()));
    for (const entry of [...stringList(k, 'resources', file), ...stringList(k, 'bases', file)]) {
      const before = own.length;
      accumulateEntry(st, dir, entry, own, file, index);
      if (st.origin) st.plugins?.resourcesRead(st, dir, entry, own.slice(before));
    }
    mergeKustomizationConfig(st.loader, dir, k, file, own);
    runGenerators(st, dir, k, own, file);
    st.plugins?.generators(st, dir, k, own, file);
    for (const c of stringList(k, 'components', file)) {
      if (remoteComponentEntry(st, c, file, (sub, d) => void renewAccumulatorConfig(accumulate(sub, d, own, true)))) continue;
      const cdir = resolvePath(dir, c);
      checkRepoContainment(st, cdir);
      if (!st.loader.isDir(cdir)) throw new KustomizeError('missing-file', `${file}: component '${c}' is not a directory`);
      renewAccumulatorConfig(accumulate(st, cdir, own, true));
    }
    withTransformerConfig(customConfigOf(own), () => runTransformers(st, dir, k, own, file));
    st.plugins?.transformers(st, dir, k, own, file);
    st.plugins?.validators(st, dir, k, own, file);
    mergeVars(own, k.vars, st.vars, file);
    if (!isComponent) {
      appendAll(acc, own, file);
      adoptAccumulatorConfig(acc, own);
    }
    return acc;
  } finally {
    st.visiting.pop();
  }
}

export function accumulateEntry(st: BuildState, dir: string, entry: string, acc: Resource[], file: string, index: Set<string>): void {
  const remote = remoteResourceEntry(st, dir, entry, file, resourcesFromText, (sub, d) => {
    const got = accumulate(sub, d, [], false);
    appendAll(acc, got, `accumulating resources from '${entry}': recursed merging from path '${d}'`, index);
    mergeAccumulatorConfig(acc, got);
  });
  if (remote === true) return;
  if (remote) {
    appendAll(acc, remote, `accumulating resources from '${entry}'`, index);
    return;
  }
  const p = resolvePath(dir, entry);
  checkRepoContainment(st, p);
  if (st.loader.isFile(p)) {
    const { text, path } = st.loader.readRelative(dir, entry);
    appendAll(acc, resourcesFromText(text, path), `merging resources from '${entry}'`, index);
    return;
  }
  if (st.loader.isDir(p)) {
    const got = accumulate(st, p, [], false);
    appendAll(acc, got, `accumulating resources from '${entry}': recursed merging from path '${p}'`, index);
    mergeAccumulatorConfig(acc, got);
    return;
  }
  // kustomize's wording: the entry failed as a file, then as a directory
  const missing = `evalsymlink failure on '${p}' : lstat ${p}: no such file or directory`;
  throw new KustomizeError(
    'missing-file',
    `accumulating resources: accumulation err='accumulating resources from '${entry}': ${missing}': must build at directory: not a valid directory: ${missing} (in ${file})`,
  );
}

function runGenerators(st: BuildState, dir: string, k: Kustomization, acc: Resource[], file: string): void {
  for (const [field, kind] of [['configMapGenerator', 'ConfigMap'], ['secretGenerator', 'Secret']] as const) {
    const list = k[field];
    if (!Array.isArray(list)) continue;
    for (const args of list) {
      if (!isMap(args)) continue;
      const r = runGenerator(args, kind, k.generatorOptions, st.loader, dir, file);
      st.plugins?.generated(st, file, r);
      absorbGenerated(acc, r, file);
    }
  }
}

/** kustomize's appendReplaceOrMerge: a generated resource is created, or merged into / replaces the one it names. */
export function absorbGenerated(acc: Resource[], r: Resource, file: string): void {
  const id = r.curId();
  const matches = acc.filter((o) => [o.curId(), ...o.prevIds].some((x) => idEquals(x, id)));
  const behavior = r.generated?.behavior ?? 'create';
  if (matches.length === 0) {
    if (behavior === 'merge' || behavior === 'replace') {
      throw new KustomizeError('generator', `${file}: id ${idString(id)} does not exist; cannot merge or replace`);
    }
    appendAll(acc, [r], `merging from generator ${r.kind} ${r.name}`);
    return;
  }
  if (matches.length > 1) {
    throw new KustomizeError('generator', `${file}: found multiple objects that could accept merge of ${idString(id)}`);
  }
  const old = matches[0] as Resource;
  if (behavior !== 'merge' && behavior !== 'replace') {
    throw new KustomizeError('generator', `${file}: id ${idString(id)} exists; behavior must be merge or replace`);
  }
  const meta = r.ensureMeta();
  const setMap = (f: 'labels' | 'annotations', m: Record<string, string>): void => {
    if (Object.keys(m).length) meta[f] = m;
    else delete meta[f];
  };
  setMap('labels', { ...old.stringMap('labels'), ...r.stringMap('labels') });
  setMap('annotations', { ...old.stringMap('annotations'), ...r.stringMap('annotations') });
  meta.name = old.name;
  if (old.namespace) meta.namespace = old.namespace;
  else delete meta.namespace;
  if (behavior === 'merge') {
    keepMergedOrigin(old, r);
    for (const f of ['data', 'binaryData'] as const) {
      const merged = { ...(isMap(old.obj[f]) ? old.obj[f] : {}), ...(isMap(r.obj[f]) ? r.obj[f] : {}) };
      if (Object.keys(merged).length) r.obj[f] = merged;
      else delete r.obj[f];
    }
  }
  r.prevIds = [...old.prevIds];
  r.prefixes = [...old.prefixes];
  r.suffixes = [...old.suffixes];
  r.refVarNames = [...old.refVarNames];
  const needsHash = (old.generated?.needsHash ?? false) && (r.generated?.needsHash ?? false);
  r.generated = old.generated ? { behavior: old.generated.behavior, needsHash } : undefined;
  acc[acc.indexOf(old)] = r;
}

function parsePatchText(text: string, where: string): YValue[] {
  try {
    return parseYamlStream(text, where);
  } catch (err) {
    throw new KustomizeError('patch', `${where}: ${(err as Error).message}`);
  }
}

export interface Target {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

function anchored(re: string): RegExp {
  return new RegExp(`^(?:${re})$`);
}

/** Resources a patch/plugin target selects (kustomize's ResMap.Select). */
export function selectTargets(acc: Resource[], t: Target): Resource[] {
  const re = (x: string | undefined): RegExp | undefined => (x === undefined ? undefined : anchored(x));
  const group = re(t.group);
  const version = re(t.version);
  const kind = re(t.kind);
  const name = re(t.name);
  const namespace = re(t.namespace);
  return acc.filter((r) => {
    const g = r.gvk;
    if (group && !group.test(g.group)) return false;
    if (version && !version.test(g.version)) return false;
    if (kind && !kind.test(g.kind)) return false;
    const org = r.orgId();
    if (name && !name.test(r.name) && !name.test(org.name)) return false;
    const effNs = (id: ResId): string => (isClusterScoped(id.gvk) ? '_non_namespaceable_' : effectiveNamespace(id));
    if (namespace && !namespace.test(effNs(org)) && !namespace.test(effNs(r.curId()))) return false;
    if (t.labelSelector && !matchesSelector(r.stringMap('labels'), t.labelSelector)) return false;
    if (t.annotationSelector && !matchesSelector(r.stringMap('annotations'), t.annotationSelector)) return false;
    return true;
  });
}

export function targetOf(v: YValue | undefined): Target | undefined {
  if (!isMap(v)) return undefined;
  const t: Target = {};
  for (const f of ['group', 'version', 'kind', 'name', 'namespace', 'labelSelector', 'annotationSelector'] as const) {
    const s = scalarText(v[f]);
    if (s !== undefined && s !== '') t[f] = s;
  }
  return t;
}

interface SmpOptions {
  allowNameChange: boolean;
  allowKindChange: boolean;
}

/**
 * kustomize's Resource.ApplySmPatch: merge, then put back the kind and name (unless the options allow
 * a change) and always the namespace. Returns false when the patch deleted the resource.
 */
function applySmpTo(acc: Resource[], r: Resource, patch: YMap, opts: SmpOptions): boolean {
  const { name, namespace, kind } = { name: r.name, namespace: r.namespace, kind: r.kind };
  if (opts.allowNameChange || opts.allowKindChange) r.storePreviousId();
  const merged = strategicMerge(r.obj, patch, r.gvk);
  if (merged === undefined || Object.keys(merged).length === 0) {
    acc.splice(acc.indexOf(r), 1);
    return false;
  }
  r.obj = merged;
  if (!opts.allowKindChange) r.obj.kind = kind;
  if (!opts.allowNameChange) r.name = name;
  const meta = r.ensureMeta();
  if (namespace) meta.namespace = namespace;
  else delete meta.namespace;
  return true;
}

/** An untargeted strategic merge patch applies to the one resource its id names. */
function applySmp(acc: Resource[], patch: YMap, where: string, opts: SmpOptions): void {
  const p = new Resource(patch);
  const id = p.curId();
  const list = acc.filter((r) => [r.curId(), ...r.prevIds].some((x) => idEquals(x, id)));
  if (list.length !== 1) {
    const s = idString(id);
    const why = `${list.length > 1 ? 'multiple' : 'no'} matches for Id ${s}; failed to find unique target for patch ${s}`;
    throw new KustomizeError('patch', `${where}: no resource matches strategic merge patch "${s}": ${why}`);
  }
  applySmpTo(acc, list[0] as Resource, cloneY(patch), opts);
}

function cloneY(m: YMap): YMap {
  return JSON.parse(JSON.stringify(m, replacer), reviver) as YMap;
}

// YScalar survives a structured copy through these two helpers
function replacer(_k: string, v: unknown): unknown {
  return v instanceof YScalar ? { __ys: v.tag, t: v.text } : v;
}
function reviver(_k: string, v: unknown): unknown {
  if (v && typeof v === 'object' && '__ys' in v) {
    const o = v as { __ys: YScalar['tag']; t: string };
    return new YScalar(o.__ys, o.t);
  }
  return v;
}

function applyJson6902(acc: Resource[], ops: YValue, targets: Resource[], where: string): void {
  if (!Array.isArray(ops)) throw new KustomizeError('patch', `${where}: a JSON 6902 patch must be a list of operations`);
  const parsed: JsonPatchOp[] = ops.map((o) => {
    if (!isMap(o)) throw new KustomizeError('patch', `${where}: invalid operation`);
    return { op: scalarText(o.op) ?? '', path: scalarText(o.path) ?? '', from: scalarText(o.from), value: o.value };
  });
  for (const r of targets) {
    r.storePreviousId();
    r.obj = applyJsonPatch(r.obj, parsed, where);
  }
}

function isJson6902(docs: YValue[]): boolean {
  return docs.length === 1 && Array.isArray(docs[0]);
}

/** `patches` entries; also the PatchTransformer plugin. */
export function runPatches(st: BuildState, dir: string, k: Kustomization, acc: Resource[], file: string): void {
  for (const entry of Array.isArray(k.patches) ? k.patches : []) {
    if (!isMap(entry)) continue;
    const path = scalarText(entry.path);
    const inline = scalarText(entry.patch);
    if (path && inline) throw new KustomizeError('patch', `${file}: patch and path can't be set at the same time`);
    if (!path && !inline) throw new KustomizeError('patch', `${file}: must specify one of patch and path`);
    const where = path ? resolvePath(dir, path) : file;
    const text = path ? st.loader.readRelative(dir, path).text : (inline as string);
    const docs = parsePatchText(text, where);
    const t = targetOf(entry.target);
    const o = isMap(entry.options) ? entry.options : {};
    const opts: SmpOptions = {
      allowNameChange: scalarText(o.allowNameChange) === 'true',
      allowKindChange: scalarText(o.allowKindChange) === 'true',
    };
    if (isJson6902(docs)) {
      if (!t) throw new KustomizeError('patch', `${where}: a JSON 6902 patch needs a target`);
      applyJson6902(acc, decodeYaml11(text, where), selectTargets(acc, t), where);
      continue;
    }
    const patches = docs.filter(isMap);
    if (!t) {
      for (const d of patches) applySmp(acc, d, where, opts);
      continue;
    }
    if (patches.length > 1) {
      throw new KustomizeError('patch', `${where}: Multiple Strategic-Merge Patches in one \`patches\` entry is not allowed to set \`patches.target\` field`);
    }
    const d = patches[0];
    if (!d) continue;
    for (const r of selectTargets(acc, t)) {
      const p = cloneY(d);
      p.apiVersion = r.apiVersion;
      applySmpTo(acc, r, p, opts);
    }
  }
}

/** patchesStrategicMerge entries (file paths or inline patches); also the PatchStrategicMergeTransformer plugin. */
export function runPatchesStrategicMerge(st: BuildState, dir: string, entries: readonly YValue[], acc: Resource[], file: string): void {
  for (const entry of entries) {
    const s = scalarText(entry) ?? '';
    const isInline = s.includes('\n') || /^\s*(apiVersion|kind|metadata):/.test(s);
    const where = isInline ? file : resolvePath(dir, s);
    const docs = parsePatchText(isInline ? s : st.loader.readRelative(dir, s).text, where);
    for (const d of docs) if (isMap(d)) applySmp(acc, d, where, { allowNameChange: false, allowKindChange: false });
  }
}

/** patchesJson6902 entries ({target, path | patch}); also the PatchJson6902Transformer plugin. */
export function runPatchesJson6902(st: BuildState, dir: string, entries: readonly YValue[], acc: Resource[], file: string): void {
  for (const entry of entries) {
    if (!isMap(entry)) continue;
    const t = targetOf(entry.target);
    if (!t) throw new KustomizeError('patch', `${file}: patchesJson6902 entries need a target`);
    // kustomize's PatchJson6902Transformer configuration checks
    if (!t.name) throw new KustomizeError('patch', `${file}: must specify the target name`);
    const path = scalarText(entry.path);
    const inline = scalarText(entry.patch);
    if (!path && !inline) throw new KustomizeError('patch', `${file}: empty file path and empty jsonOp`);
    if (path && inline) throw new KustomizeError('patch', `${file}: must specify a file path or jsonOp, not both`);
    const where = path ? resolvePath(dir, path) : file;
    const text = path ? st.loader.readRelative(dir, path).text : inline ?? '';
    if (text === '') throw new KustomizeError('patch', `${where}: patch file '${path ?? ''}' empty seems to be empty`);
    const ops = decodeYaml11(text, where) ?? [];
    if (Array.isArray(ops) && ops.length === 0) throw new KustomizeError('patch', `${where}: patch appears to be empty`);
    applyJson6902(acc, ops, selectTargets(acc, t), where);
  }
}

/**
 * A kustomization's own transformers, one builtin transformer instance at a time in kustomize's order;
 * `ran` records each on the resources when buildMetadata asks for origins (a no-op otherwise).
 */
function runTransformers(st: BuildState, dir: string, k: Kustomization, acc: Resource[], file: string): void {
  const ran = (kind: string): void => st.plugins?.transformed(st, file, kind, acc);
  const list = (v: YValue | undefined): YValue[] => (Array.isArray(v) ? v : []);
  if (list(k.patchesStrategicMerge).length > 0) {
    runPatchesStrategicMerge(st, dir, list(k.patchesStrategicMerge), acc, file);
    ran('PatchStrategicMergeTransformer');
  }
  for (const p of list(k.patches)) {
    runPatches(st, dir, { patches: [p] }, acc, file);
    ran('PatchTransformer');
  }
  const namespace = scalarText(k.namespace) ?? '';
  const prefix = scalarText(k.namePrefix) ?? '';
  const suffix = scalarText(k.nameSuffix) ?? '';
  applyNamespace(acc, namespace);
  if (namespace) ran('NamespaceTransformer');
  applyPrefixSuffix(acc, prefix, '');
  if (prefix) ran('PrefixTransformer');
  applyPrefixSuffix(acc, '', suffix);
  if (suffix) ran('SuffixTransformer');
  const common = isMap(k.commonLabels) ? k.commonLabels : {};
  if (list(k.labels).length > 0 || Object.keys(common).length > 0) {
    for (const l of list(k.labels)) {
      applyLabels(acc, { labels: [l] });
      ran('LabelTransformer');
    }
    applyLabels(acc, { commonLabels: common });
    ran('LabelTransformer');
  }
  applyAnnotations(acc, k);
  if (isMap(k.commonAnnotations) && Object.keys(k.commonAnnotations).length > 0) ran('AnnotationsTransformer');
  for (const p of list(k.patchesJson6902)) {
    runPatchesJson6902(st, dir, [p], acc, file);
    ran('PatchJson6902Transformer');
  }
  for (const r of list(k.replicas)) {
    applyReplicas(acc, { replicas: [r] });
    ran('ReplicaCountTransformer');
  }
  for (const i of list(k.images)) {
    applyImages(acc, { images: [i] });
    ran('ImageTagTransformer');
  }
  if (list(k.replacements).length > 0) {
    applyReplacements(acc, list(k.replacements), st.loader, dir, file);
    ran('ReplacementTransformer');
  }
}

/** Hash suffixes, then every name back-reference rewritten to the final names (kustomize's FixBackReferences). */
export function finish(acc: Resource[]): void {
  for (const r of acc) {
    if (r.generated?.needsHash) {
      const h = contentHash(r);
      r.storePreviousId();
      r.name = `${r.name}-${h}`;
    }
  }
  fixNameReferences(acc);
}

function fixNameReferences(acc: Resource[]): void {
  for (const ref of (customConfigOf(acc) ?? defaultTransformerConfig).nameReference ?? []) {
    const candidates = acc.filter((c) => c.prevIds.some((id) => gvkSelected(id.gvk, ref)) || gvkSelected(c.gvk, ref));
    if (candidates.length === 0) continue;
    for (const referrer of acc) {
      for (const fs of ref.fieldSpecs) {
        if (!gvkSelected(referrer.gvk, fs)) continue;
        visitField(referrer.obj, splitPath(fs.path.replaceAll('[]', '')), false, (v, parent, key) => {
          const update = (old: string, ns: string | undefined): { name: string; ns: string } | undefined => {
            const found = select(candidates, old, referrer, ns, fs.path.endsWith('roleRef/name') ? roleRefKind(referrer) : undefined);
            return found ? { name: found.name, ns: found.namespace } : undefined;
          };
          if (typeof v === 'string') {
            const r = update(v, undefined);
            if (r && r.name !== v) parent[key] = r.name;
          } else if (Array.isArray(v)) {
            v.forEach((el, i) => {
              if (typeof el === 'string') {
                const r = update(el, undefined);
                if (r) v[i] = r.name;
              } else if (isMap(el)) setMapping(el, update);
            });
          } else if (isMap(v)) setMapping(v, update);
        });
      }
    }
  }
}

function setMapping(m: YMap, update: (old: string, ns: string | undefined) => { name: string; ns: string } | undefined): void {
  const old = scalarText(m.name);
  if (old === undefined) return;
  const r = update(old, scalarText(m.namespace));
  if (!r) return;
  if (r.name === old && r.ns === '') return;
  m.name = r.name;
  if (r.ns) m.namespace = r.ns;
}

function roleRefKind(r: Resource): { group: string; kind: string } | undefined {
  const rr = r.obj.roleRef;
  if (!isMap(rr)) return undefined;
  return { group: scalarText(rr.apiGroup) ?? '', kind: scalarText(rr.kind) ?? '' };
}

function sameEnding(a: string[], b: string[]): boolean {
  // kustomize's utils.SameEndingSubSlice: an empty slice matches only an empty one
  if ((a.length === 0) !== (b.length === 0)) return false;
  const n = Math.min(a.length, b.length);
  for (let i = 1; i <= n; i++) if (a[a.length - i] !== b[b.length - i]) return false;
  return true;
}

function select(
  candidates: Resource[],
  oldName: string,
  referrer: Resource,
  ns: string | undefined,
  roleRef: { group: string; kind: string } | undefined,
): Resource | undefined {
  let c = candidates.filter((r) => r.prevIds.some((id) => id.name === oldName));
  if (ns !== undefined) c = c.filter((r) => (r.orgId().namespace || 'default') === (ns || 'default') || r.namespace === ns);
  if (roleRef) c = c.filter((r) => r.prevIds.some((id) => id.gvk.kind === roleRef.kind && (!roleRef.group || id.gvk.group === roleRef.group)));
  if (!isClusterScoped(referrer.gvk)) {
    const rns = effectiveNamespace(referrer.curId());
    c = c.filter((r) => isClusterScoped(r.gvk) || r.kind === 'ServiceAccount' || effectiveNamespace(r.curId()) === rns);
  }
  if (c.length === 1) return c[0];
  const ps = (r: Resource, allowEmpty: boolean): boolean =>
    ((allowEmpty && (r.prefixes.length === 0 || referrer.prefixes.length === 0)) || sameEnding(r.prefixes, referrer.prefixes)) &&
    ((allowEmpty && (r.suffixes.length === 0 || referrer.suffixes.length === 0)) || sameEnding(r.suffixes, referrer.suffixes));
  c = c.filter((r) => ps(r, true));
  if (c.length > 1) c = c.filter((r) => ps(r, false));
  if (c.length === 1) return c[0];
  if (c.length === 0) return undefined;
  if (c.every((r) => r.name === (c[0] as Resource).name && r.namespace === (c[0] as Resource).namespace)) return c[0];
  throw new KustomizeError('transformer', `found multiple possible referrals: ${c.map((r) => idString(r.curId())).join(', ')}`);
}

