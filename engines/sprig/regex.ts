/**
 * Sprig v3.3 regex functions with Go's regexp semantics on re2js: RE2 syntax, Go's rules for
 * successive matches (an empty match right after a match is skipped), Go's Split, and Go's
 * Regexp.Expand for `$1`, `$name`, `${name}` and `$$` in replacements.
 */
import { RE2JS } from 're2js';
import type { Matcher } from 're2js';
import { canBackquote, quote } from '../gofmt/quote.js';
import { GoError, goFunc, typedNil } from '../gotemplate/value.js';
import type { GoFuncValue, GoValue } from '../gotemplate/value.js';
import { intArg, stringsResult, strArg } from './args.js';
import { isDigit, isLetter } from './unicode.js';

type Match = number[];

/** A compiled Go regexp. */
export class GoRegexp {
  private constructor(
    readonly source: string,
    private readonly re: RE2JS,
  ) {}

  /** regexp.Compile; throws GoError `error parsing regexp: …`. */
  static compile(expr: string): GoRegexp {
    try {
      return new GoRegexp(expr, RE2JS.compile(expr));
    } catch (err) {
      throw new GoError((err as Error).message, { cause: err });
    }
  }

  /** regexp.MustCompile: the panic text `regexp: Compile(`…`): …`. */
  static mustCompile(expr: string): GoRegexp {
    try {
      return GoRegexp.compile(expr);
    } catch (err) {
      const q = canBackquote(expr) ? `\`${expr}\`` : quote(expr);
      throw new GoError(`regexp: Compile(${q}): ${(err as Error).message}`, { cause: err });
    }
  }

  private groups(m: Matcher): Match {
    const n = m.groupCount();
    const out: number[] = [];
    for (let i = 0; i <= n; i++) out.push(m.start(i), m.end(i));
    return out;
  }

  private exec(s: string, pos: number, m: Matcher): Match | undefined {
    if (pos > s.length) return undefined;
    return m.find(pos) ? this.groups(m) : undefined;
  }

  /** Go's allMatches: up to n (all when n < 0) successive matches. */
  allMatches(s: string, n: number): Match[] {
    const out: Match[] = [];
    if (n === 0) return out;
    const m = this.re.matcher(s);
    let pos = 0;
    let prevEnd = -1;
    while ((n < 0 || out.length < n) && pos <= s.length) {
      const a = this.exec(s, pos, m);
      if (a === undefined) break;
      const [start = 0, end = 0] = a;
      let accept = true;
      if (end === pos) {
        if (start === prevEnd) accept = false;
        pos += runeWidth(s, pos);
      } else pos = end;
      prevEnd = end;
      if (accept) out.push(a);
    }
    return out;
  }

  matchString(s: string): boolean {
    return this.re.matcher(s).find();
  }

  findString(s: string): string {
    const [m] = this.allMatches(s, 1);
    return m === undefined ? '' : s.slice(m[0], m[1]);
  }

  findAllString(s: string, n: number): string[] | null {
    const ms = this.allMatches(s, n);
    return ms.length === 0 ? null : ms.map((m) => s.slice(m[0], m[1]));
  }

  /** Go's Regexp.Split. */
  split(s: string, n: number): string[] | null {
    if (n === 0) return null;
    if (this.source.length > 0 && s.length === 0) return [''];
    const out: string[] = [];
    let beg = 0;
    let end = 0;
    for (const m of this.allMatches(s, n)) {
      if (n > 0 && out.length === n - 1) break;
      end = m[0] ?? 0;
      if (m[1] !== 0) out.push(s.slice(beg, end));
      beg = m[1] ?? 0;
    }
    if (end !== s.length) out.push(s.slice(beg));
    return out;
  }

  /** Go's replaceAll loop with a per-match replacement. */
  replaceAll(src: string, repl: (m: Match) => string): string {
    const m = this.re.matcher(src);
    let out = '';
    let lastEnd = 0;
    let pos = 0;
    while (pos <= src.length) {
      const a = this.exec(src, pos, m);
      if (a === undefined) break;
      const [start = 0, end = 0] = a;
      out += src.slice(lastEnd, start);
      if (end > lastEnd || start === 0) out += repl(a);
      lastEnd = end;
      const width = runeWidth(src, pos);
      if (pos + width > end) pos += width;
      else if (pos + 1 > end) pos++;
      else pos = end;
    }
    return out + src.slice(lastEnd);
  }

  replaceAllString(src: string, template: string): string {
    const names = this.re.namedGroups();
    return this.replaceAll(src, (m) => expand(template, src, m, names));
  }

  replaceAllLiteralString(src: string, repl: string): string {
    return this.replaceAll(src, () => repl);
  }
}

