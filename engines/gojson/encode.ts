/**
 * Go `encoding/json` Marshal for {@link GoValue}s, byte for byte: maps with sorted keys, struct fields in
 * declaration order, `<`, `>`, `&` escaped as `\u003c` … (unless `escapeHTML: false`, as Encoder.SetEscapeHTML),
 * U+2028/U+2029 always escaped, invalid UTF-16 as `\ufffd`, floats formatted like ES6 with Go's cutoffs,
 * `[]byte` as base64, and Go's error texts (`json: unsupported type: func() string`,
 * `json: unsupported value: NaN`).
 */
import {
  GoError,
  GoFuncValue,
  GoStruct,
  GoTyped,
  isComplexPayload,
  sortedKeys,
} from '../gotemplate/value.js';
import type { GoMap, GoValue } from '../gotemplate/value.js';

/**
 * A native payload of a {@link GoStruct} that knows its own JSON form, the analogue of Go's
 * `json.Marshaler` or of a struct with `json:"name,omitempty"` tags: returns compact JSON text.
 */
export interface GoJSONMarshaler {
  marshalGoJSON(options: MarshalOptions): string;
}

export interface MarshalOptions {
  /** Escape `<`, `>` and `&` (json.Marshal does; Sprig's toRawJson does not). @default true */
  readonly escapeHTML?: boolean;
}

/** True if `x` implements {@link GoJSONMarshaler}. */
export function isGoJSONMarshaler(x: unknown): x is GoJSONMarshaler {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as { marshalGoJSON?: unknown }).marshalGoJSON === 'function'
  );
}

const HEX = '0123456789abcdef';

/** Go's appendString: a JSON string literal for `s`. */
export function quoteJSONString(s: string, escapeHTML = true): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c < 0x20) {
      switch (c) {
        case 0x08:
          rep = '\\b';
          break;
        case 0x0c:
          rep = '\\f';
          break;
        case 0x0a:
          rep = '\\n';
          break;
        case 0x0d:
          rep = '\\r';
          break;
        case 0x09:
          rep = '\\t';
          break;
        default:
          rep = `\\u00${HEX[c >> 4]}${HEX[c & 0xf]}`;
      }
    } else if (c === 0x22) rep = '\\"';
    else if (c === 0x5c) rep = '\\\\';
    else if (escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26))
      rep = `\\u00${HEX[c >> 4]}${HEX[c & 0xf]}`;
    else if (c === 0x2028 || c === 0x2029) rep = `\\u202${HEX[c & 0xf]}`;
    else if (c >= 0xd800 && c <= 0xdfff) {
      // A valid surrogate pair is one rune; a lone surrogate is what Go sees as invalid UTF-8.
      if (c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        i++;
        continue;
      }
      rep = '\\ufffd';
    }
    if (rep !== undefined) {
      out += s.slice(start, i) + rep;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

/** Go's float64 JSON form: ES6 shortest digits, `-0` kept. Throws for NaN and ±Inf. */
export function formatJSONFloat64(f: number): string {
  if (!Number.isFinite(f)) throw new GoError(`json: unsupported value: ${goFloatSpecial(f)}`);
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  return String(f);
}

function goFloatSpecial(f: number): string {
  return Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf';
}

/** Shortest decimal digits that round-trip through float32 (the closest such decimal, as strconv picks). */
function shortestFloat32(f: number): { digits: string; exp: number } {
  for (let p = 1; p <= 9; p++) {
    const [mant = '', e = '0'] = f.toExponential(p - 1).split('e');
    const base = BigInt(mant.replace('.', ''));
    let best: { digits: string; exp: number; dist: number } | undefined;
    for (const d of [base - 1n, base, base + 1n]) {
      if (d <= 0n) continue;
      const text = d.toString();
      // A carry (9.99 → 10.0) adds a digit: shift the exponent instead.
      const exp = Number(e) + (text.length - p);
      const value = Number(`${text[0]}.${text.slice(1)}e${exp}`);
      if (Math.fround(value) !== f) continue;
      const dist = Math.abs(value - f);
      const even = d % 2n === 0n;
      // Ties go to the even digit, as strconv's shortest formatting rounds half to even.
      if (best === undefined || dist < best.dist || (dist === best.dist && even)) {
        best = { digits: text.replace(/0+$/, '') || '0', exp, dist };
      }
    }
    if (best !== undefined) return { digits: best.digits, exp: best.exp };
  }
  const [mant = '', e = '0'] = f.toExponential(8).split('e');
  return { digits: mant.replace('.', ''), exp: Number(e) };
}

/** Go's float32 JSON form (strconv 'f' or 'e' with 32-bit shortest digits). */
export function formatJSONFloat32(f: number): string {
  if (!Number.isFinite(f)) throw new GoError(`json: unsupported value: ${goFloatSpecial(f)}`);
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const neg = f < 0 ? '-' : '';
  const abs = Math.abs(f);
  const { digits, exp } = shortestFloat32(abs);
  if (abs < Math.fround(1e-6) || abs >= Math.fround(1e21)) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const sign = exp < 0 ? '-' : '+';
    const e = Math.abs(exp);
    // Go pads to two digits, then encoding/json trims the padding of negative exponents.
    const es = exp < 0 ? String(e) : String(e).padStart(2, '0');
    return `${neg}${mant}e${sign}${es}`;
  }
  // 'f' formatting with the shortest digits.
  const point = exp + 1;
  let s: string;
  if (point <= 0) s = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) s = digits + '0'.repeat(point - digits.length);
  else s = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return neg + s;
}

