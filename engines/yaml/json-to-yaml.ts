/**
 * The YAML kustomize prints: each resource goes node → yaml.v3 decode → encoding/json → yaml.v2
 * (sigs.k8s.io/yaml.JSONToYAML). So output keys are sorted with yaml.v2's key order, numbers are
 * normalised through JSON, and scalar styles follow yaml.v2/libyaml's emitter (80-column folding,
 * 2-space indent, sequences not indented under mapping keys, `|`/`|-`/`|+` literals).
 */
import { goFormatFloat, goJsonFloat, goParseInt, goTimestampJson, v3FloatValue, v3IntValue } from './go-scalar.js';
import { isMap, YScalar, type YValue } from './value.js';

export class YamlEmitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlEmitError';
  }
}

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

/** Renders one value as a YAML document exactly as sigs.k8s.io/yaml.JSONToYAML(json.Marshal(v)). */
export function jsonToYaml(v: YValue): string {
  const e = new Emitter();
  e.node(v, { root: true, seq: false, map: false, key: false });
  e.writeIndent(true);
  return e.out.join('');
}

// ---------------------------------------------------------------- JSON round trip of scalars

type Out = { kind: 'plain'; text: string } | { kind: 'str'; text: string };

function scalarOut(v: YScalar): Out {
  switch (v.tag) {
    case 'bool':
      return { kind: 'plain', text: v.text.toLowerCase() === 'true' ? 'true' : 'false' };
    case 'null':
      return { kind: 'plain', text: 'null' };
    case 'timestamp':
      return { kind: 'str', text: goTimestampJson(v.text) ?? v.text };
    case 'int': {
      const n = v3IntValue(v.text);
      return typeof n === 'bigint' ? { kind: 'plain', text: n.toString() } : floatOut(n);
    }
    case 'float':
      return floatOut(v3FloatValue(v.text));
  }
}

function floatOut(f: number): Out {
  if (!Number.isFinite(f)) throw new YamlEmitError(`json: unsupported value: ${goFormatFloat(f, 'g')}`);
  const json = goJsonFloat(f);
  const asInt = goParseInt(json, false) ?? goParseInt(json, true);
  if (asInt !== undefined) return { kind: 'plain', text: asInt.toString() };
  return { kind: 'plain', text: goFormatFloat(Number(json), 'g') };
}

// ---------------------------------------------------------------- yaml.v2 resolver (for quoting)

const V2_MAP = new Set(
  'y Y yes Yes YES true True TRUE on On ON n N no No NO false False FALSE off Off OFF ~ null Null NULL .nan .NaN .NAN .inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF'.split(
    ' ',
  ),
);
const V2_HINT = /^[-+0-9yYnNtTfFoO~.]/;
const base60float = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** True when yaml.v2 would read `s` back as a string if written plain (and it is not base-60-like). */
export function v2PlainIsString(s: string): boolean {
  if (s === '') return false;
  if (!V2_HINT.test(s)) return true;
  if (V2_MAP.has(s)) return false;
  const c = s[0] as string;
  if (c === '.') return !/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s);
  if (/[yYnNtTfFoO~]/.test(c)) return true;
  if (c !== '+' && c !== '-' && goTimestampJson(s) !== undefined && /^\d{4}-/.test(s)) return false;
  const plain = s.replaceAll('_', '');
  if (goParseInt(plain, false) !== undefined || goParseInt(plain, true) !== undefined) return false;
  if (yamlStyleFloat.test(plain) && Number.isFinite(Number(plain))) return false;
  if (/^0b[01]+$/.test(plain) || /^-0b[01]+$/.test(plain)) return false;
  if (c !== '+' && c !== '-' && c >= '0' && c <= '9' && s.includes(':') && base60float.test(s)) return false;
  if ((c === '+' || c === '-') && s.includes(':') && base60float.test(s)) return false;
  return true;
}

