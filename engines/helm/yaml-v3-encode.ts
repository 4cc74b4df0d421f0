/**
 * Helm's `toYamlPretty`: Go values encoded directly (no JSON round trip) by yaml.v3's Encoder with
 * `SetIndent(2)`: keys in yaml.v3's natural order, sequences indented under mapping keys, no line
 * folding, strings quoted when yaml.v3 would read them back as something else (or as a YAML 1.1 bool
 * or base-60 float), `|` literals for multi-line strings, floats as `strconv.FormatFloat(f, 'g', -1)`.
 * The scalar analysis is libyaml's (shared with ./json-to-yaml.ts), plus yaml.v3's rule that a tab
 * forbids plain and single-quoted styles.
 */
import { durationString } from '../gofmt/duration.js';
import { formatFloat } from '../gofmt/float.js';
import { GoError, GoStruct, GoTyped, mapEntries, sliceElems } from '../gotemplate/value.js';
import type { GoMap, GoValue } from '../gotemplate/value.js';
import { asTime, formatTime } from '../sprig/gotime.js';
import { resolvePlainV3 } from '../yaml/go-scalar.js';
import { analyze, escapeChar, isBreak, isPrintable, utf8Length, v2KeyLess } from '../yaml/json-to-yaml.js';
import type { Analysis } from '../yaml/json-to-yaml.js';

const INDENT = 2;
const OLD_BOOL = new Set('y Y yes Yes YES on On ON n N no No NO off Off OFF'.split(' '));
const NOT_STR = new Set(['-.inf', '-.Inf', '-.INF']);
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const LETTERS_ONLY = /^[A-Za-z]*$/;

/**
 * yaml.v3's keyList.Less for two string keys: yaml.v2's, except that where a letter meets a non-letter
 * right after a run of equal digits, the letter sorts first.
 */
function v3KeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  let i = 0;
  while (i < ar.length && i < br.length && ar[i] === br[i]) i++;
  if (i > 0 && i < ar.length && i < br.length && DIGIT.test(ar[i - 1] as string)) {
    const al = LETTER.test(ar[i] as string);
    if (al !== LETTER.test(br[i] as string)) return al;
  }
  return v2KeyLess(a, b);
}

function sortKeysV3(keys: string[]): string[] {
  if (keys.every((k) => LETTERS_ONLY.test(k))) return keys.sort();
  return keys.sort((x, y) => (x === y ? 0 : v3KeyLess(x, y) ? -1 : 1));
}

/** True when yaml.v3's encoder may write `s` as a plain scalar (it reads back as the same string). */
function canUsePlain(s: string): boolean {
  if (NOT_STR.has(s) || resolvePlainV3(s) !== 'str') return false;
  if (OLD_BOOL.has(s)) return false;
  const c = s[0] ?? '';
  return !((c === '+' || c === '-' || (c >= '0' && c <= '9')) && s.includes(':') && BASE60_FLOAT.test(s));
}

/**
 * yaml.v3 counts a tab apart from the non-printable characters: it forbids plain and single-quoted
 * styles but not a literal block. Replacing it with a printable character changes only flags that
 * concern the plain style, which the tab forbids anyway.
 */
function analyzeV3(chars: string[]): Analysis {
  if (!chars.includes('\t')) return analyze(chars);
  const a = { ...analyze(chars.map((c) => (c === '\t' ? 'x' : c))) };
  a.flowPlain = a.blockPlain = a.single = false;
  return a;
}

function floatText(f: number, bits: 32 | 64): string {
  const s = formatFloat(f, 'g', -1, bits);
  return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
}