function marshalMap(m: GoMap, o: Required<MarshalOptions>, depth: number): string {
  const parts: string[] = [];
  for (const k of sortedKeys(m)) {
    parts.push(`${quoteJSONString(k, o.escapeHTML)}:${marshalValue(m.get(k) ?? null, o, depth + 1)}`);
  }
  return `{${parts.join(',')}}`;
}

function marshalTyped(v: GoTyped, o: Required<MarshalOptions>, depth: number): string {
  const p = v.value;
  if (isGoJSONMarshaler(p)) return p.marshalGoJSON(o);
  switch (v.kind) {
    case 'bool':
      return p === true ? 'true' : 'false';
    case 'string':
      return quoteJSONString(typeof p === 'string' ? p : '', o.escapeHTML);
    case 'float32':
      return formatJSONFloat32(typeof p === 'number' ? p : 0);
    case 'float64':
      return formatJSONFloat64(typeof p === 'number' ? p : 0);
    case 'slice':
    case 'array':
      if (p === null) return 'null';
      if (p instanceof Uint8Array) return `"${Buffer.from(p).toString('base64')}"`;
      if (Array.isArray(p)) return `[${p.map((x) => marshalValue(x, o, depth + 1)).join(',')}]`;
      return 'null';
    case 'map':
      return p instanceof Map ? marshalMap(p, o, depth) : 'null';
    case 'ptr':
    case 'interface':
      return p === null ? 'null' : marshalValue(p as GoValue, o, depth + 1);
    case 'complex64':
    case 'complex128':
    case 'chan':
    case 'func':
    case 'uintptr':
    case 'invalid':
    case 'struct':
      if (v.kind === 'uintptr' && typeof p === 'bigint') return p.toString();
      throw new GoError(`json: unsupported type: ${v.type}`);
    default:
      if (typeof p === 'bigint') return p.toString();
      if (p !== null && typeof p === 'object' && isComplexPayload(p)) {
        throw new GoError(`json: unsupported type: ${v.type}`);
      }
      throw new GoError(`json: unsupported type: ${v.type}`);
  }
}

function marshalValue(v: GoValue, o: Required<MarshalOptions>, depth: number): string {
  if (depth > 1000) throw new GoError('json: unsupported value: encountered a cycle');
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'string':
      return quoteJSONString(v, o.escapeHTML);
    case 'bigint':
      return v.toString();
    case 'number':
      return formatJSONFloat64(v);
  }
  if (Array.isArray(v)) return `[${v.map((x) => marshalValue(x, o, depth + 1)).join(',')}]`;
  if (v instanceof Map) return marshalMap(v, o, depth);
  if (v instanceof GoTyped) return marshalTyped(v, o, depth);
  if (v instanceof GoStruct) {
    if (isGoJSONMarshaler(v.native)) return v.native.marshalGoJSON(o);
    const parts: string[] = [];
    for (const [k, f] of v.fields)
      parts.push(`${quoteJSONString(k, o.escapeHTML)}:${marshalValue(f, o, depth + 1)}`);
    return `{${parts.join(',')}}`;
  }
  if (v instanceof GoFuncValue) throw new GoError(`json: unsupported type: ${v.type}`);
  throw new GoError('json: unsupported type');
}

/**
 * `json.Marshal(v)` as compact text.
 * @throws GoError with encoding/json's message
 */
export function marshal(v: GoValue, options: MarshalOptions = {}): string {
  return marshalValue(v, { escapeHTML: options.escapeHTML ?? true }, 0);
}

/**
 * `json.MarshalIndent(v, prefix, indent)`: Go's Indent over the compact form (empty `{}`/`[]` stay
 * compact, `"key": value`).
 */
export function marshalIndent(
  v: GoValue,
  prefix: string,
  indent: string,
  options: MarshalOptions = {},
): string {
  return indentJSON(marshal(v, options), prefix, indent);
}

/** Go's json.Indent over valid compact JSON text. */
export function indentJSON(src: string, prefix: string, indent: string): string {
  let out = '';
  let depth = 0;
  let needIndent = false;
  const newline = (): string => '\n' + prefix + indent.repeat(depth);
  for (let i = 0; i < src.length; i++) {
    const c = src[i] ?? '';
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (needIndent && c !== ']' && c !== '}') {
      needIndent = false;
      depth++;
      out += newline();
    }
    if (c === '"') {
      // Copy the whole string literal.
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j;
      continue;
    }
    switch (c) {
      case '{':
      case '[':
        needIndent = true;
        out += c;
        break;
      case ',':
        out += c + newline();
        break;
      case ':':
        out += ': ';
        break;
      case '}':
      case ']':
        if (needIndent) needIndent = false;
        else {
          depth--;
          out += newline();
        }
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}
