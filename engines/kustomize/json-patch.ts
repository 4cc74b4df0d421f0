/**
 * RFC 6902 JSON patch with github.com/evanphx/json-patch/v5 semantics as kustomize uses it: negative array
 * indices, all-or-nothing application, and the target going through a JSON round trip (numbers become
 * float64, timestamps strings) before and after.
 */
import { deepClone, deepEqual, goFormatFloat, isMap, YScalar, type YMap, type YValue } from '../yaml/index.js';
import { goTimestampJson, v3FloatValue, v3IntValue } from '../yaml/go-scalar.js';
import { KustomizeError } from './errors.js';

export interface JsonPatchOp {
  readonly op: string;
  readonly path: string;
  readonly from?: string;
  readonly value?: YValue;
}

/** What a value looks like after node → JSON → map[string]interface{} → node (kyaml's UnmarshalJSON). */
export function jsonRoundTrip(v: YValue): YValue {
  if (Array.isArray(v)) return v.map(jsonRoundTrip);
  if (isMap(v)) {
    const o: YMap = {};
    for (const k of Object.keys(v)) o[k] = jsonRoundTrip(v[k] as YValue);
    return o;
  }
  if (v instanceof YScalar) {
    if (v.tag === 'timestamp') return goTimestampJson(v.text) ?? v.text;
    if (v.tag === 'bool') return new YScalar('bool', v.text.toLowerCase() === 'true' ? 'true' : 'false');
    if (v.tag === 'null') return null;
    const n = v.tag === 'int' ? v3IntValue(v.text) : v3FloatValue(v.text);
    const f = typeof n === 'bigint' ? Number(n) : n;
    return new YScalar('float', goFormatFloat(f, 'g'));
  }
  return v;
}

function parsePointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new Error(`invalid JSON pointer ${JSON.stringify(path)}`);
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function arrayIndex(arr: YValue[], tok: string, forAdd: boolean): number {
  if (forAdd && tok === '-') return arr.length;
  if (!/^-?\d+$/.test(tok)) throw new Error(`invalid array index ${tok}`);
  let i = Number(tok);
  if (i < 0) i += arr.length;
  const max = forAdd ? arr.length : arr.length - 1;
  if (i < 0 || i > max) throw new Error(`array index ${tok} out of bounds`);
  return i;
}

function parentOf(doc: YValue, toks: string[], path: string): { parent: YValue; key: string } {
  let cur = doc;
  for (const t of toks.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[arrayIndex(cur, t, false)] as YValue;
    else if (isMap(cur) && t in cur) cur = cur[t] as YValue;
    else throw new Error(`missing path ${path}`);
  }
  return { parent: cur, key: toks[toks.length - 1] as string };
}

function get(doc: YValue, path: string): YValue {
  const toks = parsePointer(path);
  if (toks.length === 0) return doc;
  const { parent, key } = parentOf(doc, toks, path);
  if (Array.isArray(parent)) return parent[arrayIndex(parent, key, false)] as YValue;
  if (isMap(parent) && key in parent) return parent[key] as YValue;
  throw new Error(`missing path ${path}`);
}

function remove(doc: YValue, path: string): YValue {
  const toks = parsePointer(path);
  const { parent, key } = parentOf(doc, toks, path);
  if (Array.isArray(parent)) return parent.splice(arrayIndex(parent, key, false), 1)[0] as YValue;
  if (isMap(parent) && key in parent) {
    const v = parent[key] as YValue;
    delete parent[key];
    return v;
  }
  throw new Error(`error in remove for path: '${path}': Unable to remove nonexistent key: ${key}: missing value`);
}

function add(doc: YValue, path: string, value: YValue): void {
  const toks = parsePointer(path);
  const { parent, key } = parentOf(doc, toks, path);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, true), 0, value);
  else if (isMap(parent)) parent[key] = value;
  else throw new Error(`missing path ${path}`);
}

function replace(doc: YValue, path: string, value: YValue): void {
  const toks = parsePointer(path);
  const { parent, key } = parentOf(doc, toks, path);
  if (Array.isArray(parent)) parent[arrayIndex(parent, key, false)] = value;
  else if (isMap(parent) && key in parent) parent[key] = value;
  else throw new Error(`replace operation does not apply: doc is missing key: ${path}: missing value`);
}

/** Applies every operation or none; `source` names the patch in errors. */
export function applyJsonPatch(target: YMap, ops: readonly JsonPatchOp[], source: string): YMap {
  const doc = jsonRoundTrip(deepClone(target)) as YMap;
  for (const op of ops) {
    try {
      const value = op.value === undefined ? undefined : jsonRoundTrip(deepClone(op.value));
      switch (op.op) {
        case 'add':
          add(doc, op.path, value ?? null);
          break;
        case 'remove':
          remove(doc, op.path);
          break;
        case 'replace':
          replace(doc, op.path, value ?? null);
          break;
        case 'move': {
          const v = remove(doc, op.from ?? '');
          add(doc, op.path, v);
          break;
        }
        case 'copy':
          add(doc, op.path, deepClone(get(doc, op.from ?? '')));
          break;
        case 'test':
          if (!deepEqual(get(doc, op.path), value ?? null)) throw new Error(`testing value ${op.path} failed: test failed`);
          break;
        default:
          throw new Error(`unexpected kind of operation: ${op.op}`);
      }
    } catch (err) {
      throw new KustomizeError('patch', `${source}: ${(err as Error).message}`, { cause: err });
    }
  }
  return doc;
}