type Style = 'plain' | 'single' | 'double' | 'literal';

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
    this.indention = true;
  }

  private writeBreakChar(c: string): void {
    if (c === '\n') return this.putBreak();
    this.out.push(c);
    this.column = 0;
    this.indention = true;
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
  }

  private indicator(ind: string, needWs: boolean, isWs: boolean, isIndention: boolean): void {
    if (needWs && !this.whitespace) this.put(' ');
    this.out.push(ind);
    this.column += ind.length;
    this.whitespace = isWs;
    this.indention = this.indention && isIndention;
  }

  node(v: GoValue, key = false): void {
    if (v === null) return this.scalar('null', 'plain', key);
    if (typeof v === 'string') return this.str(v, key);
    if (typeof v === 'boolean') return this.scalar(v ? 'true' : 'false', 'plain', key);
    if (typeof v === 'bigint') return this.scalar(v.toString(), 'plain', key);
    if (typeof v === 'number') return this.scalar(floatText(v, 64), 'plain', key);
    if (v instanceof GoStruct && v.typeName === 'time.Time' && !v.pointer) {
      const t = asTime(v);
      if (t !== undefined) return this.scalar(formatTime(t, '2006-01-02T15:04:05.999999999Z07:00'), 'plain', key);
    }
    if (v instanceof GoTyped) {
      if (v.type === 'time.Duration' && typeof v.value === 'bigint') return this.str(durationString(v.value), key);
      if (v.value === null && (v.kind === 'ptr' || v.kind === 'interface')) return this.scalar('null', 'plain', key);
      if (typeof v.value === 'bigint') return this.scalar(v.value.toString(), 'plain', key);
      if (typeof v.value === 'number') return this.scalar(floatText(v.value, v.kind === 'float32' ? 32 : 64), 'plain', key);
      if (typeof v.value === 'boolean') return this.scalar(v.value ? 'true' : 'false', 'plain', key);
      if (typeof v.value === 'string' && v.kind === 'string') return this.str(v.value, key);
    }
    const elems = sliceElems(v);
    if (elems !== undefined) return elems.length === 0 || key ? this.flowEmpty('[', ']') : this.blockSeq(elems);
    const m = mapEntries(v);
    if (m !== undefined) return m.size === 0 || key ? this.flowEmpty('{', '}') : this.blockMap(m);
    const what = v instanceof GoStruct ? v.typeName : v instanceof GoTyped ? v.type : 'func';
    throw new GoError(`toYamlPretty: values of type ${what} are not supported`);
  }

  private flowEmpty(open: string, close: string): void {
    this.indicator(open, true, true, false);
    this.indicator(close, false, false, false);
  }

  private blockSeq(items: readonly GoValue[]): void {
    const saved = this.indent;
    this.indent = this.indent < 0 ? 0 : this.indent + INDENT;
    for (const it of items) {
      this.writeIndent();
      this.indicator('-', true, false, true);
      this.node(it);
    }
    this.indent = saved;
  }

  private blockMap(m: GoMap): void {
    const saved = this.indent;
    this.indent = this.indent < 0 ? 0 : this.indent + INDENT;
    for (const k of sortKeysV3([...m.keys()])) {
      this.writeIndent();
      const chars = Array.from(k);
      const a = analyzeV3(chars);
      if (!a.multiline && utf8Length(k) <= 128) {
        this.str(k, true, chars, a);
        this.indicator(':', false, false, false);
      } else {
        this.indicator('?', true, false, true);
        this.str(k, false, chars, a);
        this.writeIndent();
        this.indicator(':', true, false, true);
      }
      this.node(m.get(k) ?? null);
    }
    this.indent = saved;
  }

  private str(s: string, key: boolean, chars = Array.from(s), a = analyzeV3(chars)): void {
    const requested: Style = s.includes('\n') ? 'literal' : canUsePlain(s) ? 'plain' : 'double';
    this.scalar(s, requested, key, chars, a);
  }

  private scalar(s: string, requested: Style, key: boolean, chars = Array.from(s), a = analyzeV3(chars)): void {
    let style = requested;
    if (key && a.multiline) style = 'double';
    if (style === 'plain' && (!a.blockPlain || (chars.length === 0 && key))) style = 'single';
    if (style === 'single' && !a.single) style = 'double';
    if (style === 'literal' && (!a.block || key)) style = 'double';
    const saved = this.indent;
    this.indent = this.indent < 0 ? INDENT : this.indent + INDENT;
    if (style === 'plain') this.writePlain(chars);
    else if (style === 'single') this.writeSingle(chars);
    else if (style === 'double') this.writeDouble(chars);
    else this.writeLiteral(chars);
    this.indent = saved;
  }

  private writePlain(v: string[]): void {
    if (v.length > 0 && !this.whitespace) this.put(' ');
    for (const c of v) this.put(c);
    if (v.length > 0) this.whitespace = false;
    this.indention = false;
  }

  private writeSingle(v: string[]): void {
    this.indicator("'", true, false, false);
    let brk = false;
    for (const c of v) {
      if (isBreak(c)) {
        if (!brk && c === '\n') this.putBreak();
        this.writeBreakChar(c);
        brk = true;
      } else {
        if (brk) this.writeIndent();
        if (c === "'") this.put("'");
        this.put(c);
        this.indention = false;
        brk = false;
      }
    }
    this.indicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDouble(v: string[]): void {
    this.indicator('"', true, false, false);
    const bom = v[0] === '\ufeff';
    for (const c of v) {
      if (!isPrintable(c) || bom || isBreak(c) || c === '"' || c === '\\') {
        const e = escapeChar(c);
        this.out.push('\\', e);
        this.column += 1 + e.length;
      } else this.put(c);
    }
    this.indicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(v: string[]): void {
    this.indicator('|', true, false, false);
    if (v[0] === ' ' || isBreak(v[0] ?? '')) this.indicator(String(INDENT), false, false, false);
    const last = v[v.length - 1] ?? '';
    let chomp = '';
    if (v.length === 0 || !isBreak(last)) chomp = '-';
    else if (v.length === 1 || isBreak(v[v.length - 2] as string)) chomp = '+';
    if (chomp) this.indicator(chomp, false, false, false);
    this.putBreak();
    this.whitespace = true;
    let brk = true;
    for (const c of v) {
      if (isBreak(c)) {
        this.writeBreakChar(c);
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

/** `toYamlPretty v`: yaml.v3 output with indent 2, without its final newline. */
export function toYAMLPretty(v: GoValue): string {
  const e = new Emitter();
  e.node(v);
  e.writeIndent(true);
  return e.out.join('').replace(/\n$/, '');
}
