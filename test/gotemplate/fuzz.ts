/**
 * A generator of random well-formed templates over random data, for the differential fuzzer.
 * Deterministic for a seed (mulberry32), so a mismatch is reproducible from its seed and index.
 */
import type { OracleCase } from './oracle.js';

/** A small seeded PRNG. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const KEYS = ['a', 'b', 'c', 'name', 'items', 'n', 'x', 'Z', 'émoji', 'list', 'm'];
const STRINGS = ['', 'a', 'hello', 'Hello World', 'x y', 'é', '<b>', 'a"b', "it's", '1', 'true', '%d', 'tab\there', 'line\nbreak', '✓'];
const NUMBERS = [0, 1, -1, 2, 3, 0.5, -2.5, 1e6, 1e21, 123456789, 0.0001, 1e-7, 42, 100, 3.14159, -0];

function genData(r: Rng, depth: number): unknown {
  const k = r.int(depth > 2 ? 6 : 9);
  switch (k) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.chance(0.3) ? r.pick([{ $int: r.int(5) - 1 }, { $int64: 7 }, { $uint8: 200 }, { $float32: 0.1 }, { $strings: ['p', 'q'] }, { $stringmap: { k: 'v' } }, { $intslice: [1, 2] }]) : r.pick(NUMBERS);
    case 3:
      return r.pick(NUMBERS);
    case 4:
    case 5:
      return r.pick(STRINGS);
    case 6: {
      const n = r.int(4);
      return Array.from({ length: n }, () => genData(r, depth + 1));
    }
    default: {
      const o: Record<string, unknown> = {};
      const n = r.int(5);
      for (let i = 0; i < n; i++) o[r.pick(KEYS)] = genData(r, depth + 1);
      return o;
    }
  }
}

/** Random data: always a map at the top so field paths often hit. */
export function randomData(r: Rng): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  const n = 2 + r.int(5);
  for (let i = 0; i < n; i++) o[r.pick(KEYS)] = genData(r, 0);
  return o;
}

interface Scope {
  vars: string[];
  inRange: boolean;
  depth: number;
  defines: string[];
}

/** Field paths present in the data, so generated templates mostly hit values. */
let knownPaths: string[] = [];
let typedPaths: Record<'list' | 'map' | 'string' | 'number' | 'bool', string[]> = { list: [], map: [], string: [], number: [], bool: [] };
let blockCounter = 0;

function collectPaths(x: unknown, prefix: string, out: string[]): void {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return;
  for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
    const p = prefix + '.' + k;
    out.push(p);
    const tag = v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v)[0] : undefined;
    if (tag !== undefined && tag.startsWith('$')) {
      if (tag === '$strings' || tag === '$intslice') typedPaths.list.push(p);
      else if (tag === '$stringmap') typedPaths.map.push(p);
      continue;
    }
    if (Array.isArray(v)) typedPaths.list.push(p);
    else if (v !== null && typeof v === 'object') typedPaths.map.push(p);
    else if (typeof v === 'string') typedPaths.string.push(p);
    else if (typeof v === 'number') typedPaths.number.push(p);
    else if (typeof v === 'boolean') typedPaths.bool.push(p);
    collectPaths(v, p, out);
  }
}

/** A path to a value of one of the kinds, or a random path now and then (to cover errors). */
function typedPath(r: Rng, ...kinds: (keyof typeof typedPaths)[]): string {
  const pool = kinds.flatMap((k) => typedPaths[k]);
  if (pool.length === 0 || r.chance(0.1)) return fieldPath(r);
  return r.pick(pool);
}

function fieldPath(r: Rng): string {
  if (knownPaths.length > 0 && r.chance(0.85)) return r.pick(knownPaths);
  const n = 1 + r.int(3);
  let s = '';
  for (let i = 0; i < n; i++) s += '.' + r.pick(KEYS);
  return s;
}

function quoteStr(s: string): string {
  return JSON.stringify(s).replace(/\\u([0-9a-f]{4})/g, (_m, h: string) => `\\u${h}`);
}

const VERBS = ['%v', '%d', '%s', '%q', '%x', '%5.2f', '%-4v|', '%T', '%+v', '%#v', '%g', '%e', '%t', '%03d', '%c', '%.1s'];

