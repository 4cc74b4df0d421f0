/**
 * text/template's builtin functions: and, or, not, len, index, slice, call, print, printf, println,
 * html, js, urlquery, eq, ne, lt, le, gt, ge, with Go's comparison rules and error texts.
 * Builtins see the executor's values, including the invalid value (Go passes them reflect.Value).
 * @module
 */
import { sprint, sprintf, sprintln } from '../gofmt/printf.js';
import { GoError, GoFuncValue, goBytes, goString, GoStruct, GoTyped, compareGoStrings, goLen, isComplexPayload, isTrue, kindOf, mapEntries, parseSignature, sliceElems } from './value.js';
import type { GoSignature, GoValue } from './value.js';
import { INVALID, Iface, Invalid, iface, indirect, isNilValue, valType, zeroOf } from './reflect.js';
import type { Val } from './reflect.js';

/** A builtin: its Go signature and an implementation over executor values. */
export interface Builtin {
  readonly signature: GoSignature;
  readonly fn: (...args: Val[]) => Val;
}

/** Go's indirectInterface: a nil interface becomes the invalid value. */
export function indirectInterface(v: Val): GoValue | Invalid {
  if (v instanceof Iface) v = v.v;
  return v === null ? INVALID : v;
}

/** Go's truth(): template truthiness of an executor value. */
export function truth(v: Val): boolean {
  if (v instanceof Iface) v = v.v;
  return v instanceof Invalid ? false : isTrue(v);
}

function intArg(v: Val): bigint | undefined {
  if (typeof v === 'bigint') return v;
  if (v instanceof GoTyped && typeof v.value === 'bigint') return v.value;
  return undefined;
}

function indexArg(index: Val, cap: number): number {
  const x = intArg(index);
  if (x === undefined) {
    if (index instanceof Invalid) throw new GoError('cannot index slice/array with nil');
    throw new GoError(`cannot index slice/array with type ${valType(index)}`);
  }
  if (x < 0n || x > BigInt(cap)) throw new GoError(`index out of range: ${x}`);
  return Number(x);
}

function stringBytes(s: string): Uint8Array {
  return goBytes(s);
}

/** Go's prepareArg for map keys: the key type is string for every map in the value model. */
function prepareKey(index: Val, keyType: string): string {
  if (index instanceof Invalid) throw new GoError(`value is nil; should be of type ${keyType}`);
  if (typeof index === 'string') return index;
  throw new GoError(`value has type ${valType(index)}; should be ${keyType}`);
}

function index(item: Val, ...indexes: Val[]): Val {
  item = indirectInterface(item);
  if (item instanceof Invalid) throw new GoError('index of untyped nil');
  for (let idx of indexes) {
    idx = indirectInterface(idx);
    const [it, isNil] = indirect(item);
    if (isNil) throw new GoError('index of nil pointer');
    item = it;
    if (typeof item === 'string' || (item instanceof GoTyped && item.kind === 'string')) {
      const s = typeof item === 'string' ? item : String(item.value);
      const b = stringBytes(s);
      const x = indexArg(idx, b.length);
      if (x === b.length) throw new GoError('reflect: string index out of range');
      item = new GoTyped('uint8', 'uint8', BigInt(b[x] as number));
      continue;
    }
    const elems = sliceElems(item as GoValue);
    if (elems !== undefined) {
      const x = indexArg(idx, elems.length);
      if (x === elems.length) throw new GoError(`reflect: ${kindOf(item as GoValue) === 'array' ? 'array' : 'slice'} index out of range`);
      item = Array.isArray(item) ? iface(elems[x] as GoValue) : (elems[x] as GoValue);
      continue;
    }
    const m = mapEntries(item as GoValue);
    if (m !== undefined) {
      const key = prepareKey(idx, 'string');
      const v = m.get(key);
      if (v !== undefined) item = item instanceof Map ? iface(v) : v;
      else item = item instanceof GoTyped ? zeroOf(item.elem || 'interface {}') : null;
      continue;
    }
    throw new GoError(`can't index item of type ${valType(item)}`);
  }
  return item;
}

