/**
 * kustomize's ValueAddTransformer: a value (default: the kustomization directory's name) set at a field
 * path of the selected resources, creating maps on the way, or inserted into a file path held there at
 * `filePathPosition`. The path `metadata/namespace` runs the bare namespace filter instead.
 */
import { basenamePath } from '../fs/index.js';
import { isMap, resolvePlainV3, scalarText, type YMap, type YValue, YUntaggedScalar } from '../yaml/index.js';
import { KustomizeError } from './errors.js';
import { decodeYaml11 } from './kustomization-schema.js';
import type { PluginConfig } from './plugin-config.js';
import { idString, type Resource } from './resource.js';
import { type BuildState, selectTargets, type Target, targetOf } from './target.js';
import { applyNamespace } from './transformers.js';

interface AddTarget {
  readonly selector: Target | undefined;
  readonly fieldPath: string;
  readonly position: number;
}

/** Go's filepath.Join: empty parts dropped, the result cleaned. */
function joinClean(parts: readonly string[]): string {
  const out: string[] = [];
  for (const p of parts.join('/').split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(p);
  }
  return parts.some((p) => p !== '') ? out.join('/') || '.' : '';
}

/** kustomize's filesys.InsertPathPart: `part` inserted as path element `pos`; a leading "/" is kept. */
export function insertPathPart(path: string, pos: number, part: string): string {
  const parts = path === '' ? [] : path === '/' ? [''] : path.split('/');
  let at = Math.max(0, pos);
  if (parts[0] === '') at++;
  at = Math.min(at, parts.length);
  const result = [...parts.slice(0, at), part, ...parts.slice(at)];
  if (result[0] === '') return '/' + joinClean(result.slice(1));
  return joinClean(result);
}

/** A field path split on "/", where "\/" keeps a slash inside a field name. */
function fieldsOf(path: string): string[] {
  const out: string[] = [];
  for (const f of path.split('/')) {
    const last = out[out.length - 1];
    if (last !== undefined && last.endsWith('\\')) out[out.length - 1] = last.slice(0, -1) + '/' + f;
    else out.push(f);
  }
  return out;
}

function addValue(r: Resource, t: AddTarget, value: string): void {
  const fields = fieldsOf(t.fieldPath);
  let node: YMap = r.obj;
  for (const f of fields.slice(0, -1)) {
    if (f.startsWith('[')) throw new KustomizeError('not-supported', `ValueAddTransformer: list element paths (${t.fieldPath}) are not supported by this kustomize engine`);
    let next = node[f];
    if (next === undefined || next === null) {
      next = {};
      node[f] = next;
    }
    if (!isMap(next)) throw new KustomizeError('transformer', `${idString(r.curId())}: ${t.fieldPath}: ${f} is not a map`);
    node = next;
  }
  const key = fields[fields.length - 1] ?? '';
  const cur = node[key];
  if (isMap(cur ?? null) || Array.isArray(cur)) {
    throw new KustomizeError('transformer', `wrong node kind: expected ScalarNode but got ${isMap(cur ?? null) ? 'MappingNode' : 'SequenceNode'}`);
  }
  const text = t.position > 0 ? insertPathPart(scalarText(cur ?? null) ?? '', t.position - 1, value) : value;
  const tag = resolvePlainV3(text);
  // kyaml sets an untagged plain scalar, which prints as the type its text reads as
  node[key] = tag === 'str' ? text : new YUntaggedScalar(tag, text);
}

export function makeValueAdd(c: PluginConfig, st: BuildState, dir: string): (acc: Resource[]) => void {
  const value = (c.str('value') ?? '').trim() || basenamePath(dir);
  const raw: YValue[] = [...(c.list('targets') ?? [])];
  const file = c.str('targetFilePath');
  if (file) {
    const { text, path } = st.loader.readRelative(dir, file);
    const doc = decodeYaml11(text, path);
    if (isMap(doc) && Array.isArray(doc.targets)) raw.push(...doc.targets);
  }
  if (raw.length === 0) c.fail('must specify at least one target');
  const targets: AddTarget[] = raw.map((t) => {
    if (!isMap(t)) return c.fail('json: cannot unmarshal a target that is not an object');
    const fieldPath = c.str('fieldPath', t) ?? '';
    if (!fieldPath) c.fail('fieldPath cannot be empty');
    const position = Number(c.int('filePathPosition', t) ?? '0');
    if (position < 0) c.fail(`value of FilePathPosition (${position}) cannot be negative`);
    return { selector: targetOf(c.map('selector', t)), fieldPath, position };
  });
  return (acc) => {
    for (const t of targets) {
      const selected = t.selector ? selectTargets(acc, t.selector) : [...acc];
      for (const r of selected) {
        if (t.fieldPath === 'metadata/namespace') applyNamespace([r], value, { specs: [], filterOnly: true });
        else addValue(r, t, value);
      }
    }
  };
}
