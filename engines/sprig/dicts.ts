/**
 * Sprig v3.3 dict functions over `map[string]interface {}`. `set`, `unset`, `merge` and
 * `mergeOverwrite` mutate their first argument, as in Go. `merge`/`mergeOverwrite` follow
 * dario.cat/mergo v1.0.1: nested maps merge in place, an "empty" destination value (0, "", false, nil,
 * empty list or map) is replaced even without overwrite, and a non-empty list is never merged into.
 */
import {
  GoError,
  GoFuncValue,
  GoStruct,
  GoTyped,
  goFunc,
  mapEntries,
  sliceElems,
} from '../gotemplate/value.js';
import type { GoMap, GoValue } from '../gotemplate/value.js';
import { mapArg, stringsResult, strArg } from './args.js';
import { strval } from './cast.js';
import { isEmpty } from './defaults.js';

function isMapValue(v: GoValue): boolean {
  return mapEntries(v) !== undefined && !(v instanceof GoTyped && v.value === null);
}

function isSliceValue(v: GoValue): boolean {
  return sliceElems(v) !== undefined;
}

/** mergo's deepMerge of one map into another (`dst` is mutated). */
export function mergeInto(dst: GoMap, src: GoMap, overwrite: boolean, depth = 0): void {
  if (depth > 10000) throw new GoError('merge: maximum depth exceeded');
  for (const [key, s] of src) {
    const had = dst.has(key);
    const d = dst.get(key) ?? null;
    if (s === null || (s instanceof GoTyped && s.value === null && s.kind !== 'ptr')) {
      if (overwrite) dst.set(key, s);
      continue;
    }
    const sm = mapEntries(s);
    if (sm !== undefined && isMapValue(s)) {
      const dm = mapEntries(d);
      if (had && dm !== undefined && isMapValue(d)) mergeInto(dm, sm, overwrite, depth + 1);
    } else if (isSliceValue(s)) {
      // mergo consults the emptiness of the whole destination map here, not of the element.
      if (overwrite || dst.size === 0) dst.set(key, s);
      else if (!had) dst.set(key, new GoTyped('[]interface {}', 'slice', [], {}, 'interface {}'));
    }
    const cur = dst.get(key) ?? null;
    if (had && !isEmpty(cur)) {
      if (isSliceValue(s)) continue;
      if (sm !== undefined && isMapValue(s) && isMapValue(cur)) continue;
    }
    if (overwrite || !had || isEmpty(cur)) dst.set(key, s);
  }
}

/** copystructure.Copy: maps and slices are copied deeply; scalars are shared. */
export function deepCopyValue(v: GoValue): GoValue {
  if (Array.isArray(v)) return v.map(deepCopyValue);
  if (v instanceof Map) {
    const m: GoMap = new Map();
    for (const [k, x] of v) m.set(k, deepCopyValue(x));
    return m;
  }
  if (v instanceof GoTyped) {
    const p = v.value;
    if (p instanceof Uint8Array) return new GoTyped(v.type, v.kind, p.slice(), v.methods, v.elem);
    if (Array.isArray(p)) return new GoTyped(v.type, v.kind, p.map(deepCopyValue), v.methods, v.elem);
    if (p instanceof Map) {
      const m: GoMap = new Map();
      for (const [k, x] of p) m.set(k, deepCopyValue(x));
      return new GoTyped(v.type, v.kind, m, v.methods, v.elem);
    }
  }
  if (v instanceof GoStruct && v.native === undefined) {
    const fields = new Map<string, GoValue>();
    for (const [k, x] of v.fields) fields.set(k, deepCopyValue(x));
    return new GoStruct(v.typeName, fields, v.methods, v.pointer);
  }
  return v;
}

/** copystructure.Copy(nil) panics inside reflect. */
function copyOrPanic(v: GoValue): GoValue {
  if (v === null) throw new GoError('reflect: call of reflect.Value.Type on zero Value');
  return deepCopyValue(v);
}

