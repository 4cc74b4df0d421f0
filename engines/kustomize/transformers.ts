/** The builtin transformers kustomize runs per kustomization, in its order. */
import { isMap, scalarText, type YMap, YScalar, type YValue, YUntaggedScalar } from '../yaml/index.js';
import { defaultTransformerConfig } from './data/field-specs.js';
import { applyAffixSpecs } from './config-affixes.js';
import { KustomizeError } from './errors.js';
import { type FieldSpec, gvkSelected, splitPath, type TransformerConfigData, visitField } from './field-spec.js';
import { stringMap } from './kustomization.js';
import { mergeFieldSpecs } from './transformer-config.js';
import { gvkString, idString, isClusterScoped, type Resource } from './resource.js';

let cfg: TransformerConfigData = defaultTransformerConfig;

/** Runs `fn` with the transformers reading `config` (a kustomization's merged transformer config; undefined: the builtin defaults). */
export function withTransformerConfig<T>(config: TransformerConfigData | undefined, fn: () => T): T {
  const prev = cfg;
  cfg = config ?? defaultTransformerConfig;
  try {
    return fn();
  } finally {
    cfg = prev;
  }
}

function specsFor(r: Resource, specs: readonly FieldSpec[] | undefined): FieldSpec[] {
  const gvk = r.gvk;
  return (specs ?? []).filter((fs) => gvkSelected(gvk, fs));
}

function pathOf(fs: FieldSpec): string[] {
  return splitPath(fs.path);
}

/** The NamespaceTransformer's options (its plugin config; the `namespace` field uses the defaults). */
export interface NamespaceOptions {
  readonly specs?: readonly FieldSpec[];
  /** Only set a namespace field that is missing or empty. */
  readonly unsetOnly?: boolean;
  readonly subjects?: 'defaultOnly' | 'allServiceAccounts' | 'none';
  /** kustomize's bare namespace filter (ValueAddTransformer): no previous id kept, no conflict check. */
  readonly filterOnly?: boolean;
}

export function applyNamespace(resources: Resource[], ns: string, opts: NamespaceOptions = {}): void {
  if (!ns) return;
  const setNs = (v: YValue | undefined, parent: YMap, key: string): void => {
    if (isMap(v ?? null) || Array.isArray(v)) throw new KustomizeError('transformer', `namespace field specs must target scalar nodes (field '${key}')`);
    if (opts.unsetOnly && scalarText(v) !== undefined && scalarText(v) !== '') return;
    parent[key] = ns;
  };
  for (const r of resources) {
    if (!opts.filterOnly) r.storePreviousId();
    const gvk = r.gvk;
    if (!isClusterScoped(gvk)) visitField(r.obj, ['metadata', 'namespace'], true, setNs, () => '');
    for (const fs of specsFor(r, opts.specs ?? cfg.namespace)) {
      if (fs.path === 'metadata/namespace') continue;
      if (fs.path === 'metadata/name' && r.apiVersion !== 'v1') continue;
      if ((gvk.kind === 'RoleBinding' || gvk.kind === 'ClusterRoleBinding') && fs.path === 'subjects') continue;
      visitField(r.obj, pathOf(fs), fs.create ?? false, setNs, () => '');
    }
    const mode = opts.subjects ?? 'defaultOnly';
    if ((gvk.kind === 'RoleBinding' || gvk.kind === 'ClusterRoleBinding') && mode !== 'none') {
      const subjects = r.obj.subjects;
      if (Array.isArray(subjects)) {
        for (const s of subjects) {
          if (!isMap(s)) continue;
          if (mode === 'defaultOnly' ? scalarText(s.name) === 'default' : scalarText(s.kind) === 'ServiceAccount') {
            visitField(s, ['namespace'], true, setNs, () => '');
          }
        }
      }
    }
  }
  if (opts.filterOnly) return;
  const seen = new Set<string>();
  for (const r of resources) {
    const key = r.idKey();
    if (seen.has(key)) {
      throw new KustomizeError('id-conflict', `namespace transformation produces ID conflict: ${idString(r.curId())}`);
    }
    seen.add(key);
  }
}

const PREFIX_SKIP = (r: Resource): boolean => {
  const id = r.orgId().gvk;
  return id.kind === 'CustomResourceDefinition' || id.kind === 'Namespace' ||
    (id.kind === 'APIService' && id.group === 'apiregistration.k8s.io');
};

export function applyPrefixSuffix(resources: Resource[], prefix: string, suffix: string): void {
  if (cfg !== defaultTransformerConfig) {
    if (prefix) applyAffixSpecs(resources, prefix, true, cfg.namePrefix ?? [], PREFIX_SKIP);
    if (suffix) applyAffixSpecs(resources, suffix, false, cfg.nameSuffix ?? [], PREFIX_SKIP);
    return;
  }
  for (const [value, isPrefix] of [[prefix, true], [suffix, false]] as const) {
    if (!value) continue;
    for (const r of resources) {
      if (PREFIX_SKIP(r)) continue;
      r.storePreviousId();
      if (isPrefix) r.prefixes.push(value);
      else r.suffixes.push(value);
      r.name = isPrefix ? value + r.name : r.name + value;
    }
  }
}

