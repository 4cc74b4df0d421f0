/**
 * huandu/xstrings v1.5 case conversions used by Sprig (`snakecase`, `kebabcase`, `camelcase`), and
 * Masterminds/goutils helpers (`swapcase`, `untitle`, `initials`, `nospace`, `wrap`, `abbrev`).
 */
import { byteSlice } from './cast.js';
import {
  isLetter,
  isLower,
  isNumber,
  isPunct,
  isSpace,
  isTitle,
  isUpper,
  latin1Runes,
  toLowerRune,
  toTitleRune,
  toUpperRune,
} from './unicode.js';

const isConnector = (c: string): boolean => c === '-' || c === '_' || isSpace(c);

function isAlphabet(c: string): boolean {
  if (!isLetter(c)) return false;
  const p = c.codePointAt(0) ?? 0;
  if (p < 0x2e80) return true;
  // CJK ideographs, kana and hangul are not "alphabet" for xstrings.
  if ((p >= 0x4e00 && p <= 0x9fcc) || (p >= 0x3040 && p <= 0x30ff) || (p >= 0xac00 && p <= 0xd7a3))
    return false;
  if ((p >= 0x3400 && p <= 0x4dbf) || (p >= 0x20000 && p <= 0x2ebe0) || (p >= 0xf900 && p <= 0xfaff))
    return false;
  return true;
}

/** xstrings toCamelCase(str, isBig): ToPascalCase is Sprig's `camelcase`. */
export function toCamelCase(str: string, isBig: boolean): string {
  const rs = Array.from(str);
  if (rs.length === 0) return '';
  let out = '';
  let i = 0;
  let r0 = '';
  let isFirstRuneUpper = false;
  for (; i < rs.length;) {
    r0 = rs[i++] ?? '';
    if (!isConnector(r0)) {
      isFirstRuneUpper = isUpper(r0);
      r0 = isBig ? toUpperRune(r0) : toLowerRune(r0);
      break;
    }
    out += r0;
  }
  // As xstrings: when the input ends inside the first loop the last rune is written again.
  if (i >= rs.length) return out + r0;
  for (; i < rs.length;) {
    const r1 = r0;
    r0 = rs[i++] ?? '';
    if (isConnector(r0) && isConnector(r1)) {
      out += r1;
      continue;
    }
    if (isConnector(r1)) {
      isFirstRuneUpper = isUpper(r0);
      r0 = toUpperRune(r0);
    } else {
      if (isFirstRuneUpper) {
        if (isUpper(r0)) r0 = toLowerRune(r0);
        else isFirstRuneUpper = false;
      }
      out += r1;
    }
  }
  if (isFirstRuneUpper && !isBig) r0 = toLowerRune(r0);
  return out + r0;
}

enum W {
  Invalid,
  Number,
  Upper,
  Alphabet,
  Connector,
  Punct,
  Other,
}

interface Word {
  wt: W;
  word: string[];
  rest: string[];
}

function nextWord(rs: string[]): Word {
  if (rs.length === 0) return { wt: W.Invalid, word: [], rest: [] };
  const r = rs[0] ?? '';
  let n = 1;
  let wt: W;
  const run = (pred: (c: string) => boolean): void => {
    while (n < rs.length && pred(rs[n] ?? '')) n++;
  };
  if (isConnector(r)) {
    wt = W.Connector;
    run(isConnector);
  } else if (isPunct(r)) {
    wt = W.Punct;
    run(isPunct);
  } else if (isUpper(r)) {
    wt = W.Upper;
    if (n < rs.length) {
      const r2 = rs[n] ?? '';
      if (isUpper(r2)) {
        run(isUpper);
        // "HTTPServer": the last upper letter starts the next word.
        if (n < rs.length && isAlphabet(rs[n] ?? '')) n--;
      } else if (isAlphabet(r2)) {
        run((c) => isAlphabet(c) && !isUpper(c));
      }
    }
  } else if (isAlphabet(r)) {
    wt = W.Alphabet;
    run((c) => isAlphabet(c) && !isUpper(c));
  } else if (isNumber(r)) {
    wt = W.Number;
    run(isNumber);
  } else {
    wt = W.Other;
    run((c) => !(isConnector(c) || isAlphabet(c) || isNumber(c) || isPunct(c)));
  }
  return { wt, word: rs.slice(0, n), rest: rs.slice(n) };
}

function lowerWord(wt: W, word: string[], connector: string): string {
  if (wt !== W.Upper && wt !== W.Connector) return word.join('');
  return word.map((c) => (isConnector(c) ? connector : isUpper(c) ? toLowerRune(c) : c)).join('');
}

