/**
 * The Go value model shared by the template executor, Go `fmt` (engines/gofmt), Sprig and Helm's
 * function maps. Every value a template sees or a function returns is a {@link GoValue}.
 *
 * Mapping (the common kinds are plain JS values so functions stay cheap):
 *
 * | Go                              | JS                                                           |
 * |---------------------------------|--------------------------------------------------------------|
 * | untyped nil / nil interface{}   | `null`                                                       |
 * | bool                            | `boolean`                                                    |
 * | string                          | `string`                                                     |
 * | int (Go's 64-bit int)           | `bigint`                                                     |
 * | float64                         | `number` (values loaded from YAML/JSON are float64, as Helm) |
 * | []interface{}                   | `GoValue[]` (a JS array)                                     |
 * | map[string]interface{}          | `Map<string, GoValue>` (ranged/printed in sorted key order)  |
 * | any other Go kind or named type | {@link GoTyped} (`int64`, `[]string`, `time.Duration`, ...)  |
 * | struct or *struct               | {@link GoStruct} (fields in declaration order + methods)     |
 * | func value                      | {@link GoFuncValue}                                          |
 *
 * Values are treated as immutable by the executor; functions that "modify" maps (Sprig `set`, `unset`,
 * `merge`) mutate the `Map` in place, exactly as Go mutates the shared map.
 *
 * @module
 */

/** A Go value; see the module comment for the mapping. */
export type GoValue = null | boolean | string | bigint | number | GoValue[] | GoMap | GoTyped | GoStruct | GoFuncValue;

/** Go `map[string]interface{}`. Insertion order is irrelevant: printing and `range` sort keys. */
export type GoMap = Map<string, GoValue>;

/** Go reflect kinds, spelled as `reflect.Kind.String()` spells them (`ptr` as Go < 1.18 and Sprig's kindOf print it). */
export type GoKind =
  | 'invalid'
  | 'bool'
  | 'int'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'uintptr'
  | 'float32'
  | 'float64'
  | 'complex64'
  | 'complex128'
  | 'array'
  | 'chan'
  | 'func'
  | 'interface'
  | 'map'
  | 'ptr'
  | 'slice'
  | 'string'
  | 'struct';

/** A complex number payload (complex64/complex128 template constants such as `1+2i`). */
export interface GoComplex {
  readonly re: number;
  readonly im: number;
}

/**
 * Payload of a {@link GoTyped}, by kind:
 * - int*, uint*, uintptr: `bigint` (already wrapped to the type's width);
 * - float32, float64: `number` (float32 values already rounded with `Math.fround`);
 * - complex64/128: {@link GoComplex};
 * - bool / string (named types): `boolean` / `string`;
 * - slice/array: `GoValue[]` whose elements have the dynamic type `elem`, or `Uint8Array` for `[]uint8`;
 * - map: {@link GoMap} (keys are strings; values of type `elem`);
 * - ptr, interface, map, slice, func, chan: `null` for a typed nil.
 */
export type GoTypedPayload = GoValue | Uint8Array | GoComplex;

/**
 * A value of a Go type that has no plain JS form: a sized integer (`int64`, `uint8`), `float32`, a
 * typed slice or map (`[]string`, `map[string]string`), a named type with methods (`time.Duration`,
 * `chartutil.Values`, `chartutil.VersionSet`), or a typed nil pointer.
 */
export class GoTyped {
  /**
   * @param type Go type as `%T` prints it, e.g. `int64`, `[]string`, `time.Duration`.
   * @param kind its reflect kind.
   * @param value the payload (see {@link GoTypedPayload}).
   * @param methods exported methods callable from templates (`.Has "v1"`); `String` and `Error` are used by fmt.
   * @param elem element type of slices, arrays and maps (`string` for `[]string`).
   */
  constructor(
    readonly type: string,
    readonly kind: GoKind,
    readonly value: GoTypedPayload,
    readonly methods: Readonly<Record<string, GoFuncValue>> = {},
    readonly elem: string = '',
  ) {}
}