function constant(r: Rng): string {
  switch (r.int(7)) {
    case 0:
      return String(r.pick([0, 1, 2, 3, -1, 10, 255]));
    case 1:
      return r.pick(['1.5', '0.0', '2.0', '1e3', '-0.5', '1e6']);
    case 2:
      return quoteStr(r.pick(STRINGS));
    case 3:
      return r.pick(['true', 'false']);
    case 4:
      return r.pick(["'a'", '0x10', '0b11', '0o7', '1_000']);
    case 5:
      return '`raw' + r.pick(['', ' x', '\\n']) + '`';
    default:
      return r.chance(0.3) ? 'nil' : '1.0';
  }
}

function operand(r: Rng, s: Scope, depth: number): string {
  const k = r.int(depth > 2 ? 5 : 8);
  switch (k) {
    case 0:
    case 1:
      return fieldPath(r);
    case 2:
      return s.vars.length > 0 ? r.pick(s.vars) + (r.chance(0.3) ? fieldPath(r) : '') : '.';
    case 3:
      return constant(r);
    case 4:
      return r.chance(0.5) ? '.' : '$' + (r.chance(0.5) ? fieldPath(r) : '');
    default:
      return `(${pipeline(r, s, depth + 1)})`;
  }
}

function call(r: Rng, s: Scope, depth: number): string {
  const o = (): string => operand(r, s, depth + 1);
  switch (r.int(14)) {
    case 0:
      return `len ${r.chance(0.8) ? typedPath(r, 'list', 'map', 'string') : o()}`;
    case 1:
      return `index ${typedPath(r, 'list')} ${String(r.int(3))}`;
    case 2:
      return `slice ${typedPath(r, 'list', 'string')} ${r.int(2)}${r.chance(0.3) ? ' ' + String(r.int(3)) : ''}`;
    case 3: {
      if (r.chance(0.5)) return `${r.pick(['eq', 'ne', 'lt', 'le', 'gt', 'ge'])} ${typedPath(r, 'number')} ${r.pick(['1.0', '0.5', '2.0', '-1.0', '1e6', typedPath(r, 'number')])}`;
      return `${r.pick(['eq', 'ne', 'lt', 'le', 'gt', 'ge'])} ${typedPath(r, 'string')} ${r.pick(['"a"', '""', '"hello"', '"é"', typedPath(r, 'string')])}`;
    }
    case 4:
      return `${r.pick(['and', 'or'])} ${o()} ${o()}${r.chance(0.3) ? ' ' + o() : ''}`;
    case 5:
      return `not ${o()}`;
    case 6:
      return `print ${o()} ${o()}`;
    case 7:
    case 8:
      return `printf ${quoteStr(r.pick(VERBS) + (r.chance(0.3) ? ' ' + r.pick(VERBS) : ''))} ${o()}${r.chance(0.4) ? ' ' + o() : ''}`;
    case 9:
      return `println ${o()}`;
    case 10:
      return `${r.pick(['html', 'js', 'urlquery'])} ${o()}`;
    case 11:
      return `eq ${o()} ${o()} ${o()}`;
    case 12:
      return `index ${typedPath(r, 'map')} ${quoteStr(r.pick(KEYS))}`;
    default:
      return `len ${fieldPath(r)}`;
  }
}

function pipeline(r: Rng, s: Scope, depth: number): string {
  let p = r.chance(0.6) ? call(r, s, depth) : operand(r, s, depth);
  if (r.chance(0.2)) p += ` | ${r.pick(['print', 'printf "%v"', 'len', 'html', 'not', 'eq 1.0', 'urlquery', 'js', 'printf "[%s]"'])}`;
  return p;
}

function trimL(r: Rng): string {
  return r.chance(0.2) ? '{{- ' : '{{ ';
}
function trimR(r: Rng): string {
  return r.chance(0.2) ? ' -}}' : ' }}';
}

function text(r: Rng): string {
  return r.pick(['', ' ', '\n', 'text', ' - ', '\n  ', 'a\tb', '<p>', '%']);
}

function body(r: Rng, s: Scope, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += node(r, s);
  return out;
}

