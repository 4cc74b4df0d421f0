/**
 * sigs.k8s.io/yaml `Unmarshal` into `interface{}` (Helm's `fromYaml`, values files): the first YAML
 * document is decoded with yaml.v2's YAML 1.1 resolver (`yes`/`on`/`y` are booleans, `0777` is octal,
 * `1_000` is 1000, timestamps stay strings, `1e400` stays a string), keys become strings the way
 * sigs.k8s.io/yaml converts them, and everything then goes through JSON, so every number is a float64.
 * Duplicate keys keep the last value; `<<` merges as yaml.v2 does.
 */
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Document, Node, Scalar } from 'yaml';
import { formatJSONFloat64 } from '../gojson/encode.js';
import { formatFloat } from '../gofmt/float.js';
import { GoError, typedNil } from '../gotemplate/value.js';
import type { GoMap, GoValue } from '../gotemplate/value.js';
import { goParseInt, goTimestampJson } from './go-scalar.js';

/** The error of a failed conversion; `message` follows sigs.k8s.io/yaml's wrapping. */
export class YAMLv2Error extends GoError {}

type Resolved =
  | { readonly tag: 'str'; readonly value: string }
  | { readonly tag: 'bool'; readonly value: boolean }
  | { readonly tag: 'null' }
  | { readonly tag: 'int'; readonly value: bigint }
  | { readonly tag: 'float'; readonly value: number }
  | { readonly tag: 'timestamp'; readonly value: string }
  | { readonly tag: 'merge' };

const BOOL_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const BOOL_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const SPECIAL_FLOATS: ReadonlyMap<string, number> = new Map([
  ...['.nan', '.NaN', '.NAN'].map((s) => [s, NaN] as const),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((s) => [s, Infinity] as const),
  ...['-.inf', '-.Inf', '-.INF'].map((s) => [s, -Infinity] as const),
]);
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const TIMESTAMP_START = /^[0-9]{4}-/;

/** Go strconv.ParseFloat for decimal text; undefined on a syntax or range error. */
function parseFloat64(s: string): number | undefined {
  const f = Number(s);
  return Number.isFinite(f) ? f : undefined;
}

/** yaml.v2's resolve() for a plain scalar. */
export function resolveV2(s: string): Resolved {
  if (BOOL_TRUE.has(s)) return { tag: 'bool', value: true };
  if (BOOL_FALSE.has(s)) return { tag: 'bool', value: false };
  if (NULLS.has(s)) return { tag: 'null' };
  const special = SPECIAL_FLOATS.get(s);
  if (special !== undefined) return { tag: 'float', value: special };
  if (s === '<<') return { tag: 'merge' };
  const c = s[0] ?? '';
  if (c === '.') {
    const f = DOT_FLOAT.test(s) ? parseFloat64(s) : undefined;
    return f === undefined ? { tag: 'str', value: s } : { tag: 'float', value: f };
  }
  if (!(c === '+' || c === '-' || (c >= '0' && c <= '9'))) return { tag: 'str', value: s };
  if (TIMESTAMP_START.test(s) && goTimestampJson(s) !== undefined) return { tag: 'timestamp', value: s };
  const plain = s.replaceAll('_', '');
  const i = goParseInt(plain, false) ?? goParseInt(plain, true);
  if (i !== undefined) return { tag: 'int', value: i };
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = parseFloat64(plain);
    if (f !== undefined) return { tag: 'float', value: f };
  }
  const bin = /^(-?)0b([01]+)$/.exec(plain);
  if (bin) {
    const n = BigInt(`0b${bin[2]}`) * (bin[1] ? -1n : 1n);
    if (bin[1] || n <= 0xffffffffffffffffn) return { tag: 'int', value: bin[1] ? BigInt.asIntN(64, n) : n };
  }
  return { tag: 'str', value: s };
}

type Plain = null | boolean | string | number | bigint | Plain[] | Map<string, Plain>;

class Decoder {
  private readonly anchors = new Map<Node, Plain>();
  constructor(
    private readonly doc: Document,
    private readonly source: string,
  ) {}

