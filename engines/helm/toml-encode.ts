/**
 * Helm's `toToml`: Go values encoded as github.com/BurntSushi/toml v1.5.0's Encoder writes them
 * (two-space indent per table level, keys sorted by bytes, plain keys before tables, arrays whose
 * elements are all tables as `[[key]]`, other arrays and nested maps inline, nil values skipped).
 * An encoder error becomes the function's output, as Helm returns `err.Error()`.
 */
import { durationString } from '../gofmt/duration.js';
import { formatFloat } from '../gofmt/float.js';
import { GoError, GoStruct, GoTyped, compareGoStrings, mapEntries, sliceElems } from '../gotemplate/value.js';
import type { GoMap, GoValue } from '../gotemplate/value.js';
import { asTime, formatTime } from '../sprig/gotime.js';

class TomlError extends Error {}

const ERR_NIL_ELEMENT = 'toml: cannot encode array with nil element';
const ERR_NO_KEY = 'toml: top-level values must be Go maps or structs';

type TomlType = 'bool' | 'integer' | 'float' | 'string' | 'datetime' | 'array' | 'hash' | 'arrayHash';

function isTime(v: GoValue): v is GoStruct {
  return v instanceof GoStruct && v.typeName === 'time.Time' && !v.pointer;
}

/** Go's reflect nil-ness of an interface, map or slice value. */
function isNil(v: GoValue): boolean {
  return v === null || (v instanceof GoTyped && v.value === null && ['map', 'slice', 'ptr', 'interface'].includes(v.kind));
}

function unsupported(v: GoValue): never {
  const what = v instanceof GoTyped ? v.kind : v instanceof GoStruct ? v.typeName : typeof v;
  throw new GoError(`toToml: values of type ${what} are not supported`);
}

function tomlTypeOf(v: GoValue): TomlType | undefined {
  if (isNil(v)) return undefined;
  if (isTime(v)) return 'datetime';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'integer';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'string';
  if (v instanceof Map) return 'hash';
  if (Array.isArray(v)) return isTableArray(v) ? 'arrayHash' : 'array';
  if (v instanceof GoTyped) {
    if (v.kind === 'slice' || v.kind === 'array') return isTableArray(sliceElems(v) ?? []) ? 'arrayHash' : 'array';
    if (v.kind === 'map') return 'hash';
    if (v.kind === 'bool') return 'bool';
    if (v.kind === 'string') return 'string';
    if (v.kind === 'float32' || v.kind === 'float64') return 'float';
    if (/^u?int/.test(v.kind)) return 'integer';
  }
  return unsupported(v);
}

function isTableArray(xs: readonly GoValue[]): boolean {
  if (xs.length === 0) return false;
  let ret = true;
  for (const x of xs) {
    const t = tomlTypeOf(x);
    if (t === undefined) throw new TomlError(ERR_NIL_ELEMENT);
    if (t !== 'hash') ret = false;
  }
  return ret;
}

const isTable = (t: TomlType | undefined): boolean => t === 'hash' || t === 'arrayHash';

function quoteString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

const isBare = (k: string): boolean => /^[A-Za-z0-9_-]+$/.test(k);
const keyPiece = (k: string): string => (k === '' ? '""' : isBare(k) ? k : quoteString(k));
const keyString = (key: readonly string[]): string => key.map(keyPiece).join('.');

function floatText(f: number, bits: 32 | 64): string {
  if (Number.isNaN(f)) return 'nan';
  if (!Number.isFinite(f)) return f < 0 ? '-inf' : 'inf';
  const s = formatFloat(f, 'f', -1, bits);
  return s.includes('.') ? s : `${s}.0`;
}

class Encoder {
  private readonly out: string[] = [];
  private written = false;

  text(): string {
    return this.out.join('');
  }

  private w(s: string): void {
    this.out.push(s);
    this.written = true;
  }

  private newline(): void {
    if (this.written) this.w('\n');
  }

  private indent(key: readonly string[]): string {
    return '  '.repeat(Math.max(0, key.length - 1));
  }

