/** Reading and checking a kustomization file (kustomize.config.k8s.io/v1beta1 Kustomization / v1alpha1 Component). */
import { isMap, resolvePlainV3, scalarText, type YMap, type YValue } from '../yaml/index.js';
import { KustomizeError } from './errors.js';
import { decodeKustomization } from './kustomization-schema.js';

/** Fields this engine builds. */
const SUPPORTED = new Set([
  'apiVersion', 'kind', 'metadata', 'resources', 'bases', 'components', 'namespace', 'namePrefix', 'nameSuffix',
  'commonLabels', 'labels', 'commonAnnotations', 'images', 'replicas', 'configMapGenerator', 'secretGenerator',
  'generatorOptions', 'patches', 'patchesStrategicMerge', 'patchesJson6902', 'sortOptions', 'buildMetadata',
  'replacements', 'imageTags', 'vars', 'configurations', 'crds', 'transformers', 'generators', 'validators', 'openapi',
]);
/** Fields kustomize knows that this engine refuses with a clear error instead of building them wrongly. */
const UNSUPPORTED = new Set([
  'helmCharts', 'helmChartInflationGenerator', 'helmGlobals',
]);

export type Kustomization = YMap;

export function parseKustomization(text: string, file: string): Kustomization {
  const doc = decodeKustomization(text, file);
  checkMapKeys(doc, file);
  if (Object.keys(doc).every((k) => k === 'apiVersion' || k === 'kind')) {
    throw new KustomizeError('invalid-kustomization', `${file}: kustomization.yaml is empty`);
  }
  if (Array.isArray(doc.imageTags)) {
    doc.images = [...(Array.isArray(doc.images) ? doc.images : []), ...doc.imageTags];
    delete doc.imageTags;
  }
  const kind = scalarText(doc.kind) ?? '';
  const apiVersion = scalarText(doc.apiVersion) ?? '';
  if (kind !== '' && kind !== 'Kustomization' && kind !== 'Component') {
    throw new KustomizeError('invalid-kustomization', `invalid Kustomization ${file}: kind should be Kustomization or Component`);
  }
  if (kind === 'Component' && apiVersion !== 'kustomize.config.k8s.io/v1alpha1') {
    throw new KustomizeError('invalid-kustomization', `invalid Kustomization ${file}: apiVersion for Component should be kustomize.config.k8s.io/v1alpha1`);
  }
  for (const k of Object.keys(doc)) {
    if (k === 'helmCharts' || k === 'helmChartInflationGenerator' || k === 'helmGlobals') {
      throw new KustomizeError('not-supported', `${file}: helmCharts are not supported (Flux builds with helm chart inflation disabled)`);
    }
    if (UNSUPPORTED.has(k)) throw new KustomizeError('not-supported', `${file}: the field '${k}' is not supported by this kustomize engine`);
    if (!SUPPORTED.has(k)) throw new KustomizeError('invalid-kustomization', `invalid Kustomization: json: unknown field "${k}" in ${file}`);
  }
  return doc;
}

/**
 * kustomize writes label and annotation keys as untagged YAML scalars, so a key that yaml.v2 turned into
 * `true`, `false` or a number (from `y`, `n`, `on`, `1`...) is read back as a non-string key and the
 * build fails; refuse those keys up front.
 */
function checkMapKeys(doc: YMap, file: string): void {
  const maps: (YValue | undefined)[] = [doc.commonLabels, doc.commonAnnotations];
  for (const l of Array.isArray(doc.labels) ? doc.labels : []) if (isMap(l)) maps.push(l.pairs);
  const opts = (o: YValue | undefined): void => {
    if (isMap(o)) maps.push(o.labels, o.annotations);
  };
  opts(doc.generatorOptions);
  for (const f of ['configMapGenerator', 'secretGenerator']) {
    const list = doc[f];
    for (const g of Array.isArray(list) ? list : []) if (isMap(g)) opts(g.options);
  }
  for (const m of maps) {
    if (!isMap(m)) continue;
    for (const k of Object.keys(m)) {
      if (resolvePlainV3(k) !== 'str') {
        throw new KustomizeError('invalid-kustomization', `${file}: label or annotation key '${k}' is not a string once read as YAML 1.1 (quote it)`);
      }
    }
  }
}

export function stringList(k: Kustomization, field: string, file: string): string[] {
  const v = k[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new KustomizeError('invalid-kustomization', `${file}: '${field}' must be a list`);
  return v.map((x) => {
    const s = scalarText(x);
    if (s === undefined) throw new KustomizeError('invalid-kustomization', `${file}: '${field}' entries must be strings`);
    return s;
  });
}

export function stringMap(v: YValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (isMap(v)) for (const k of Object.keys(v)) out[k] = scalarText(v[k]) ?? '';
  return out;
}
