/**
 * The parameter-expansion functions of fluxcd/pkg/envsubst. Go strings are byte strings, so the
 * length (`${#v}`) and substring (`${v:o:l}`) functions count UTF-8 bytes as upstream does; the
 * pattern functions work on code points (identical for ASCII).
 */
import { BadPatternError, match } from './path-match.js';

export type SubstituteFunc = (s: string, args: readonly string[]) => string;

const utf8 = new TextEncoder();
const utf8Decode = new TextDecoder();
const byteLength = (s: string): number => utf8.encode(s).length;
const byteSlice = (s: string, from: number, to?: number): string =>
  utf8Decode.decode(utf8.encode(s).subarray(from, to));

/** Go's strconv.Atoi on a 64-bit platform: optional sign, decimal digits, int64 range. */
export function atoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return undefined;
  return Number(n);
}

const toLen: SubstituteFunc = (s) => String(byteLength(s));
const toLower: SubstituteFunc = (s) => s.toLowerCase();
const toUpper: SubstituteFunc = (s) => s.toUpperCase();

const firstRune = (s: string): [string, string] => {
  const cp = s.codePointAt(0) as number;
  const r = String.fromCodePoint(cp);
  return [r, s.slice(r.length)];
};
const toLowerFirst: SubstituteFunc = (s) => {
  if (s === '') return s;
  const [r, rest] = firstRune(s);
  return r.toLowerCase() + rest;
};
const toUpperFirst: SubstituteFunc = (s) => {
  if (s === '') return s;
  const [r, rest] = firstRune(s);
  return r.toUpperCase() + rest;
};

/** Every default operator (`=`, `:=`, `:-`, `-`, `:?`, `:+`, `+`) uses the value unless it is empty. */
const toDefault: SubstituteFunc = (s, args) => (s.length === 0 && args.length > 0 ? args.join('') : s);

const toSubstr: SubstituteFunc = (s, args) => {
  if (args.length === 0) return s;
  let pos = atoi(args[0] as string);
  if (pos === undefined) return s; // like bash: an unparsable offset yields the value unchanged
  const len = byteLength(s);
  if (pos < 0) pos = Math.max(0, len + pos);
  if (args.length === 1) return pos < len ? byteSlice(s, pos) : '';
  const length = atoi(args[1] as string);
  if (length === undefined) return s;
  if (pos + length >= len) return pos < len ? byteSlice(s, pos) : '';
  // Go would panic on a negative length here (s[pos:pos+length] with pos+length < pos); upstream
  // v1.5.0 has no guard. We yield "" rather than crash the reconcile.
  if (length < 0) return '';
  return byteSlice(s, pos, pos + length);
};

const replaceAll: SubstituteFunc = (s, args) => {
  if (args.length === 0) return s;
  return goReplace(s, args[0] as string, args[1] ?? '', -1);
};
const replaceFirst: SubstituteFunc = (s, args) => {
  if (args.length === 0) return s;
  return goReplace(s, args[0] as string, args[1] ?? '', 1);
};
const replacePrefix: SubstituteFunc = (s, args) => {
  if (args.length !== 2) return s;
  const [old, rep] = args as [string, string];
  return s.startsWith(old) ? goReplace(s, old, rep, 1) : s;
};
const replaceSuffix: SubstituteFunc = (s, args) => {
  if (args.length !== 2) return s;
  const [old, rep] = args as [string, string];
  return s.endsWith(old) ? s.slice(0, s.length - old.length) + rep : s;
};

/** Go's strings.Replace: an empty `old` inserts `rep` before every code point and at the end. */
function goReplace(s: string, old: string, rep: string, n: number): string {
  if (old === rep || n === 0) return s;
  if (old === '') {
    const cps = [...s];
    const limit = n < 0 ? cps.length + 1 : Math.min(n, cps.length + 1);
    let out = '';
    for (let i = 0; i < cps.length; i++) out += (i < limit ? rep : '') + cps[i];
    if (limit > cps.length) out += rep;
    return out;
  }
  if (n < 0) return s.split(old).join(rep);
  const i = s.indexOf(old);
  return i < 0 ? s : s.slice(0, i) + rep + s.slice(i + old.length);
}

const reverse = (s: string): string => [...s].reverse().join('');

function trimShortest(s: string, pattern: string): string {
  const cps = [...s];
  let shortest = '';
  try {
    for (let i = 0; i < cps.length; i++) {
      const candidate = cps.slice(0, cps.length - i).join('');
      if (match(pattern, candidate)) shortest = candidate;
    }
  } catch (e) {
    if (e instanceof BadPatternError) return s;
    throw e;
  }
  return shortest !== '' ? s.slice(shortest.length) : s;
}

function trimLongest(s: string, pattern: string): string {
  const cps = [...s];
  try {
    for (let i = 0; i < cps.length; i++) {
      const candidate = cps.slice(0, cps.length - i).join('');
      if (match(pattern, candidate)) return s.slice(candidate.length);
    }
  } catch (e) {
    if (e instanceof BadPatternError) return s;
    throw e;
  }
  return s;
}

const trimShortestPrefix: SubstituteFunc = (s, args) =>
  args.length ? trimShortest(s, args[0] as string) : s;
const trimLongestPrefix: SubstituteFunc = (s, args) => (args.length ? trimLongest(s, args[0] as string) : s);
const trimShortestSuffix: SubstituteFunc = (s, args) =>
  args.length ? reverse(trimShortest(reverse(s), reverse(args[0] as string))) : s;
const trimLongestSuffix: SubstituteFunc = (s, args) =>
  args.length ? reverse(trimLongest(reverse(s), reverse(args[0] as string))) : s;

/** The function for an operator; unknown operators (e.g. `^,`) fall back to the default function. */
export function lookupFunc(name: string, argCount: number): SubstituteFunc {
  switch (name) {
    case ',':
      return toLowerFirst;
    case ',,':
      return toLower;
    case '^':
      return toUpperFirst;
    case '^^':
      return toUpper;
    case '#':
      return argCount === 0 ? toLen : trimShortestPrefix;
    case '##':
      return trimLongestPrefix;
    case '%':
      return trimShortestSuffix;
    case '%%':
      return trimLongestSuffix;
    case ':':
      return toSubstr;
    case '/#':
      return replacePrefix;
    case '/%':
      return replaceSuffix;
    case '/':
      return replaceFirst;
    case '//':
      return replaceAll;
    default:
      return toDefault;
  }
}