function node(r: Rng, s: Scope): string {
  const k = s.depth > 3 ? r.int(4) : r.int(13);
  switch (k) {
    case 0:
      return text(r);
    case 1:
    case 2:
      return `${trimL(r)}${pipeline(r, s, 0)}${trimR(r)}`;
    case 3: {
      if (r.chance(0.5) || s.vars.length === 0) {
        const v = `$v${s.vars.length}`;
        const p = pipeline(r, s, 0);
        s.vars.push(v);
        return `${trimL(r)}${v} := ${p}${trimR(r)}`;
      }
      return `{{ ${r.pick(s.vars)} = ${pipeline(r, s, 0)} }}`;
    }
    case 4:
    case 5: {
      const inner: Scope = { ...s, vars: [...s.vars], depth: s.depth + 1 };
      let out = `${trimL(r)}if ${pipeline(r, s, 0)}${trimR(r)}${body(r, inner, 1 + r.int(3))}`;
      if (r.chance(0.3)) out += `{{ else if ${pipeline(r, s, 0)} }}${body(r, { ...inner, vars: [...s.vars] }, 1 + r.int(2))}`;
      if (r.chance(0.5)) out += `{{ else }}${body(r, { ...inner, vars: [...s.vars] }, 1 + r.int(2))}`;
      return out + '{{ end }}';
    }
    case 6: {
      const inner: Scope = { ...s, vars: [...s.vars], depth: s.depth + 1 };
      let out = `{{ with ${pipeline(r, s, 0)} }}${body(r, inner, 1 + r.int(3))}`;
      if (r.chance(0.4)) out += `{{ else }}${body(r, { ...inner, vars: [...s.vars] }, 1)}`;
      return out + '{{ end }}';
    }
    case 7:
    case 8: {
      const inner: Scope = { ...s, vars: [...s.vars], depth: s.depth + 1, inRange: true };
      let decl = '';
      if (r.chance(0.5)) {
        const i = `$i${s.depth}`;
        const e = `$e${s.depth}`;
        inner.vars.push(i, e);
        decl = `${i}, ${e} := `;
      } else if (r.chance(0.3)) {
        const e = `$e${s.depth}`;
        inner.vars.push(e);
        decl = `${e} := `;
      }
      const src = r.chance(0.15) ? String(r.int(4)) : r.chance(0.8) ? typedPath(r, 'list', 'map') : pipeline(r, s, 1);
      let out = `{{ range ${decl}${src} }}${body(r, inner, 1 + r.int(3))}`;
      if (r.chance(0.3)) out += `{{ else }}${body(r, { ...s, vars: [...s.vars], depth: s.depth + 1 }, 1)}`;
      return out + '{{ end }}';
    }
    case 9:
      if (s.inRange) return r.chance(0.5) ? '{{ break }}' : '{{ continue }}';
      return text(r);
    case 10:
      return `{{/* ${r.pick(['c', 'comment', ''])} */}}`;
    case 11:
      if (s.defines.length > 0) return `{{ template ${quoteStr(r.pick(s.defines))} ${operand(r, s, 1)} }}`;
      return text(r);
    default:
      return `{{ block "b${blockCounter++}" ${operand(r, s, 1)} }}${body(r, { vars: [], inRange: false, depth: 4, defines: [] }, 1 + r.int(2))}{{ end }}`;
  }
}

/** One random case: a template (with a couple of defines) and data. */
export function randomCase(seed: number, index: number): OracleCase {
  const r = new Rng(seed * 1000003 + index);
  const data = randomData(r);
  knownPaths = [];
  typedPaths = { list: [], map: [], string: [], number: [], bool: [] };
  collectPaths(data, '', knownPaths);
  blockCounter = 0;
  const defines: string[] = [];
  let src = '';
  const nd = r.int(2);
  for (let i = 0; i < nd; i++) {
    const name = `d${i}`;
    src += `{{ define ${quoteStr(name)} }}${body(r, { vars: [], inRange: false, depth: 2, defines: [...defines] }, 1 + r.int(3))}{{ end }}`;
    defines.push(name);
  }
  src += body(r, { vars: [], inRange: false, depth: 0, defines }, 1 + r.int(4));
  const options = r.chance(0.15) ? [r.pick(['missingkey=zero', 'missingkey=error', 'missingkey=default'])] : undefined;
  return { name: `fuzz seed=${seed} index=${index}`, template: src, data, ...(options !== undefined ? { options } : {}) };
}
