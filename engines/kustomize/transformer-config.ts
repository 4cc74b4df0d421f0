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

/** FsSlice.MergeOne: `x` is dropped when an earlier spec selected by x's GVK has the same path. */
function mergeOne(s: FieldSpec[], x: FieldSpec): FieldSpec[] {
  const i = s.findIndex((y) => gvkSelected(gvkOf(y), x) && y.path === x.path);
  if (i < 0) return [...s, x];
  if ((s[i]?.create ?? false) !== (x.create ?? false)) throw new Error('conflicting fieldspecs');
  return s;
}

export function mergeFieldSpecs(s: readonly FieldSpec[], incoming: readonly FieldSpec[]): FieldSpec[] {
  let out = [...s];
  for (const x of incoming) out = mergeOne(out, x);
  return out;
}

function sameGvk(a: { group?: string; version?: string; kind?: string }, b: { group?: string; version?: string; kind?: string }): boolean {
  return (a.group ?? '') === (b.group ?? '') && (a.version ?? '') === (b.version ?? '') && (a.kind ?? '') === (b.kind ?? '');
}

function mergeBackRefs(s: readonly NameBackReference[], incoming: readonly NameBackReference[]): NameBackReference[] {
  let out = [...s];
  for (const other of incoming) {
    let found = false;
    out = out.map((c) => {
      if (!sameGvk(c, other)) return c;
      found = true;
      return { ...c, fieldSpecs: mergeFieldSpecs(c.fieldSpecs, other.fieldSpecs) };
    });
    if (!found) out.push(other);
  }
  return out;
}

/** TransformerConfig.Merge: `a` then `b`, every list sorted by GVK. */
export function mergeConfigs(a: TransformerConfigData, b: TransformerConfigData): TransformerConfigData {
  const out: Mutable = {};
  for (const [key, goName] of FIELD_SPEC_LISTS) {
    try {
      out[key] = mergeFieldSpecs(specs(a, key), specs(b, key)).sort(compareGvk);
    } catch (err) {
      throw new KustomizeError('transformer', `failed to merge ${goName} fieldSpec: ${(err as Error).message}`);
    }
  }
  try {
    out.nameReference = mergeBackRefs(a.nameReference ?? [], b.nameReference ?? []).sort(compareGvk);
  } catch (err) {
    throw new KustomizeError('transformer', `failed to merge NameReference fieldSpec: ${(err as Error).message}`);
  }
  return out;
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

/** Reads one transformer configuration file (sigs.k8s.io/yaml.UnmarshalStrict into TransformerConfig). */
export function parseTransformerConfig(text: string, file: string): TransformerConfigData {
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
  for (const [key] of FIELD_SPEC_LISTS) out[key]?.sort(compareGvk);
  out.nameReference?.sort(compareGvk);
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