/**
 * The PrefixTransformer, SuffixTransformer and PrefixSuffixTransformer plugins: the prefix and suffix are
 * added to every field their specs select; a `metadata/name` spec also records them for name references
 * (even when empty, as kustomize does) and keeps the previous id when one is set.
 */
export function applyAffixes(resources: Resource[], prefix: string | undefined, suffix: string | undefined, specs: readonly FieldSpec[]): void {
  for (const r of resources) {
    if (PREFIX_SKIP(r)) continue;
    const org = r.orgId().gvk;
    for (const fs of specs) {
      if (!gvkSelected(org, fs)) continue;
      if (fs.path === 'metadata/name') {
        if (prefix !== undefined) r.prefixes.push(prefix);
        if (suffix !== undefined) r.suffixes.push(suffix);
        if (prefix || suffix) r.storePreviousId();
      }
      if (!gvkSelected(r.gvk, fs)) continue;
      visitField(r.obj, pathOf(fs), fs.create ?? false, (v, parent, key) => {
        if (isMap(v ?? null) || Array.isArray(v)) {
          throw new KustomizeError('transformer', `${idString(r.curId())}: ${fs.path} is not a scalar`);
        }
        parent[key] = (prefix ?? '') + (scalarText(v ?? null) ?? '') + (suffix ?? '');
      }, () => '');
    }
  }
}

export function setStringMap(r: Resource, specs: readonly FieldSpec[], values: Record<string, string>): void {
  for (const fs of specsFor(r, specs)) {
    visitField(r.obj, pathOf(fs), fs.create ?? false, (v, parent, key) => {
      let m = v;
      if (!isMap(m)) {
        if (m !== null && m !== undefined) {
          throw new KustomizeError('transformer', `considering field '${fs.path}' of object ${idString(r.curId())}: wrong node kind: expected MappingNode`);
        }
        m = {};
        parent[key] = m;
      }
      for (const [k, val] of Object.entries(values)) (m as YMap)[k] = val;
    }, () => ({}));
  }
}

export function applyLabels(resources: Resource[], k: YMap): void {
  const common = stringMap(k.commonLabels);
  const labelSets: { values: Record<string, string>; specs: FieldSpec[] }[] = [];
  for (const l of Array.isArray(k.labels) ? k.labels : []) {
    if (!isMap(l)) continue;
    const values = stringMap(l.pairs);
    // kustomize's LabelTransformer configurator: the entry's fields, then the config's labels specs, then
    // the selector specs, or the template specs and metadata/labels, merged by FsSlice.MergeAll
    const fields: FieldSpec[] = [];
    for (const f of Array.isArray(l.fields) ? l.fields : []) {
      if (isMap(f)) fields.push(fieldSpecOf(f));
    }
    const merge = (a: readonly FieldSpec[], b: readonly FieldSpec[], what: string): readonly FieldSpec[] => {
      try {
        return mergeFieldSpecs(a, b);
      } catch (err) {
        throw new KustomizeError('transformer', `failed to merge ${what}: ${(err as Error).message}`);
      }
    };
    let specs = merge(fields, cfg.labels ?? [], 'labels');
    if (scalarText(l.includeSelectors) === 'true') specs = merge(specs, cfg.commonLabels ?? [], 'labels');
    else {
      if (scalarText(l.includeTemplates) === 'true') specs = merge(specs, cfg.templateLabels ?? [], 'template fieldSpec');
      specs = merge(specs, [{ path: 'metadata/labels', create: true }], 'labels');
    }
    labelSets.push({ values, specs: [...specs] });
  }
  if (Object.keys(common).length) labelSets.push({ values: common, specs: [...(cfg.commonLabels ?? [])] });
  for (const { values, specs } of labelSets) for (const r of resources) setStringMap(r, specs, values);
}

function fieldSpecOf(f: YMap): FieldSpec {
  return {
    path: scalarText(f.path) ?? '',
    group: scalarText(f.group),
    version: scalarText(f.version),
    kind: scalarText(f.kind),
    create: scalarText(f.create) === 'true',
  };
}

export function applyAnnotations(resources: Resource[], k: YMap): void {
  const values = stringMap(k.commonAnnotations);
  if (Object.keys(values).length === 0) return;
  for (const r of resources) setStringMap(r, cfg.commonAnnotations ?? [], values);
}

