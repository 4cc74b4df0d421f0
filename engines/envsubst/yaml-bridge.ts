/**
 * The YAML round trip around substitution: Flux serializes each resource to YAML (kyaml, which
 * double-quotes strings a YAML 1.1 reader would not read back as strings), substitutes, then converts
 * with sigs.k8s.io/yaml's YAMLToJSON, which resolves plain scalars with go-yaml v2 (YAML 1.1) rules:
 * `yes`/`on`/`y` are booleans, `0x1F`/`017`/`1_000` are integers, timestamps stay strings. That
 * re-typing is observable (a substituted `3` becomes a number) so it is reproduced here exactly.
 */
import { Document, isAlias, isMap, isScalar, isSeq, parseAllDocuments, visit } from 'yaml';
import type { Node as YamlNode, Alias, Scalar } from 'yaml';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const STR = 'tag:yaml.org,2002:str';
const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const resolveMap: ReadonlyMap<string, JsonValue> = new Map<string, JsonValue>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((k) => [k, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map(
    (k) => [k, false] as const,
  ),
  ...['', '~', 'null', 'Null', 'NULL'].map((k) => [k, null] as const),
]);
const NAN = ['.nan', '.NaN', '.NAN'];
const POS_INF = ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'];
const NEG_INF = ['-.inf', '-.Inf', '-.INF'];

/** go-yaml v2's resolution of an untagged plain scalar; `undefined` for "stays a string". */
export function resolvePlain(s: string): JsonValue | undefined {
  const first = s[0];
  if (first === undefined) return null;
  if (resolveMap.has(s)) return resolveMap.get(s) as JsonValue;
  if (NAN.includes(s)) return Number.NaN;
  if (POS_INF.includes(s)) return Number.POSITIVE_INFINITY;
  if (NEG_INF.includes(s)) return Number.NEGATIVE_INFINITY;
  if (first === '.') {
    const f = goParseFloat(s);
    return f === undefined ? undefined : f;
  }
  if (first === '+' || first === '-' || (first >= '0' && first <= '9')) {
    const plain = s.replaceAll('_', '');
    const i = goParseInt(plain);
    if (i !== undefined) return i;
    if (yamlStyleFloat.test(plain)) return Number(plain);
  }
  return undefined;
}

/** strconv.ParseInt(s, 0, 64) falling back to ParseUint(s, 0, 64). Underscores were removed already. */
function goParseInt(s: string): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const sign = m[1] as string;
  let digits = m[2] as string;
  if (/^0[0-7]+$/.test(digits)) digits = '0o' + digits.slice(1);
  const v = BigInt(digits.toLowerCase());
  const signed = sign === '-' ? -v : v;
  if (signed >= -(2n ** 63n) && signed < 2n ** 63n) return Number(signed);
  if (sign !== '-' && sign !== '+' && v < 2n ** 64n) return Number(v);
  return undefined;
}

/** strconv.ParseFloat for the `.`-prefixed forms go-yaml v2 passes to it. */
function goParseFloat(s: string): number | undefined {
  return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s) ? Number(s) : undefined;
}

function scalarValue(node: Scalar): JsonValue {
  const raw = String(node.value ?? '');
  if (node.type !== 'PLAIN') return raw;
  if (node.tag === STR || node.tag === '!') return raw;
  const v = resolvePlain(raw);
  return v === undefined ? raw : v;
}

/** A resolved map key as sigs.k8s.io/yaml turns it into a JSON object key. */
function keyString(v: JsonValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan';
    if (v === Number.POSITIVE_INFINITY) return '.inf';
    if (v === Number.NEGATIVE_INFINITY) return '-.inf';
    return String(v);
  }
  throw new Error(`Unsupported map key of type: ${v === null ? '<nil>' : typeof v}`);
}

function toJson(node: unknown, doc: Document.Parsed): JsonValue {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return toJson((node as Alias).resolve(doc), doc);
  if (isScalar(node)) {
    const v = scalarValue(node);
    if (typeof v === 'number' && !Number.isFinite(v))
      throw new Error(`json: unsupported value: ${goFloatName(v)}`);
    return v;
  }
  if (isSeq(node)) return node.items.map((i) => toJson(i, doc));
  if (isMap(node)) {
    const out: { [key: string]: JsonValue } = {};
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? scalarValue(pair.key) : toJson(pair.key, doc);
      if (key === '<<' && isScalar(pair.key) && pair.key.type === 'PLAIN') {
        mergeInto(out, toJson(pair.value, doc));
        continue;
      }
      out[keyString(key)] = toJson(pair.value, doc);
    }
    return out;
  }
  throw new Error('yaml: unsupported node');
}

/** YAML 1.1 merge key: explicit keys win, earlier maps in a merge list win over later ones. */
function mergeInto(out: { [key: string]: JsonValue }, merged: JsonValue): void {
  const maps = Array.isArray(merged) ? merged : [merged];
  for (const m of maps) {
    if (m === null || typeof m !== 'object' || Array.isArray(m)) {
      throw new Error('yaml: map merge requires map or sequence of maps as the value');
    }
    for (const [k, v] of Object.entries(m)) if (!(k in out)) out[k] = v;
  }
}

function goFloatName(v: number): string {
  return Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
}

/** sigs.k8s.io/yaml.YAMLToJSON of the first document in `text`, as a JSON value. */
export function yamlToJson(text: string): JsonValue {
  const docs = parseAllDocuments(text, { schema: 'failsafe', uniqueKeys: false, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [];
  const doc = list[0];
  if (!doc) return null;
  const err = doc.errors[0];
  if (err) throw new Error(`yaml: ${err.message.split('\n')[0] ?? err.message}`);
  return toJson(doc.contents as YamlNode | null, doc);
}

/** Serializes a resource as the YAML Flux substitutes in (block style, strings safe for YAML 1.1 readers). */
export function resourceToYaml(obj: unknown): string {
  const doc = new Document(obj);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && (node.type === undefined || node.type === 'PLAIN')) {
        if (resolvePlain(node.value) !== undefined && !node.value.includes('\n')) node.type = 'QUOTE_DOUBLE';
      }
    },
  });
  return doc.toString({ lineWidth: 0, indentSeq: false });
}