/**
 * A Go struct, or a pointer to one (`pointer: true`), with exported fields in declaration order and
 * exported methods. `.Field` and `.Method args` resolve against it (through the pointer, as Go does).
 * `native` lets the implementing engine keep its own representation (a `Date` for `time.Time`, a
 * parsed certificate for `*x509.Certificate`, a semver for `*semver.Version`).
 */
export class GoStruct {
  constructor(
    /** Type name without the pointer star, e.g. `chart.Metadata`, `time.Time`. */
    readonly typeName: string,
    readonly fields: ReadonlyMap<string, GoValue>,
    readonly methods: Readonly<Record<string, GoFuncValue>> = {},
    readonly pointer = false,
    readonly native: unknown = undefined,
  ) {}
}

/** The error a Go function returns (its `error` result). Functions throw it; the executor reports `error calling NAME: MSG`. */
export class GoError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GoError';
  }
}

/** The implementation of a Go function: receives converted arguments, returns the single non-error result, throws {@link GoError} for Go's error result. */
export type GoFunc = (...args: GoValue[]) => GoValue;

/** A Go function signature: parameter and result types as reflect prints them (`interface {}`, `[]interface {}`). */
export interface GoSignature {
  readonly params: readonly string[];
  /** The last parameter is `...T`; `params` holds its element type `T`. */
  readonly variadic: boolean;
  /** Result types; Go templates allow one result, or two with the second `error`. */
  readonly results: readonly string[];
}

/**
 * A Go function value: an implementation plus its Go signature, so the executor can check arity
 * (`wrong number of args for NAME: want 2 got 1`), convert constants (`3` to a `float64` parameter
 * becomes `3.0`) and check assignability (`wrong type for value; expected string; got int`).
 */
export class GoFuncValue {
  constructor(
    readonly signature: GoSignature,
    readonly fn: GoFunc,
    readonly name = '',
  ) {}
  get type(): string {
    return signatureString(this.signature);
  }
}

/**
 * Declares a Go function from its Go signature, the form Sprig and Helm functions are written in:
 * `goFunc('func(int, string) string', (n, s) => ...)`,
 * `goFunc('func(string, ...interface {}) (string, error)', ...)`. `interface{}` and `any` are accepted
 * for `interface {}`.
 */
export function goFunc(signature: string, fn: GoFunc, name = ''): GoFuncValue {
  let sig = signatures.get(signature);
  if (sig === undefined) {
    sig = parseSignature(signature);
    signatures.set(signature, sig);
  }
  return new GoFuncValue(sig, fn, name);
}

/** Parsed signatures by their text: function maps are rebuilt per render, from a few dozen distinct signatures. */
const signatures = new Map<string, GoSignature>();

/** A function map entry: a declared {@link GoFuncValue}, or a bare {@link GoFunc} treated as `func(...interface {}) interface {}`. */
export type FuncMapEntry = GoFuncValue | GoFunc;
/** A function map, as `template.FuncMap`. */
export type FuncMap = Readonly<Record<string, FuncMapEntry>>;

const anyVariadic: GoSignature = { params: ['interface {}'], variadic: true, results: ['interface {}'] };

/** Normalises a function map entry to a {@link GoFuncValue}. */
export function toFuncValue(entry: FuncMapEntry, name = ''): GoFuncValue {
  return entry instanceof GoFuncValue ? entry : new GoFuncValue(anyVariadic, entry, name);
}

/** Canonical reflect spelling of a Go type name written by hand. */
export function normalizeTypeName(t: string): string {
  return t
    .trim()
    .replace(/\binterface\s*\{\s*\}/g, 'interface {}')
    .replace(/\bany\b/g, 'interface {}')
    .replace(/\bbyte\b/g, 'uint8')
    .replace(/\brune\b/g, 'int32');
}

