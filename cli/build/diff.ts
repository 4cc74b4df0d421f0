/**
 * `sluice diff kustomization`: each built object is server-side dry-run applied as the
 * kustomize-controller would and compared with the live object (fluxcd/pkg ssa drift rules); objects
 * in the inventory that are no longer built are reported deleted. Secret values never appear: they
 * are replaced with `***`, or `*** (before)` / `*** (after)` when they differ.
 */
import { stringify } from 'yaml';
import type { KubeClient, KubeObject } from '../../runtime/client/index.js';
import { hasDrifted, subjectOf } from '../../runtime/ssa/index.js';
import type { KustomizationDoc } from './kustomization.js';

export type DiffAction = 'created' | 'drifted' | 'deleted';

export interface DiffEntry {
  readonly subject: string;
  readonly action: DiffAction;
  /** For `drifted`: the changed fields, dyff-style. */
  readonly detail?: string;
}

const EXCLUDE_LABEL = 'kustomize.toolkit.fluxcd.io/reconcile';

function excluded(o: KubeObject | undefined): boolean {
  const m = o?.metadata;
  return m?.labels?.[EXCLUDE_LABEL] === 'disabled' || m?.annotations?.[EXCLUDE_LABEL] === 'disabled';
}

/** fluxcd/pkg ssa SanitizeUnstructuredData: Secret values masked in both objects. */
export function maskSecrets(live: KubeObject, merged: KubeObject): [KubeObject, KubeObject] {
  if (live.kind !== 'Secret' || live.apiVersion !== 'v1') return [live, merged];
  const l: KubeObject = { ...live };
  const m: KubeObject = { ...merged };
  for (const field of ['data', 'stringData']) {
    const a = (live[field] ?? {}) as Record<string, unknown>;
    const b = (merged[field] ?? {}) as Record<string, unknown>;
    const la: Record<string, string> = {};
    const mb: Record<string, string> = {};
    for (const k of Object.keys(a)) la[k] = k in b && b[k] === a[k] ? '***' : '*** (before)';
    for (const k of Object.keys(b)) mb[k] = k in a && a[k] === b[k] ? '***' : '*** (after)';
    if (live[field] !== undefined) l[field] = la;
    if (merged[field] !== undefined) m[field] = mb;
  }
  return [l, m];
}

/** The object as compared: server-managed metadata and status left out. */
function comparable(o: KubeObject): Record<string, unknown> {
  const meta: Record<string, unknown> = { ...o.metadata };
  for (const k of ['managedFields', 'resourceVersion', 'generation', 'uid', 'creationTimestamp']) delete meta[k];
  const out: Record<string, unknown> = { ...o, metadata: meta };
  delete out['status'];
  return out;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function block(prefix: string, v: unknown): string[] {
  const text = v === undefined ? '<none>' : stringify(v).trimEnd();
  return text.split('\n').map((l) => `    ${prefix} ${l}`);
}

/** The changed leaves between two JSON values, as `path` headers with `-`/`+` YAML blocks. */
export function fieldDiff(a: unknown, b: unknown, path: string[] = [], out: string[] = []): string[] {
  if (isMap(a) && isMap(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) fieldDiff(a[k], b[k], [...path, k], out);
    return out;
  }
  if (JSON.stringify(a) === JSON.stringify(b)) return out;
  const at = path.join('.') || '(root)';
  out.push(at);
  if (a === undefined) out.push('  + one map entry added:', ...block('+', b));
  else if (b === undefined) out.push('  - one map entry removed:', ...block('-', a));
  else out.push('  ± value change', ...block('-', a), ...block('+', b));
  out.push('');
  return out;
}

function inventoryId(o: KubeObject): string {
  const slash = o.apiVersion.indexOf('/');
  const group = slash >= 0 ? o.apiVersion.slice(0, slash) : '';
  return `${o.metadata.namespace ?? ''}_${o.metadata.name ?? ''}_${group}_${o.kind}`;
}

function subjectOfId(id: string): string {
  const [ns = '', name = '', , kind = ''] = id.split('_');
  // Names may not contain '_', but a namespace-less id starts with '_'.
  return ns ? `${kind}/${ns}/${name}` : `${kind}/${name}`;
}

export interface DiffResult {
  readonly entries: DiffEntry[];
  readonly errors: string[];
}

/** Dry-runs every object against the cluster and collects the differences (errors do not stop it). */
export async function diffObjects(
  kube: KubeClient,
  ks: KustomizationDoc,
  objects: readonly KubeObject[],
  onProgress?: (done: number, total: number) => void,
): Promise<DiffResult> {
  const entries: DiffEntry[] = [];
  const errors: string[] = [];
  const built = new Set<string>();
  let done = 0;
  for (const obj of objects) {
    built.add(inventoryId(obj));
    onProgress?.(++done, objects.length);
    if (excluded(obj)) continue;
    try {
      const ref = { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name ?? '', namespace: obj.metadata.namespace || undefined };
      const live = await kube.getOrUndefined(ref);
      if (excluded(live)) continue;
      const dry = await kube.apply(obj, { dryRun: true, force: true, fieldManager: 'kustomize-controller' });
      if (!live) {
        entries.push({ subject: subjectOf(obj), action: 'created' });
        continue;
      }
      if (!hasDrifted(live, dry)) continue;
      const [l, m] = maskSecrets(live, dry);
      const detail = fieldDiff(comparable(l), comparable(m)).join('\n');
      entries.push({ subject: subjectOf(obj), action: 'drifted', detail });
    } catch (err) {
      errors.push(`${subjectOf(obj)} dry-run failed: ${(err as Error).message}`);
    }
  }
  if (ks.spec?.prune && errors.length === 0) {
    const gone = (ks.status?.inventory?.entries ?? []).map((e) => e.id).filter((id) => !built.has(id));
    for (const id of gone.sort()) entries.push({ subject: subjectOfId(id), action: 'deleted' });
  }
  return { entries, errors };
}

/** Flux's report: `► <subject> created|drifted|deleted`, drift followed by the changed fields. */
export function renderDiff(entries: readonly DiffEntry[]): string {
  return entries
    .map((e) => `► ${e.subject} ${e.action}\n${e.action === 'drifted' && e.detail ? `\n${e.detail}\n` : ''}`)
    .join('');
}
