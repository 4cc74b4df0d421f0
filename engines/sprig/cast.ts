/**
 * The conversions Sprig relies on: spf13/cast v1.7 (ToInt64, ToInt, ToFloat64 — errors become 0),
 * Sprig's `strval` (`toString`), Go's strconv.ParseInt(s, 0, 64) / ParseFloat, and helpers that view a
 * Go value as a list or a map the way `reflect` does.
 */
import { sprintf } from '../gofmt/printf.js';
import {
  GoError,
  GoStruct,
  GoTyped,
  isFloatKind,
  isSignedKind,
  isUnsignedKind,
  kindOf,
  mapEntries,
  sliceElems,
} from '../gotemplate/value.js';
import type { GoMap, GoValue } from '../gotemplate/value.js';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** Go's `int64(f)` conversion on amd64: truncation, and MinInt64 for NaN or out-of-range values. */
export function floatToInt64(f: number): bigint {
  if (!Number.isFinite(f) || f >= 9223372036854775808 || f < -9223372036854775808) return INT64_MIN;
  return BigInt(Math.trunc(f));
}

/** Go's underscoreOK: underscores only between digits (a base prefix counts as a digit). */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '+' || s[0] === '-') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1] ?? '')) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i] ?? '';
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseInt(s, 0, 64): the value, or undefined on a syntax or range error. */
export function parseIntBase0(s: string): bigint | undefined {
  if (s === '') return undefined;
  let body = s;
  let neg = false;
  if (body[0] === '+' || body[0] === '-') {
    neg = body[0] === '-';
    body = body.slice(1);
  }
  let base = 10;
  if (/^0[xX]/.test(body)) {
    base = 16;
    body = body.slice(2);
  } else if (/^0[oO]/.test(body)) {
    base = 8;
    body = body.slice(2);
  } else if (/^0[bB]/.test(body)) {
    base = 2;
    body = body.slice(2);
  } else if (body.length > 1 && body[0] === '0') {
    base = 8;
    body = body.slice(1);
  }
  if (body.includes('_')) {
    if (!underscoreOK(s)) return undefined;
    body = body.replaceAll('_', '');
  }
  const digits =
    base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!digits.test(body)) return undefined;
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
  const v = neg ? -BigInt(prefix + body) : BigInt(prefix + body);
  return v < INT64_MIN || v > INT64_MAX ? undefined : v;
}

const DEC_FLOAT = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const HEX_FLOAT = /^[+-]?0[xX](?:[0-9a-fA-F]+(?:\.[0-9a-fA-F]*)?|\.[0-9a-fA-F]+)[pP][+-]?[0-9]+$/;
const SPECIAL_FLOAT = /^[+-]?(?:inf|infinity|nan)$/i;

function parseHexFloat(s: string): number {
  const m = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(s);
  if (!m) return NaN;
  const intPart = m[2] ?? '';
  const frac = m[3] ?? '';
  const mant = BigInt(`0x${intPart + frac || '0'}`);
  const exp = Number(m[4]) - 4 * frac.length;
  const v = Number(mant) * 2 ** exp;
  return m[1] === '-' ? -v : v;
}

/** strconv.ParseFloat(s, 64): the value, or undefined on a syntax or range error. */
export function parseFloat64(s: string): number | undefined {
  let t = s;
  if (t.includes('_')) {
    if (!underscoreOK(t)) return undefined;
    t = t.replaceAll('_', '');
  }
  if (SPECIAL_FLOAT.test(t)) {
    const l = t.toLowerCase();
    if (l.endsWith('nan')) return l.length === 3 ? NaN : undefined;
    return l.startsWith('-') ? -Infinity : Infinity;
  }
  let f: number;
  if (DEC_FLOAT.test(t)) f = Number(t);
  else if (HEX_FLOAT.test(t)) f = parseHexFloat(t);
  else return undefined;
  return Number.isFinite(f) ? f : undefined;
}

