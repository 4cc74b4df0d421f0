/** Sprig v3.3 defaults, flow control, reflection and JSON functions. */
import { decode } from '../gojson/decode.js';
import { indentJSON, marshal } from '../gojson/encode.js';
import {
  GoError,
  GoFuncValue,
  GoStruct,
  deepEqual,
  goFunc,
  isComplexPayload,
  kindOf,
  typeOf,
} from '../gotemplate/value.js';
import type { GoValue } from '../gotemplate/value.js';
import { boolArg, strArg } from './args.js';

/** Sprig's `empty`: nil, zero numbers, false, empty strings/lists/maps, nil pointers; structs never. */
export function isEmpty(v: GoValue): boolean {
  if (v === null) return true;
  switch (typeof v) {
    case 'boolean':
      return !v;
    case 'string':
      return v.length === 0;
    case 'bigint':
      return v === 0n;
    case 'number':
      return v === 0;
  }
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof Map) return v.size === 0;
  if (v instanceof GoStruct) return false;
  if (v instanceof GoFuncValue) return false;
  const p = v.value;
  if (p === null) return true;
  if (typeof p === 'bigint') return p === 0n;
  if (typeof p === 'number') return p === 0;
  if (typeof p === 'boolean') return !p;
  if (typeof p === 'string') return p.length === 0;
  if (p instanceof Uint8Array || Array.isArray(p)) return p.length === 0;
  if (p instanceof Map) return p.size === 0;
  if (isComplexPayload(p)) return p.re === 0 && p.im === 0;
  return false;
}

function toJSON(v: GoValue): string {
  try {
    return marshal(v);
  } catch {
    return '';
  }
}

function toRawJSON(v: GoValue): string {
  return marshal(v, { escapeHTML: false });
}

function fromJSON(text: string, must: boolean): GoValue {
  try {
    const r = decode(text);
    if (r.error !== undefined) {
      if (must) throw r.error;
      return r.value;
    }
    return r.value;
  } catch (err) {
    if (must) throw err;
    return null;
  }
}

/** The defaults, reflection and JSON functions of Sprig's function map. */
export function defaultFuncs(): Record<string, GoFuncValue> {
  return {
    default: goFunc('func(interface {}, ...interface {}) interface {}', (d, ...given) =>
      given.length === 0 || isEmpty(given[0] ?? null) ? d : (given[0] ?? null),
    ),
    empty: goFunc('func(interface {}) bool', (v) => isEmpty(v)),
    coalesce: goFunc('func(...interface {}) interface {}', (...xs) => xs.find((x) => !isEmpty(x)) ?? null),
    all: goFunc('func(...interface {}) bool', (...xs) => xs.every((x) => !isEmpty(x))),
    any: goFunc('func(...interface {}) bool', (...xs) => xs.some((x) => !isEmpty(x))),
    ternary: goFunc('func(interface {}, interface {}, bool) interface {}', (vt, vf, c) =>
      boolArg(c) ? vt : vf,
    ),
    fail: goFunc('func(string) (string, error)', (msg) => {
      throw new GoError(strArg(msg));
    }),
    fromJson: goFunc('func(string) interface {}', (s) => fromJSON(strArg(s), false)),
    mustFromJson: goFunc('func(string) (interface {}, error)', (s) => fromJSON(strArg(s), true)),
    toJson: goFunc('func(interface {}) string', (v) => toJSON(v)),
    mustToJson: goFunc('func(interface {}) (string, error)', (v) => marshal(v)),
    toPrettyJson: goFunc('func(interface {}) string', (v) => {
      const j = toJSON(v);
      return j === '' ? '' : indentJSON(j, '', '  ');
    }),
    mustToPrettyJson: goFunc('func(interface {}) (string, error)', (v) => indentJSON(marshal(v), '', '  ')),
    toRawJson: goFunc('func(interface {}) string', (v) => toRawJSON(v)),
    mustToRawJson: goFunc('func(interface {}) (string, error)', (v) => toRawJSON(v)),
    typeOf: goFunc('func(interface {}) string', (v) => typeOf(v)),
    typeIs: goFunc('func(string, interface {}) bool', (t, v) => strArg(t) === typeOf(v)),
    typeIsLike: goFunc('func(string, interface {}) bool', (t, v) => {
      const ty = typeOf(v);
      return strArg(t) === ty || `*${strArg(t)}` === ty;
    }),
    kindOf: goFunc('func(interface {}) string', (v) => kindOf(v)),
    kindIs: goFunc('func(string, interface {}) bool', (t, v) => strArg(t) === kindOf(v)),
    deepEqual: goFunc('func(interface {}, interface {}) bool', (a, b) => deepEqual(a, b)),
  };
}
