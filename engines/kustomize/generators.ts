/** configMapGenerator / secretGenerator: literals, files and env files, options, behaviours, content hashes. */
import { createHash } from 'node:crypto';
import { basenamePath } from '../fs/index.js';
import { boolScalar, isMap, scalarText, type YMap, type YValue } from '../yaml/index.js';
import { KustomizeError } from './errors.js';
import { stringMap } from './kustomization.js';
import type { Loader } from './loader.js';
import { type GenerationBehavior, Resource } from './resource.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

function parseEnv(text: string, file: string): [string, string][] {
  const out: [string, string][] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^\uFEFF/, '').replace(/\r$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const i = line.indexOf('=');
    if (i < 0) {
      throw new KustomizeError('generator', `${file}: invalid env line ${JSON.stringify(line)}: no '=' separator`);
    }
    out.push([line.slice(0, i).trimStart(), line.slice(i + 1)]);
  }
  return out;
}

function literal(s: string): [string, string] {
  const i = s.indexOf('=');
  if (i < 0) throw new KustomizeError('generator', `invalid literal source ${s}, expected key=value`);
  let v = s.slice(i + 1);
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) v = v.slice(1, -1);
  return [s.slice(0, i), v];
}

export function runGenerator(
  args: YMap,
  kind: 'ConfigMap' | 'Secret',
  globalOptions: YValue | undefined,
  loader: Loader,
  dir: string,
  file: string,
): Resource {
  const name = scalarText(args.name) ?? '';
  const ns = scalarText(args.namespace) ?? '';
  // like kustomize's NewGenerationBehavior: anything but create/merge/replace is unspecified (creates)
  const given = scalarText(args.behavior) ?? '';
  const behavior: GenerationBehavior = given === 'create' || given === 'merge' || given === 'replace' ? given : 'unspecified';
  const entries: [string, string, boolean][] = []; // key, value, isBinary
  const add = (k: string, v: string, bin = false): void => {
    if (entries.some((e) => e[0] === k)) {
      throw new KustomizeError('generator', `${file}: configmap ${name} illegally repeats the key \`${k}\``);
    }
    entries.push([k, v, bin]);
  };
  for (const e of listOf(args.envs)) for (const [k, v] of parseEnv(loader.readRelative(dir, e).text, e)) add(k, v);
  const env = scalarText(args.env);
  if (env) for (const [k, v] of parseEnv(loader.readRelative(dir, env).text, env)) add(k, v);
  for (const l of listOf(args.literals)) {
    const [k, v] = literal(l);
    add(k, v);
  }
  for (const f of listOf(args.files)) {
    const i = f.indexOf('=');
    const key = i >= 0 ? f.slice(0, i) : basenamePath(f);
    const path = i >= 0 ? f.slice(i + 1) : f;
    const { bytes } = loader.readRelative(dir, path);
    try {
      add(key, decoder.decode(bytes));
    } catch (err) {
      if (err instanceof KustomizeError) throw err;
      add(key, Buffer.from(bytes).toString('base64'), true);
    }
  }
  const local = isMap(args.options) ? args.options : {};
  const global = isMap(globalOptions) ? globalOptions : {};
  const labels = { ...stringMap(global.labels), ...stringMap(local.labels) };
  const annotations = { ...stringMap(global.annotations), ...stringMap(local.annotations) };
  const disable = scalarText(local.disableNameSuffixHash) ?? scalarText(global.disableNameSuffixHash);
  const immutable = scalarText(local.immutable) ?? scalarText(global.immutable);
  const obj: YMap = { apiVersion: 'v1', kind, metadata: { name } };
  const meta = obj.metadata as YMap;
  if (ns) meta.namespace = ns;
  if (Object.keys(labels).length) meta.labels = { ...labels };
  if (Object.keys(annotations).length) meta.annotations = { ...annotations };
  if (kind === 'Secret') obj.type = scalarText(args.type) || 'Opaque';
  const data: YMap = {};
  const binary: YMap = {};
  for (const [k, v, bin] of entries) {
    if (kind === 'Secret') data[k] = bin ? v : Buffer.from(v, 'utf8').toString('base64');
    else if (bin) binary[k] = v;
    else data[k] = v;
  }
  if (Object.keys(data).length) obj.data = data;
  if (Object.keys(binary).length) obj.binaryData = binary;
  if (immutable === 'true') obj.immutable = boolScalar(true);
  const r = new Resource(obj);
  r.generated = { behavior, needsHash: disable !== 'true' };
  return r;
}

function listOf(v: YValue | undefined): string[] {
  return Array.isArray(v) ? v.map((x) => scalarText(x) ?? '') : [];
}

/** encoding/json string escaping (with its HTML-safe escapes), for hashing. */
function goJsonString(s: string): string {
  return JSON.stringify(s)
    .replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function goJsonStringMap(m: YValue | undefined): string {
  if (!isMap(m)) return '""';
  const keys = Object.keys(m).sort();
  return '{' + keys.map((k) => `${goJsonString(k)}:${goJsonString(scalarText(m[k]) ?? '')}`).join(',') + '}';
}

/**
 * kustomize's content hash suffix of a generated ConfigMap or Secret. kustomize looks the name up with the
 * single path element "metadata/name", which never exists, so the hashed name is always "".
 */
export function contentHash(r: Resource): string {
  const o = r.obj;
  const parts: string[] = [];
  if (r.kind === 'ConfigMap') {
    if (isMap(o.binaryData)) parts.push(`"binaryData":${goJsonStringMap(o.binaryData)}`);
    parts.push(`"data":${goJsonStringMap(o.data)}`, `"kind":"ConfigMap"`, `"name":""`);
  } else {
    parts.push(`"data":${goJsonStringMap(o.data)}`, `"kind":"Secret"`, `"name":""`);
    if (isMap(o.stringData)) parts.push(`"stringData":${goJsonStringMap(o.stringData)}`);
    parts.push(`"type":${goJsonString(scalarText(o.type) ?? '')}`);
  }
  const hex = createHash('sha256').update('{' + parts.join(',') + '}').digest('hex');
  const map: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return Array.from(hex.slice(0, 10), (c) => map[c] ?? c).join('');
}
