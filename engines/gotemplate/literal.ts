/**
 * Go literal syntax used by the template parser: strconv.Unquote / UnquoteChar, and
 * ParseInt / ParseUint / ParseFloat with base prefixes and underscores.
 * @module
 */

/** Go's strconv.ErrSyntax. */
export class SyntaxError_ extends Error {
  constructor() {
    super('invalid syntax');
  }
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: false });

function hexVal(c: string | undefined): number {
  if (c === undefined) return -1;
  const n = c.charCodeAt(0);
  if (n >= 48 && n <= 57) return n - 48;
  if (n >= 97 && n <= 102) return n - 87;
  if (n >= 65 && n <= 70) return n - 55;
  return -1;
}

/** One escape or character of a quoted literal: [value, isByte, rest]. Throws on bad syntax. */
export function unquoteChar(s: string, quote: string): [number, boolean, string] {
  const c = s.codePointAt(0);
  if (c === undefined) throw new SyntaxError_();
  const ch = String.fromCodePoint(c);
  if (ch === quote && (quote === "'" || quote === '"')) throw new SyntaxError_();
  if (ch !== '\\') return [c, false, s.slice(ch.length)];
  if (s.length <= 1) throw new SyntaxError_();
  const e = s[1] as string;
  let rest = s.slice(2);
  switch (e) {
    case 'a':
      return [7, false, rest];
    case 'b':
      return [8, false, rest];
    case 'f':
      return [12, false, rest];
    case 'n':
      return [10, false, rest];
    case 'r':
      return [13, false, rest];
    case 't':
      return [9, false, rest];
    case 'v':
      return [11, false, rest];
    case 'x':
    case 'u':
    case 'U': {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      if (rest.length < n) throw new SyntaxError_();
      let v = 0;
      for (let j = 0; j < n; j++) {
        const x = hexVal(rest[j]);
        if (x < 0) throw new SyntaxError_();
        v = v * 16 + x;
      }
      rest = rest.slice(n);
      if (e === 'x') return [v, true, rest];
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new SyntaxError_();
      return [v, false, rest];
    }
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
      let v = e.charCodeAt(0) - 48;
      if (rest.length < 2) throw new SyntaxError_();
      for (let j = 0; j < 2; j++) {
        const x = rest.charCodeAt(j) - 48;
        if (x < 0 || x > 7) throw new SyntaxError_();
        v = v * 8 + x;
      }
      if (v > 255) throw new SyntaxError_();
      return [v, true, rest.slice(2)];
    }
    case '\\':
      return [0x5c, false, rest];
    case "'":
    case '"':
      if (e !== quote) throw new SyntaxError_();
      return [e.charCodeAt(0), false, rest];
  }
  throw new SyntaxError_();
}

/** strconv.Unquote for "..." and `...` literals (the only kinds the template lexer produces). */
export function unquote(s: string): string {
  const q = s[0];
  if (s.length < 2 || s[s.length - 1] !== q) throw new SyntaxError_();
  const body = s.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new SyntaxError_();
    return body.replace(/\r/g, '');
  }
  if (q !== '"') throw new SyntaxError_();
  if (!body.includes('\\') && !body.includes('"') && !body.includes('\n')) return body;
  if (body.includes('\n')) throw new SyntaxError_();
  const bytes: number[] = [];
  let out = '';
  const flush = (): void => {
    if (bytes.length > 0) {
      out += utf8Decoder.decode(Uint8Array.from(bytes));
      bytes.length = 0;
    }
  };
  let rest = body;
  while (rest.length > 0) {
    const [v, isByte, r] = unquoteChar(rest, '"');
    rest = r;
    if (isByte && v >= 0x80) bytes.push(v);
    else {
      flush();
      out += String.fromCodePoint(v);
    }
  }
  flush();
  return out;
}

function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1] as string)) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i] as string;
    if ((c >= '0' && c <= '9') || (hex && hexVal(c) >= 0)) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseUint(s, 0, 64) / ParseInt(s, 0, 64); undefined on any error. */
export function parseGoInt(s: string, signed: boolean): bigint | undefined {
  let neg = false;
  let t = s;
  if (signed && (t[0] === '+' || t[0] === '-')) {
    neg = t[0] === '-';
    t = t.slice(1);
  }
  if (t === '') return undefined;
  let base = 10;
  let digits = t;
  if (t[0] === '0') {
    if (t.length >= 2 && (t[1] === 'x' || t[1] === 'X')) {
      base = 16;
      digits = t.slice(2);
    } else if (t.length >= 2 && (t[1] === 'o' || t[1] === 'O')) {
      base = 8;
      digits = t.slice(2);
    } else if (t.length >= 2 && (t[1] === 'b' || t[1] === 'B')) {
      base = 2;
      digits = t.slice(2);
    } else {
      base = 8;
      digits = t.slice(1);
      if (digits === '') return 0n;
    }
  }
  if (digits.includes('_')) {
    if (!underscoreOK(t)) return undefined;
    digits = digits.replace(/_/g, '');
  }
  if (digits === '') return undefined;
  let v = 0n;
  const b = BigInt(base);
  for (const c of digits) {
    const d = hexVal(c);
    if (d < 0 || d >= base) return undefined;
    v = v * b + BigInt(d);
  }
  if (neg) v = -v;
  if (signed ? v < -(1n << 63n) || v >= 1n << 63n : v >= 1n << 64n) return undefined;
  return v;
}

/** strconv.ParseFloat(s, 64); undefined on syntax or range error. */
export function parseGoFloat(s: string): number | undefined {
  let t = s;
  let neg = false;
  if (t[0] === '+' || t[0] === '-') {
    neg = t[0] === '-';
    t = t.slice(1);
  }
  if (t.includes('_')) {
    if (!underscoreOK(s)) return undefined;
    t = t.replace(/_/g, '');
  }
  let v: number;
  if (/^0[xX]/.test(t)) {
    const m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(t);
    if (m === null) return undefined;
    const intPart = m[1] ?? '';
    const frac = m[2] ?? '';
    if (intPart === '' && frac === '') return undefined;
    const mant = BigInt('0x' + (intPart + frac || '0'));
    v = Number(mant) * Math.pow(2, Number(m[3]) - 4 * frac.length);
  } else {
    if (!/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return undefined;
    v = Number(t);
  }
  if (!Number.isFinite(v)) return undefined;
  return neg ? -v : v;
}
