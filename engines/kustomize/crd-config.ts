/**
 * The `crds` field: kustomize's LoadConfigFromCRDs. Each file is a map of OpenAPI definitions (type name →
 * {Schema: {properties}}) in JSON (when it starts with "{") or YAML. A definition with kind, apiVersion and
 * metadata properties is a kind (named by the part of the type name after its last "."), and its
 * properties, followed through `$ref`s to other definitions of the same file, may carry:
 * - x-kubernetes-annotation: the field gets commonAnnotations;
 * - x-kubernetes-label-selector: the field gets commonLabels;
 * - x-kubernetes-identity: the field gets namePrefix;
 * - x-kubernetes-object-ref-api-version + x-kubernetes-object-ref-kind (+ x-kubernetes-object-ref-name-key,
 *   default "name"): `<field>/<name key>` refers by name to that version and kind (nameReference).
 * Extensions count only with a string value. Nothing here touches strategic-merge keys.
 */
import { isMap, type YMap, type YValue } from '../yaml/index.js';
import { KustomizeError } from './errors.js';
import type { FieldSpec, TransformerConfigData } from './field-spec.js';
import { decodeOpenApiText } from './openapi-schema.js';
import { mergeConfigs } from './transformer-config.js';

type Definitions = Map<string, YMap>;

function schemaOf(def: YValue | undefined): YMap | undefined {
  if (!isMap(def)) return undefined;
  // encoding/json matches the Go field name Schema exactly first, then case-insensitively
  const key = 'Schema' in def ? 'Schema' : Object.keys(def).find((k) => k.toLowerCase() === 'schema');
  const s = key === undefined ? undefined : def[key];
  return isMap(s) ? s : undefined;
}

function parseDefinitions(text: string, file: string): Definitions {
  const fail = (msg: string): never => {
    throw new KustomizeError('invalid-resource', `unable to parse open API definition from '${file}': ${msg}`);
  };
  const doc = decodeOpenApiText(text, file, fail);
  const out: Definitions = new Map();
  if (doc === null) return out;
  if (!isMap(doc)) return fail('not a map of definitions');
  for (const name of Object.keys(doc)) {
    const def = doc[name] as YValue;
    if (def === null) continue;
    if (!isMap(def)) fail(`definition ${name} is not a map`);
    const schema = schemaOf(def);
    if (schema && schema.properties !== undefined && schema.properties !== null && !isMap(schema.properties)) {
      fail(`properties of ${name} is not a map`);
    }
    out.set(name, schema ?? {});
  }
  return out;
}

function propertiesOf(schema: YMap | undefined): YMap {
  return isMap(schema?.properties) ? schema.properties : {};
}

function looksLikeKind(schema: YMap): boolean {
  const p = propertiesOf(schema);
  return 'kind' in p && 'apiVersion' in p && 'metadata' in p;
}

function ext(prop: YMap, key: string): string | undefined {
  const v = prop[key];
  return typeof v === 'string' ? v : undefined;
}

interface Acc {
  commonAnnotations: FieldSpec[];
  commonLabels: FieldSpec[];
  namePrefix: FieldSpec[];
  nameReference: { kind: string; version?: string; fieldSpecs: FieldSpec[] }[];
}

function walk(defs: Definitions, acc: Acc, kind: string, typeName: string, path: string[], depth: number): void {
  if (depth > 64) throw new KustomizeError('invalid-resource', `CRD definition ${typeName} refers to itself`);
  const schema = defs.get(typeName);
  if (!schema) return;
  const props = propertiesOf(schema);
  for (const propName of Object.keys(props)) {
    const prop = props[propName];
    if (!isMap(prop)) continue;
    const at = (...p: string[]): FieldSpec => ({ kind, path: [...path, ...p].join('/') });
    if (ext(prop, 'x-kubernetes-annotation') !== undefined) acc.commonAnnotations.push(at(propName));
    if (ext(prop, 'x-kubernetes-label-selector') !== undefined) acc.commonLabels.push(at(propName));
    if (ext(prop, 'x-kubernetes-identity') !== undefined) acc.namePrefix.push(at(propName));
    const version = ext(prop, 'x-kubernetes-object-ref-api-version');
    const refKind = ext(prop, 'x-kubernetes-object-ref-kind');
    if (version !== undefined && refKind !== undefined) {
      const nameKey = ext(prop, 'x-kubernetes-object-ref-name-key') ?? 'name';
      const ref: { kind: string; version?: string; fieldSpecs: FieldSpec[] } = { kind: refKind, fieldSpecs: [at(propName, nameKey)] };
      if (version) ref.version = version;
      acc.nameReference.push(ref);
    }
    const r = prop.$ref;
    if (typeof r === 'string' && r !== '') walk(defs, acc, kind, r, [...path, propName], depth + 1);
  }
}

/** One file's config: every kind-like definition walked separately, then merged. */
function configFromDefinitions(defs: Definitions): TransformerConfigData {
  let result: TransformerConfigData = {};
  for (const [name, schema] of defs) {
    if (!looksLikeKind(schema)) continue;
    const kind = name.split('.').pop() ?? name;
    const acc: Acc = { commonAnnotations: [], commonLabels: [], namePrefix: [], nameReference: [] };
    walk(defs, acc, kind, name, [], 0);
    // the Add* calls merge one spec at a time into an empty config; mergeConfigs does the same
    let one: TransformerConfigData = {};
    for (const [key, list] of Object.entries(acc) as [keyof Acc, Acc[keyof Acc]][]) {
      for (const x of list) one = mergeConfigs(one, key === 'nameReference' ? { nameReference: [x as Acc['nameReference'][number]] } : { [key]: [x as FieldSpec] });
    }
    result = mergeConfigs(result, one);
  }
  return result;
}

/** LoadConfigFromCRDs over the listed files (read with `read`, relative to the kustomization). */
export function configFromCrds(files: readonly { path: string; text: string }[]): TransformerConfigData {
  let tc: TransformerConfigData = {};
  for (const f of files) tc = mergeConfigs(tc, configFromDefinitions(parseDefinitions(f.text, f.path)));
  return tc;
}