function runeWidth(s: string, pos: number): number {
  if (pos >= s.length) return 1;
  const c = s.charCodeAt(pos);
  return c >= 0xd800 && c <= 0xdbff && pos + 1 < s.length ? 2 : 1;
}

/** Go's extract: a `$` reference name (`1`, `name`, `{name}`), or undefined when malformed. */
function extract(t: string): { name: string; num: number; rest: string } | undefined {
  if (t === '') return undefined;
  let brace = false;
  let i = 0;
  if (t[0] === '{') {
    brace = true;
    i = 1;
  }
  const start = i;
  for (const c of t.slice(i)) {
    if (!isLetter(c) && !isDigit(c) && c !== '_') break;
    i += c.length;
  }
  if (i === start) return undefined;
  const name = t.slice(start, i);
  if (brace) {
    if (t[i] !== '}') return undefined;
    i++;
  }
  let num = -1;
  if (/^[0-9]+$/.test(name)) {
    num = 0;
    for (const d of name) {
      num = num * 10 + Number(d);
      if (num >= 1e8) {
        num = -1;
        break;
      }
    }
  }
  return { name, num, rest: t.slice(i) };
}

/** Go's Regexp.Expand of `template` for match `m` in `src`. */
function expand(template: string, src: string, m: Match, names: Record<string, number>): string {
  let out = '';
  let t = template;
  for (;;) {
    const at = t.indexOf('$');
    if (at < 0) break;
    out += t.slice(0, at);
    t = t.slice(at + 1);
    if (t[0] === '$') {
      out += '$';
      t = t.slice(1);
      continue;
    }
    const ref = extract(t);
    if (ref === undefined) {
      out += '$';
      continue;
    }
    t = ref.rest;
    const idx = ref.num >= 0 ? ref.num : names[ref.name];
    if (idx !== undefined) {
      const a = m[2 * idx];
      const b = m[2 * idx + 1];
      if (a !== undefined && b !== undefined && a >= 0) out += src.slice(a, b);
    }
  }
  return out + t;
}

/** Go's regexp.QuoteMeta. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** The regex functions of Sprig's function map. */
export function regexFuncs(): Record<string, GoFuncValue> {
  const s = strArg;
  const list = (xs: string[] | null): GoValue =>
    xs === null ? typedNil('[]string', 'slice') : stringsResult(xs);
  return {
    regexMatch: goFunc('func(string, string) bool', (re, str) => {
      try {
        return GoRegexp.compile(s(re)).matchString(s(str));
      } catch {
        return false;
      }
    }),
    mustRegexMatch: goFunc('func(string, string) (bool, error)', (re, str) =>
      GoRegexp.compile(s(re)).matchString(s(str)),
    ),
    regexFindAll: goFunc('func(string, string, int) []string', (re, str, n) =>
      list(GoRegexp.mustCompile(s(re)).findAllString(s(str), intArg(n))),
    ),
    mustRegexFindAll: goFunc('func(string, string, int) ([]string, error)', (re, str, n) =>
      list(GoRegexp.compile(s(re)).findAllString(s(str), intArg(n))),
    ),
    regexFind: goFunc('func(string, string) string', (re, str) =>
      GoRegexp.mustCompile(s(re)).findString(s(str)),
    ),
    mustRegexFind: goFunc('func(string, string) (string, error)', (re, str) =>
      GoRegexp.compile(s(re)).findString(s(str)),
    ),
    regexReplaceAll: goFunc('func(string, string, string) string', (re, str, repl) =>
      GoRegexp.mustCompile(s(re)).replaceAllString(s(str), s(repl)),
    ),
    mustRegexReplaceAll: goFunc('func(string, string, string) (string, error)', (re, str, repl) =>
      GoRegexp.compile(s(re)).replaceAllString(s(str), s(repl)),
    ),
    regexReplaceAllLiteral: goFunc('func(string, string, string) string', (re, str, repl) =>
      GoRegexp.mustCompile(s(re)).replaceAllLiteralString(s(str), s(repl)),
    ),
    mustRegexReplaceAllLiteral: goFunc('func(string, string, string) (string, error)', (re, str, repl) =>
      GoRegexp.compile(s(re)).replaceAllLiteralString(s(str), s(repl)),
    ),
    regexSplit: goFunc('func(string, string, int) []string', (re, str, n) =>
      list(GoRegexp.mustCompile(s(re)).split(s(str), intArg(n))),
    ),
    mustRegexSplit: goFunc('func(string, string, int) ([]string, error)', (re, str, n) =>
      list(GoRegexp.compile(s(re)).split(s(str), intArg(n))),
    ),
    regexQuoteMeta: goFunc('func(string) string', (str) => quoteMeta(s(str))),
  };
}
