/** Reading and checking a kustomization file (kustomize.config.k8s.io/v1beta1 Kustomization / v1alpha1 Component). */
import { isMap, parseYaml, scalarText, type YMap, type YValue } from '../yaml/index.js';
import { KustomizeError } from './errors.js';

/** Fields this engine builds. */
const SUPPORTED = new Set([
  'apiVersion', 'kind', 'metadata', 'resources', 'bases', 'components', 'namespace', 'namePrefix', 'nameSuffix',
  'commonLabels', 'labels', 'commonAnnotations', 'images', 'replicas', 'configMapGenerator', 'secretGenerator',
  'generatorOptions', 'patches', 'patchesStrategicMerge', 'patchesJson6902', 'sortOptions', 'buildMetadata',
]);
/** Fields kustomize knows that this engine refuses with a clear error instead of building them wrongly. */
const UNSUPPORTED = new Set([
  'helmCharts', 'helmChartInflationGenerator', 'helmGlobals', 'vars', 'replacements', 'crds', 'openapi',
  'configurations', 'transformers', 'generators', 'validators', 'imageTags',
]);

export type Kustomization = YMap;

export function parseKustomization(text: string, file: string): Kustomization {
  let doc: YValue;
  try {
    doc = parseYaml(text, file);
  } catch (err) {
    throw new KustomizeError('invalid-kustomization', `invalid Kustomization ${file}: ${(err as Error).message}`);
  }
  if (doc === null) return {};
  if (!isMap(doc)) throw new KustomizeError('invalid-kustomization', `invalid Kustomization ${file}: not a map`);
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
