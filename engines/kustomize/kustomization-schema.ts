/**
 * How kustomize reads a kustomization file: sigs.k8s.io/yaml.YAMLToJSON (yaml.v2, so YAML 1.1 scalars:
 * `on`/`yes`/`n` are booleans, `010` is octal) and then encoding/json into the Kustomization struct with
 * unknown fields refused and field names matched case-insensitively. A boolean or number where the
 * struct wants a string is an error there, and so it is here.
 */
import { isMap as isYamlMap, isScalar, isSeq as isYamlSeq, type Node, parseAllDocuments, isAlias, type Document } from 'yaml';
import { goJsonFloat } from '../yaml/index.js';
import { goTimestampJson } from '../yaml/go-scalar.js';
import { boolScalar, type YMap, YScalar, type YValue } from '../yaml/index.js';
import { KustomizeError } from './errors.js';

/** 's' string, 'b' bool, 'i' integer, 'any' anything; [t] list of t; { '*': t } map of t; otherwise a struct. */
type T = 's' | 'b' | 'i' | 'any' | readonly [T] | { readonly [field: string]: T };

const strMap: T = { '*': 's' };
const selector: T = {
  group: 's', version: 's', kind: 's', name: 's', namespace: 's', labelSelector: 's', annotationSelector: 's',
};
const fieldSpec: T = { group: 's', version: 's', kind: 's', path: 's', create: 'b' };
const genOptions: T = { labels: strMap, annotations: strMap, disableNameSuffixHash: 'b', immutable: 'b' };
const genArgs = {
  namespace: 's', name: 's', behavior: 's', literals: ['s'], files: ['s'], envs: ['s'], env: 's', options: genOptions,
} as const;
const patch: T = { path: 's', patch: 's', target: selector, options: { '*': 'b' } };
const image: T = { name: 's', newName: 's', tagSuffix: 's', newTag: 's', digest: 's' };
const fieldOptions: T = { delimiter: 's', index: 'i', encoding: 's', create: 'b' };
const sourceSelector: T = { group: 's', version: 's', kind: 's', name: 's', namespace: 's', fieldPath: 's', options: fieldOptions };
const targetSelector: T = {
  select: selector, reject: [selector], fieldPaths: ['s'], options: fieldOptions,
};
const replacement: T = { path: 's', source: sourceSelector, targets: [targetSelector], sourceValue: 's' };
const varT: T = {
  name: 's',
  objref: { group: 's', version: 's', kind: 's', name: 's', namespace: 's', apiVersion: 's' },
  fieldref: { fieldpath: 's', fieldPath: 's' },
};

const kustomization: T = {
  apiVersion: 's', kind: 's', metadata: 'any', openapi: strMap, namePrefix: 's', nameSuffix: 's', namespace: 's',
  commonLabels: strMap,
  labels: [{ pairs: strMap, includeSelectors: 'b', includeTemplates: 'b', fields: [fieldSpec] }],
  commonAnnotations: strMap, patchesStrategicMerge: ['s'], patchesJson6902: [patch], patches: [patch],
  images: [image], imageTags: [image], replacements: [replacement], replicas: [{ name: 's', count: 'i' }],
  vars: [varT], sortOptions: { order: 's', legacySortOptions: { orderFirst: ['s'], orderLast: ['s'] } },
  resources: ['s'], crds: ['s'], bases: ['s'], components: ['s'],
  configMapGenerator: [genArgs], secretGenerator: [{ ...genArgs, type: 's' }],
  helmGlobals: 'any', helmCharts: 'any', helmChartInflationGenerator: 'any', generatorOptions: genOptions,
  configurations: ['s'], generators: ['s'], transformers: ['s'], validators: ['s'], buildMetadata: ['s'],
};

/** A YAML 1.1 value the way yaml.v2 + encoding/json see it. */
type J = { t: 'str'; v: string } | { t: 'bool'; v: boolean } | { t: 'num'; v: string; int: boolean } | { t: 'null' } | { t: 'map'; v: [string, J][] } | { t: 'seq'; v: J[] };

function toJ(node: Node | null, doc: Document, file: string, depth = 0): J {
  if (depth > 200) throw new KustomizeError('invalid-kustomization', `invalid Kustomization ${file}: nesting too deep`);
  if (node === null) return { t: 'null' };
  if (isAlias(node)) return toJ(node.resolve(doc) as Node, doc, file, depth + 1);
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return { t: 'null' };
    if (typeof v === 'boolean') return { t: 'bool', v };
    if (typeof v === 'number' || typeof v === 'bigint') {
      const isInt = typeof v === 'bigint' || (Number.isInteger(v) && node.tag !== 'tag:yaml.org,2002:float' && !/[.eE]/.test(node.source ?? ''));
      return { t: 'num', v: isInt ? BigInt(v).toString() : goJsonFloat(Number(v)), int: isInt };
    }
    if (v instanceof Date) return { t: 'str', v: goTimestampJson(node.source ?? '') ?? v.toISOString() };
    return { t: 'str', v: String(v) };
  }
  if (isYamlMap(node)) {
    const out: [string, J][] = [];
    for (const pair of node.items) {
      const k = toJ(pair.key as Node | null, doc, file, depth + 1);
      let key: string;
      if (k.t === 'str' || k.t === 'num') key = k.v;
      else if (k.t === 'bool') key = String(k.v);
      else throw new KustomizeError('invalid-kustomization', `invalid Kustomization ${file}: unsupported map key`);
      const value = toJ(pair.value as Node | null, doc, file, depth + 1);
      if (key === '<<' && value.t === 'map') {
        for (const [mk, mv] of value.v) if (!out.some(([ok]) => ok === mk)) out.push([mk, mv]);
        continue;
      }
      const i = out.findIndex(([ok]) => ok === key);
      if (i >= 0) out[i] = [key, value];
      else out.push([key, value]);
    }
    return { t: 'map', v: out };
  }
  if (isYamlSeq(node)) return { t: 'seq', v: node.items.map((it) => toJ(it as Node | null, doc, file, depth + 1)) };
  return { t: 'null' };
}