// ---------------------------------------------------------------- yaml.v2 key order

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/** yaml.v2's keyList.Less for string keys (letters sort before digits; digit runs compare numerically). */
export function v2KeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ca = ar[i] as string;
    const cb = br[i] as string;
    if (ca === cb) continue;
    const al = LETTER.test(ca);
    const bl = LETTER.test(cb);
    if (al && bl) return (ca.codePointAt(0) as number) < (cb.codePointAt(0) as number);
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ca === '0' || cb === '0') {
      for (let j = i - 1; j >= 0 && DIGIT.test(ar[j] as string); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && DIGIT.test(ar[ai] as string); ai++) an = an * 10n + BigInt((ar[ai] as string).codePointAt(0)! - 48);
    let bi = i;
    for (; bi < br.length && DIGIT.test(br[bi] as string); bi++) bn = bn * 10n + BigInt((br[bi] as string).codePointAt(0)! - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return (ca.codePointAt(0) as number) < (cb.codePointAt(0) as number);
  }
  return ar.length < br.length;
}

const LETTERS_ONLY = /^[A-Za-z]*$/;

export function sortKeysV2(keys: string[]): string[] {
  if (keys.every((k) => LETTERS_ONLY.test(k))) return keys.sort();
  return keys.sort((x, y) => (x === y ? 0 : v2KeyLess(x, y) ? -1 : 1));
}

// ---------------------------------------------------------------- libyaml emitter subset

interface Ctx {
  root: boolean;
  seq: boolean;
  map: boolean;
  key: boolean;
}

export interface Analysis {
  multiline: boolean;
  flowPlain: boolean;
  blockPlain: boolean;
  single: boolean;
  block: boolean;
}

export const isBreak = (c: string): boolean => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

export function isPrintable(c: string): boolean {
  const p = c.codePointAt(0) as number;
  if (p === 0x0a) return true;
  if (p >= 0x20 && p <= 0x7e) return true;
  if (p >= 0xa0 && p <= 0xd7ff) return true;
  if (p >= 0xe000 && p <= 0xfffd) return p !== 0xfeff;
  return false;
}

export function analyze(chars: string[]): Analysis {
  if (chars.length === 0) return { multiline: false, flowPlain: false, blockPlain: true, single: true, block: false };
  let blockInd = false;
  let flowInd = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWs = true;
  let prevSpace = false;
  let prevBreak = false;
  const s3 = chars.slice(0, 3).join('');
  if (s3 === '---' || s3 === '...') {
    blockInd = true;
    flowInd = true;
  }
  const n = chars.length;
  for (let i = 0; i < n; i++) {
    const c = chars[i] as string;
    const followedByWs = i + 1 >= n || isBlank(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) {
        flowInd = true;
        blockInd = true;
      } else if (c === '?' || c === ':') {
        flowInd = true;
        if (followedByWs) blockInd = true;
      } else if (c === '-' && followedByWs) {
        flowInd = true;
        blockInd = true;
      }
    } else if (',?[]{}'.includes(c)) flowInd = true;
    else if (c === ':') {
      flowInd = true;
      if (followedByWs) blockInd = true;
    } else if (c === '#' && precededByWs) {
      flowInd = true;
      blockInd = true;
    }
    if (!isPrintable(c)) special = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === n - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === n - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWs = isBlank(c) || isBreak(c);
  }
  const a: Analysis = { multiline: lineBreaks, flowPlain: true, blockPlain: true, single: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.flowPlain = a.blockPlain = false;
  if (trailingSpace) a.block = false;
  if (breakSpace) a.flowPlain = a.blockPlain = a.single = false;
  if (spaceBreak || special) a.flowPlain = a.blockPlain = a.single = a.block = false;
  if (lineBreaks) a.flowPlain = a.blockPlain = false;
  if (flowInd) a.flowPlain = false;
  if (blockInd) a.blockPlain = false;
  return a;
}

