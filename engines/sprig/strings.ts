/** Sprig v3.3 string functions. */
import { sprintf } from '../gofmt/printf.js';
import { GoError, goFunc, sliceElems } from '../gotemplate/value.js';
import type { GoFuncValue, GoValue } from '../gotemplate/value.js';
import { intArg, intResult, stringMapResult, stringsResult, strArg } from './args.js';
import {
  abbreviateFull,
  camelCaseToLowerCase,
  deleteWhiteSpace,
  initials,
  swapCase,
  toCamelCase,
  uncapitalize,
  wrapCustom,
} from './case.js';
import { byteSlice, sliceBoundsPanic, strval } from './cast.js';
import { goTitle, goToLower, goToUpper, goTrim, goTrimSpace } from './unicode.js';

/** Sprig's strslice (`toStrings`, `join`, `sortAlpha`): nil elements are dropped, others go through strval. */
export function strslice(v: GoValue): string[] {
  const elems = sliceElems(v);
  if (elems !== undefined) return elems.filter((x) => x !== null).map(strval);
  if (v === null) return [];
  return [strval(v)];
}

function splitGo(s: string, sep: string, n = -1): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const rs = Array.from(s);
    if (n < 0 || n >= rs.length) return rs;
    return [...rs.slice(0, n - 1), rs.slice(n - 1).join('')];
  }
  const parts = s.split(sep);
  if (n < 0 || parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

function indexed(parts: string[]): GoValue {
  return stringMapResult(new Map(parts.map((p, i) => [`_${i}`, p])));
}

function trunc(c: number, s: string): string {
  const len = Buffer.byteLength(s, 'utf8');
  if (c < 0 && len + c > 0) return byteSlice(s, len + c);
  if (c >= 0 && len > c) return byteSlice(s, 0, c);
  return s;
}

function substring(start: number, end: number, s: string): string {
  const len = Buffer.byteLength(s, 'utf8');
  if (start < 0) {
    if (end < 0 || end > len) throw sliceBoundsPanic(start, end, len, 'end');
    return byteSlice(s, 0, end);
  }
  if (end < 0 || end > len) {
    if (start > len) throw sliceBoundsPanic(start, len, len, 'start');
    return byteSlice(s, start);
  }
  if (start > end) throw sliceBoundsPanic(start, end, len, 'start');
  return byteSlice(s, start, end);
}

function indent(spaces: number, v: string): string {
  const pad = repeatGo(spaces, ' ');
  return pad + v.replaceAll('\n', '\n' + pad);
}

function repeatGo(count: number, s: string): string {
  if (count < 0) throw new GoError('strings: negative Repeat count');
  return s.repeat(count);
}

/** The string functions of Sprig's function map. */
export function stringFuncs(): Record<string, GoFuncValue> {
  const s = strArg;
  const n = intArg;
  return {
    abbrev: goFunc('func(int, string) string', (w, str) =>
      n(w) < 4 ? s(str) : abbreviateFull(s(str), 0, n(w)),
    ),
    abbrevboth: goFunc('func(int, int, string) string', (l, r, str) =>
      n(r) < 4 || (n(l) > 0 && n(r) < 7) ? s(str) : abbreviateFull(s(str), n(l), n(r)),
    ),
    trunc: goFunc('func(int, string) string', (c, str) => trunc(n(c), s(str))),
    trim: goFunc('func(string) string', (str) => goTrimSpace(s(str))),
    upper: goFunc('func(string) string', (str) => goToUpper(s(str))),
    lower: goFunc('func(string) string', (str) => goToLower(s(str))),
    title: goFunc('func(string) string', (str) => goTitle(s(str))),
    untitle: goFunc('func(string) string', (str) => uncapitalize(s(str))),
    substr: goFunc('func(int, int, string) string', (a, b, str) => substring(n(a), n(b), s(str))),
    repeat: goFunc('func(int, string) string', (c, str) => repeatGo(n(c), s(str))),
    trimall: goFunc('func(string, string) string', (a, b) => goTrim(s(b), s(a))),
    trimAll: goFunc('func(string, string) string', (a, b) => goTrim(s(b), s(a))),
    trimSuffix: goFunc('func(string, string) string', (a, b) =>
      s(b).endsWith(s(a)) ? s(b).slice(0, s(b).length - s(a).length) : s(b),
    ),
    trimPrefix: goFunc('func(string, string) string', (a, b) =>
      s(b).startsWith(s(a)) ? s(b).slice(s(a).length) : s(b),
    ),
    nospace: goFunc('func(string) string', (str) => deleteWhiteSpace(s(str))),
    initials: goFunc('func(string) string', (str) => initials(s(str))),
    swapcase: goFunc('func(string) string', (str) => swapCase(s(str))),
    snakecase: goFunc('func(string) string', (str) => camelCaseToLowerCase(s(str), '_')),
    camelcase: goFunc('func(string) string', (str) => toCamelCase(s(str), true)),
    kebabcase: goFunc('func(string) string', (str) => camelCaseToLowerCase(s(str), '-')),
    wrap: goFunc('func(int, string) string', (l, str) => wrapCustom(s(str), n(l), '', false)),
    wrapWith: goFunc('func(int, string, string) string', (l, sep, str) =>
      wrapCustom(s(str), n(l), s(sep), true),
    ),
    contains: goFunc('func(string, string) bool', (sub, str) => s(str).includes(s(sub))),
    hasPrefix: goFunc('func(string, string) bool', (sub, str) => s(str).startsWith(s(sub))),
    hasSuffix: goFunc('func(string, string) bool', (sub, str) => s(str).endsWith(s(sub))),
    quote: goFunc('func(...interface {}) string', (...xs) =>
      xs
        .filter((x) => x !== null)
        .map((x) => sprintf('%q', strval(x)))
        .join(' '),
    ),
    squote: goFunc('func(...interface {}) string', (...xs) =>
      xs
        .filter((x) => x !== null)
        .map((x) => sprintf("'%v'", x))
        .join(' '),
    ),
    cat: goFunc('func(...interface {}) string', (...xs) => {
      const kept = xs.filter((x) => x !== null);
      return sprintf('%v '.repeat(kept.length).trim(), ...kept);
    }),
    indent: goFunc('func(int, string) string', (sp, v) => indent(n(sp), s(v))),
    nindent: goFunc('func(int, string) string', (sp, v) => '\n' + indent(n(sp), s(v))),
    replace: goFunc('func(string, string, string) string', (o, nw, src) => replaceAll(s(src), s(o), s(nw))),
    plural: goFunc('func(string, string, int) string', (one, many, c) => (n(c) === 1 ? s(one) : s(many))),
    toString: goFunc('func(interface {}) string', (v) => strval(v)),
    split: goFunc('func(string, string) map[string]string', (sep, orig) => indexed(splitGo(s(orig), s(sep)))),
    splitList: goFunc('func(string, string) []string', (sep, orig) =>
      stringsResult(splitGo(s(orig), s(sep))),
    ),
    splitn: goFunc('func(string, int, string) map[string]string', (sep, c, orig) =>
      indexed(splitGo(s(orig), s(sep), n(c))),
    ),
    toStrings: goFunc('func(interface {}) []string', (v) => stringsResult(strslice(v))),
    join: goFunc('func(string, interface {}) string', (sep, v) => strslice(v).join(s(sep))),
    sortAlpha: goFunc('func(interface {}) []string', (v) =>
      stringsResult(sliceElems(v) !== undefined ? strslice(v).sort(byBytes) : [strval(v)]),
    ),
    atoi: goFunc('func(string) int', (a) => intResult(atoi(s(a)))),
  };
}

/** strings.Replace(s, old, new, -1), including Go's rule for an empty `old` (insert around every rune). */
function replaceAll(src: string, old: string, nw: string): string {
  if (old === '') return nw + Array.from(src).join(nw) + (src === '' ? '' : nw);
  return src.split(old).join(nw);
}

/** sort.Strings order: byte-wise UTF-8 comparison. */
function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** strconv.Atoi, with Sprig's error-ignoring (0 on error). */
function atoi(s: string): bigint {
  const m = /^[+-]?[0-9]+$/.exec(s);
  if (!m) return 0n;
  // Out of range, ParseInt returns the clamped value alongside its error, and Sprig keeps it.
  const v = BigInt(s);
  if (v < -(1n << 63n)) return -(1n << 63n);
  if (v >= 1n << 63n) return (1n << 63n) - 1n;
  return v;
}