function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    if (ch === ')' || ch === ']' || ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '') out.push(cur);
  return out.map((x) => x.trim());
}

/** Parses `func(T1, ...T2) (R, error)` into a {@link GoSignature}. */
export function parseSignature(sig: string): GoSignature {
  const s = sig.trim();
  if (!s.startsWith('func(')) throw new Error(`bad Go signature ${JSON.stringify(sig)}`);
  let depth = 0;
  let end = -1;
  for (let i = 4; i < s.length; i++) {
    if (s[i] === '(' || s[i] === '{' || s[i] === '[') depth++;
    else if (s[i] === ')' || s[i] === '}' || s[i] === ']') {
      depth--;
      if (depth === 0) {
        end = i;
        break;
      }
    }
  }
  if (end < 0) throw new Error(`bad Go signature ${JSON.stringify(sig)}`);
  const params = splitTopLevel(s.slice(5, end)).map(normalizeTypeName);
  let variadic = false;
  const last = params[params.length - 1];
  if (last !== undefined && last.startsWith('...')) {
    variadic = true;
    params[params.length - 1] = last.slice(3);
  }
  let rest = s.slice(end + 1).trim();
  if (rest.startsWith('(') && rest.endsWith(')')) rest = rest.slice(1, -1);
  const results = rest === '' ? [] : splitTopLevel(rest).map(normalizeTypeName);
  return { params, variadic, results };
}

/** `func(string, ...interface {}) string`, as reflect prints a func type. */
export function signatureString(sig: GoSignature): string {
  const ps = sig.params.map((p, i) => (sig.variadic && i === sig.params.length - 1 ? `...${p}` : p));
  const rs = sig.results.length === 0 ? '' : sig.results.length === 1 ? ` ${sig.results[0]}` : ` (${sig.results.join(', ')})`;
  return `func(${ps.join(', ')})${rs}`;
}

// ---------------------------------------------------------------------------------------------
// Constructors for common typed values

const INT_BITS: Partial<Record<GoKind, [number, boolean]>> = {
  int: [64, true],
  int8: [8, true],
  int16: [16, true],
  int32: [32, true],
  int64: [64, true],
  uint: [64, false],
  uint8: [8, false],
  uint16: [16, false],
  uint32: [32, false],
  uint64: [64, false],
  uintptr: [64, false],
};

/** Wraps `n` to the width of a Go integer kind (two's complement), as a Go conversion does. */
export function wrapInt(kind: GoKind, n: bigint): bigint {
  const spec = INT_BITS[kind];
  if (spec === undefined) throw new Error(`not an integer kind: ${kind}`);
  return spec[1] ? BigInt.asIntN(spec[0], n) : BigInt.asUintN(spec[0], n);
}

/** A Go integer of the given kind (`int` gives a plain bigint). */
export function goInt(kind: GoKind, n: bigint | number): GoValue {
  const b = wrapInt(kind, typeof n === 'bigint' ? n : BigInt(Math.trunc(n)));
  return kind === 'int' ? b : new GoTyped(kind, kind, b);
}

/** A Go `int64`. */
export const int64 = (n: bigint | number): GoTyped => goInt('int64', n) as GoTyped;
/** A Go `float32` (rounded to single precision). */
export const float32 = (n: number): GoTyped => new GoTyped('float32', 'float32', Math.fround(n));
/** A Go `[]string`. */
export const stringSlice = (xs: readonly string[]): GoTyped => new GoTyped('[]string', 'slice', [...xs], {}, 'string');
/** A Go `[]byte` (`[]uint8`). */
export const byteSlice = (b: Uint8Array): GoTyped => new GoTyped('[]uint8', 'slice', b, {}, 'uint8');
/** A typed nil of a pointer/map/slice/func/interface type, e.g. `typedNil('*chart.Metadata', 'ptr')`. */
export const typedNil = (type: string, kind: GoKind): GoTyped => new GoTyped(type, kind, null);