export function applyReplicas(resources: Resource[], k: YMap, specs: readonly FieldSpec[] = cfg.replicas ?? []): void {
  for (const rep of Array.isArray(k.replicas) ? k.replicas : []) {
    if (!isMap(rep)) continue;
    const name = scalarText(rep.name) ?? '';
    const count = scalarText(rep.count) ?? '0';
    let found = false;
    for (const fs of specs) {
      for (const r of resources) {
        if (![r.curId(), ...r.prevIds].some((id) => id.name === name && gvkSelected(id.gvk, fs))) continue;
        found = true;
        // kyaml's SetScalar changes the text and keeps the node's tag: a string stays a string
        visitField(r.obj, pathOf(fs), fs.create ?? false, (v, parent, key) => {
          const text = String(Number(count));
          if (typeof v === 'string') parent[key] = text;
          else if (v instanceof YScalar && !(v instanceof YUntaggedScalar)) parent[key] = new YScalar(v.tag, text);
          else parent[key] = new YUntaggedScalar('int', text);
        }, () => null);
      }
    }
    if (!found) {
      const gvks = specs.map((fs) => gvkString({ group: fs.group ?? '', version: fs.version ?? '', kind: fs.kind ?? '' }));
      throw new KustomizeError('transformer', `resource with name ${name} does not match a config with the following GVK [${gvks.join(' ')}]`);
    }
  }
}

/** Splits "registry/name:tag@digest" like kustomize's image.Split. */
function splitImage(image: string): { name: string; tag: string; digest: string } {
  const slash = image.indexOf('/');
  const off = slash > 0 ? slash : 0;
  const search = image.slice(off);
  let id = search.indexOf('@');
  let ic = search.indexOf(':');
  if (ic < 0 && id < 0) return { name: image, tag: '', digest: '' };
  if (id >= 0 && (id < ic || ic < 0)) {
    id += off;
    return { name: image.slice(0, id), tag: '', digest: image.slice(id + 1) };
  }
  if (id >= 0 && ic >= 0) {
    id += off;
    ic += off;
    return { name: image.slice(0, ic), tag: image.slice(ic + 1, id), digest: image.slice(id + 1) };
  }
  ic += off;
  return { name: image.slice(0, ic), tag: image.slice(ic + 1), digest: '' };
}

interface ImageArgs {
  name: string;
  newName: string;
  newTag: string;
  digest: string;
  tagSuffix: string;
  pattern: RegExp | undefined;
}

/** kustomize's imageTagUpdater: the new image string, or undefined when `value` is another image. */
function updateImage(value: string, a: ImageArgs): string | undefined {
  if (!a.pattern?.test(value)) return undefined;
  let { name, tag, digest } = splitImage(value);
  if (a.newName) name = a.newName;
  if (a.newTag && a.digest) {
    tag = a.newTag;
    digest = a.digest;
  } else if (a.newTag) {
    tag = a.newTag;
    digest = '';
  } else if (a.digest) {
    tag = '';
    digest = a.digest;
  } else if (a.tagSuffix) {
    tag += a.tagSuffix;
    digest = '';
  }
  return name + (tag ? ':' + tag : '') + (digest ? '@' + digest : '');
}

/** The legacy pass: every `containers`/`initContainers` list anywhere in the resource. */
function legacyImages(node: YValue, a: ImageArgs): void {
  if (Array.isArray(node)) {
    for (const el of node) legacyImages(el, a);
    return;
  }
  if (!isMap(node)) return;
  for (const key of Object.keys(node)) {
    const v = node[key] as YValue;
    legacyImages(v, a);
    if ((key === 'containers' || key === 'initContainers') && Array.isArray(v)) {
      for (const c of v) {
        if (!isMap(c) || c.image === undefined) continue;
        const cur = scalarText(c.image);
        if (cur === undefined) continue;
        const next = updateImage(cur, a);
        if (next !== undefined) c.image = next;
      }
    }
  }
}

export function applyImages(resources: Resource[], k: YMap, specs: readonly FieldSpec[] = cfg.images ?? []): void {
  for (const img of Array.isArray(k.images) ? k.images : []) {
    if (!isMap(img)) continue;
    const name = scalarText(img.name) ?? '';
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp('^' + name + '(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$');
    } catch {
      pattern = undefined;
    }
    const a: ImageArgs = {
      name,
      newName: scalarText(img.newName) ?? '',
      newTag: scalarText(img.newTag) ?? '',
      digest: scalarText(img.digest) ?? '',
      tagSuffix: scalarText(img.tagSuffix) ?? '',
      pattern,
    };
    for (const r of resources) {
      if (r.kind === 'CustomResourceDefinition') continue;
      legacyImages(r.obj, a);
      for (const fs of specsFor(r, specs)) {
        visitField(r.obj, pathOf(fs), false, (v, parent, key) => {
          const cur = scalarText(v as YValue);
          if (cur === undefined || isMap(v as YValue) || Array.isArray(v)) {
            throw new KustomizeError('transformer', `wrong node kind: expected a scalar image at ${fs.path} in ${idString(r.curId())}`);
          }
          const next = updateImage(cur, a);
          if (next !== undefined) parent[key] = next;
        });
      }
    }
  }
}
