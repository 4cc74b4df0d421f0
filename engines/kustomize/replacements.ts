/**
 * The `replacements` field (kustomize's ReplacementTransformer): copy a value from one resource's field
 * (or a literal `sourceValue`) into fields of the selected targets. Field paths are dot-separated with
 * `[key=regex]` list selectors, numeric indices and `*`; `options.create` creates missing fields, and
 * `delimiter`/`index` splice one part of a delimited scalar. A scalar target keeps its own type.
 */
import { deepClone, isMap, resolvePlainV3, scalarText, type YMap, YScalar, YUntaggedScalar, type YValue } from '../yaml/index.js';
import { KustomizeError } from './errors.js';
import { gvkSelected } from './field-spec.js';
import { decodeYaml11 } from './kustomization-schema.js';
import type { Loader } from './loader.js';
import { effectiveNamespace, isClusterScoped, type ResId, type Resource } from './resource.js';
import { matchesSelector } from './selector.js';

interface IdSelector {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

interface Options {
  delimiter: string;
  index: number;
  create: boolean;
}

function str(v: YValue | undefined): string | undefined {
  const s = scalarText(v);
  return s === '' ? undefined : s;
}

function idSelector(v: YValue | undefined): IdSelector | undefined {
  if (!isMap(v)) return undefined;
  const out: IdSelector = {};
  for (const f of ['group', 'version', 'kind', 'name', 'namespace', 'labelSelector', 'annotationSelector'] as const) {
    const s = str(v[f]);
    if (s !== undefined) out[f] = s;
  }
  return out;
}

function optionsOf(v: YValue | undefined): Options {
  const o = isMap(v) ? v : {};
  return { delimiter: scalarText(o.delimiter) ?? '', index: Number(scalarText(o.index) ?? '0') || 0, create: scalarText(o.create) === 'true' };
}

function selectorText(s: IdSelector): string {
  // kustomize's ResId.String: kind.version.group/name.namespace with [noX] for empty parts
  return `${s.kind || '[noKind]'}.${s.version || '[noVer]'}.${s.group || '[noGrp]'}/${s.name || '[noName]'}.${s.namespace || '[noNs]'}`;
}

/** ResId.IsSelectedBy: empty selector fields match anything; namespaces compare effectively. */
function idSelected(id: ResId, s: IdSelector): boolean {
  if (s.name && s.name !== id.name) return false;
  if (s.namespace) {
    const sel = s.namespace === 'default' ? 'default' : s.namespace;
    const own = isClusterScoped(id.gvk) ? '~cluster' : effectiveNamespace(id);
    if (sel !== own) return false;
  }
  return gvkSelected(id.gvk, s);
}

function idsOf(r: Resource): ResId[] {
  return [r.curId(), ...r.prevIds];
}

/** kyaml's SmarterPathSplitter: split on `.` except inside `[...]`. */
export function splitFieldPath(path: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  for (const c of path) {
    if (c === '[') depth++;
    if (c === ']' && depth > 0) depth--;
    if (c === '.' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((p) => p.trim()).filter((p) => p !== '');
}

const isIndex = (p: string): boolean => /^\d+$/.test(p);
const isListSel = (p: string): boolean => p.startsWith('[') && p.endsWith(']');

function splitListSel(p: string): [string, string] {
  const inner = p.slice(1, -1);
  const i = inner.indexOf('=');
  if (i < 0) throw new KustomizeError('transformer', `list path element must contain fieldName=fieldValue for element to match: ${p}`);
  return [inner.slice(0, i), inner.slice(i + 1)];
}

/** The text kyaml's RNode.String() gives for a scalar (trimmed), used by `[key=regex]` matching. */
function nodeText(v: YValue | undefined): string {
  const s = scalarText(v);
  return s === undefined ? JSON.stringify(v) : s.trim();
}

/** PathGetter (yaml.Lookup): fields, `[key=value]` (exact), numeric indices. */
function lookup(root: YValue, path: string[]): YValue | undefined {
  let cur: YValue | undefined = root;
  for (const p of path) {
    if (cur === undefined || cur === null) return undefined;
    if (isListSel(p)) {
      if (!Array.isArray(cur)) return undefined;
      const [k, v] = splitListSel(p);
      cur = cur.find((el) => (k === '' ? scalarText(el) === v : isMap(el) && scalarText(el[k]) === v));
    } else if (isIndex(p) && Array.isArray(cur)) {
      cur = cur[Number(p)];
    } else if (isMap(cur)) {
      cur = cur[p];
    } else return undefined;
  }
  return cur;
}

type Container = YMap | YValue[];
interface Slot {
  readonly parent: Container;
  readonly key: string | number;
  readonly created: boolean;
}

function getAt(c: Container, k: string | number): YValue | undefined {
  return Array.isArray(c) ? c[k as number] : c[k as string];
}

type Kind = 'scalar' | 'map' | 'seq';
const emptyOf = (k: Kind): YValue => (k === 'map' ? {} : k === 'seq' ? [] : null);

function kindForNext(next: string | undefined, leaf: Kind): Kind {
  if (next === undefined) return leaf;
  return isListSel(next) || isIndex(next) ? 'seq' : 'map';
}

/** PathMatcher: every field the path reaches (creating what is missing when `create` is given). */
function matchPath(parent: Container, key: string | number, path: string[], i: number, create: Kind | undefined, created: boolean, out: Slot[]): void {
  const node = getAt(parent, key);
  if (i === path.length) {
    out.push({ parent, key, created });
    return;
  }
  const part = path[i] as string;
  if (isIndex(part)) {
    if (!Array.isArray(node)) return;
    const idx = Number(part);
    let made = false;
    if (node.length === idx && create) {
      node.push(emptyOf(kindForNext(path[i + 1], create)));
      made = true;
    }
    if (node.length < idx + 1) {
      throw new KustomizeError('transformer', `index ${idx} specified but only ${node.length} elements found`);
    }
    matchPath(node, idx, path, i + 1, create, made, out);
    return;
  }
  if (isListSel(part)) {
    if (!Array.isArray(node)) return;
    const [field, pattern] = splitListSel(part);
    let re: RegExp;
    try {
      re = new RegExp(pattern);
    } catch (err) {
      throw new KustomizeError('transformer', `invalid list selector ${part}: ${(err as Error).message}`);
    }
    const visit = (): number => {
      let n = 0;
      node.forEach((el, j) => {
        if (field === '') {
          if (re.test(nodeText(el))) {
            out.push({ parent: node, key: j, created: false });
            n++;
          }
          return;
        }
        if (!isMap(el) || el[field] === undefined) return;
        if (!re.test(nodeText(el[field]))) return;
        n++;
        matchPath(node, j, path, i + 1, create, false, out);
      });
      return n;
    };
    if (visit() > 0 || !create) return;
    node.push(field === '' ? plainScalar(pattern) : { [field]: plainScalar(pattern) });
    visit();
    return;
  }
  if (part === '*') {
    if (!Array.isArray(node)) return;
    node.forEach((_el, j) => matchPath(node, j, path, i + 1, create, false, out));
    return;
  }
  let target = node;
  if ((target === undefined || target === null) && create) {
    target = {};
    if (Array.isArray(parent)) parent[key as number] = target;
    else parent[key as string] = target;
  }
  if (!isMap(target)) return;
  let made = false;
  if (target[part] === undefined) {
    if (!create) return;
    target[part] = emptyOf(kindForNext(path[i + 1], create));
    made = true;
  }
  matchPath(target, part, path, i + 1, create, made, out);
}

/** An untagged scalar: its type is what yaml.v3 resolves the text to. */
function plainScalar(text: string): YValue {
  const t = resolvePlainV3(text);
  if (t === 'str') return text;
  if (t === 'null') return null;
  return new YUntaggedScalar(t, text);
}

function kindOf(v: YValue): Kind {
  return Array.isArray(v) ? 'seq' : isMap(v) ? 'map' : 'scalar';
}

/** A scalar target keeps its type and takes the new text; anything else is replaced by a copy of the value. */
function setSlot(slot: Slot, value: YValue, opts: Options): void {
  let v = deepClone(value);
  const cur = getAt(slot.parent, slot.key);
  const curIsScalar = cur === undefined || kindOf(cur) === 'scalar';
  if (opts.delimiter) {
    if (!curIsScalar) throw new KustomizeError('transformer', 'delimiter option can only be used with scalar nodes');
    const parts = (scalarText(cur) ?? '').split(opts.delimiter);
    const text = scalarText(value) ?? '';
    if (opts.index < 0) parts.unshift(text);
    else if (opts.index >= parts.length) parts.push(text);
    else parts[opts.index] = text;
    v = parts.join(opts.delimiter);
  }
  let next: YValue;
  if (curIsScalar && cur !== undefined && !(slot.created && kindOf(v) !== 'scalar')) {
    const text = kindOf(v) === 'scalar' ? scalarText(v) ?? '' : '';
    if (slot.created) next = plainScalar(text);
    else if (cur instanceof YScalar) {
      const t = resolvePlainV3(text);
      if (!(t === cur.tag || (cur.tag === 'float' && t === 'int'))) {
        throw new KustomizeError('transformer', `replacement value '${text}' cannot be decoded as the target's ${cur.tag}`);
      }
      next = new YScalar(cur.tag, text);
    } else if (cur === null) next = null;
    else next = text;
  } else next = v;
  if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = next;
  else slot.parent[slot.key as string] = next;
}

function replacementList(entries: YValue[], loader: Loader, dir: string, file: string): YMap[] {
  const out: YMap[] = [];
  for (const e of entries) {
    if (!isMap(e)) continue;
    const path = str(e.path);
    if (path !== undefined) {
      if (e.source !== undefined || (Array.isArray(e.targets) && e.targets.length > 0)) {
        throw new KustomizeError('transformer', `${file}: cannot specify both path and inline replacement`);
      }
      const { text, path: p } = loader.readRelative(dir, path);
      const doc = decodeYaml11(text, p);
      if (Array.isArray(doc)) for (const d of doc) out.push(isMap(d) ? d : {});
      else if (isMap(doc)) out.push(doc);
      else throw new KustomizeError('transformer', `${p}: unsupported replacement type encountered within replacement path`);
    } else out.push(e);
  }
  return out;
}

export function applyReplacements(resources: Resource[], entries: YValue[], loader: Loader, dir: string, file: string): void {
  for (const r of replacementList(entries, loader, dir, file)) {
    const sourceValue = r.sourceValue;
    if ((sourceValue === undefined && r.source === undefined) || r.targets === undefined) {
      throw new KustomizeError('transformer', `${file}: replacements must specify a source and at least one target`);
    }
    if (sourceValue !== undefined && r.source !== undefined) {
      throw new KustomizeError('transformer', `${file}: value and resource selectors are mutually exclusive`);
    }
    const value = sourceValue !== undefined ? plainScalar(scalarText(sourceValue) ?? '') : sourceOf(resources, r.source as YValue, file);
    for (const t of Array.isArray(r.targets) ? r.targets : []) {
      if (!isMap(t) || !isMap(t.select)) throw new KustomizeError('transformer', `${file}: target must specify resources to select`);
      applyTarget(resources, t, value);
    }
  }
}

function sourceOf(resources: Resource[], src: YValue, file: string): YValue {
  const sel = idSelector(src) ?? {};
  const { labelSelector: _l, annotationSelector: _a, ...idOnly } = sel;
  const matches = resources.filter((res) => idsOf(res).some((id) => idSelected(id, idOnly)));
  if (matches.length > 1) throw new KustomizeError('transformer', `${file}: multiple matches for selector ${selectorText(idOnly)}`);
  const res = matches[0];
  if (!res) throw new KustomizeError('transformer', `${file}: nothing selected by ${selectorText(idOnly)}`);
  const m = isMap(src) ? src : {};
  const fieldPath = str(m.fieldPath) ?? 'metadata.name';
  const v = lookup(res.obj, splitFieldPath(fieldPath));
  if (v === undefined || v === null || (isMap(v) && Object.keys(v).length === 0) || (Array.isArray(v) && v.length === 0)) {
    throw new KustomizeError('transformer', `${file}: fieldPath \`${fieldPath}\` is missing for replacement source ${selectorText(idOnly)}`);
  }
  const opts = optionsOf(m.options);
  if (!opts.delimiter) return v;
  if (kindOf(v) !== 'scalar') throw new KustomizeError('transformer', 'delimiter option can only be used with scalar nodes');
  const parts = (scalarText(v) ?? '').split(opts.delimiter);
  if (opts.index >= parts.length || opts.index < 0) {
    throw new KustomizeError('transformer', `options.index ${opts.index} is out of bounds for value ${scalarText(v)}`);
  }
  const text = parts[opts.index] as string;
  return v instanceof YScalar ? new YScalar(v.tag, text) : text;
}

function labelsAndAnnotationsMatch(r: Resource, s: IdSelector): boolean {
  if (s.annotationSelector && !matchesSelector(r.stringMap('annotations'), s.annotationSelector)) return false;
  if (s.labelSelector && !matchesSelector(r.stringMap('labels'), s.labelSelector)) return false;
  return true;
}

function applyTarget(resources: Resource[], t: YMap, value: YValue): void {
  const select = idSelector(t.select) ?? {};
  const rejects = (Array.isArray(t.reject) ? t.reject : []).map((x) => idSelector(x) ?? {});
  const fieldPaths = Array.isArray(t.fieldPaths) && t.fieldPaths.length > 0 ? t.fieldPaths.map((x) => scalarText(x) ?? '') : ['metadata.name'];
  const opts = optionsOf(t.options);
  for (const res of resources) {
    if (!labelsAndAnnotationsMatch(res, select)) continue;
    if (rejects.some((rj) => (rj.labelSelector || rj.annotationSelector) && labelsAndAnnotationsMatch(res, rj))) continue;
    const ids = idsOf(res);
    const rejected = rejects.some((rj) => {
      const idPart = { group: rj.group, version: rj.version, kind: rj.kind, name: rj.name, namespace: rj.namespace };
      if (!Object.values(idPart).some((x) => x)) return false;
      return ids.some((id) => idSelected(id, idPart));
    });
    if (rejected || !ids.some((id) => idSelected(id, select))) continue;
    for (const fp of fieldPaths) {
      const slots: Slot[] = [];
      const holder: YMap = { root: res.obj };
      matchPath(holder, 'root', splitFieldPath(fp), 0, opts.create ? kindOf(value) : undefined, false, slots);
      if (slots.length === 0) {
        throw new KustomizeError('transformer', `unable to ${opts.create ? 'find or create' : 'find'} field "${fp}" in replacement target`);
      }
      for (const s of slots) setSlot(s, value, opts);
      res.obj = holder.root as YMap;
      res.stringifyMeta();
    }
  }
}

