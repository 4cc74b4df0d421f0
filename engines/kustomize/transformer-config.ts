/**
 * Transformer configurations (the `configurations` field): files of field specs merged into the builtin
 * defaults the way kustomize's builtinconfig does it. Merging dedups a field spec against any earlier one
 * whose GVK is selected by the new one's GVK and whose path is equal (a different `create` is the error
 * "conflicting fieldspecs"), name back-references merge by equal GVK, and every merge sorts the lists by
 * GVK (kind priority, then group_version_kind).
 */
import { isMap, YScalar, type YMap, type YValue } from '../yaml/index.js';
import { defaultTransformerConfig } from './data/field-specs.js';
import { KustomizeError } from './errors.js';
import { type FieldSpec, type Gvk, gvkSelected, type NameBackReference, type TransformerConfigData } from './field-spec.js';
import { decodeYaml11 } from './kustomization-schema.js';
import { defaultOrderFirst, defaultOrderLast } from './sort.js';

/** Field-spec lists of a transformer config, in kustomize's Merge order (which names the failing list). */
export const FIELD_SPEC_LISTS = [
  ['namePrefix', 'NamePrefix'], ['nameSuffix', 'NameSuffix'], ['namespace', 'NameSpace'],
  ['commonAnnotations', 'CommonAnnotations'], ['commonLabels', 'CommonLabels'], ['labels', 'Labels'],
  ['templateLabels', 'TemplateLabels'], ['varReference', 'VarReference'], ['images', 'Images'],
  ['replicas', 'Replicas'],
] as const;

type ListKey = (typeof FIELD_SPEC_LISTS)[number][0];
type Mutable = { -readonly [K in ListKey]?: FieldSpec[] } & { nameReference?: NameBackReference[] };

const typeOrder = new Map<string, number>();
defaultOrderFirst.forEach((k, i) => typeOrder.set(k, -defaultOrderFirst.length + i));
defaultOrderLast.forEach((k, i) => typeOrder.set(k, 1 + i));

function stableGvk(g: { group?: string; version?: string; kind?: string }): string {
  return `${g.group || '~G'}_${g.version || '~V'}_${g.kind || '~K'}`;
}