/** True for the integer kinds. */
export function isIntKind(k: GoKind): boolean {
  return INT_BITS[k] !== undefined;
}
/** True for int, int8..int64. */
export function isSignedKind(k: GoKind): boolean {
  return INT_BITS[k]?.[1] === true;
}
/** True for uint, uint8..uint64, uintptr. */
export function isUnsignedKind(k: GoKind): boolean {
  return INT_BITS[k]?.[1] === false;
}
/** True for float32/float64. */
export function isFloatKind(k: GoKind): boolean {
  return k === 'float32' || k === 'float64';
}
/** True for complex64/complex128. */
export function isComplexKind(k: GoKind): boolean {
  return k === 'complex64' || k === 'complex128';
}

// ---------------------------------------------------------------------------------------------
// Reflection

/** `reflect.ValueOf(v).Kind().String()`: `invalid` for nil, `ptr` for pointers. */
export function kindOf(v: GoValue): GoKind {
  if (v === null) return 'invalid';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float64';
  }
  if (Array.isArray(v)) return 'slice';
  if (v instanceof Map) return 'map';
  if (v instanceof GoTyped) return v.kind;
  if (v instanceof GoStruct) return v.pointer ? 'ptr' : 'struct';
  return 'func';
}

/** `fmt.Sprintf("%T", v)`: `<nil>`, `int`, `float64`, `[]interface {}`, `map[string]interface {}`, `*chart.Metadata`. */
export function typeOf(v: GoValue): string {
  if (v === null) return '<nil>';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float64';
  }
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof Map) return 'map[string]interface {}';
  if (v instanceof GoTyped) return v.type;
  if (v instanceof GoStruct) return v.pointer ? `*${v.typeName}` : v.typeName;
  return v.type;
}

/** The elements of a slice/array value (plain arrays, typed slices; bytes as uint8 values), else undefined. */
export function sliceElems(v: GoValue): readonly GoValue[] | undefined {
  if (Array.isArray(v)) return v;
  if (v instanceof GoTyped && (v.kind === 'slice' || v.kind === 'array')) {
    if (v.value instanceof Uint8Array) return Array.from(v.value, (b) => new GoTyped('uint8', 'uint8', BigInt(b)));
    if (Array.isArray(v.value)) return v.value;
    return [];
  }
  return undefined;
}

/** The entries of a map value (plain or typed), else undefined. A typed nil map gives an empty map. */
export function mapEntries(v: GoValue): GoMap | undefined {
  if (v instanceof Map) return v;
  if (v instanceof GoTyped && v.kind === 'map') return v.value instanceof Map ? v.value : new Map();
  return undefined;
}

/** Map keys in Go's `fmt`/`range` order (strings sorted by byte value, i.e. UTF-16 order is wrong for astral chars). */
export function sortedKeys(m: GoMap): string[] {
  return [...m.keys()].sort(compareGoStrings);
}

/** Compares strings the way Go does: by UTF-8 bytes. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** The length of a Go value for `len`, or undefined if `len` does not apply (strings count UTF-8 bytes). */
export function goLen(v: GoValue): number | undefined {
  if (typeof v === 'string') return utf8Length(v);
  if (Array.isArray(v)) return v.length;
  if (v instanceof Map) return v.size;
  if (v instanceof GoTyped) {
    if (v.kind === 'string' && typeof v.value === 'string') return utf8Length(v.value);
    if (v.kind === 'slice' || v.kind === 'array' || v.kind === 'map') {
      if (v.value === null) return 0;
      if (v.value instanceof Uint8Array || Array.isArray(v.value)) return v.value.length;
      if (v.value instanceof Map) return v.value.size;
    }
  }
  return undefined;
}

