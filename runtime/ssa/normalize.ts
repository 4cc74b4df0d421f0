/**
 * Normalisation before apply (fluxcd/pkg ssa SetNativeKindsDefaults and friends): what the API server
 * would default or fold anyway, so the dry-run result compares equal to the live object.
 */
import type { KubeObject } from '../client/index.js';

type Json = Record<string, unknown>;

function isObj(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function defaultPortProtocols(ports: unknown): void {
  if (!Array.isArray(ports)) return;
  for (const p of ports) if (isObj(p) && p['protocol'] === undefined) p['protocol'] = 'TCP';
}

function normalizePodSpec(spec: unknown): void {
  if (!isObj(spec)) return;
  for (const key of ['containers', 'initContainers', 'ephemeralContainers']) {
    const list = spec[key];
    if (!Array.isArray(list)) continue;
    for (const c of list) if (isObj(c)) defaultPortProtocols(c['ports']);
  }
}

/** The pod spec inside a workload, wherever the kind keeps it. */
function podSpecOf(obj: Json): unknown {
  const spec = obj['spec'];
  if (!isObj(spec)) return undefined;
  switch (obj['kind']) {
    case 'Pod':
      return spec;
    case 'CronJob': {
      const jt = spec['jobTemplate'];
      return isObj(jt) && isObj(jt['spec']) && isObj(jt['spec']['template'])
        ? jt['spec']['template']['spec']
        : undefined;
    }
    default:
      return isObj(spec['template']) ? spec['template']['spec'] : undefined;
  }
}

/** Secret `stringData` folded into base64 `data` (stringData wins, as the API server does). */
function foldStringData(obj: Json): void {
  const sd = obj['stringData'];
  if (!isObj(sd)) return;
  const data = isObj(obj['data']) ? obj['data'] : {};
  for (const [k, v] of Object.entries(sd)) data[k] = Buffer.from(String(v), 'utf8').toString('base64');
  obj['data'] = data;
  delete obj['stringData'];
}

/** Returns a normalised deep copy of a desired object. */
export function normalize(input: KubeObject): KubeObject {
  const obj = structuredClone(input) as KubeObject & Json;
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
  if (obj.kind === 'Secret' && group === '') foldStringData(obj);
  if (obj.kind === 'Service' && group === '' && isObj(obj['spec']))
    defaultPortProtocols(obj['spec']['ports']);
  normalizePodSpec(podSpecOf(obj));
  if (obj.kind !== 'CustomResourceDefinition') delete obj['status'];
  if (obj.metadata.creationTimestamp === null || obj.metadata.creationTimestamp === undefined) {
    delete obj.metadata.creationTimestamp;
  }
  return obj;
}