function dig(args: GoValue[]): GoValue {
  if (args.length < 3) throw new GoError('dig needs at least three arguments');
  const conv = (v: GoValue, want: string): never => {
    throw new GoError(
      `interface conversion: interface {} is ${v === null ? 'nil' : typeOfName(v)}, not ${want}`,
    );
  };
  // Sprig asserts the dict first, then every key, then walks.
  const dict = args[args.length - 1] ?? null;
  if (!(dict instanceof Map)) conv(dict, 'map[string]interface {}');
  const def = args[args.length - 2] ?? null;
  const keys = args.slice(0, -2).map((k) => (typeof k === 'string' ? k : conv(k, 'string')));
  let cur = dict as GoMap;
  for (const [i, k] of keys.entries()) {
    if (!cur.has(k)) return def;
    const step: GoValue = cur.get(k) ?? null;
    if (i === keys.length - 1) return step;
    if (!(step instanceof Map)) return conv(step, 'map[string]interface {}');
    cur = step;
  }
  return def;
}

function typeOfName(v: GoValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof GoTyped) return v.type;
  if (v instanceof GoStruct) return v.pointer ? `*${v.typeName}` : v.typeName;
  if (v instanceof GoFuncValue) return v.type;
  return 'map[string]interface {}';
}

/** The dict functions of Sprig's function map. */
export function dictFuncs(): Record<string, GoFuncValue> {
  const m = mapArg;
  const s = strArg;
  const merge =
    (overwrite: boolean) =>
    (dst: GoValue, ...srcs: GoValue[]) => {
      const d = m(dst);
      for (const src of srcs) mergeInto(d, m(src), overwrite);
      return dst;
    };
  const mapVariadic = 'func(map[string]interface {}, ...map[string]interface {})';
  return {
    dict: goFunc('func(...interface {}) map[string]interface {}', (...kv) => {
      const out: GoMap = new Map();
      for (let i = 0; i < kv.length; i += 2) {
        out.set(strval(kv[i] ?? null), i + 1 < kv.length ? (kv[i + 1] ?? null) : '');
      }
      return out;
    }),
    get: goFunc('func(map[string]interface {}, string) interface {}', (d, k) => {
      const map = m(d);
      return map.has(s(k)) ? (map.get(s(k)) ?? null) : '';
    }),
    set: goFunc('func(map[string]interface {}, string, interface {}) map[string]interface {}', (d, k, v) => {
      if (!(mapEntries(d) instanceof Map) || (d instanceof GoTyped && d.value === null)) {
        throw new GoError('assignment to entry in nil map');
      }
      m(d).set(s(k), v);
      return d;
    }),
    unset: goFunc('func(map[string]interface {}, string) map[string]interface {}', (d, k) => {
      m(d).delete(s(k));
      return d;
    }),
    hasKey: goFunc('func(map[string]interface {}, string) bool', (d, k) => m(d).has(s(k))),
    pluck: goFunc('func(string, ...map[string]interface {}) []interface {}', (k, ...ds) =>
      ds.filter((d) => m(d).has(s(k))).map((d) => m(d).get(s(k)) ?? null),
    ),
    keys: goFunc('func(...map[string]interface {}) []string', (...ds) =>
      stringsResult(ds.flatMap((d) => [...m(d).keys()])),
    ),
    pick: goFunc('func(map[string]interface {}, ...string) map[string]interface {}', (d, ...ks) => {
      const out: GoMap = new Map();
      for (const k of ks) if (m(d).has(s(k))) out.set(s(k), m(d).get(s(k)) ?? null);
      return out;
    }),
    omit: goFunc('func(map[string]interface {}, ...string) map[string]interface {}', (d, ...ks) => {
      const drop = new Set(ks.map(s));
      const out: GoMap = new Map();
      for (const [k, v] of m(d)) if (!drop.has(k)) out.set(k, v);
      return out;
    }),
    merge: goFunc(`${mapVariadic} interface {}`, merge(false)),
    mustMerge: goFunc(`${mapVariadic} (interface {}, error)`, merge(false)),
    mergeOverwrite: goFunc(`${mapVariadic} interface {}`, merge(true)),
    mustMergeOverwrite: goFunc(`${mapVariadic} (interface {}, error)`, merge(true)),
    values: goFunc('func(map[string]interface {}) []interface {}', (d) => [...m(d).values()]),
    deepCopy: goFunc('func(interface {}) interface {}', (v) => copyOrPanic(v)),
    mustDeepCopy: goFunc('func(interface {}) (interface {}, error)', (v) => copyOrPanic(v)),
    dig: goFunc('func(...interface {}) (interface {}, error)', (...args) => dig(args)),
  };
}
