/**
 * Go scalar semantics that decide what kustomize prints: yaml.v3's resolver for plain scalars (input),
 * encoding/json number formatting, yaml.v2's resolver (sigs.k8s.io/yaml re-reads that JSON) and
 * strconv.FormatFloat(f, 'g', -1, 64) (how yaml.v2 prints floats).
 */
import type { ScalarTag } from './value.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Go strconv.ParseInt(s, 0, 64) / ParseUint: the value, or undefined on a syntax or range error. */
export function goParseInt(s: string, unsigned: boolean): bigint | undefined {
  let i = 0;
  let neg = false;
  if (!unsigned && (s[0] === '+' || s[0] === '-')) {
    neg = s[0] === '-';
    i = 1;
  }
  let body = s.slice(i);
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
  const re = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!re.test(body)) return undefined;
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
  let v = BigInt(prefix + body);
  if (neg) v = -v;
  if (unsigned) return v <= UINT64_MAX ? v : undefined;
  return v >= INT64_MIN && v <= INT64_MAX ? v : undefined;
}

const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** Go strconv.ParseFloat for the decimal forms YAML uses; undefined on syntax or range errors. */
export function goParseFloat(s: string): number | undefined {
  if (!/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return undefined;
  const f = Number(s);
  return Number.isFinite(f) ? f : undefined;
}

const V3_BOOL = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const V3_NULL = new Set(['', '~', 'null', 'Null', 'NULL']);
const SPECIAL_FLOAT = new Set(['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']);
for (const s of ['-.inf', '-.Inf', '-.INF']) SPECIAL_FLOAT.add(s);

const TS_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const TS_FULL = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|( ))(\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** Go time.Parse with yaml's timestamp layouts, formatted as encoding/json prints a time.Time. */
export function goTimestampJson(s: string): string | undefined {
  let m = TS_DATE.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDate(y, mo, d)) return undefined;
    return `${m[1]}-${pad2(mo)}-${pad2(d)}T00:00:00Z`;
  }
  m = TS_FULL.exec(s);
  if (!m) return undefined;
  const spaced = m[4] === ' ';
  const zone = m[9];
  if (spaced === (zone !== undefined)) return undefined;
  const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[5], m[6], m[7]].map(Number) as [number, number, number, number, number, number];
  if (!validDate(y, mo, d) || h > 23 || mi > 59 || se > 59) return undefined;
  let frac = (m[8] ?? '').slice(1, 10).replace(/0+$/, '');
  frac = frac ? '.' + frac : '';
  const z = zone === undefined || zone === 'Z' || zone === '+00:00' || zone === '-00:00' ? 'Z' : zone;
  return `${m[1]}-${pad2(mo)}-${pad2(d)}T${pad2(h)}:${pad2(mi)}:${pad2(se)}${frac}${z}`;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

function validDate(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] as number;
  return d <= days;
}

/** yaml.v3's implicit tag for a plain scalar; 'str' when it stays a string. */
export function resolvePlainV3(s: string): ScalarTag | 'str' {
  if (V3_BOOL.has(s)) return 'bool';
  if (V3_NULL.has(s)) return 'null';
  if (SPECIAL_FLOAT.has(s)) return 'float';
  const c = s.charCodeAt(0);
  if (c === 46 /* . */) return goParseFloat(s) !== undefined ? 'float' : 'str';
  const digit = c >= 48 && c <= 57;
  if (!digit && c !== 43 && c !== 45) return 'str';
  if (digit && goTimestampJson(s) !== undefined && /^\d{4}-/.test(s)) return 'timestamp';
  const plain = s.replaceAll('_', '');
  if (goParseInt(plain, false) !== undefined || goParseInt(plain, true) !== undefined) return 'int';
  if (yamlStyleFloat.test(plain) && goParseFloat(plain) !== undefined) return 'float';
  if (/^-?0b[01]+$/.test(plain) || /^-?0o[0-7]+$/.test(plain)) return 'int';
  return 'str';
}

/** The Go value yaml.v3 decodes an int-tagged scalar to (int64/uint64 as bigint, or a float64 fallback). */
export function v3IntValue(text: string): bigint | number {
  const plain = text.replaceAll('_', '');
  const v = goParseInt(plain, false) ?? goParseInt(plain, true);
  if (v !== undefined) return v;
  const b = /^(-?)0b([01]+)$/.exec(plain) ?? /^(-?)0o([0-7]+)$/.exec(plain);
  if (b) {
    const n = BigInt((plain.includes('b') ? '0b' : '0o') + b[2]);
    return b[1] ? -n : n;
  }
  return v3FloatValue(text);
}

/** The float64 yaml.v3 decodes a float-tagged scalar to. */
export function v3FloatValue(text: string): number {
  const t = text.replaceAll('_', '');
  const l = t.toLowerCase();
  if (l === '.nan') return NaN;
  if (l === '.inf' || l === '+.inf') return Infinity;
  if (l === '-.inf') return -Infinity;
  const f = Number(t);
  return Number.isNaN(f) ? Number(goParseInt(t, false) ?? 0) : f;
}

/** Go strconv.FormatFloat(f, fmt, -1, 64) for fmt 'e' and 'g' (shortest digits). */
export function goFormatFloat(f: number, fmt: 'e' | 'g' | 'f'): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? (fmt === 'e' ? '-0e+00' : '-0') : fmt === 'e' ? '0e+00' : '0';
  const neg = f < 0;
  const [mant, expStr] = Math.abs(f).toExponential().split('e') as [string, string];
  const digits = mant.replace('.', '');
  const exp = Number(expStr);
  const sign = neg ? '-' : '';
  const eform = (): string => {
    const m = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    const ae = Math.abs(exp);
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${ae < 10 ? '0' + ae : ae}`;
  };
  if (fmt === 'e') return eform();
  if (fmt === 'g' && (exp < -4 || exp >= 21 || exp >= 6)) return eform();
  // %f with the shortest digits
  if (exp >= 0) {
    const intPart = digits.length > exp + 1 ? digits.slice(0, exp + 1) : digits.padEnd(exp + 1, '0');
    const fracPart = digits.length > exp + 1 ? digits.slice(exp + 1) : '';
    return sign + intPart + (fracPart ? '.' + fracPart : '');
  }
  return sign + '0.' + '0'.repeat(-exp - 1) + digits;
}

/** encoding/json's text for a float64 (ES6-like cutoffs, exponent not padded). */
export function goJsonFloat(f: number): string {
  const abs = Math.abs(f);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    return goFormatFloat(f, 'e').replace(/e-0(\d)$/, 'e-$1');
  }
  return goFormatFloat(f, 'f');
}
