/**
 * Go `encoding/json` Unmarshal into `interface{}`, `map[string]interface{}` or `[]interface{}`: objects
 * become `Map`s, numbers float64, duplicate keys keep the last value, invalid UTF-8 and lone surrogate
 * escapes become U+FFFD, and syntax errors carry Go's scanner messages
 * (`invalid character 'x' looking for beginning of value`, `unexpected end of JSON input`).
 */
import { GoError, typedNil } from '../gotemplate/value.js';
import type { GoMap, GoValue } from '../gotemplate/value.js';

const MAX_DEPTH = 10000;

const SPACE_ERRORS = new Set([
  'in numeric literal',
  'after decimal point in numeric literal',
  'in exponent of numeric literal',
  'in string escape code',
  'in \\u hexadecimal character escape',
  "in literal true (expecting 'r')",
  "in literal true (expecting 'u')",
  "in literal true (expecting 'e')",
  "in literal false (expecting 'a')",
  "in literal false (expecting 'l')",
  "in literal false (expecting 's')",
  "in literal false (expecting 'e')",
  "in literal null (expecting 'u')",
  "in literal null (expecting 'l')",
]);

/** Go's quoteChar: how the scanner names an offending byte. */
function quoteChar(c: number): string {
  if (c === 0x27) return `'\\''`;
  if (c === 0x22) return `'"'`;
  return `'${goQuoteRune(c)}'`;
}

/** strconv.Quote of a single rune (code point ≤ 0xFF here) without the surrounding quotes. */
function goQuoteRune(c: number): string {
  switch (c) {
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
    case 0x5c:
      return '\\\\';
  }
  if (c < 0x20 || c === 0x7f) return `\\x${c.toString(16).padStart(2, '0')}`;
  if ((c >= 0x80 && c <= 0xa0) || c === 0xad) return `\\u${c.toString(16).padStart(4, '0')}`;
  return String.fromCharCode(c);
}

/** The Go error for a syntax problem. */
export class JSONSyntaxError extends GoError {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** How numbers are turned into values; the default is float64 (`json.Unmarshal` into interface{}). */
export type NumberDecoder = (text: string) => GoValue;

const defaultNumber: NumberDecoder = (text) => {
  const f = Number(text);
  if (!Number.isFinite(f))
    throw new GoError(`json: cannot unmarshal number ${text} into Go value of type float64`);
  return f;
};

class Parser {
  pos = 0;
  depth = 0;
  private firstTypeError: GoError | undefined;
  constructor(
    readonly b: Uint8Array,
    readonly num: NumberDecoder,
  ) {}

  err(msg: string): never {
    let c = this.b[this.pos];
    if (c === undefined) {
      // At the end Go's scanner steps one more space: states that accept space report "unexpected end",
      // the others (inside a literal, number or escape) complain about that space.
      if (!SPACE_ERRORS.has(msg)) throw new JSONSyntaxError('unexpected end of JSON input', this.pos);
      c = 0x20;
    }
    throw new JSONSyntaxError(`invalid character ${quoteChar(c)} ${msg}`, this.pos + 1);
  }

  skipSpace(): void {
    for (;;) {
      const c = this.b[this.pos];
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos++;
      else return;
    }
  }

  value(): GoValue {
    this.skipSpace();
    const c = this.b[this.pos];
    switch (c) {
      case 0x7b:
        return this.object();
      case 0x5b:
        return this.array();
      case 0x22:
        return this.string();
      case 0x74:
        return this.literal('true', true);
      case 0x66:
        return this.literal('false', false);
      case 0x6e:
        return this.literal('null', null);
    }
    if (c === 0x2d || (c !== undefined && c >= 0x30 && c <= 0x39)) return this.number();
    return this.err('looking for beginning of value');
  }

  literal(word: string, v: GoValue): GoValue {
    this.pos++;
    for (let i = 1; i < word.length; i++) {
      if (this.b[this.pos] !== word.charCodeAt(i)) this.err(`in literal ${word} (expecting '${word[i]}')`);
      this.pos++;
    }
    return v;
  }

  digits(): number {
    const start = this.pos;
    for (;;) {
      const c = this.b[this.pos];
      if (c !== undefined && c >= 0x30 && c <= 0x39) this.pos++;
      else return this.pos - start;
    }
  }

  number(): GoValue {
    const start = this.pos;
    if (this.b[this.pos] === 0x2d) {
      this.pos++;
      const c = this.b[this.pos];
      if (c === undefined || c < 0x30 || c > 0x39) this.err('in numeric literal');
    }
    if (this.b[this.pos] === 0x30) this.pos++;
    else this.digits();
    if (this.b[this.pos] === 0x2e) {
      this.pos++;
      if (this.digits() === 0) this.err('after decimal point in numeric literal');
    }
    if (this.b[this.pos] === 0x65 || this.b[this.pos] === 0x45) {
      this.pos++;
      if (this.b[this.pos] === 0x2b || this.b[this.pos] === 0x2d) this.pos++;
      if (this.digits() === 0) this.err('in exponent of numeric literal');
    }
    const text = Buffer.from(this.b.subarray(start, this.pos)).toString('latin1');
    try {
      return this.num(text);
    } catch (e) {
      // Go reports a conversion problem only after the whole input proved well-formed.
      if (this.firstTypeError === undefined && e instanceof GoError) this.firstTypeError = e;
      return null;
    }
  }

  hex4(): number {
    let n = 0;
    for (let i = 0; i < 4; i++) {
      const c = this.b[this.pos];
      let d: number;
      if (c !== undefined && c >= 0x30 && c <= 0x39) d = c - 0x30;
      else if (c !== undefined && c >= 0x61 && c <= 0x66) d = c - 0x57;
      else if (c !== undefined && c >= 0x41 && c <= 0x46) d = c - 0x37;
      else return this.err('in \\u hexadecimal character escape');
      n = n * 16 + d;
      this.pos++;
    }
    return n;
  }