  node(n: Node | null): Plain {
    if (n === null) return null;
    if (isAlias(n)) {
      const target = n.resolve(this.doc);
      if (target === undefined) throw new YAMLv2Error(`yaml: unknown anchor '${n.source}' referenced`);
      return this.anchors.get(target as Node) ?? this.node(target as Node);
    }
    let v: Plain;
    if (isScalar(n)) v = this.scalar(n);
    else if (isSeq(n)) v = n.items.map((it) => this.node(it as Node | null));
    else if (isMap(n)) {
      const m = new Map<string, Plain>();
      for (const pair of n.items) this.pair(m, pair.key as Node | null, pair.value as Node | null);
      v = m;
    } else v = null;
    if (n.anchor) this.anchors.set(n, v);
    return v;
  }

  private pair(m: Map<string, Plain>, keyNode: Node | null, valueNode: Node | null): void {
    if (
      keyNode !== null &&
      isScalar(keyNode) &&
      keyNode.type === 'PLAIN' &&
      !keyNode.tag &&
      keyNode.source === '<<'
    ) {
      this.merge(m, valueNode);
      return;
    }
    const key = this.node(keyNode);
    m.set(jsonKey(key), this.node(valueNode));
  }

  /** yaml.v2 merges a map, or a list of maps with earlier ones winning, over what is set so far. */
  private merge(m: Map<string, Plain>, n: Node | null): void {
    const fail = (): never => {
      throw new YAMLv2Error('yaml: map merge requires map or sequence of maps as the value');
    };
    const v = this.node(n);
    const maps = Array.isArray(v) ? v : [v];
    if (Array.isArray(v)) {
      for (let i = maps.length - 1; i >= 0; i--) {
        const x = maps[i];
        if (!(x instanceof Map)) fail();
        for (const [k, e] of x as Map<string, Plain>) m.set(k, e);
      }
      return;
    }
    if (!(v instanceof Map)) fail();
    for (const [k, e] of v as Map<string, Plain>) m.set(k, e);
  }

  private scalar(n: Scalar): Plain {
    let text = String(n.value ?? '');
    // A block scalar that ends the input without a line break has no final line break (libyaml);
    // the yaml package adds one.
    if ((n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED') && text.endsWith('\n')) {
      const end = n.range?.[1] ?? 0;
      if (end >= this.source.length && !/[\n\r]$/.test(this.source)) text = text.slice(0, -1);
    }
    const tag = n.tag;
    if (tag === undefined || tag === '!') {
      if (n.type !== 'PLAIN' || tag === '!') return text;
      return fromResolved(resolveV2(text), text);
    }
    const short = tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice(18)}` : tag;
    if (short === '!!str' || short === '!!binary' || !short.startsWith('!!')) return text;
    const r = resolveV2(text);
    const rtag = r.tag === 'merge' ? 'merge' : r.tag;
    if (short === `!!${rtag}`) return fromResolved(r, text);
    if (short === '!!float' && r.tag === 'int') return Number(r.value);
    throw new YAMLv2Error(
      `yaml: cannot decode !!${rtag === 'timestamp' ? 'timestamp' : rtag} \`${text}\` as a ${short}`,
    );
  }
}

function fromResolved(r: Resolved, text: string): Plain {
  switch (r.tag) {
    case 'str':
    case 'timestamp':
      return r.tag === 'str' ? r.value : text;
    case 'bool':
    case 'int':
    case 'float':
      return r.value;
    case 'null':
      return null;
    case 'merge':
      return '<<';
  }
}

/** sigs.k8s.io/yaml's conversion of a yaml.v2 map key to a JSON object key. */
function jsonKey(k: Plain): string {
  if (typeof k === 'string') return k;
  if (typeof k === 'boolean') return k ? 'true' : 'false';
  if (typeof k === 'bigint') {
    if (k > 0x7fffffffffffffffn) {
      throw new YAMLv2Error(`unsupported map key of type: uint64, key: 0x${k.toString(16)}`);
    }
    return k.toString();
  }
  if (typeof k === 'number') {
    if (Number.isNaN(k)) return '.nan';
    if (k === Infinity) return '.inf';
    if (k === -Infinity) return '-.inf';
    return formatFloat(Math.fround(k), 'g', -1, 32);
  }
  if (k === null) throw new YAMLv2Error('unsupported map key of type: <nil>, key: <nil>');
  throw new YAMLv2Error('yaml: invalid map key');
}

