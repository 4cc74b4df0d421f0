/**
 * Go's `strconv` quoting: Quote, QuoteToASCII, QuoteRune, QuoteRuneToASCII, CanBackquote, IsPrint.
 * JS strings are UTF-16; a lone surrogate stands for an invalid byte sequence and prints as U+FFFD.
 * @module
 */

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isPrint(r: number): boolean {
  if (r < 0x80) return r >= 0x20 && r < 0x7f;
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) return false;
  return printable.test(String.fromCodePoint(r));
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapeRune(r: number, quote: number, asciiOnly: boolean): string {
  if (r === quote || r === 0x5c) return `\\${String.fromCharCode(r)}`;
  if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) return String.fromCodePoint(r);
  switch (r) {
    case 7:
      return '\\a';
    case 8:
      return '\\b';
    case 12:
      return '\\f';
    case 10:
      return '\\n';
    case 13:
      return '\\r';
    case 9:
      return '\\t';
    case 11:
      return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return `\\x${hex(r, 2)}`;
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  if (r < 0x10000) return `\\u${hex(r, 4)}`;
  return `\\U${hex(r, 8)}`;
}

function quoteWith(s: string, quote: number, asciiOnly: boolean): string {
  let out = String.fromCharCode(quote);
  for (const ch of s) {
    let r = ch.codePointAt(0) as number;
    if (r >= 0xdc80 && r <= 0xdcff) {
      // An invalid byte of a Go string (see goBytes in engines/gotemplate/value.ts).
      out += `\\x${hex(r - 0xdc00, 2)}`;
      continue;
    }
    if (r >= 0xd800 && r <= 0xdfff) r = 0xfffd;
    out += escapeRune(r, quote, asciiOnly);
  }
  return out + String.fromCharCode(quote);
}

/** `strconv.Quote`: a double-quoted Go string literal. */
export function quote(s: string): string {
  return quoteWith(s, 0x22, false);
}
/** `strconv.QuoteToASCII`. */
export function quoteToASCII(s: string): string {
  return quoteWith(s, 0x22, true);
}
/** `strconv.QuoteRune` (invalid code points print as U+FFFD). */
export function quoteRune(r: number): string {
  if (r > 0x10ffff || r < 0 || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  return `'${escapeRune(r, 0x27, false)}'`;
}
/** `strconv.QuoteRuneToASCII`. */
export function quoteRuneToASCII(r: number): string {
  if (r > 0x10ffff || r < 0 || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  return `'${escapeRune(r, 0x27, true)}'`;
}
/** `strconv.CanBackquote`: no control characters other than tab, no backquote, no U+FEFF. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const r = ch.codePointAt(0) as number;
    if ((r < 0x20 && r !== 9) || r === 0x60 || r === 0x7f || r === 0xfeff) return false;
    if (r >= 0xd800 && r <= 0xdfff) return false;
  }
  return true;
}