/** cast's trimZeroDecimal: `1.00` → `1`, other texts unchanged. */
function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === '.') {
      if (foundZero) return s.slice(0, i - 1);
    } else if (c === '0') foundZero = true;
    else return s;
  }
  return s;
}

/** cast.ToInt64E; `undefined` where cast returns an error. */
export function toInt64E(v: GoValue): bigint | undefined {
  if (v === null) return 0n;
  switch (typeof v) {
    case 'bigint':
      return v;
    case 'number':
      return floatToInt64(v);
    case 'boolean':
      return v ? 1n : 0n;
    case 'string':
      return parseIntBase0(trimZeroDecimal(v));
  }
  if (v instanceof GoTyped) {
    const p = v.value;
    if (typeof p === 'bigint' && (isSignedKind(v.kind) || isUnsignedKind(v.kind)))
      return BigInt.asIntN(64, p);
    if (typeof p === 'number' && isFloatKind(v.kind)) return floatToInt64(p);
    // Named string/bool types are not matched by cast's type switch.
  }
  return undefined;
}

/** cast.ToInt64 (errors give 0). */
export function toInt64(v: GoValue): bigint {
  return toInt64E(v) ?? 0n;
}

/** cast.ToFloat64E; `undefined` where cast returns an error. */
export function toFloat64E(v: GoValue): number | undefined {
  if (v === null) return 0;
  switch (typeof v) {
    case 'bigint':
      return Number(v);
    case 'number':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    case 'string':
      return parseFloat64(v);
  }
  if (v instanceof GoTyped) {
    const p = v.value;
    if (typeof p === 'bigint' && (isSignedKind(v.kind) || isUnsignedKind(v.kind))) return Number(p);
    if (typeof p === 'number' && isFloatKind(v.kind)) return p;
  }
  return undefined;
}

/** cast.ToFloat64 (errors give 0). */
export function toFloat64(v: GoValue): number {
  return toFloat64E(v) ?? 0;
}

/** Sprig's strval: strings as-is, `[]byte` as text, `error`/`Stringer` through their method, else `%v`. */
export function strval(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (v instanceof GoTyped && v.value instanceof Uint8Array) return Buffer.from(v.value).toString('utf8');
  if (v instanceof GoTyped || v instanceof GoStruct) {
    const m = v.methods.Error ?? v.methods.String;
    if (m !== undefined && m.signature.params.length === 0) {
      const r = m.fn();
      if (typeof r === 'string') return r;
    }
  }
  return sprintf('%v', v);
}

/** The reflect kind name Sprig's errors print (`Cannot find first on type string`). */
export function kindName(v: GoValue): string {
  return kindOf(v);
}

/** Go's panic when Sprig calls `reflect.TypeOf(nil).Kind()`. */
export function nilPointerPanic(): GoError {
  return new GoError('runtime error: invalid memory address or nil pointer dereference');
}

/**
 * The elements of a slice or array (Sprig's `reflect.Slice, reflect.Array` case), `undefined` for any
 * other kind; nil panics as in Go.
 */
export function listOf(v: GoValue): readonly GoValue[] | undefined {
  if (v === null) throw nilPointerPanic();
  return sliceElems(v);
}

/** The entries of a map value, or undefined. */
export function mapOf(v: GoValue): GoMap | undefined {
  return mapEntries(v);
}

/** A Go string sliced by UTF-8 byte offsets (a cut inside a rune becomes U+FFFD, Go would keep the raw bytes). */
export function byteSlice(s: string, start: number, end?: number): string {
  const b = Buffer.from(s, 'utf8');
  return b.subarray(start, end).toString('utf8');
}

/** Go's slice-bounds panic message. */
export function sliceBoundsPanic(start: number, end: number, len: number, which: 'start' | 'end'): GoError {
  if (which === 'end')
    return new GoError(`runtime error: slice bounds out of range [:${end}] with length ${len}`);
  return new GoError(`runtime error: slice bounds out of range [${start}:${end}]`);
}
