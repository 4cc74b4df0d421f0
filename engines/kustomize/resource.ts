/**
 * A resource in the build plus the bookkeeping kustomize keeps in build annotations: previous ids (for
 * name back-references), the name prefixes/suffixes applied, and generator behaviour.
 */
import { isMap, scalarText, type YMap, type YValue } from '../yaml/index.js';
import { clusterScopedTypes } from './data/cluster-scoped.js';
import type { Gvk } from './field-spec.js';
import { customClusterScoped } from './openapi-schema.js';

export interface ResId {
  readonly gvk: Gvk;
  readonly name: string;
  readonly namespace: string;
}

export type GenerationBehavior = 'create' | 'merge' | 'replace' | 'unspecified';

export class Resource {
  /** Previous ids, oldest first (kustomize's internal.config.kubernetes.io/previous* annotations). */
  prevIds: ResId[] = [];
  prefixes: string[] = [];
  suffixes: string[] = [];
  /** Set for generated ConfigMaps/Secrets. */
  generated: { behavior: GenerationBehavior; needsHash: boolean } | undefined;
  refVarNames: string[] = [];

  constructor(public obj: YMap) {}

  clone(): Resource {
    const r = new Resource(structuredCloneY(this.obj));
    r.prevIds = [...this.prevIds];
    r.prefixes = [...this.prefixes];
    r.suffixes = [...this.suffixes];
    r.generated = this.generated ? { ...this.generated } : undefined;
    return r;
  }

  get apiVersion(): string {
    return scalarText(this.obj.apiVersion) ?? '';
  }
  get kind(): string {
    return scalarText(this.obj.kind) ?? '';
  }
  private gvkMemo: { av: string; kind: string; gvk: Gvk } | undefined;
  get gvk(): Gvk {
    const av = this.apiVersion;
    const kind = this.kind;
    const m = this.gvkMemo;
    if (m && m.av === av && m.kind === kind) return m.gvk;
    const gvk = parseGvk(av, kind);
    this.gvkMemo = { av, kind, gvk };
    return gvk;
  }
  /** A string equal for two resources exactly when idEquals holds for their current ids. */
  idKey(): string {
    const id = this.curId();
    return `${id.gvk.group}|${id.gvk.version}|${id.gvk.kind}|${id.name}|${effectiveNamespace(id)}`;
  }
  private get meta(): YMap | undefined {
    const m = this.obj.metadata;
    return isMap(m) ? m : undefined;
  }
  get name(): string {
    return scalarText(this.meta?.name) ?? '';
  }
  set name(v: string) {
    this.ensureMeta().name = v;
  }
  get namespace(): string {
    return scalarText(this.meta?.namespace) ?? '';
  }
  ensureMeta(): YMap {
    let m = this.obj.metadata;
    if (!isMap(m)) {
      m = {};
      this.obj.metadata = m;
    }
    return m;
  }
  stringMap(field: 'labels' | 'annotations'): Record<string, string> {
    const m = this.meta?.[field];
    const out: Record<string, string> = {};
    if (isMap(m)) for (const k of Object.keys(m)) out[k] = scalarText(m[k]) ?? '';
    return out;
  }
  /** kustomize holds labels and annotations as map[string]string: every value becomes its text. */
  stringifyMeta(): void {
    const meta = this.obj.metadata;
    if (!isMap(meta)) return;
    for (const f of ['labels', 'annotations'] as const) {
      const m = meta[f];
      if (!isMap(m)) continue;
      for (const k of Object.keys(m)) m[k] = scalarText(m[k]) ?? '';
    }
  }
  curId(): ResId {
    return { gvk: this.gvk, name: this.name, namespace: this.namespace };
  }
  orgId(): ResId {
    return this.prevIds[0] ?? this.curId();
  }
  storePreviousId(): void {
    const id = this.curId();
    this.prevIds.push({ gvk: id.gvk, name: id.name, namespace: effectiveNamespace(id) });
  }
}

function structuredCloneY(m: YMap): YMap {
  return cloneValue(m) as YMap;
}

function cloneValue(v: YValue): YValue {
  if (Array.isArray(v)) return v.map(cloneValue);
  if (isMap(v)) {
    const o: YMap = {};
    for (const k of Object.keys(v)) o[k] = cloneValue(v[k] as YValue);
    return o;
  }
  return v;
}

const gvkCache = new Map<string, Gvk>();

export function parseGvk(apiVersion: string, kind: string): Gvk {
  const key = apiVersion + ' ' + kind;
  let g = gvkCache.get(key);
  if (g === undefined) {
    const i = apiVersion.indexOf('/');
    g = Object.freeze(i >= 0
      ? { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1), kind }
      : { group: '', version: apiVersion, kind });
    if (gvkCache.size < 10000) gvkCache.set(key, g);
  }
  return g;
}

export function isClusterScoped(gvk: Gvk): boolean {
  return clusterScopedTypes.has(gvk.group ? `${gvk.group}/${gvk.version} ${gvk.kind}` : `${gvk.version} ${gvk.kind}`) ||
    customClusterScoped(gvk);
}

export function effectiveNamespace(id: ResId): string {
  if (isClusterScoped(id.gvk)) return '';
  return id.namespace === '' ? 'default' : id.namespace;
}

export function gvkString(g: Gvk): string {
  return `${g.kind || '[noKind]'}.${g.version || '[noVer]'}.${g.group || '[noGrp]'}`;
}

/** kustomize's ResId.String(): `Kind.version.group/name.namespace`. */
export function idString(id: ResId): string {
  return `${gvkString(id.gvk)}/${id.name || '[noName]'}.${id.namespace || '[noNs]'}`;
}

export function gvkEquals(a: Gvk, b: Gvk): boolean {
  return a.group === b.group && a.version === b.version && a.kind === b.kind;
}

/** ResId.Equals: same gvk, name and effective namespace. */
export function idEquals(a: ResId, b: ResId): boolean {
  return gvkEquals(a.gvk, b.gvk) && a.name === b.name && effectiveNamespace(a) === effectiveNamespace(b);
}