type Style = 'plain' | 'single' | 'double' | 'literal';

export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const p = ch.codePointAt(0) as number;
    n += p < 0x80 ? 1 : p < 0x800 ? 2 : p < 0x10000 ? 3 : 4;
  }
  return n;
}

class Emitter {
  readonly out: string[] = [];
  private column = 0;
  private indent = -1;
  private whitespace = true;
  private indention = true;

  private put(s: string): void {
    this.out.push(s);
    this.column++;
  }

  private putBreak(): void {
    this.out.push('\n');
    this.column = 0;
  }

  writeIndent(docEnd = false): void {
    const indent = this.indent < 0 ? 0 : this.indent;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (docEnd) return;
    if (this.column < indent) {
      this.out.push(' '.repeat(indent - this.column));
      this.column = indent;
    }
    this.whitespace = true;
    this.indention = true;
  }

  private indicator(ind: string, needWs: boolean, isWs: boolean, isIndention: boolean): void {
    if (needWs && !this.whitespace) this.put(' ');
    this.out.push(ind);
    this.column += ind.length;
    this.whitespace = isWs;
    this.indention = this.indention && isIndention;
  }

  node(v: YValue, ctx: Ctx): void {
    if (Array.isArray(v)) {
      if (v.length === 0 || ctx.key) return this.flowEmpty('[', ']');
      return this.blockSeq(v, ctx);
    }
    if (isMap(v)) {
      const keys = Object.keys(v);
      if (keys.length === 0 || ctx.key) return this.flowEmpty('{', '}');
      return this.blockMap(v, sortKeysV2(keys), ctx);
    }
    if (v === null) return this.scalar('null', 'plain', ctx);
    if (v instanceof YScalar) {
      const o = scalarOut(v);
      if (o.kind === 'plain') return this.scalar(o.text, 'plain', ctx);
      return this.stringScalar(o.text, ctx);
    }
    return this.stringScalar(v, ctx);
  }

  private flowEmpty(open: string, close: string): void {
    this.indicator(open, true, true, false);
    this.indicator(close, false, false, false);
  }

  private blockSeq(items: YValue[], ctx: Ctx): void {
    const saved = this.indent;
    const indentless = ctx.map && !this.indention;
    if (this.indent < 0) this.indent = 0;
    else if (!indentless) this.indent += BEST_INDENT;
    for (const it of items) {
      this.writeIndent();
      this.indicator('-', true, false, true);
      this.node(it, { root: false, seq: true, map: false, key: false });
    }
    this.indent = saved;
  }

  private blockMap(m: { [k: string]: YValue }, keys: string[], _ctx: Ctx): void {
    const saved = this.indent;
    this.indent = this.indent < 0 ? 0 : this.indent + BEST_INDENT;
    for (const k of keys) {
      this.writeIndent();
      const kchars = Array.from(k);
      const a = analyze(kchars);
      const simple = !a.multiline && utf8Length(k) <= 128;
      if (simple) {
        this.stringScalar(k, { root: false, seq: false, map: true, key: true }, kchars, a);
        this.indicator(':', false, false, false);
      } else {
        this.indicator('?', true, false, true);
        this.stringScalar(k, { root: false, seq: false, map: true, key: false }, kchars, a);
        this.writeIndent();
        this.indicator(':', true, false, true);
      }
      this.node(m[k] as YValue, { root: false, seq: false, map: true, key: false });
    }
    this.indent = saved;
  }

  private stringScalar(s: string, ctx: Ctx, chars = Array.from(s), a = analyze(chars)): void {
    let style: Style;
    if (s.includes('\n')) style = 'literal';
    else if (v2PlainIsString(s)) style = 'plain';
    else style = 'double';
    if (ctx.key && a.multiline) style = 'double';
    if (style === 'plain') {
      if (!a.blockPlain) style = 'single';
      if (chars.length === 0 && ctx.key) style = 'single';
    }
    if (style === 'single' && !a.single) style = 'double';
    if (style === 'literal' && (!a.block || ctx.key)) style = 'double';
    this.scalar(s, style, ctx, chars);
  }

