/**
 * The `openapi` field: the schema kyaml uses for strategic-merge-patch merge keys, kept the way kyaml keeps
 * it, as one schema for the whole build:
 * - The top kustomization sets it first (`path:` a custom schema, or `version:`, which must be the builtin
 *   v1.21.2); a kustomization reached later sets it only if nothing set it before.
 * - A custom schema is parsed when a patch first needs a schema (or a resource of a kind the builtin tables
 *   do not know appears), and a bad one fails the build then, as kyaml's panic does.
 * - A custom schema parsed before the builtin one was needed replaces it: builtin kinds then have no merge
 *   keys. The builtin schema stays underneath when it was already in use (a patch ran before), or was
 *   asked for (a resource of an unknown kind appeared before the custom schema was set).
 * Custom definitions: `x-kubernetes-group-version-kind` names the kinds, `x-kubernetes-patch-strategy` and
 * `x-kubernetes-patch-merge-key` (or `x-kubernetes-list-map-keys`) make a list merge by key(s),
 * `$ref: '#/definitions/...'` and inline `properties`/`items` are followed. The `paths` of a custom
 * schema tell whether a kind the builtin tables do not know is cluster-scoped.
 */
import { isMap, scalarText, type YMap, type YValue } from '../yaml/index.js';
import { patchSchema } from './data/patch-schema.js';
import { KustomizeError } from './errors.js';
import type { Gvk } from './field-spec.js';
import { decodeYaml11 } from './kustomization-schema.js';
import type { PatchSchemaData, PatchSchemaProp } from './patch-schema-types.js';

const BUILTIN_VERSION = 'v1.21.2';

type Defs = { [def: string]: { [prop: string]: PatchSchemaProp } };
interface Layer {
  readonly definitions: Defs;
  readonly gvk: { [k: string]: string };
  /** Kinds named by the `x-kubernetes-group-version-kind` of a path's GET: namespaced when the path is. */
  readonly paths: readonly { readonly gvk: string; readonly namespaced: boolean }[];
}

interface State {
  /** kyaml's kubernetesOpenAPIVersion: '', the builtin version, or 'custom'. */
  version: string;
  custom: { text: string; file: string } | undefined;
  init: boolean;
  builtinStatus: 'not-parsed' | 'delayed' | 'parsed';
  layers: Layer[];
  effective: PatchSchemaData | undefined;
  /** kyaml's namespaceabilityByResourceType, from the paths of the custom schemas parsed so far. */
  scopes: Map<string, boolean>;
}

const fresh = (): State => ({
  version: '', custom: undefined, init: false, builtinStatus: 'not-parsed', layers: [], effective: patchSchema, scopes: new Map(),
});
let state: State = fresh();

/**
 * SetSchema for a kustomization's `openapi` field (`reset` for the top one, which starts a new build).
 * `load` reads the schema file; kustomize reads it even when the schema is already set.
 */
export function setOpenApiSchema(openapi: YValue | undefined, load: (path: string) => { text: string; path: string }, reset: boolean): void {
  if (reset) state = fresh();
  const field: Record<string, string> = {};
  if (isMap(openapi)) for (const k of Object.keys(openapi)) field[k] = scalarText(openapi[k]) ?? '';
  const file = field.path !== undefined ? load(field.path) : undefined;
  const isSet = state.version !== '' || state.custom !== undefined;
  if (isSet && !reset) return;
  if (file) {
    if (field.version !== undefined) throw new KustomizeError('invalid-kustomization', 'openapi: builtin version and custom schema provided, cannot use both');
    state.custom = { text: file.text, file: file.path };
    state.version = 'custom';
    state.init = false;
    return;
  }
  state.version = field.version ?? '';
  if (state.version === '') return;
  if (state.version !== BUILTIN_VERSION) {
    throw new KustomizeError('invalid-kustomization', `openapi: the specified OpenAPI version ${state.version} is not built in`);
  }
  state.custom = undefined;
  state.init = false;
}

/** kyaml's IsNamespaceScoped for a kind: outside the precomputed builtin kinds it may need the schema. */
export function noteResourceKind(gvk: Gvk): void {
  if (state.init || patchSchema.gvk[`${gvk.group}/${gvk.version}/${gvk.kind}`] !== undefined) return;
  if (state.custom) initSchema();
  else if (state.builtinStatus === 'not-parsed') state.builtinStatus = 'delayed';
}

/**
 * IsCertainlyClusterScoped for a kind the builtin tables do not know: a custom schema's paths may declare
 * it cluster-scoped (a GET path without `namespaces/{namespace}`). False without a custom schema.
 */
export function customClusterScoped(gvk: Gvk): boolean {
  if (state.custom === undefined && state.layers.length === 0) return false;
  const key = `${gvk.group}/${gvk.version}/${gvk.kind}`;
  if (patchSchema.gvk[key] !== undefined) return false;
  noteResourceKind(gvk);
  return state.scopes.get(key) === false;
}

/** The schema a strategic merge uses now (the builtin data unless a custom schema was parsed). */
export function activePatchSchema(): PatchSchemaData {
  initSchema();
  if (!state.effective) {
    const builtin = state.builtinStatus === 'parsed';
    const definitions: Defs = builtin ? { ...patchSchema.definitions } : {};
    const gvk: { [k: string]: string } = builtin ? { ...patchSchema.gvk } : {};
    for (const l of state.layers) {
      Object.assign(definitions, l.definitions);
      Object.assign(gvk, l.gvk);
    }
    state.effective = { definitions, gvk };
  }
  return state.effective;
}