  encode(key: readonly string[], v: GoValue): void {
    if (v === null) return;
    if (isTime(v)) return this.keyValue(key, v, false);
    if (v instanceof GoStruct) unsupported(v);
    const entries = mapEntries(v);
    if (entries !== undefined) {
      if (isNil(v)) return;
      return this.table(key, entries);
    }
    const elems = sliceElems(v);
    if (elems !== undefined) {
      if (tomlTypeOf(v) === 'arrayHash') return this.arrayOfTables(key, elems);
      return this.keyValue(key, v, false);
    }
    if (isNil(v)) return;
    tomlTypeOf(v);
    this.keyValue(key, v, false);
  }

  private element(v: GoValue): void {
    if (isTime(v)) {
      const t = asTime(v);
      if (t === undefined) unsupported(v);
      return this.w(formatTime(t, '2006-01-02T15:04:05.999999999Z07:00'));
    }
    if (v instanceof GoTyped && v.type === 'time.Duration' && typeof v.value === 'bigint') {
      return this.w(quoteString(durationString(v.value)));
    }
    if (typeof v === 'string') return this.w(quoteString(v));
    if (typeof v === 'boolean') return this.w(v ? 'true' : 'false');
    if (typeof v === 'bigint') return this.w(v.toString());
    if (typeof v === 'number') return this.w(floatText(v, 64));
    const elems = sliceElems(v);
    if (elems !== undefined) {
      this.w('[');
      elems.forEach((x, i) => {
        this.element(x);
        if (i !== elems.length - 1) this.w(', ');
      });
      return this.w(']');
    }
    const entries = mapEntries(v);
    if (entries !== undefined) return this.map([], entries, true);
    if (v instanceof GoTyped) {
      if (typeof v.value === 'bigint') return this.w(v.value.toString());
      if (typeof v.value === 'number') return this.w(floatText(v.value, v.kind === 'float32' ? 32 : 64));
      if (typeof v.value === 'string') return this.w(quoteString(v.value));
      if (typeof v.value === 'boolean') return this.w(v.value ? 'true' : 'false');
    }
    if (v === null) throw new GoError('reflect: call of reflect.Value.Interface on zero Value');
    unsupported(v);
  }

  private keyValue(key: readonly string[], v: GoValue, inline: boolean): void {
    if (key.length === 0) return this.element(v);
    this.w(`${this.indent(key)}${keyPiece(key[key.length - 1] ?? '')} = `);
    this.element(v);
    if (!inline) this.newline();
  }

  private arrayOfTables(key: readonly string[], elems: readonly GoValue[]): void {
    if (key.length === 0) throw new TomlError(ERR_NO_KEY);
    for (const x of elems) {
      if (isNil(x)) continue;
      this.newline();
      this.w(`${this.indent(key)}[[${keyString(key)}]]`);
      this.newline();
      this.map(key, mapEntries(x) ?? new Map(), false);
    }
  }

  private table(key: readonly string[], m: GoMap): void {
    if (key.length === 1) this.newline();
    if (key.length > 0) {
      this.w(`${this.indent(key)}[${keyString(key)}]`);
      this.newline();
    }
    this.map(key, m, false);
  }

  private map(key: readonly string[], m: GoMap, inline: boolean): void {
    const direct: string[] = [];
    const sub: string[] = [];
    for (const [k, x] of m) (isTable(tomlTypeOf(x)) ? sub : direct).push(k);
    const write = (keys: string[], trailComma: boolean): void => {
      keys.sort(compareGoStrings);
      keys.forEach((k, i) => {
        const x = m.get(k) ?? null;
        if (isNil(x)) return;
        if (inline) {
          this.keyValue([k], x, true);
          if (trailComma || i !== keys.length - 1) this.w(', ');
        } else {
          this.encode([...key, k], x);
        }
      });
    };
    if (inline) this.w('{');
    write(direct, sub.length > 0);
    write(sub, false);
    if (inline) this.w('}');
  }
}

/** `toToml v`: the TOML text, or the encoder's error message. */
export function toTOML(v: GoValue): string {
  if (v === null) throw new GoError('reflect: call of reflect.Value.Type on zero Value');
  const e = new Encoder();
  try {
    e.encode([], v);
  } catch (err) {
    if (err instanceof TomlError) return err.message;
    throw err;
  }
  return e.text();
}
