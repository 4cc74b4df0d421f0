/**
 * `vars` (deprecated, still used): each kustomization names a var, the resource it reads (`objref`) and a
 * field (`fieldref.fieldpath`, default metadata.name). After the whole build (hash suffixes and name
 * references done) every `$(NAME)` in the builtin varReference fields is replaced by the field's value;
 * `$$` escapes, unknown names stay as written, and a field that is exactly `$(NAME)` takes the value's type.
 */
import { isMap, scalarText, type YMap, YScalar, YUntaggedScalar, type YValue } from '../yaml/index.js';
import { customConfigOf } from './build-config.js';
import { defaultTransformerConfig } from './data/field-specs.js';
import { KustomizeError } from './errors.js';
import { type Gvk, gvkSelected, splitPath, visitField } from './field-spec.js';
import { splitFieldPath } from './replacements.js';
import { effectiveNamespace, gvkEquals, type ResId, type Resource } from './resource.js';

export interface VarDef {
  readonly name: string;
  readonly gvk: Gvk;
  readonly objName: string;
  readonly namespace: string;
  readonly fieldPath: string;
}

function parseVar(v: YValue, file: string): VarDef {
  if (!isMap(v)) throw new KustomizeError('invalid-kustomization', `${file}: a var must be a map`);
  const o = isMap(v.objref) ? v.objref : {};
  const f = isMap(v.fieldref) ? v.fieldref : {};
  let group = scalarText(o.group) ?? '';
  let version = scalarText(o.version) ?? '';
  const apiVersion = scalarText(o.apiVersion) ?? '';
  if (apiVersion) {
    const parts = apiVersion.split('/');
    if (parts.length === 2) [group, version] = parts as [string, string];
    else if (parts.length === 1) version = parts[0] as string;
  }
  return {
    name: scalarText(v.name) ?? '',
    gvk: { group, version, kind: scalarText(o.kind) ?? '' },
    objName: scalarText(o.name) ?? '',
    namespace: scalarText(o.namespace) ?? '',
    fieldPath: scalarText(f.fieldpath) || scalarText(f.fieldPath) || 'metadata.name',
  };
}

/** ResAccumulator.MergeVars: remember which resource each var reads, and refuse repeated names. */
export function mergeVars(acc: Resource[], list: YValue | undefined, known: VarDef[], file: string): void {
  for (const raw of Array.isArray(list) ? list : []) {
    const v = parseVar(raw, file);
    const target: ResId = { gvk: v.gvk, name: v.objName, namespace: v.namespace };
    const matches = acc.filter((r) => [r.curId(), ...r.prevIds].some((id) =>
      gvkEquals(id.gvk, v.gvk) && id.name === v.objName &&
      (v.namespace === '' || effectiveNamespace(id) === effectiveNamespace(target))));
    if (matches.length > 1) {
      throw new KustomizeError('invalid-kustomization', `${file}: found ${matches.length} resId matches for var ${v.name} (unable to disambiguate)`);
    }
    if (matches.length === 1) (matches[0] as Resource).refVarNames.push(v.name);
    if (known.some((k) => k.name === v.name)) {
      throw new KustomizeError('invalid-kustomization', `${file}: var '${v.name}' already encountered`);
    }
    known.push(v);
  }
}

type Primitive = string | number | boolean | { int: string } | undefined;

/** The value yaml.v3 decodes the field to, when it is a primitive kustomize can substitute. */
function fieldValue(r: Resource, path: string): { found: boolean; value: Primitive } {
  const fields: string[] = [];
  for (const p of splitFieldPath(path)) {
    const m = /^(.*)\[(\d+)\]$/.exec(p);
    if (!m) fields.push(p);
    else {
      if (m[1]) fields.push(m[1]);
      fields.push(m[2] as string);
    }
  }
  let cur: YValue | undefined = r.obj;
  for (const f of fields) {
    if (Array.isArray(cur) && /^\d+$/.test(f)) cur = cur[Number(f)];
    else if (Array.isArray(cur) && f.startsWith('[') && f.endsWith(']')) {
      const [k, want] = f.slice(1, -1).split('=', 2) as [string, string];
      cur = cur.find((el) => isMap(el) && scalarText(el[k]) === want);
    } else if (isMap(cur)) cur = cur[f];
    else cur = undefined;
    if (cur === undefined) return { found: false, value: undefined };
  }
  if (typeof cur === 'string') return { found: true, value: cur };
  if (cur instanceof YScalar) {
    if (cur.tag === 'bool') return { found: true, value: cur.text === 'true' };
    if (cur.tag === 'int') return { found: true, value: { int: cur.text } };
    if (cur.tag === 'float') return { found: true, value: Number(cur.text) };
    return { found: true, value: undefined };
  }
  return { found: true, value: undefined };
}