function slice(item: Val, ...indexes: Val[]): Val {
  item = indirectInterface(item);
  if (item instanceof Invalid) throw new GoError('slice of untyped nil');
  const [it, isNil] = indirect(item);
  if (isNil) throw new GoError('slice of nil pointer');
  item = it;
  if (indexes.length > 3) throw new GoError(`too many slice indexes: ${indexes.length}`);
  let cap: number;
  let len: number;
  const isString = typeof item === 'string' || (item instanceof GoTyped && item.kind === 'string');
  const elems = isString ? undefined : sliceElems(item as GoValue);
  let bytes: Uint8Array | undefined;
  if (isString) {
    if (indexes.length === 3) throw new GoError('cannot 3-index slice a string');
    bytes = stringBytes(typeof item === 'string' ? item : String((item as GoTyped).value));
    cap = len = bytes.length;
  } else if (elems !== undefined) cap = len = elems.length;
  else throw new GoError(`can't slice item of type ${valType(item)}`);
  const idx = [0, len, 0];
  indexes.forEach((x, i) => {
    idx[i] = indexArg(x, cap);
  });
  const [lo, hi] = idx as [number, number, number];
  if (lo > hi) throw new GoError(`invalid slice index: ${lo} > ${hi}`);
  if (indexes.length === 3 && hi > (idx[2] as number)) throw new GoError(`invalid slice index: ${hi} > ${idx[2]}`);
  if (bytes !== undefined) {
    const s = goString(bytes.subarray(lo, hi));
    return typeof item === 'string' ? s : new GoTyped((item as GoTyped).type, 'string', s, (item as GoTyped).methods);
  }
  if (Array.isArray(item)) return item.slice(lo, hi);
  const t = item as GoTyped;
  if (t.value instanceof Uint8Array) return new GoTyped(t.type, 'slice', t.value.slice(lo, hi), t.methods, t.elem);
  return new GoTyped(t.type, 'slice', (elems as GoValue[]).slice(lo, hi), t.methods, t.elem);
}

function length(item: Val): Val {
  const [v, isNil] = indirect(item);
  if (isNil && !(v instanceof Invalid) && v !== null) throw new GoError('len of nil pointer');
  if (v instanceof Invalid) throw new GoError('reflect: call of reflect.Value.Type on zero Value');
  if (v === null) throw new GoError('len of nil pointer');
  const n = goLen(v);
  if (n === undefined) throw new GoError(`len of type ${valType(v)}`);
  return BigInt(n);
}

type BasicKind = 'invalid' | 'bool' | 'complex' | 'int' | 'float' | 'string' | 'uint';

function basicKind(v: Val): BasicKind {
  if (v instanceof Invalid || v === null) return 'invalid';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float';
    case 'string':
      return 'string';
  }
  if (!(v instanceof GoTyped)) return 'invalid';
  switch (v.kind) {
    case 'bool':
      return 'bool';
    case 'int':
    case 'int8':
    case 'int16':
    case 'int32':
    case 'int64':
      return 'int';
    case 'uint':
    case 'uint8':
    case 'uint16':
    case 'uint32':
    case 'uint64':
    case 'uintptr':
      return 'uint';
    case 'float32':
    case 'float64':
      return 'float';
    case 'complex64':
    case 'complex128':
      return 'complex';
    case 'string':
      return 'string';
  }
  return 'invalid';
}

function payload(v: Val): GoValue | Uint8Array | { re: number; im: number } {
  if (v instanceof GoTyped) return v.value;
  return v as GoValue;
}

function printVal(v: Val, verb = '%v'): string {
  if (v instanceof Iface) v = v.v;
  return v instanceof Invalid ? '<invalid reflect.Value>' : sprintf(verb, v);
}

function comparable(v: GoValue): boolean {
  if (v === null) return true;
  if (Array.isArray(v) || v instanceof Map || v instanceof GoFuncValue) return false;
  if (v instanceof GoTyped) return !['slice', 'map', 'func'].includes(v.kind);
  if (v instanceof GoStruct && !v.pointer) return [...v.fields.values()].every(comparable);
  return true;
}

function structEqual(a: GoValue, b: GoValue): boolean {
  if (a instanceof GoStruct && b instanceof GoStruct) {
    if (a.pointer || b.pointer) return a === b;
    if (a.typeName !== b.typeName) return false;
    if (a.native !== undefined || b.native !== undefined) return a.native === b.native;
    for (const [k, v] of a.fields) if (!structEqual(v, b.fields.get(k) ?? null)) return false;
    return true;
  }
  if (a instanceof GoTyped && b instanceof GoTyped) return a.type === b.type && a.value === b.value;
  return a === b;
}