function jsonName(j: J): string {
  return j.t === 'str' ? 'string' : j.t === 'bool' ? 'bool' : j.t === 'num' ? 'number' : j.t === 'map' ? 'object' : j.t === 'seq' ? 'array' : 'null';
}

function free(j: J): YValue {
  switch (j.t) {
    case 'null': return null;
    case 'str': return j.v;
    case 'bool': return boolScalar(j.v);
    case 'num': return new YScalar(j.int ? 'int' : 'float', j.v);
    case 'seq': return j.v.map(free);
    case 'map': {
      const o: YMap = {};
      for (const [k, v] of j.v) o[k] = free(v);
      return o;
    }
  }
}

const goScalar: Readonly<Record<string, string>> = { s: 'string', b: 'bool', i: 'int64' };

function typed(j: J, t: T, where: string, file: string, lenient = false): YValue | undefined {
  if (j.t === 'null') return undefined;
  const fail = (goType: string): never => {
    throw new KustomizeError('invalid-kustomization',
      `invalid Kustomization: json: cannot unmarshal ${jsonName(j)} into Go struct field ${where} of type ${goType} (in ${file})`);
  };
  if (t === 'any') return free(j);
  if (t === 's') return j.t === 'str' ? j.v : fail('string');
  if (t === 'b') return j.t === 'bool' ? boolScalar(j.v) : fail('bool');
  if (t === 'i') return j.t === 'num' && j.int ? new YScalar('int', j.v) : fail('int64');
  if (Array.isArray(t)) {
    if (j.t !== 'seq') return fail('[]' + (typeof t[0] === 'string' ? (goScalar[t[0]] ?? t[0]) : 'struct'));
    return j.v.map((x) => typed(x, t[0] as T, where, file, lenient) ?? null);
  }
  const st = t as { readonly [field: string]: T };
  if (j.t !== 'map') return fail(st['*'] ? 'map[string]string' : 'struct');
  const out: YMap = {};
  const each = st['*'];
  for (const [k, v] of j.v) {
    if (each) {
      const x = typed(v, each, where, file, lenient);
      out[k] = x === undefined ? '' : x;
      continue;
    }
    const name = st[k] !== undefined ? k : Object.keys(st).find((f) => f.toLowerCase() === k.toLowerCase());
    if (name === undefined) {
      if (lenient) continue;
      throw new KustomizeError('invalid-kustomization', `invalid Kustomization: json: unknown field "${k}" (in ${file})`);
    }
    const x = typed(v, st[name] as T, `${where}.${name}`, file, lenient);
    if (x !== undefined) out[name] = x;
  }
  return out;
}

/**
 * Parses a kustomization file as kustomize does; returns {} for an empty file. `lenient` drops unknown
 * fields at any depth instead of refusing them (sigs.k8s.io/yaml.Unmarshal, as Flux's generator reads it).
 */
export function decodeKustomization(text: string, file: string, lenient = false): YMap {
  const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: false, strict: false, merge: true });
  const list = Array.isArray(docs) ? docs : [];
  const doc = list[0];
  if (!doc) return {};
  if (doc.errors.length > 0) {
    throw new KustomizeError('invalid-kustomization', `invalid Kustomization ${file}: ${(doc.errors[0]?.message ?? '').split('\n')[0]}`);
  }
  const j = toJ(doc.contents as Node | null, doc, file);
  if (j.t === 'null') return {};
  if (j.t !== 'map') {
    throw new KustomizeError('invalid-kustomization', `invalid Kustomization: json: cannot unmarshal ${jsonName(j)} into Go value of type types.Kustomization (in ${file})`);
  }
  return (typed(j, kustomization, 'Kustomization', file, lenient) ?? {}) as YMap;
}

/** Reads a YAML (1.1, as sigs.k8s.io/yaml.YAMLToJSON does) or JSON text into the value model. */
export function decodeYaml11(text: string, file: string): YValue {
  const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: false, strict: false, merge: true });
  const doc = (Array.isArray(docs) ? docs : [])[0];
  if (!doc) return null;
  if (doc.errors.length > 0) {
    throw new KustomizeError('patch', `${file}: ${(doc.errors[0]?.message ?? '').split('\n')[0]}`);
  }
  return free(toJ(doc.contents as Node | null, doc, file));
}