/**
 * Go strings are byte sequences and may hold invalid UTF-8 (e.g. after `slice` cuts a rune). A JS
 * string carries such a byte b as the lone surrogate U+DC00+b (b >= 0x80), like Python's
 * "surrogateescape"; {@link goBytes} turns it back into the byte. Other lone surrogates count as
 * U+FFFD.
 */
export function isEscapedByte(c: number): boolean {
  return c >= 0xdc80 && c <= 0xdcff;
}

/** Number of bytes of a Go string held in a JS string (UTF-8, escaped bytes count one). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else if (isEscapedByte(c)) n += 1;
    else n += 3;
  }
  return n;
}

const encoder = new TextEncoder();

/** The bytes of a Go string held in a JS string (escaped bytes restored). */
export function goBytes(s: string): Uint8Array {
  let hasEscape = false;
  for (let i = 0; i < s.length; i++) {
    if (isEscapedByte(s.charCodeAt(i))) {
      hasEscape = true;
      break;
    }
  }
  if (!hasEscape) return encoder.encode(s);
  const out: number[] = [];
  let run = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isEscapedByte(c)) {
      if (run !== '') out.push(...encoder.encode(run));
      run = '';
      out.push(c - 0xdc00);
    } else run += s[i];
  }
  if (run !== '') out.push(...encoder.encode(run));
  return Uint8Array.from(out);
}

/** A Go string from bytes: valid UTF-8 decodes normally, each invalid byte becomes an escaped byte. */
export function goString(b: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      out += String.fromCharCode(c);
      i++;
      continue;
    }
    const n = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
    let ok = n > 0 && i + n <= b.length;
    for (let j = 1; ok && j < n; j++) if (((b[i + j] as number) & 0xc0) !== 0x80) ok = false;
    if (ok) {
      let cp = n === 2 ? c & 0x1f : n === 3 ? c & 0x0f : c & 0x07;
      for (let j = 1; j < n; j++) cp = (cp << 6) | ((b[i + j] as number) & 0x3f);
      const minimum = n === 2 ? 0x80 : n === 3 ? 0x800 : 0x10000;
      if (cp >= minimum && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
        out += String.fromCodePoint(cp);
        i += n;
        continue;
      }
    }
    out += String.fromCharCode(0xdc00 + c);
    i++;
  }
  return out;
}

/** `template.IsTrue`: false for nil, zero numbers, false, empty string/slice/map, nil pointers; true for structs. */
export function isTrue(v: GoValue): boolean {
  if (v === null) return false;
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'string':
      return v.length > 0;
    case 'bigint':
      return v !== 0n;
    case 'number':
      return v !== 0;
  }
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Map) return v.size > 0;
  if (v instanceof GoStruct || v instanceof GoFuncValue) return true;
  const p = v.value;
  if (p === null) return false;
  if (typeof p === 'bigint') return p !== 0n;
  if (typeof p === 'number') return p !== 0;
  if (typeof p === 'boolean') return p;
  if (typeof p === 'string') return p.length > 0;
  if (p instanceof Uint8Array || Array.isArray(p)) return p.length > 0;
  if (p instanceof Map) return p.size > 0;
  if (isComplexPayload(p)) return p.re !== 0 || p.im !== 0;
  return true;
}

/** True if a payload is a {@link GoComplex}. */
export function isComplexPayload(p: GoTypedPayload): p is GoComplex {
  return typeof p === 'object' && p !== null && !(p instanceof Map) && !Array.isArray(p) && !(p instanceof Uint8Array) && !(p instanceof GoTyped) && !(p instanceof GoStruct) && !(p instanceof GoFuncValue);
}

/**
 * `reflect.DeepEqual`: same dynamic type, then equal contents (maps by key, slices elementwise,
 * NaN unequal to itself; `int 1` and `float64 1` are NOT equal). Used by Sprig's has/without/uniq.
 */