function eq(arg1: Val, ...arg2: Val[]): Val {
  arg1 = indirectInterface(arg1);
  if (arg2.length === 0) throw new GoError('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (let arg of arg2) {
    arg = indirectInterface(arg);
    const k2 = basicKind(arg);
    let t = false;
    if (k1 !== k2) {
      if (k1 === 'int' && k2 === 'uint') {
        const a = intArg(arg1) as bigint;
        t = a >= 0n && a === intArg(arg);
      } else if (k1 === 'uint' && k2 === 'int') {
        const b = intArg(arg) as bigint;
        t = b >= 0n && intArg(arg1) === b;
      } else if (!(arg1 instanceof Invalid) && !(arg instanceof Invalid)) {
        throw new GoError(`incompatible types for comparison: ${valType(arg1)} and ${valType(arg)}`);
      }
    } else {
      switch (k1) {
        case 'bool':
        case 'float':
        case 'string':
          t = payload(arg1) === payload(arg);
          break;
        case 'int':
        case 'uint':
          t = intArg(arg1) === intArg(arg);
          break;
        case 'complex': {
          const a = payload(arg1);
          const b = payload(arg);
          t = a !== null && b !== null && isComplexPayload(a as GoValue) && isComplexPayload(b as GoValue) && (a as { re: number }).re === (b as { re: number }).re && (a as { im: number }).im === (b as { im: number }).im;
          break;
        }
        default: {
          const kk1 = arg1 instanceof Invalid ? 'invalid' : kindOf(arg1 as GoValue);
          const kk2 = arg instanceof Invalid ? 'invalid' : kindOf(arg as GoValue);
          if (kk1 !== kk2 && kk1 !== 'invalid' && kk2 !== 'invalid')
            throw new GoError(`non-comparable types ${printVal(arg1, '%s')}: ${valType(arg1)}, ${valType(arg)}: ${printVal(arg)}`);
          if (isNilValue(arg1) || isNilValue(arg)) t = isNilValue(arg) === isNilValue(arg1);
          else {
            if (!comparable(arg as GoValue)) throw new GoError(`non-comparable type ${printVal(arg, '%s')}: ${valType(arg)}`);
            t = structEqual(arg1 as GoValue, arg as GoValue);
          }
        }
      }
    }
    if (t) return true;
  }
  return false;
}

function lt(arg1: Val, arg2: Val): boolean {
  arg1 = indirectInterface(arg1);
  const k1 = basicKind(arg1);
  if (k1 === 'invalid') throw new GoError('invalid type for comparison');
  arg2 = indirectInterface(arg2);
  const k2 = basicKind(arg2);
  if (k2 === 'invalid') throw new GoError('invalid type for comparison');
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') {
      const a = intArg(arg1) as bigint;
      return a < 0n || a < (intArg(arg2) as bigint);
    }
    if (k1 === 'uint' && k2 === 'int') {
      const b = intArg(arg2) as bigint;
      return b >= 0n && (intArg(arg1) as bigint) < b;
    }
    throw new GoError(`incompatible types for comparison: ${valType(arg1)} and ${valType(arg2)}`);
  }
  switch (k1) {
    case 'bool':
    case 'complex':
      throw new GoError('invalid type for comparison');
    case 'float':
      return (payload(arg1) as number) < (payload(arg2) as number);
    case 'int':
    case 'uint':
      return (intArg(arg1) as bigint) < (intArg(arg2) as bigint);
    case 'string':
      return compareGoStrings(payload(arg1) as string, payload(arg2) as string) < 0;
  }
  return false;
}

function le(a: Val, b: Val): boolean {
  return lt(a, b) || (eq(a, b) as boolean);
}

/** Go's printableValue for one argument of html/js/urlquery and printing. */
export function printableArg(v: Val): GoValue {
  if (v instanceof Invalid) return '<no value>';
  const [d] = indirect(v);
  return d as GoValue;
}

