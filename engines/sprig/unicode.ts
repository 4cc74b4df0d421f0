/** Go's `unicode` predicates and simple case mappings, per code point. */

const SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;

export const isSpace = (c: string): boolean => SPACE.test(c);
export const isUpper = (c: string): boolean => /^\p{Lu}$/u.test(c);
export const isLower = (c: string): boolean => /^\p{Ll}$/u.test(c);
export const isTitle = (c: string): boolean => /^\p{Lt}$/u.test(c);
export const isLetter = (c: string): boolean => /^\p{L}$/u.test(c);
export const isDigit = (c: string): boolean => /^\p{Nd}$/u.test(c);
export const isNumber = (c: string): boolean => /^\p{N}$/u.test(c);
export const isPunct = (c: string): boolean => /^\p{P}$/u.test(c);

/** unicode.ToUpper: the simple mapping (a rune whose full uppercase is several runes stays as it is). */
export function toUpperRune(c: string): string {
  const u = c.toUpperCase();
  return [...u].length === 1 ? u : c;
}

/** unicode.ToLower (simple mapping). */
export function toLowerRune(c: string): string {
  // U+0130 has a one-rune simple mapping in Go's tables; its full JS lowercase is two runes.
  if (c === '\u0130') return 'i';
  const l = c.toLowerCase();
  return [...l].length === 1 ? l : c;
}

/** unicode.ToTitle: as upper case except for the few digraph letters with a distinct title case. */
export function toTitleRune(c: string): string {
  const titles: Record<string, string> = {
    Ǆ: 'ǅ',
    ǅ: 'ǅ',
    ǆ: 'ǅ',
    Ǉ: 'ǈ',
    ǈ: 'ǈ',
    ǉ: 'ǈ',
    Ǌ: 'ǋ',
    ǋ: 'ǋ',
    ǌ: 'ǋ',
    Ǳ: 'ǲ',
    ǲ: 'ǲ',
    ǳ: 'ǲ',
  };
  return titles[c] ?? toUpperRune(c);
}

/** strings.ToUpper / ToLower. */
export const goToUpper = (s: string): string => Array.from(s, toUpperRune).join('');
export const goToLower = (s: string): string => Array.from(s, toLowerRune).join('');

/** strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  const cs = Array.from(s);
  let a = 0;
  let b = cs.length;
  while (a < b && isSpace(cs[a] ?? '')) a++;
  while (b > a && isSpace(cs[b - 1] ?? '')) b--;
  return cs.slice(a, b).join('');
}

/** strings.Trim(s, cutset). */
export function goTrim(s: string, cutset: string): string {
  if (s === '' || cutset === '') return s;
  const set = new Set(Array.from(cutset));
  const cs = Array.from(s);
  let a = 0;
  let b = cs.length;
  while (a < b && set.has(cs[a] ?? '')) a++;
  while (b > a && set.has(cs[b - 1] ?? '')) b--;
  return cs.slice(a, b).join('');
}

/** strings.Title's word-boundary test. */
function isSeparator(c: string): boolean {
  const p = c.codePointAt(0) ?? 0;
  if (p <= 0x7f) {
    if (/[0-9a-zA-Z_]/.test(c)) return false;
    return true;
  }
  if (isLetter(c) || isDigit(c)) return false;
  return isSpace(c);
}

/** strings.Title (deprecated in Go, still what Sprig's `title` calls). */
export function goTitle(s: string): string {
  let prev = ' ';
  let out = '';
  for (const c of s) {
    out += isSeparator(prev) ? toTitleRune(c) : c;
    prev = c;
  }
  return out;
}

/** The bytes of a string, each read as the Latin-1 rune Go's `rune(str[i])` makes of it. */
export function latin1Runes(s: string): string[] {
  return Array.from(Buffer.from(s, 'utf8'), (b) => String.fromCharCode(b));
}