  string(): string {
    this.pos++;
    let out = '';
    let runStart = this.pos;
    const flush = (): void => {
      if (this.pos > runStart) out += Buffer.from(this.b.subarray(runStart, this.pos)).toString('utf8');
    };
    for (;;) {
      const c = this.b[this.pos];
      if (c === undefined) this.err('');
      if (c === 0x22) {
        flush();
        this.pos++;
        return out;
      }
      if (c < 0x20) this.err('in string literal');
      if (c !== 0x5c) {
        this.pos++;
        continue;
      }
      flush();
      this.pos++;
      const e = this.b[this.pos];
      this.pos++;
      switch (e) {
        case 0x22:
          out += '"';
          break;
        case 0x5c:
          out += '\\';
          break;
        case 0x2f:
          out += '/';
          break;
        case 0x62:
          out += '\b';
          break;
        case 0x66:
          out += '\f';
          break;
        case 0x6e:
          out += '\n';
          break;
        case 0x72:
          out += '\r';
          break;
        case 0x74:
          out += '\t';
          break;
        case 0x75: {
          const r = this.hex4();
          if (r >= 0xd800 && r <= 0xdbff) {
            // A high surrogate combines only with an immediately following \u low surrogate.
            if (this.b[this.pos] === 0x5c && this.b[this.pos + 1] === 0x75) {
              const save = this.pos;
              this.pos += 2;
              const r2 = this.hex4();
              if (r2 >= 0xdc00 && r2 <= 0xdfff) {
                out += String.fromCharCode(r, r2);
                break;
              }
              this.pos = save;
            }
            out += '\ufffd';
          } else if (r >= 0xdc00 && r <= 0xdfff) out += '\ufffd';
          else out += String.fromCharCode(r);
          break;
        }
        default:
          this.pos--;
          this.err('in string escape code');
      }
      runStart = this.pos;
    }
  }

  object(): GoMap {
    if (++this.depth > MAX_DEPTH) this.err('exceeded max depth');
    this.pos++;
    const m: GoMap = new Map();
    this.skipSpace();
    if (this.b[this.pos] === 0x7d) {
      this.pos++;
      this.depth--;
      return m;
    }
    for (;;) {
      this.skipSpace();
      if (this.b[this.pos] !== 0x22) this.err('looking for beginning of object key string');
      const key = this.string();
      this.skipSpace();
      if (this.b[this.pos] !== 0x3a) this.err('after object key');
      this.pos++;
      m.set(key, this.value());
      this.skipSpace();
      const c = this.b[this.pos];
      if (c === 0x2c) {
        this.pos++;
        continue;
      }
      if (c === 0x7d) {
        this.pos++;
        this.depth--;
        return m;
      }
      this.err('after object key:value pair');
    }
  }

  array(): GoValue[] {
    if (++this.depth > MAX_DEPTH) this.err('exceeded max depth');
    this.pos++;
    const a: GoValue[] = [];
    this.skipSpace();
    if (this.b[this.pos] === 0x5d) {
      this.pos++;
      this.depth--;
      return a;
    }
    for (;;) {
      a.push(this.value());
      this.skipSpace();
      const c = this.b[this.pos];
      if (c === 0x2c) {
        this.pos++;
        continue;
      }
      if (c === 0x5d) {
        this.pos++;
        this.depth--;
        return a;
      }
      this.err('after array element');
    }
  }

  top(): DecodeResult {
    const v = this.value();
    this.skipSpace();
    if (this.pos < this.b.length) this.err('after top-level value');
    return this.firstTypeError === undefined ? { value: v } : { value: v, error: this.firstTypeError };
  }
}

/**
 * `json.Unmarshal(text, &v)` with `v interface{}`.
 * @throws GoError with Go's message
 */
export function unmarshal(text: string | Uint8Array, numbers: NumberDecoder = defaultNumber): GoValue {
  const r = decode(text, numbers);
  if (r.error !== undefined) throw r.error;
  return r.value;
}

/**
 * A decoded value plus Go's deferred error: a number that does not fit float64 is stored as nil and
 * reported after decoding finishes, as json.Unmarshal does (the rest of the value is still filled in).
 */
export interface DecodeResult {
  readonly value: GoValue;
  readonly error?: GoError;
}

/**
 * Decodes like json.Unmarshal into interface{}, keeping partial results.
 * @throws JSONSyntaxError for malformed input (nothing is decoded then, as Go checks validity first)
 */
export function decode(text: string | Uint8Array, numbers: NumberDecoder = defaultNumber): DecodeResult {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return new Parser(bytes, numbers).top();
}

function kindName(v: GoValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/**
 * `json.Unmarshal(text, &m)` with `m map[string]interface{}`: `null` leaves a nil map (returned as a
 * typed nil), anything but an object is `json: cannot unmarshal array into Go value of type map[string]interface {}`.
 */
export function unmarshalObject(text: string): GoValue {
  const v = unmarshal(text);
  if (v === null) return typedNil('map[string]interface {}', 'map');
  if (v instanceof Map) return v;
  throw new GoError(`json: cannot unmarshal ${kindName(v)} into Go value of type map[string]interface {}`);
}

/** `json.Unmarshal(text, &a)` with `a []interface{}`; `null` gives a nil slice. */
export function unmarshalArray(text: string): GoValue {
  const v = unmarshal(text);
  if (v === null) return typedNil('[]interface {}', 'slice');
  if (Array.isArray(v)) return v;
  throw new GoError(`json: cannot unmarshal ${kindName(v)} into Go value of type []interface {}`);
}