/** Go's evalArgs: the single string argument, or Sprint of the printable arguments. */
function evalArgs(args: Val[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(...args.map((a) => (a === null ? '<no value>' : printableArg(a))));
}

/** html/template-free HTML escaping, as text/template's html builtin. */
export function htmlEscapeString(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => {
    switch (c) {
      case '\0':
        return '\uFFFD';
      case '"':
        return '&#34;';
      case "'":
        return '&#39;';
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      default:
        return '&gt;';
    }
  });
}

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** text/template's JSEscapeString. */
export function jsEscapeString(s: string): string {
  let out = '';
  for (const ch of s) {
    const r = ch.codePointAt(0) as number;
    switch (ch) {
      case '\\':
        out += '\\\\';
        continue;
      case "'":
        out += "\\'";
        continue;
      case '"':
        out += '\\"';
        continue;
      case '<':
        out += '\\u003C';
        continue;
      case '>':
        out += '\\u003E';
        continue;
      case '&':
        out += '\\u0026';
        continue;
      case '=':
        out += '\\u003D';
        continue;
    }
    if (r < 0x20) out += '\\u00' + r.toString(16).toUpperCase().padStart(2, '0');
    else if (r < 0x80) out += ch;
    else if (r >= 0xdc80 && r <= 0xdcff) out += ch;
    else if (r >= 0xd800 && r <= 0xdfff) out += '\uFFFD';
    else if (printable.test(ch)) out += ch;
    else out += '\\u' + r.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

/** Go's url.QueryEscape. */
export function urlQueryEscape(s: string): string {
  let out = '';
  for (const b of goBytes(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (b === 0x20) out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function sig(s: string): GoSignature {
  return parseSignature(s);
}

const toGo = (args: Val[]): GoValue[] => args.map((a) => (a instanceof Invalid ? null : a instanceof Iface ? a.v : a));

/** The builtin function map. `and`, `or` and `call` are evaluated specially by the executor. */
export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ['and', { signature: sig('func(reflect.Value, ...reflect.Value) reflect.Value'), fn: () => INVALID }],
  ['or', { signature: sig('func(reflect.Value, ...reflect.Value) reflect.Value'), fn: () => INVALID }],
  ['call', { signature: sig('func(reflect.Value, ...reflect.Value) reflect.Value'), fn: () => INVALID }],
  ['not', { signature: sig('func(reflect.Value) bool'), fn: (a) => !truth(a as Val) }],
  ['len', { signature: sig('func(reflect.Value) (int, error)'), fn: (a) => length(a as Val) }],
  ['index', { signature: sig('func(reflect.Value, ...reflect.Value) (reflect.Value, error)'), fn: (a, ...r) => index(a as Val, ...r) }],
  ['slice', { signature: sig('func(reflect.Value, ...reflect.Value) (reflect.Value, error)'), fn: (a, ...r) => slice(a as Val, ...r) }],
  ['print', { signature: sig('func(...interface {}) string'), fn: (...a) => sprint(...toGo(a)) }],
  ['printf', { signature: sig('func(string, ...interface {}) string'), fn: (f, ...a) => sprintf(f as string, ...toGo(a)) }],
  ['println', { signature: sig('func(...interface {}) string'), fn: (...a) => sprintln(...toGo(a)) }],
  ['html', { signature: sig('func(...interface {}) string'), fn: (...a) => htmlEscapeString(evalArgs(a)) }],
  ['js', { signature: sig('func(...interface {}) string'), fn: (...a) => jsEscapeString(evalArgs(a)) }],
  ['urlquery', { signature: sig('func(...interface {}) string'), fn: (...a) => urlQueryEscape(evalArgs(a)) }],
  ['eq', { signature: sig('func(reflect.Value, ...reflect.Value) (bool, error)'), fn: (a, ...r) => eq(a as Val, ...r) }],
  ['ne', { signature: sig('func(reflect.Value, reflect.Value) (bool, error)'), fn: (a, b) => !eq(a as Val, b as Val) }],
  ['lt', { signature: sig('func(reflect.Value, reflect.Value) (bool, error)'), fn: (a, b) => lt(a as Val, b as Val) }],
  ['le', { signature: sig('func(reflect.Value, reflect.Value) (bool, error)'), fn: (a, b) => le(a as Val, b as Val) }],
  ['gt', { signature: sig('func(reflect.Value, reflect.Value) (bool, error)'), fn: (a, b) => !le(a as Val, b as Val) }],
  ['ge', { signature: sig('func(reflect.Value, reflect.Value) (bool, error)'), fn: (a, b) => !lt(a as Val, b as Val) }],
]);