  private scalar(s: string, style: Style, ctx: Ctx, chars = Array.from(s)): void {
    const saved = this.indent;
    this.indent = this.indent < 0 ? BEST_INDENT : this.indent + BEST_INDENT;
    const breaks = !ctx.key;
    if (style === 'plain') this.writePlain(chars, breaks);
    else if (style === 'single') this.writeSingle(chars, breaks);
    else if (style === 'double') this.writeDouble(chars, breaks);
    else this.writeLiteral(chars);
    this.indent = saved;
  }

  private writePlain(v: string[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i] as string;
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && v[i + 1] !== ' ') this.writeIndent();
        else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeBreakChar(c: string): void {
    if (c === '\n') this.putBreak();
    else {
      this.out.push(c);
      this.column = 0;
    }
  }

  private writeSingle(v: string[], allowBreaks: boolean): void {
    this.indicator("'", true, false, false);
    let spaces = false;
    let brk = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i] as string;
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < v.length - 1 && v[i + 1] !== ' ') {
          this.writeIndent();
        } else this.put(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!brk && c === '\n') this.putBreak();
        this.writeBreakChar(c);
        this.indention = true;
        brk = true;
      } else {
        if (brk) this.writeIndent();
        if (c === "'") this.put("'");
        this.put(c);
        this.indention = false;
        spaces = false;
        brk = false;
      }
    }
    this.indicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDouble(v: string[], allowBreaks: boolean): void {
    this.indicator('"', true, false, false);
    let spaces = false;
    const bom = v[0] === '\ufeff';
    for (let i = 0; i < v.length; i++) {
      const c = v[i] as string;
      if (!isPrintable(c) || bom || isBreak(c) || c === '"' || c === '\\') {
        this.put('\\');
        this.out.push(escapeChar(c));
        this.column += escapeChar(c).length;
        spaces = false;
      } else if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < v.length - 1) {
          this.writeIndent();
          if (v[i + 1] === ' ') this.put('\\');
        } else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    }
    this.indicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(v: string[]): void {
    this.indicator('|', true, false, false);
    if (v[0] === ' ' || isBreak(v[0] ?? '')) this.indicator(String(BEST_INDENT), false, false, false);
    let chomp = '';
    if (v.length === 0) chomp = '-';
    else if (!isBreak(v[v.length - 1] as string)) chomp = '-';
    else if (v.length === 1) chomp = '+';
    else if (isBreak(v[v.length - 2] as string)) chomp = '+';
    if (chomp) this.indicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let brk = true;
    for (const c of v) {
      if (isBreak(c)) {
        this.writeBreakChar(c);
        this.indention = true;
        brk = true;
      } else {
        if (brk) this.writeIndent();
        this.put(c);
        this.indention = false;
        brk = false;
      }
    }
  }
}

export function escapeChar(c: string): string {
  const p = c.codePointAt(0) as number;
  switch (p) {
    case 0x00:
      return '0';
    case 0x07:
      return 'a';
    case 0x08:
      return 'b';
    case 0x09:
      return 't';
    case 0x0a:
      return 'n';
    case 0x0b:
      return 'v';
    case 0x0c:
      return 'f';
    case 0x0d:
      return 'r';
    case 0x1b:
      return 'e';
    case 0x22:
      return '"';
    case 0x5c:
      return '\\';
    case 0x85:
      return 'N';
    case 0xa0:
      return '_';
    case 0x2028:
      return 'L';
    case 0x2029:
      return 'P';
  }
  const hex = p.toString(16).toUpperCase();
  if (p <= 0xff) return 'x' + hex.padStart(2, '0');
  if (p <= 0xffff) return 'u' + hex.padStart(4, '0');
  return 'U' + hex.padStart(8, '0');
}