export function deepEqual(a: GoValue, b: GoValue): boolean {
  if (a === b) return !(typeof a === 'number' && Number.isNaN(a));
  if (a === null || b === null) return false;
  if (typeOf(a) !== typeOf(b)) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (a instanceof GoFuncValue || b instanceof GoFuncValue) return false;
  if (a instanceof GoStruct && b instanceof GoStruct) {
    if (a.pointer && a === b) return true;
    if (a.native !== undefined || b.native !== undefined) return a.native === b.native || valueEqualNative(a.native, b.native);
    for (const [k, v] of a.fields) if (!deepEqual(v, b.fields.get(k) ?? null)) return false;
    return true;
  }
  const ea = sliceElems(a);
  const eb = sliceElems(b);
  if (ea !== undefined && eb !== undefined) {
    if (ea.length !== eb.length) return false;
    return ea.every((x, i) => deepEqual(x, eb[i] ?? null));
  }
  const ma = mapEntries(a);
  const mb = mapEntries(b);
  if (ma !== undefined && mb !== undefined) {
    if (ma.size !== mb.size) return false;
    for (const [k, v] of ma) if (!mb.has(k) || !deepEqual(v, mb.get(k) ?? null)) return false;
    return true;
  }
  if (a instanceof GoTyped && b instanceof GoTyped) {
    const pa = a.value;
    const pb = b.value;
    if (pa !== null && pb !== null && isComplexPayload(pa) && isComplexPayload(pb)) return pa.re === pb.re && pa.im === pb.im;
    return pa === pb;
  }
  return false;
}

function valueEqualNative(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return false;
}

// ---------------------------------------------------------------------------------------------
// Plain data conversion

/** Plain JSON-like data as produced by `JSON.parse` or the `yaml` package. */
export type JSONData = null | boolean | number | string | bigint | JSONData[] | { [key: string]: JSONData };

/**
 * Converts parsed JSON/YAML data to Go values exactly as Helm sees it after YAML → JSON →
 * `interface{}`: every number becomes float64 (`number`; bigints too), objects become
 * `map[string]interface{}`, `undefined` becomes nil. Dates become their RFC 3339 string.
 */
export function fromJSONData(x: unknown): GoValue {
  if (x === null || x === undefined) return null;
  switch (typeof x) {
    case 'boolean':
    case 'string':
    case 'number':
      return x;
    case 'bigint':
      return Number(x);
    case 'object':
      break;
    default:
      return String(x);
  }
  if (Array.isArray(x)) return x.map(fromJSONData);
  if (x instanceof Map) {
    const m: GoMap = new Map();
    for (const [k, v] of x) m.set(String(k), fromJSONData(v));
    return m;
  }
  if (x instanceof Date) return x.toISOString();
  const m: GoMap = new Map();
  for (const [k, v] of Object.entries(x as Record<string, unknown>)) m.set(k, fromJSONData(v));
  return m;
}

/**
 * Converts a Go value back to plain data for JSON/YAML emitters: maps become objects (keys in Go's
 * sorted order), typed slices arrays, `[]byte` a base64 string (as encoding/json), ints `bigint`
 * (exact; emitters print them as integers), floats `number`, structs objects of their fields, and
 * funcs nil.
 */
export function toJSONData(v: GoValue): JSONData {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(toJSONData);
  const m = mapEntries(v);
  if (m !== undefined) {
    const o: { [key: string]: JSONData } = {};
    for (const k of sortedKeys(m)) o[k] = toJSONData(m.get(k) ?? null);
    return o;
  }
  if (v instanceof GoTyped) {
    const p = v.value;
    if (p instanceof Uint8Array) return Buffer.from(p).toString('base64');
    if (Array.isArray(p)) return p.map(toJSONData);
    if (p === null || typeof p !== 'object') return p;
    if (isComplexPayload(p)) return null;
    return toJSONData(p);
  }
  if (v instanceof GoStruct) {
    const o: { [key: string]: JSONData } = {};
    for (const [k, f] of v.fields) o[k] = toJSONData(f);
    return o;
  }
  return null;
}
