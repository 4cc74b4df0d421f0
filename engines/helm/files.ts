/**
 * Helm's `.Files` object (engine.files, a `map[string][]byte` with methods): Get, GetBytes, Glob
 * (gobwas/glob patterns with `/` as separator), Lines, AsConfig and AsSecrets (YAML via
 * sigs.k8s.io/yaml, keys are base names).
 */
import { GoError, GoTyped, byteSlice, goFunc, stringSlice } from '../gotemplate/value.js';
import type { GoMap } from '../gotemplate/value.js';
import { marshalYAMLv2 } from '../yaml/go-yaml-v2-marshal.js';

/** One file of a chart (outside templates/), as chart.File. */
export interface ChartFile {
  readonly name: string;
  readonly data: Uint8Array;
}

const FILES_TYPE = 'engine.files';

function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

/**
 * Compiles a gobwas/glob pattern with `/` as separator into a RegExp, or undefined when the pattern
 * does not compile (unclosed `[` or `{`).
 */
export function compileGlob(pattern: string): RegExp | undefined {
  let re = '';
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) return undefined;
      re += escapeRe(next);
      i++;
    } else if (c === '*') {
      if (pattern[i + 1] === '*') {
        re += '.*';
        i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) return undefined;
      let body = pattern.slice(i + 1, end);
      const negate = body.startsWith('!');
      if (negate) body = body.slice(1);
      const cls = body.replace(/[\\\]^]/g, '\\$&');
      re += negate ? `[^${cls}/]` : `[${cls}]`;
      i = end;
    } else if (c === '{') {
      depth++;
      re += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      re += ')';
    } else if (c === ',' && depth > 0) re += '|';
    else re += escapeRe(c);
  }
  if (depth !== 0) return undefined;
  try {
    return new RegExp(`^${re}$`, 's');
  } catch {
    return undefined;
  }
}

function base(p: string): string {
  const t = p.replace(/\/+$/, '');
  if (t === '') return p === '' ? '.' : '/';
  return t.slice(t.lastIndexOf('/') + 1);
}

/** Builds the `.Files` value over `files` (name → contents). */
export function filesValue(files: ReadonlyMap<string, Uint8Array>): GoTyped {
  const entries: GoMap = new Map();
  for (const [name, data] of files) entries.set(name, byteSlice(data));
  const text = (name: string): string => Buffer.from(files.get(name) ?? new Uint8Array()).toString('utf8');
  const asYaml = (encode: (b: Uint8Array) => string): string => {
    const m: GoMap = new Map();
    for (const [k, v] of files) m.set(base(k), encode(v));
    return marshalYAMLv2(m).replace(/\n$/, '');
  };
  const methods = {
    Get: goFunc('func(string) string', (n) => text(String(n))),
    GetBytes: goFunc('func(string) []uint8', (n) => byteSlice(files.get(String(n)) ?? new Uint8Array())),
    Glob: goFunc(`func(string) ${FILES_TYPE}`, (p) => {
      const re = compileGlob(String(p)) ?? /^.*$/s;
      const out = new Map<string, Uint8Array>();
      for (const [name, data] of files) if (re.test(name)) out.set(name, data);
      return filesValue(out);
    }),
    AsConfig: goFunc('func() string', () => asYaml((b) => Buffer.from(b).toString('utf8'))),
    AsSecrets: goFunc('func() string', () => asYaml((b) => Buffer.from(b).toString('base64'))),
    Lines: goFunc('func(string) []string', (p) => {
      const data = files.get(String(p));
      if (data === undefined) return stringSlice([]);
      let s = Buffer.from(data).toString('utf8');
      if (s.length === 0) throw new GoError('runtime error: index out of range [-1]');
      if (s.endsWith('\n')) s = s.slice(0, -1);
      return stringSlice(s.split('\n'));
    }),
  };
  return new GoTyped(FILES_TYPE, 'map', entries, methods, '[]uint8');
}