/** xstrings camelCaseToLowerCase: `snakecase` with `_`, `kebabcase` with `-`. */
export function camelCaseToLowerCase(str: string, connector: string): string {
  if (str === '') return '';
  let out = '';
  // One mutable cursor: the current word and what follows it.
  const cur: Word = nextWord(Array.from(str));
  const advance = (): void => {
    Object.assign(cur, nextWord(cur.rest));
  };
  const isWord = (w: W): boolean => w === W.Alphabet || w === W.Number;
  // Read through a function: TypeScript would otherwise keep narrowing across advance().
  const wt = (): W => cur.wt;
  while (cur.rest.length > 0) {
    if (wt() !== W.Connector) out += lowerWord(cur.wt, cur.word, connector);
    const prev: W = cur.wt;
    const last = cur.word;
    advance();
    if (prev === W.Number) {
      while (isWord(wt())) {
        out += lowerWord(cur.wt, cur.word, connector);
        advance();
      }
      if (wt() !== W.Invalid && wt() !== W.Punct && wt() !== W.Connector) out += connector;
    } else if (prev === W.Connector) {
      out += lowerWord(prev, last, connector);
    } else if (prev !== W.Punct) {
      if (wt() !== W.Number) {
        if (wt() !== W.Connector && wt() !== W.Punct) out += connector;
        continue;
      }
      if (cur.rest.length === 0) continue;
      const numWord = cur.word;
      advance();
      if (wt() !== W.Alphabet) {
        out += lowerWord(W.Number, numWord, connector);
        if (wt() !== W.Connector && wt() !== W.Punct) out += connector;
        continue;
      }
      out += connector + lowerWord(W.Number, numWord, connector);
      while (isWord(wt())) {
        out += lowerWord(cur.wt, cur.word, connector);
        advance();
      }
      if (wt() !== W.Invalid && wt() !== W.Connector && wt() !== W.Punct) out += connector;
    }
  }
  return out + lowerWord(cur.wt, cur.word, connector);
}

/** goutils SwapCase. */
export function swapCase(str: string): string {
  let whitespace = true;
  let out = '';
  for (const c of str) {
    if (isUpper(c) || isTitle(c)) {
      out += toLowerRune(c);
      whitespace = false;
    } else if (isLower(c)) {
      out += whitespace ? toTitleRune(c) : toUpperRune(c);
      whitespace = false;
    } else {
      out += c;
      whitespace = isSpace(c);
    }
  }
  return out;
}

/** goutils Uncapitalize with whitespace delimiters (`untitle`). */
export function uncapitalize(str: string): string {
  let next = true;
  let out = '';
  for (const c of str) {
    if (isSpace(c)) {
      next = true;
      out += c;
    } else if (next) {
      out += toLowerRune(c);
      next = false;
    } else out += c;
  }
  return out;
}

/** goutils Initials: byte-wise, as Go's `rune(str[i])` (non-ASCII bytes become Latin-1 runes). */
export function initials(str: string): string {
  let out = '';
  let gap = true;
  for (const c of latin1Runes(str)) {
    if (isSpace(c)) gap = true;
    else if (gap) {
      out += c;
      gap = false;
    }
  }
  return out;
}

/** goutils DeleteWhiteSpace (`nospace`), byte-wise like the Go code. */
export function deleteWhiteSpace(str: string): string {
  const rs = latin1Runes(str);
  const kept = rs.filter((c) => !isSpace(c));
  return kept.length === rs.length ? str : kept.join('');
}

/** goutils WrapCustom over UTF-8 bytes. */
export function wrapCustom(str: string, wrapLength: number, newLine: string, wrapLongWords: boolean): string {
  if (str === '') return '';
  if (newLine === '') newLine = '\n';
  if (wrapLength < 1) wrapLength = 1;
  const b = Buffer.from(str, 'utf8');
  const len = b.length;
  let offset = 0;
  let out = '';
  const sub = (a: number, e: number): string => b.subarray(a, e).toString('utf8');
  while (len - offset > wrapLength) {
    if (b[offset] === 0x20) {
      offset++;
      continue;
    }
    const end = Math.min(wrapLength + offset + 1, len);
    const window = b.subarray(offset, end);
    const space = window.lastIndexOf(0x20);
    if (space >= 0) {
      out += sub(offset, offset + space) + newLine;
      offset = offset + space + 1;
    } else if (wrapLongWords) {
      out += sub(offset, wrapLength + offset) + newLine;
      offset += wrapLength;
    } else {
      const e = wrapLength + offset;
      const idx = b.subarray(e).indexOf(0x20);
      if (idx === -1) {
        out += sub(offset, len);
        offset = len;
      } else {
        out += sub(offset, idx + e) + newLine;
        offset = idx + e + 1;
      }
    }
  }
  return out + sub(offset, len);
}

/** goutils AbbreviateFull (errors give ""), over UTF-8 bytes as in Go. */
export function abbreviateFull(str: string, offset: number, maxWidth: number): string {
  if (str === '') return '';
  if (maxWidth < 4) return '';
  const len = Buffer.byteLength(str, 'utf8');
  if (len <= maxWidth) return str;
  if (offset > len) offset = len;
  if (len - offset < maxWidth - 3) offset = len - (maxWidth - 3);
  if (offset <= 4) return byteSlice(str, 0, maxWidth - 3) + '...';
  if (maxWidth < 7) return '';
  if (offset + maxWidth - 3 < len) return '...' + abbreviateFull(byteSlice(str, offset), 0, maxWidth - 3);
  return '...' + byteSlice(str, len - (maxWidth - 3));
}
