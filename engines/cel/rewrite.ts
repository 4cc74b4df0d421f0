/**
 * Source rewrite that routes `matches` to our RE2 implementation. cel-js implements `matches` with
 * JavaScript RegExp and does not let an overload be replaced, while CEL (and Flux) use RE2 syntax:
 * `(?i)`, `\z`, `(?P<name>…)`. Every `matches` identifier outside string literals becomes
 * MATCHES_ALIAS; error texts map the alias back.
 */
export const MATCHES_ALIAS = 're2_matches__';

/** Rewrites `matches` identifiers outside string/bytes literals. */
export function rewriteMatches(expr: string): string {
  let out = '';
  let i = 0;
  while (i < expr.length) {
    const c = expr[i] as string;
    const lit = stringLiteralEnd(expr, i);
    if (lit > i) {
      out += expr.slice(i, lit);
      i = lit;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < expr.length && /[A-Za-z0-9_]/.test(expr[j] as string)) j++;
      const word = expr.slice(i, j);
      out += word === 'matches' ? MATCHES_ALIAS : word;
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** Maps the alias back in a message meant for users. */
export function unaliasMatches(message: string): string {
  return message.replaceAll(MATCHES_ALIAS, 'matches');
}

/** If a string or bytes literal starts at `i` (with r/b prefixes, single or triple quotes), returns its end. */
function stringLiteralEnd(s: string, i: number): number {
  let j = i;
  let raw = false;
  while (j < s.length && j - i < 2 && /[rRbB]/.test(s[j] as string)) {
    if (/[rR]/.test(s[j] as string)) raw = true;
    j++;
  }
  const q = s[j];
  if (q !== '"' && q !== "'") return i;
  if (j > i && /[A-Za-z0-9_]/.test(s[i - 1] ?? '')) return i; // part of an identifier such as `attr"`
  const triple = s.startsWith(q.repeat(3), j);
  const close = triple ? q.repeat(3) : q;
  let k = j + close.length;
  while (k < s.length) {
    if (!raw && s[k] === '\\') {
      k += 2;
      continue;
    }
    if (s.startsWith(close, k)) return k + close.length;
    if (!triple && s[k] === '\n') return k;
    k++;
  }
  return s.length;
}
