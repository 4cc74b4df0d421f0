/** The builtin transformers kustomize runs per kustomization, in its order. */
import { intScalar, isMap, scalarText, type YMap, type YValue } from '../yaml/index.js';
import { defaultTransformerConfig } from './data/field-specs.js';
import { KustomizeError } from './errors.js';
import { type FieldSpec, gvkSelected, splitPath, visitField } from './field-spec.js';
import { stringMap } from './kustomization.js';
import { idString, isClusterScoped, type Resource } from './resource.js';

const cfg = defaultTransformerConfig;

function specsFor(r: Resource, specs: readonly FieldSpec[] | undefined): FieldSpec[] {
  const gvk = r.gvk;
  return (specs ?? []).filter((fs) => gvkSelected(gvk, fs));
}

function pathOf(fs: FieldSpec): string[] {
  return splitPath(fs.path.replaceAll('[]', ''));
}

export function applyNamespace(resources: Resource[], ns: string): void {
  if (!ns) return;
  for (const r of resources) {
    r.storePreviousId();
    const gvk = r.gvk;
    if (!isClusterScoped(gvk)) r.ensureMeta().namespace = ns;
    for (const fs of specsFor(r, cfg.namespace)) {
      if (fs.path === 'metadata/namespace') continue;
      if (fs.path === 'metadata/name' && r.apiVersion !== 'v1') continue;
      if ((gvk.kind === 'RoleBinding' || gvk.kind === 'ClusterRoleBinding') && fs.path === 'subjects') continue;
      visitField(r.obj, pathOf(fs), fs.create ?? false, (_v, parent, key) => {
        parent[key] = ns;
      }, () => ns);
    }
    if (gvk.kind === 'RoleBinding' || gvk.kind === 'ClusterRoleBinding') {
      const subjects = r.obj.subjects;
      if (Array.isArray(subjects)) {
        for (const s of subjects) if (isMap(s) && scalarText(s.name) === 'default') s.namespace = ns;
      }
    }
  }
  const seen = new Set<string>();
  for (const r of resources) {
    const key = r.idKey();
    if (seen.has(key)) {
      throw new KustomizeError('id-conflict', `namespace transformation produces ID conflict: ${idString(r.curId())}`);
    }
    seen.add(key);
  }
}

const PREFIX_SKIP = (r: Resource): boolean => {
  const id = r.orgId().gvk;
  return id.kind === 'CustomResourceDefinition' || id.kind === 'Namespace' ||
    (id.kind === 'APIService' && id.group === 'apiregistration.k8s.io');
};

export function applyPrefixSuffix(resources: Resource[], prefix: string, suffix: string): void {
  for (const [value, isPrefix] of [[prefix, true], [suffix, false]] as const) {
    if (!value) continue;
    for (const r of resources) {
      if (PREFIX_SKIP(r)) continue;
      r.storePreviousId();
      if (isPrefix) r.prefixes.push(value);
      else r.suffixes.push(value);
      r.name = isPrefix ? value + r.name : r.name + value;
    }
  }
}

function setStringMap(r: Resource, specs: readonly FieldSpec[], values: Record<string, string>): void {
  for (const fs of specsFor(r, specs)) {
    visitField(r.obj, pathOf(fs), fs.create ?? false, (v, parent, key) => {
      let m = v;
      if (!isMap(m)) {
        if (m !== null && m !== undefined) return;
        m = {};
        parent[key] = m;
      }
      for (const [k, val] of Object.entries(values)) (m as YMap)[k] = val;
    }, () => ({}));
  }
}

export function applyLabels(resources: Resource[], k: YMap): void {
  const common = stringMap(k.commonLabels);
  const labelSets: { values: Record<string, string>; specs: FieldSpec[] }[] = [];
  if (Object.keys(common).length) labelSets.push({ values: common, specs: [...(cfg.commonLabels ?? [])] });
  for (const l of Array.isArray(k.labels) ? k.labels : []) {
    if (!isMap(l)) continue;
    const values = stringMap(l.pairs);
    let specs: FieldSpec[] = [];
    if (scalarText(l.includeSelectors) === 'true') specs = [...(cfg.commonLabels ?? [])];
    else {
      if (scalarText(l.includeTemplates) === 'true') specs = [...(cfg.templateLabels ?? [])];
      if (!specs.some((s) => s.path === 'metadata/labels' && !s.kind)) specs.push({ path: 'metadata/labels', create: true });
    }
    for (const f of Array.isArray(l.fields) ? l.fields : []) {
      if (isMap(f)) specs.push(fieldSpecOf(f));
    }
    labelSets.push({ values, specs });
  }
  for (const { values, specs } of labelSets) for (const r of resources) setStringMap(r, specs, values);
}

function fieldSpecOf(f: YMap): FieldSpec {
  return {
    path: scalarText(f.path) ?? '',
    group: scalarText(f.group),
    version: scalarText(f.version),
    kind: scalarText(f.kind),
    create: scalarText(f.create) === 'true',
  };
}

export function applyAnnotations(resources: Resource[], k: YMap): void {
  const values = stringMap(k.commonAnnotations);
  if (Object.keys(values).length === 0) return;
  for (const r of resources) setStringMap(r, cfg.commonAnnotations ?? [], values);
}

export function applyReplicas(resources: Resource[], k: YMap): void {
  for (const rep of Array.isArray(k.replicas) ? k.replicas : []) {
    if (!isMap(rep)) continue;
    const name = scalarText(rep.name) ?? '';
    const count = scalarText(rep.count) ?? '0';
    for (const r of resources) {
      if (r.name !== name && !r.prevIds.some((p) => p.name === name)) continue;
      for (const fs of specsFor(r, cfg.replicas)) {
        visitField(r.obj, pathOf(fs), fs.create ?? false, (_v, parent, key) => {
          parent[key] = intScalar(Number(count));
        }, () => null);
      }
    }
  }
}

/** Splits "registry/name:tag@digest" like kustomize's image.Split. */
function splitImage(image: string): { name: string; tag: string; digest: string } {
  let name = image;
  let digest = '';
  const at = name.indexOf('@');
  if (at >= 0) {
    digest = name.slice(at + 1);
    name = name.slice(0, at);
  }
  let tag = '';
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
  }
  return { name, tag, digest };
}

export function applyImages(resources: Resource[], k: YMap): void {
  for (const img of Array.isArray(k.images) ? k.images : []) {
    if (!isMap(img)) continue;
    const name = scalarText(img.name) ?? '';
    const newName = scalarText(img.newName) ?? '';
    const newTag = scalarText(img.newTag) ?? '';
    const digest = scalarText(img.digest) ?? '';
    for (const r of resources) {
      for (const fs of specsFor(r, cfg.images)) {
        visitField(r.obj, pathOf(fs), false, (v, parent, key) => {
          const cur = scalarText(v as YValue);
          if (cur === undefined || typeof v === 'object' && v !== null && !('tag' in v)) return;
          const parts = splitImage(cur);
          if (parts.name !== name) return;
          let out = newName || parts.name;
          if (digest) out += '@' + digest;
          else if (newTag) out += ':' + newTag;
          else if (parts.tag) out += ':' + parts.tag + (parts.digest ? '@' + parts.digest : '');
          else if (parts.digest) out += '@' + parts.digest;
          parent[key] = out;
        });
      }
    }
  }
}
