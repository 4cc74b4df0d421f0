/**
 * Parses YAML streams into the YValue model with yaml.v3's scalar resolution (what kyaml, and so
 * kustomize, reads resources with): `yes` stays a string, `0777` is an int, timestamps are timestamps.
 */
import type { Alias, Scalar } from 'yaml';
import { type Document, isAlias, isMap, isScalar, isSeq, type Node, parseAllDocuments } from 'yaml';
import { resolvePlainV3 } from './go-scalar.js';
import { type YMap, YScalar, type YValue, deepClone } from './value.js';

export class YamlParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlParseError';
  }
}

const TAGS: Record<string, 'str' | 'int' | 'float' | 'bool' | 'null' | 'timestamp' | 'map' | 'seq' | 'binary'> = {
  'tag:yaml.org,2002:str': 'str',
  'tag:yaml.org,2002:int': 'int',
  'tag:yaml.org,2002:float': 'float',
  'tag:yaml.org,2002:bool': 'bool',
  'tag:yaml.org,2002:null': 'null',
  'tag:yaml.org,2002:timestamp': 'timestamp',
  'tag:yaml.org,2002:map': 'map',
  'tag:yaml.org,2002:seq': 'seq',
  'tag:yaml.org,2002:binary': 'binary',
};

export interface ParseOptions {
  /**
   * Refuse plain map keys that yaml.v3 resolves to a non-string (`1:`, `true:`, `~:`): kyaml keeps them,
   * and kustomize then fails to print the resource (encoding/json has no non-string keys).
   */
  readonly stringKeysOnly?: boolean;
}

/** Parses every document of a YAML stream; empty documents (only comments or nothing) are omitted. */
export function parseYamlStream(text: string, source = '<input>', options: ParseOptions = {}): YValue[] {
  const docs = parseAllDocuments(text, { schema: 'failsafe', uniqueKeys: false, strict: false });
  if (!Array.isArray(docs)) return [];
  const out: YValue[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      throw new YamlParseError(`${source}: ${firstLine(doc.errors[0]?.message ?? 'invalid YAML')}`);
    }
    if (doc.contents === null) continue;
    out.push(convert(doc.contents as Node, doc, source, new Map(), options.stringKeysOnly ?? false));
  }
  return out;
}

/** Parses a single-document YAML text (an empty text gives null). */
export function parseYaml(text: string, source = '<input>'): YValue {
  const docs = parseYamlStream(text, source);
  return docs.length === 0 ? null : (docs[0] as YValue);
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

function convert(node: Node, doc: Document, source: string, anchors: Map<Node, YValue>, strictKeys = false): YValue {
  if (isAlias(node)) {
    const target = (node as Alias).resolve(doc);
    if (!target) throw new YamlParseError(`${source}: unknown anchor '${(node as Alias).source}' referenced`);
    const v = anchors.get(target as Node) ?? convert(target as Node, doc, source, anchors, strictKeys);
    return deepClone(v);
  }
  let v: YValue;
  if (isScalar(node)) v = convertScalar(node, source);
  else if (isMap(node)) {
    const m: YMap = {};
    for (const pair of node.items) {
      const k = pair.key as Node | null;
      let key: string;
      if (k === null) key = '';
      else if (isScalar(k)) {
        key = String(k.value ?? '');
        if (strictKeys && (k.type === 'PLAIN' || k.type === undefined) && !k.tag && key !== '<<' && resolvePlainV3(key) !== 'str') {
          throw new YamlParseError(`${source}: map key ${JSON.stringify(key)} is not a string (quote it): kustomize cannot print it`);
        }
      }
      else if (isAlias(k)) {
        const kv = convert(k, doc, source, anchors, strictKeys);
        key = typeof kv === 'string' ? kv : kv instanceof YScalar ? kv.text : JSON.stringify(kv);
      } else throw new YamlParseError(`${source}: complex mapping keys are not supported`);
      const value = pair.value === null ? null : convert(pair.value as Node, doc, source, anchors, strictKeys);
      if (key === '<<' && isScalar(k) && k.type === 'PLAIN') {
        mergeInto(m, value);
        continue;
      }
      if (Object.prototype.hasOwnProperty.call(m, key)) {
        throw new YamlParseError(`${source}: mapping key "${key}" already defined`);
      }
      m[key] = value;
    }
    v = m;
  } else if (isSeq(node)) {
    v = node.items.map((it) => (it === null ? null : convert(it as Node, doc, source, anchors, strictKeys)));
  } else v = null;
  if (node.anchor) anchors.set(node, v);
  return v;
}

function mergeInto(m: YMap, value: YValue): void {
  const sources = Array.isArray(value) ? value : [value];
  for (const s of sources) {
    if (typeof s !== 'object' || s === null || Array.isArray(s) || s instanceof YScalar) {
      throw new YamlParseError('map merge requires map or sequence of maps as the value');
    }
    for (const k of Object.keys(s)) if (!(k in m)) m[k] = s[k] as YValue;
  }
}

function convertScalar(node: Scalar, source: string): YValue {
  const text = String(node.value ?? '');
  const tag = node.tag ? TAGS[node.tag] : undefined;
  if (node.tag && !tag && !node.tag.startsWith('!')) {
    throw new YamlParseError(`${source}: unsupported tag ${node.tag}`);
  }
  if (tag === 'str' || tag === 'binary') return text;
  if (tag === 'int' || tag === 'float' || tag === 'bool' || tag === 'timestamp') return new YScalar(tag, text);
  if (tag === 'null') return null;
  if (node.type !== 'PLAIN' && node.type !== undefined) return text;
  const r = resolvePlainV3(text);
  if (r === 'str') return text;
  if (r === 'null') return null;
  return new YScalar(r, text);
}
