/**
 * chartutil.CoalesceValues for a chart's own values: user values win over the chart's defaults,
 * tables merge recursively, and a user `null` deletes the chart's key. Subchart values are passed
 * down as the user supplied them under the subchart's name, merged over its own defaults, with
 * `global` copied into every subchart.
 */
import { deepCopyValue } from '../sprig/dicts.js';
import { mapEntries } from '../gotemplate/value.js';
import type { GoMap, GoValue } from '../gotemplate/value.js';
import type { HelmChart } from './render.js';

function isTable(v: GoValue | undefined): v is GoMap {
  return v instanceof Map;
}

/**
 * Helm's coalesceTablesFullKey: chart defaults `src` under user values `dst` (mutated). Every user
 * null in a nested table removes its key, whether or not the chart has it.
 */
function coalesceTables(dst: GoMap, src: GoMap): void {
  const nulls = [...dst].filter(([, v]) => v === null).map(([k]) => k);
  for (const k of nulls) dst.delete(k);
  for (const [key, val] of src) {
    if (nulls.includes(key)) continue;
    if (!dst.has(key)) dst.set(key, deepCopyValue(val));
    else {
      const dv = dst.get(key) ?? null;
      if (isTable(dv) && isTable(val)) coalesceTables(dv, val);
    }
  }
}

/** Helm's coalesceValues for one chart level: a user null removes a key the chart defines. */
function coalesceTop(v: GoMap, chartValues: GoMap): void {
  for (const [key, val] of chartValues) {
    if (!v.has(key)) {
      v.set(key, deepCopyValue(val));
      continue;
    }
    const value = v.get(key) ?? null;
    if (value === null) v.delete(key);
    else if (isTable(value) && isTable(val)) coalesceTables(value, val);
  }
}

/**
 * The `.Values` a chart renders with: `chartValues` (values.yaml) coalesced under `userValues`.
 * Both are Go values as decoded from YAML (see engines/yaml/go-yaml-v2-unmarshal.ts).
 */
export function coalesceValues(chart: HelmChart & { readonly values?: GoValue }, userValues: GoValue): GoMap {
  // A nil map (an empty values file) reads as an empty table.
  const v = deepCopyValue(mapEntries(userValues) ?? new Map<string, GoValue>()) as GoMap;
  coalesceTop(v, mapEntries(chart.values ?? null) ?? new Map<string, GoValue>());
  for (const dep of chart.dependencies ?? []) {
    const name = dep.metadata.name;
    const sub = mapEntries(v.get(name) ?? null) ?? new Map<string, GoValue>();
    const global = mapEntries(v.get('global') ?? null);
    const merged = coalesceValues(dep as HelmChart & { readonly values?: GoValue }, sub);
    if (global !== undefined) {
      const g = mapEntries(merged.get('global') ?? null) ?? new Map<string, GoValue>();
      for (const [k, x] of global) if (!g.has(k)) g.set(k, x);
      merged.set('global', g);
    }
    v.set(name, merged);
  }
  return v;
}
