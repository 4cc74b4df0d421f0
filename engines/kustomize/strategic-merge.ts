/**
 * Strategic merge patch with kyaml merge2 semantics as kustomize runs it (ListIncreaseDirection: prepend):
 * maps merge recursively, `null` deletes, `$patch: delete|replace`; lists whose builtin Kubernetes schema
 * says `merge` merge by their key with the patch's elements first; every other list (and every list of a
 * kind without a schema) is replaced. kyaml knows no other directive: `$setElementOrder/…`, `$retainKeys`
 * and `$deleteFromPrimitiveList/…` are plain fields to it, so they are merged and printed as such.
 */
import { deepEqual, isMap, scalarText, type YMap, type YValue } from '../yaml/index.js';
import { patchSchema } from './data/patch-schema.js';
import { mergeByKeys } from './multi-key-merge.js';
import type { Gvk } from './field-spec.js';
import { activePatchSchema } from './openapi-schema.js';
import type { PatchSchemaData } from './patch-schema-types.js';

type Schema = string | undefined; // a definition name

/** The schema of this merge: the builtin one, or the `openapi` one (see openapi-schema.ts). */
let data: PatchSchemaData = patchSchema;

export function schemaForGvk(gvk: Gvk): Schema {
  return data.gvk[`${gvk.group}/${gvk.version}/${gvk.kind}`];
}

/** Applies `patch` to `target` (mutating and returning it); returns undefined when the patch deletes it. */
export function strategicMerge(target: YMap, patch: YMap, gvk: Gvk): YMap | undefined {
  data = activePatchSchema();
  const directive = scalarText(patch.$patch);
  if (directive === 'delete') return undefined;
  if (directive === 'replace') return stripDirectives(patch) as YMap;
  return mergeMap(target, patch, schemaForGvk(gvk));
}

function mergeMap(dest: YMap, patch: YMap, schema: Schema): YMap {
  for (const key of Object.keys(patch)) {
    if (key === '$patch') continue;
    const pv = patch[key] as YValue;
    const prop = schema ? data.definitions[schema]?.[key] : undefined;
    if (pv === null) {
      delete dest[key];
      continue;
    }
    const dv = dest[key];
    if (isMap(pv)) {
      const d = scalarText(pv.$patch);
      if (d === 'delete') {
        delete dest[key];
        continue;
      }
      if (d === 'replace') {
        dest[key] = stripDirectives(pv);
        continue;
      }
      const childSchema = prop?.r;
      dest[key] = isMap(dv) ? mergeMap(dv, pv, childSchema) : mergeMap({}, pv, childSchema);
      continue;
    }
    if (Array.isArray(pv)) {
      dest[key] = Array.isArray(dv) ? mergeList(dv, pv, prop?.l ? prop : undefined) : stripList(pv);
      continue;
    }
    dest[key] = pv;
  }
  return dest;
}

function mergeList(dest: YValue[], patch: YValue[], prop: { r?: string; k?: string; s?: string; ks?: readonly string[] } | undefined): YValue[] {
  // kustomize merges with kyaml merge2 without list inference: only a schema 'merge' strategy makes a
  // list associative; every other list is replaced by the patch's.
  const associative = prop?.s?.split(',').includes('merge') ?? false;
  if (associative && prop?.ks && prop.ks.length > 1) {
    const itemSchema = prop.r;
    return mergeByKeys(dest, patch, prop.ks, (d, p) => {
      if (!p) return d;
      const dir = scalarText(p.$patch);
      if (dir === 'delete') return undefined;
      if (dir === 'replace') return stripDirectives(p);
      return mergeMap(d ?? {}, p, itemSchema);
    });
  }
  const key = prop?.k;
  if (patch.some((p) => isMap(p) && scalarText(p.$patch) === 'replace' && Object.keys(p).length === 1)) {
    return stripList(patch.filter((p) => !(isMap(p) && scalarText(p.$patch) === 'replace' && Object.keys(p).length === 1)));
  }
  if (!associative) return stripList(patch);
  if (!key) {
    // primitive list merged as a set: patch values first, then the rest of the destination
    const out: YValue[] = [];
    for (const v of patch) if (!out.some((o) => deepEqual(o, v))) out.push(v);
    for (const v of dest) if (!out.some((o) => deepEqual(o, v))) out.push(v);
    return out;
  }
  const keyOf = (v: YValue): string | undefined => (isMap(v) ? scalarText(v[key as string]) : undefined);
  const out: YValue[] = [];
  const used = new Set<number>();
  for (const p of patch) {
    const k = keyOf(p);
    const idx = dest.findIndex((d, i) => !used.has(i) && k !== undefined && keyOf(d) === k);
    if (idx >= 0) used.add(idx);
    if (isMap(p) && scalarText(p.$patch) === 'delete') continue;
    if (isMap(p) && scalarText(p.$patch) === 'replace') {
      out.push(stripDirectives(p));
      continue;
    }
    const d = idx >= 0 ? dest[idx] : undefined;
    out.push(isMap(p) ? mergeMap(isMap(d) ? d : {}, p, prop?.r) : p);
  }
  dest.forEach((d, i) => {
    if (!used.has(i)) out.push(d);
  });
  return out;
}

function stripList(list: YValue[]): YValue[] {
  return list.filter((v) => !(isMap(v) && scalarText(v.$patch) === 'delete')).map((v) => stripDirectives(v));
}

function stripDirectives(v: YValue): YValue {
  if (Array.isArray(v)) return stripList(v);
  if (!isMap(v)) return v;
  const out: YMap = {};
  for (const k of Object.keys(v)) {
    if (k === '$patch') continue;
    const x = v[k] as YValue;
    if (x === null) continue;
    out[k] = stripDirectives(x);
  }
  return out;
}
