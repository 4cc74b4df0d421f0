/**
 * The five sops file formats, reduced to one ordered tree: a Branch is a list of [key, value]
 * entries (document order kept), values are scalars, nested branches or lists. Loaders split off
 * the metadata; emitters write the decrypted tree as sops' stores do (YAML with 4-space indent,
 * JSON with tabs and a trailing newline, dotenv `K=V`, INI `k = v`, binary = the raw `data`).
 */
import { Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { SopsError } from './errors.js';
import { unescapeNewlines, unflatten } from './metadata.js';

export type SopsFormat = 'yaml' | 'json' | 'dotenv' | 'ini' | 'binary';

export class Branch {
  constructor(readonly entries: [string, TreeValue][] = []) {}
}
export type TreeValue = string | number | bigint | boolean | null | Buffer | Branch | TreeValue[];

export interface LoadedFile {
  readonly tree: Branch;
  readonly metadata: unknown;
}

const fromJs = (v: unknown): TreeValue => {
  if (Array.isArray(v)) return v.map(fromJs);
  if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
    return new Branch(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, fromJs(x)]));
  }
  return v as TreeValue;
};

export function toJs(v: TreeValue): unknown {
  if (v instanceof Branch) return Object.fromEntries(v.entries.map(([k, x]) => [k, toJs(x)]));
  if (Array.isArray(v)) return v.map(toJs);
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  return v;
}

function splitMetadata(tree: Branch): LoadedFile {
  const i = tree.entries.findIndex(([k]) => k === 'sops');
  if (i < 0) throw new SopsError('NoMetadata', 'sops metadata not found');
  const meta = toJs((tree.entries[i] as [string, TreeValue])[1]);
  return { tree: new Branch(tree.entries.filter((_, j) => j !== i)), metadata: meta };
}

function yamlNode(n: unknown): TreeValue {
  if (isMap(n)) {
    return new Branch(n.items.map((p) => [String(isScalar(p.key) ? p.key.value : p.key), yamlNode(p.value)]));
  }
  if (isSeq(n)) return n.items.map(yamlNode);
  if (isScalar(n)) return (n.value ?? null) as TreeValue;
  return null;
}

export function load(data: Uint8Array | string, format: SopsFormat): LoadedFile {
  const text = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
  try {
    switch (format) {
      case 'json':
      case 'binary':
        return splitMetadata(fromJs(JSON.parse(text)) as Branch);
      case 'yaml': {
        const doc = parseDocument(text, { intAsBigInt: true, uniqueKeys: false });
        if (doc.errors[0]) throw new Error(doc.errors[0].message.split('\n')[0]);
        const tree = yamlNode(doc.contents);
        if (!(tree instanceof Branch)) throw new Error('the document is not a map');
        return splitMetadata(tree);
      }
      case 'dotenv':
        return loadDotenv(text);
      case 'ini':
        return loadIni(text);
    }
  } catch (e) {
    if (e instanceof SopsError) throw e;
    throw new SopsError('LoadFailed', (e as Error).message);
  }
}

function loadDotenv(text: string): LoadedFile {
  const entries: [string, TreeValue][] = [];
  const flat = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) throw new Error(`invalid dotenv input line: ${line.slice(0, 0)}`);
    const key = line.slice(0, eq);
    const value = unescapeNewlines(line.slice(eq + 1));
    if (key.startsWith('sops_')) flat.set(key.slice('sops_'.length), value);
    else entries.push([key, value]);
  }
  if (flat.size === 0) throw new SopsError('NoMetadata', 'sops metadata not found');
  return { tree: new Branch(entries), metadata: unflatten(flat) };
}

function loadIni(text: string): LoadedFile {
  const sections: [string, TreeValue][] = [];
  const flat = new Map<string, string>();
  let current: Branch | undefined;
  let inSops = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) continue;
    const sec = /^\[(.*)\]$/.exec(line);
    if (sec) {
      inSops = sec[1] === 'sops';
      if (!inSops) {
        current = new Branch();
        sections.push([sec[1] as string, current]);
      }
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (inSops) flat.set(key, unescapeNewlines(value));
    else {
      if (!current) {
        current = new Branch();
        sections.push(['DEFAULT', current]);
      }
      current.entries.push([key, value]);
    }
  }
  if (flat.size === 0) throw new SopsError('NoMetadata', 'sops metadata not found');
  return { tree: new Branch(sections), metadata: unflatten(flat) };
}

/** Emits a decrypted tree in `format`. */
export function emit(tree: Branch, format: SopsFormat): Buffer {
  switch (format) {
    case 'json':
      return Buffer.from(JSON.stringify(toJs(tree), null, '\t') + '\n', 'utf8');
    case 'yaml': {
      const doc = new Document(toJs(tree));
      return Buffer.from(doc.toString({ indent: 4, indentSeq: true, lineWidth: 0 }), 'utf8');
    }
    case 'dotenv': {
      let out = '';
      for (const [k, v] of tree.entries) {
        if (v instanceof Branch || Array.isArray(v))
          throw new SopsError('EmitFailed', `cannot use complex value in dotenv file; offending key ${k}`);
        out += `${k}=${scalarText(v).replaceAll('\n', '\\n')}\n`;
      }
      return Buffer.from(out, 'utf8');
    }
    case 'ini': {
      const parts: string[] = [];
      for (const [section, body] of tree.entries) {
        if (!(body instanceof Branch))
          throw new SopsError('EmitFailed', 'INI files must consist of sections');
        // go-ini's pretty format aligns the `=` of a section on its longest key.
        const width = Math.max(0, ...body.entries.map(([k]) => k.length));
        const lines = body.entries.map(([k, v]) => `${k.padEnd(width)} = ${scalarText(v as TreeValue)}`);
        parts.push(`[${section}]\n${lines.join('\n')}\n`);
      }
      return Buffer.from(parts.join('\n'), 'utf8');
    }
    case 'binary': {
      const data = tree.entries.find(([k]) => k === 'data')?.[1];
      if (Buffer.isBuffer(data)) return data;
      if (typeof data === 'string') return Buffer.from(data, 'utf8');
      throw new SopsError(
        'EmitFailed',
        "error emitting binary store: 'data' key in tree does not have a string value",
      );
    }
  }
}

function scalarText(v: TreeValue): string {
  if (v === null) return '';
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}