/** kustomize's Gvk.IsLessThan as a comparator. */
export function compareGvk(a: { group?: string; version?: string; kind?: string }, b: { group?: string; version?: string; kind?: string }): number {
  const ia = typeOrder.get(a.kind ?? '') ?? 0;
  const ib = typeOrder.get(b.kind ?? '') ?? 0;
  if (ia !== ib) return ia - ib;
  const sa = stableGvk(a);
  const sb = stableGvk(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function gvkOf(x: { group?: string; version?: string; kind?: string }): Gvk {
  return { group: x.group ?? '', version: x.version ?? '', kind: x.kind ?? '' };
}

/** FsSlice.MergeAll: each incoming spec is dropped when an earlier one selected by its GVK has the same path. */
export function mergeFieldSpecs(s: readonly FieldSpec[], incoming: readonly FieldSpec[]): readonly FieldSpec[] {
  let out: FieldSpec[] | undefined;
  for (const x of incoming) {
    const y = (out ?? s).find((e) => e.path === x.path && gvkSelected(gvkOf(e), x));
    if (!y) (out ??= [...s]).push(x);
    else if ((y.create ?? false) !== (x.create ?? false)) throw new Error('conflicting fieldspecs');
  }
  return out ?? s;
}

function sameGvk(a: { group?: string; version?: string; kind?: string }, b: { group?: string; version?: string; kind?: string }): boolean {
  return (a.group ?? '') === (b.group ?? '') && (a.version ?? '') === (b.version ?? '') && (a.kind ?? '') === (b.kind ?? '');
}

/** nbrSlice.mergeAll; returns `s` itself when nothing changes. */
function mergeBackRefs(s: readonly NameBackReference[], incoming: readonly NameBackReference[]): readonly NameBackReference[] {
  let out: NameBackReference[] | undefined;
  for (const other of incoming) {
    let found = false;
    const cur = out ?? s;
    cur.forEach((c, i) => {
      if (!sameGvk(c, other)) return;
      found = true;
      const fieldSpecs = mergeFieldSpecs(c.fieldSpecs, other.fieldSpecs);
      if (fieldSpecs !== c.fieldSpecs) (out ??= [...s])[i] = { ...c, fieldSpecs };
    });
    if (!found) (out ??= [...s]).push(other);
  }
  return out ?? s;
}

/**
 * TransformerConfig.Merge: `a` then `b`, every list sorted by GVK. Every config here is already sorted, so
 * when `b` adds nothing the result is `a` itself (which keeps merges of equal configs cheap and cacheable).
 */
export function mergeConfigs(a: TransformerConfigData, b: TransformerConfigData): TransformerConfigData {
  const out: Mutable = {};
  let changed = false;
  for (const [key, goName] of FIELD_SPEC_LISTS) {
    try {
      const was = specs(a, key);
      const merged = mergeFieldSpecs(was, specs(b, key));
      if (merged !== was) changed = true;
      out[key] = merged === was ? [...was] : sortByGvk([...merged]);
    } catch (err) {
      throw new KustomizeError('transformer', `failed to merge ${goName} fieldSpec: ${(err as Error).message}`);
    }
  }
  try {
    const was = a.nameReference ?? [];
    const merged = mergeBackRefs(was, b.nameReference ?? []);
    if (merged !== was) changed = true;
    out.nameReference = merged === was ? [...was] : sortByGvk([...merged]);
  } catch (err) {
    throw new KustomizeError('transformer', `failed to merge NameReference fieldSpec: ${(err as Error).message}`);
  }
  return changed ? out : a;
}

/** A stable sort by kustomize's Gvk.IsLessThan, each key computed once. */
function sortByGvk<T extends { group?: string; version?: string; kind?: string }>(list: T[]): T[] {
  const keyed = list.map((x, i) => ({ x, i, o: typeOrder.get(x.kind ?? '') ?? 0, s: stableGvk(x) }));
  keyed.sort((p, q) => p.o - q.o || (p.s < q.s ? -1 : p.s > q.s ? 1 : p.i - q.i));
  return keyed.map((k) => k.x);
}

function specs(c: TransformerConfigData, key: ListKey): readonly FieldSpec[] {
  return (c[key] as readonly FieldSpec[] | undefined) ?? [];
}

/** The builtin defaults as an accumulator holds them (merged into an empty config, so sorted). */
let sortedDefaults: TransformerConfigData | undefined;
export function defaultConfig(): TransformerConfigData {
  sortedDefaults ??= mergeConfigs({}, defaultTransformerConfig);
  return sortedDefaults;
}

const parsed = new Map<string, TransformerConfigData>();

/**
 * Reads one transformer configuration file (sigs.k8s.io/yaml.UnmarshalStrict into TransformerConfig).
 * Equal texts give the same object (configs are immutable), so copies of one file merge from the cache.
 */
export function parseTransformerConfig(text: string, file: string): TransformerConfigData {
  const hit = parsed.get(text);
  if (hit) return hit;
  const t = parseConfigText(text, file);
  if (parsed.size >= 256) parsed.clear();
  parsed.set(text, t);
  return t;
}

function parseConfigText(text: string, file: string): TransformerConfigData {
  let doc: YValue;
  try {
    doc = decodeYaml11(text, file);
  } catch (err) {
    throw new KustomizeError('transformer', `transformer config ${file}: ${(err as Error).message}`);
  }
  const fail = (msg: string): never => {
    throw new KustomizeError('transformer', `transformer config ${file}: ${msg}`);
  };
  if (doc === null) return {};
  if (!isMap(doc)) return fail('error unmarshaling JSON: cannot unmarshal into Go value of type builtinconfig.TransformerConfig');
  const out: Mutable = {};
  for (const key of Object.keys(doc)) {
    const name = fieldName(key, [...FIELD_SPEC_LISTS.map(([k]) => k), 'nameReference']);
    if (name === undefined) fail(`unknown field "${key}"`);
    const v = doc[key] as YValue;
    if (v === null) continue;
    if (!Array.isArray(v)) fail(`field ${key} must be a list`);
    const list = v as YValue[];
    if (name === 'nameReference') {
      out.nameReference = list.filter((x) => x !== null).map((x) => backRefOf(x, fail));
    } else {
      out[name as ListKey] = list.filter((x) => x !== null).map((x) => fieldSpecOf(x, fail));
    }
  }
  for (const [key] of FIELD_SPEC_LISTS) if (out[key]) out[key] = sortByGvk(out[key]);
  if (out.nameReference) out.nameReference = sortByGvk(out.nameReference);
  return out;
}

/** encoding/json matches a field name exactly first, then case-insensitively. */
function fieldName(key: string, names: readonly string[]): string | undefined {
  return names.includes(key) ? key : names.find((n) => n.toLowerCase() === key.toLowerCase());
}

function str(v: YValue | undefined, field: string, fail: (m: string) => never): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  return fail(`cannot unmarshal ${v instanceof YScalar ? (v.tag === 'bool' ? 'bool' : 'number') : 'object'} into field ${field} of type string`);
}

function gvkFields(m: YMap, extra: readonly string[], fail: (m: string) => never): Record<string, YValue> {
  const out: Record<string, YValue> = {};
  for (const key of Object.keys(m)) {
    const name = fieldName(key, ['group', 'version', 'kind', ...extra]);
    if (name === undefined) fail(`unknown field "${key}"`);
    out[name as string] = m[key] as YValue;
  }
  return out;
}

function fieldSpecOf(v: YValue, fail: (m: string) => never): FieldSpec {
  if (!isMap(v)) return fail('a field spec must be a map');
  const f = gvkFields(v, ['path', 'create'], fail);
  let create = false;
  if (f.create !== undefined && f.create !== null) {
    if (!(f.create instanceof YScalar) || f.create.tag !== 'bool') fail('cannot unmarshal into field create of type bool');
    create = (f.create as YScalar).text === 'true';
  }
  const spec: { -readonly [K in keyof FieldSpec]: FieldSpec[K] } = { path: str(f.path, 'path', fail) ?? '' };
  const group = str(f.group, 'group', fail);
  const version = str(f.version, 'version', fail);
  const kind = str(f.kind, 'kind', fail);
  if (group) spec.group = group;
  if (version) spec.version = version;
  if (kind) spec.kind = kind;
  if (create) spec.create = true;
  return spec;
}

function backRefOf(v: YValue, fail: (m: string) => never): NameBackReference {
  if (!isMap(v)) return fail('a nameReference entry must be a map');
  const f = gvkFields(v, ['fieldSpecs'], fail);
  const list = f.fieldSpecs;
  if (list !== undefined && list !== null && !Array.isArray(list)) fail('fieldSpecs must be a list');
  const ref: { group?: string; version?: string; kind: string; fieldSpecs: FieldSpec[] } = {
    kind: str(f.kind, 'kind', fail) ?? '',
    fieldSpecs: (Array.isArray(list) ? list : []).filter((x) => x !== null).map((x) => fieldSpecOf(x, fail)),
  };
  const group = str(f.group, 'group', fail);
  const version = str(f.version, 'version', fail);
  if (group) ref.group = group;
  if (version) ref.version = version;
  return ref;
}