/** Go's fmt %v of a substituted value. */
function show(v: Primitive): string {
  if (typeof v === 'object') return v.int;
  if (typeof v === 'number') return String(v);
  return String(v);
}

/** refvar.DoReplacements: `$(NAME)` → value, `$$` → `$`; a whole-field reference keeps the value's type. */
function expand(input: string, lookup: (name: string) => Primitive): Primitive {
  let out = '';
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (c === '$' && i + 1 < input.length) {
      const next = input[i + 1];
      if (next === '$') {
        out += '$';
        i += 2;
        continue;
      }
      if (next === '(') {
        const close = input.indexOf(')', i + 2);
        if (close >= 0) {
          const name = input.slice(i + 2, close);
          const v = lookup(name);
          if (input === `$(${name})`) return v ?? input;
          out += v === undefined ? `$(${name})` : show(v);
          i = close + 1;
          continue;
        }
        out += '$(';
        i += 2;
        continue;
      }
      out += '$' + next;
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

function asNode(v: Primitive, fallback: string): YValue {
  if (v === undefined) return fallback;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return new YScalar('bool', String(v));
  if (typeof v === 'object') return new YScalar('int', v.int);
  return new YScalar('float', String(v));
}

/** kyaml's IsYNodeString: a string, or a scalar kustomize created without a tag. */
function isStringNode(v: YValue | undefined): v is string | YUntaggedScalar {
  return typeof v === 'string' || v instanceof YUntaggedScalar;
}

function textOf(v: string | YUntaggedScalar): string {
  return typeof v === 'string' ? v : v.text;
}

/** A var as kustomize prints it in errors (Go's %v of types.Var): `{NAME Kind.version.group {fieldPath}}`. */
function varText(v: VarDef): string {
  const g = v.gvk;
  return `{${v.name} ${g.kind || '[noKind]'}.${g.version || '[noVer]'}.${g.group || '[noGrp]'} {${v.fieldPath}}}`;
}

/** ResAccumulator.ResolveVars, after hash suffixes and name references. */
export function resolveVars(acc: Resource[], vars: readonly VarDef[]): void {
  if (vars.length === 0) return;
  const values = new Map<string, Primitive>();
  for (const v of [...vars].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const r = acc.find((x) => x.refVarNames.includes(v.name));
    if (!r) throw new KustomizeError('transformer', `var '${varText(v)}' cannot be mapped to a field in the set of known resources`);
    const { found, value } = fieldValue(r, v.fieldPath);
    if (!found) throw new KustomizeError('transformer', `field specified in var '${varText(v)}' not found in corresponding resource`);
    values.set(v.name, value);
  }
  const lookup = (name: string): Primitive => values.get(name);
  for (const r of acc) {
    for (const fs of (customConfigOf(acc) ?? defaultTransformerConfig).varReference ?? []) {
      if (!gvkSelected(r.gvk, fs)) continue;
      visitField(r.obj, splitPath(fs.path.replaceAll('[]', '')), false, (node, parent, key) => {
        if (node === null || node === undefined) return;
        if (isStringNode(node)) parent[key] = asNode(expand(textOf(node), lookup), textOf(node));
        else if (Array.isArray(node)) {
          node.forEach((el, i) => {
            if (!isStringNode(el)) throw new KustomizeError('transformer', 'invalid value type expect a string');
            node[i] = asNode(expand(textOf(el), lookup), textOf(el));
          });
        } else if (isMap(node)) {
          const m: YMap = node;
          for (const k of Object.keys(m)) {
            const el = m[k];
            if (isStringNode(el)) m[k] = asNode(expand(textOf(el), lookup), textOf(el));
          }
        }
      });
    }
  }
}