/** Plain decoded YAML → the Go value JSON decoding produces (numbers float64, NaN/Inf refused as json does). */
function toGo(v: Plain): GoValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') {
    // json.Marshal refuses these, so the whole conversion fails.
    formatJSONFloat64(v);
    return Object.is(v, -0) ? -0 : v;
  }
  if (Array.isArray(v)) return v.map(toGo);
  const m: GoMap = new Map();
  for (const [k, x] of v) m.set(k, toGo(x));
  return m;
}

/**
 * Decodes the first document of `text` like sigs.k8s.io/yaml.Unmarshal into `interface{}`.
 * @throws YAMLv2Error `error converting YAML to JSON: yaml: …` for syntax errors (the libyaml wording
 *   after `yaml: ` is the `yaml` package's, not libyaml's)
 */
export function unmarshalYAMLv2(text: string): GoValue {
  const cached = decoded.get(text);
  if (cached !== undefined) {
    // Most recently used last.
    decoded.delete(text);
    decoded.set(text, cached);
    return toGo(cached.plain);
  }
  const plain = decodePlain(text);
  if (text.length <= CACHE_MAX_TEXT) {
    decoded.set(text, { plain });
    if (decoded.size > CACHE_ENTRIES) decoded.delete(decoded.keys().next().value as string);
  }
  return toGo(plain);
}

/**
 * Decoded documents by their text (values files and `fromYaml` inputs repeat across renders). The
 * cached tree is internal and never handed out: each call converts it to fresh Go values, since
 * templates may modify maps (`set`, `merge`). Texts that fail to decode are not cached.
 */
const decoded = new Map<string, { readonly plain: Plain }>();
const CACHE_ENTRIES = 64;
const CACHE_MAX_TEXT = 1 << 20;

/** The first document as plain decoded YAML; conversion errors are checked here, as Go values are. */
function decodePlain(text: string): Plain {
  // Every scalar stays a string (failsafe) and resolveV2 types it; the yaml package's 1.1 mode would
  // only add cost (it rebuilds its schema on every call).
  const docs = parseAllDocuments(text, { schema: 'failsafe', uniqueKeys: false, strict: false });
  const list = Array.isArray(docs) ? docs : [];
  const doc = list[0];
  if (doc === undefined) return null;
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e?.linePos?.[0]?.line;
    const msg = (e?.message ?? 'invalid YAML').split('\n')[0] ?? '';
    throw new YAMLv2Error(
      `error converting YAML to JSON: yaml: ${line !== undefined ? `line ${line}: ` : ''}${msg}`,
    );
  }
  let plain: Plain;
  try {
    plain = new Decoder(doc, text).node(doc.contents as Node | null);
  } catch (err) {
    if (err instanceof YAMLv2Error) throw new YAMLv2Error(`error converting YAML to JSON: ${err.message}`);
    throw err;
  }
  try {
    toGo(plain);
  } catch (err) {
    throw new YAMLv2Error(`error converting YAML to JSON: ${(err as Error).message}`);
  }
  return plain;
}

function jsonKind(v: GoValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/**
 * `yaml.Unmarshal(text, &m)` with `m map[string]interface{}`; a document that is `null` or empty yields
 * a nil map. Errors carry sigs.k8s.io/yaml's wrapping (`error unmarshaling JSON: while decoding JSON: …`).
 */
export function unmarshalYAMLv2Object(text: string): GoValue {
  const v = unmarshalYAMLv2(text);
  if (v === null) return typedNil('map[string]interface {}', 'map');
  if (v instanceof Map) return v;
  throw new YAMLv2Error(
    `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type map[string]interface {}`,
  );
}

/** `yaml.Unmarshal(text, &a)` with `a []interface{}`; `null` yields a nil slice. */
export function unmarshalYAMLv2Array(text: string): GoValue {
  const v = unmarshalYAMLv2(text);
  if (v === null) return typedNil('[]interface {}', 'slice');
  if (Array.isArray(v)) return v;
  throw new YAMLv2Error(
    `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type []interface {}`,
  );
}
