/**
 * Flux's export format: every object as sigs.k8s.io/yaml prints a Go struct (keys sorted, 2-space
 * indent), each document preceded by `---`, keeping only apiVersion, kind, metadata
 * (name, namespace, labels, annotations) and spec (plus data/stringData/type for Secrets).
 */
import { jsonToYaml, YScalar, type YValue } from '../../engines/yaml/index.js';
import type { KubeObject } from '../../runtime/client/index.js';

/** Plain JSON → the YAML engine's value model (numbers and booleans keep their JSON text). */
export function toYValue(v: unknown): YValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return new YScalar(Number.isInteger(v) ? 'int' : 'float', String(v));
  if (typeof v === 'boolean') return new YScalar('bool', v ? 'true' : 'false');
  if (Array.isArray(v)) return v.map(toYValue);
  const out: Record<string, YValue> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>))
    if (x !== undefined) out[k] = toYValue(x);
  return out;
}

/** apiVersion, kind, metadata.{name,namespace,labels,annotations} and the payload fields. */
export function cleanForExport(obj: KubeObject): Record<string, unknown> {
  const o = obj as KubeObject & Record<string, unknown>;
  const md = obj.metadata ?? {};
  const metadata: Record<string, unknown> = { name: md.name };
  if (md.namespace) metadata.namespace = md.namespace;
  if (md.labels && Object.keys(md.labels).length > 0) metadata.labels = md.labels;
  const annotations = Object.fromEntries(
    Object.entries(md.annotations ?? {}).filter(
      ([k]) => k !== 'kubectl.kubernetes.io/last-applied-configuration',
    ),
  );
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  const out: Record<string, unknown> = { apiVersion: obj.apiVersion, kind: obj.kind, metadata };
  for (const k of ['spec', 'data', 'stringData', 'type'] as const) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/** `---` separated documents, as `flux create … --export` and `flux export` print them. */
export function exportYaml(objs: readonly KubeObject[]): string {
  return objs.map((o) => '---\n' + jsonToYaml(toYValue(cleanForExport(o)))).join('');
}