function initSchema(): void {
  if (state.init) return;
  state.init = true;
  if (state.custom) {
    const layer = parseCustomSchema(state.custom.text, state.custom.file);
    state.layers.push(layer);
    for (const p of layer.paths) {
      if (p.namespaced) state.scopes.set(p.gvk, true);
      else if (!state.scopes.has(p.gvk)) state.scopes.set(p.gvk, false);
    }
    state.effective = undefined;
  } else if (state.builtinStatus !== 'parsed') {
    state.builtinStatus = 'parsed';
    state.effective = undefined;
  }
  if (state.builtinStatus === 'delayed') {
    state.builtinStatus = 'parsed';
    state.effective = undefined;
  }
}

/** Reads an OpenAPI text (JSON or YAML, as sigs.k8s.io/yaml does); `fail` reports an empty or bad one. */
export function decodeOpenApiText(text: string, file: string, fail: (msg: string) => never): YValue {
  if (text.length === 0) fail('the file is empty');
  try {
    return decodeYaml11(text, file);
  } catch (err) {
    return fail((err as Error).message);
  }
}

function parseCustomSchema(text: string, file: string): Layer {
  const fail = (msg: string): never => {
    throw new KustomizeError('invalid-kustomization', `invalid schema file ${file}: ${msg}`);
  };
  const doc = decodeOpenApiText(text, file, fail);
  if (!isMap(doc)) return fail('not an OpenAPI document');
  const raw = doc.definitions;
  if (raw !== undefined && raw !== null && !isMap(raw)) fail('definitions is not a map');
  const defs: YMap = isMap(raw) ? raw : {};
  const out: Layer = { definitions: {}, gvk: {}, paths: pathsOf(doc.paths) };
  const resolve = (s: YValue | undefined, depth = 0): { name?: string; schema: YMap } | undefined => {
    if (!isMap(s)) return undefined;
    const ref = scalarText(s.$ref);
    if (ref === undefined || ref === '') return { schema: s };
    if (depth > 32 || !ref.startsWith('#/definitions/')) return undefined;
    const name = ref.slice('#/definitions/'.length);
    const r = resolve(defs[name], depth + 1);
    return r && { name: r.name ?? name, schema: r.schema };
  };
  let inline = 0;
  const define = (name: string, schema: YMap): void => {
    if (out.definitions[name]) return;
    const props: { [prop: string]: PatchSchemaProp } = {};
    out.definitions[name] = props;
    const properties = isMap(schema.properties) ? schema.properties : {};
    for (const key of Object.keys(properties)) {
      const p = resolve(properties[key]);
      if (p) props[key] = propOf(p.schema, p.name, `${name}.${key}`);
    }
  };
  const nameFor = (r: { name?: string; schema: YMap }, where: string): string | undefined => {
    if (!isMap(r.schema.properties)) return r.name;
    const name = r.name ?? `\u0000${where}#${inline++}`;
    define(name, r.schema);
    return name;
  };
  const propOf = (s: YMap, refName: string | undefined, where: string): PatchSchemaProp => {
    const prop: { r?: string; l?: boolean; k?: string; s?: string; ks?: readonly string[] } = {};
    const type = Array.isArray(s.type) ? s.type.map((t) => scalarText(t)) : [scalarText(s.type)];
    const isArray = type.length === 1 && type[0] === 'array';
    const strategy = typeof s['x-kubernetes-patch-strategy'] === 'string' ? s['x-kubernetes-patch-strategy'] : undefined;
    if (isArray || strategy !== undefined) prop.l = true;
    if (isArray) {
      const items = resolve(s.items);
      const r = items && nameFor(items, `${where}[]`);
      if (r) prop.r = r;
    } else {
      const r = nameFor({ name: refName, schema: s }, where);
      if (r) prop.r = r;
    }
    if (strategy !== undefined) {
      prop.s = strategy;
      const mapKeys = s['x-kubernetes-list-map-keys'];
      const mergeKey = s['x-kubernetes-patch-merge-key'];
      if (Array.isArray(mapKeys)) {
        prop.ks = mapKeys.map((x) => scalarText(x) ?? '');
        if (prop.ks.length === 1) prop.k = prop.ks[0];
      } else if (typeof mergeKey === 'string') prop.k = mergeKey;
    }
    return prop;
  };
  for (const name of Object.keys(defs)) {
    const d = defs[name];
    if (!isMap(d)) continue;
    define(name, d);
    const gvks = d['x-kubernetes-group-version-kind'];
    for (const g of Array.isArray(gvks) ? gvks : []) {
      if (!isMap(g)) continue;
      out.gvk[`${scalarText(g.group) ?? ''}/${scalarText(g.version) ?? ''}/${scalarText(g.kind) ?? ''}`] = name;
    }
  }
  return out;
}

function gvkKey(g: YValue | undefined): string | undefined {
  if (!isMap(g)) return undefined;
  return `${scalarText(g.group) ?? ''}/${scalarText(g.version) ?? ''}/${scalarText(g.kind) ?? ''}`;
}

/** findNamespaceability: each path whose GET names a kind says whether that kind is namespaced. */
function pathsOf(paths: YValue | undefined): { gvk: string; namespaced: boolean }[] {
  const out: { gvk: string; namespaced: boolean }[] = [];
  if (!isMap(paths)) return out;
  for (const path of Object.keys(paths)) {
    const info = paths[path];
    const get = isMap(info) ? info.get : undefined;
    const gvk = isMap(get) ? gvkKey(get['x-kubernetes-group-version-kind']) : undefined;
    if (gvk !== undefined) out.push({ gvk, namespaced: path.includes('namespaces/{namespace}') });
  }
  return out;
}
