/**
 * The object tree flux tree prints: a Kustomization's inventory (`<ns>_<name>_<group>_<kind>` ids),
 * recursing into child Kustomizations and into HelmReleases through their Helm storage Secret.
 */
import { gunzipSync } from 'node:zlib';
import { parseAllDocuments } from 'yaml';
import type { KubeClient, KubeObject } from '../../runtime/client/index.js';

export interface ObjMetadata {
  readonly Namespace: string;
  readonly Name: string;
  readonly GroupKind: { readonly Group: string; readonly Kind: string };
}

export interface ObjTree {
  readonly resource: ObjMetadata;
  readonly resources?: ObjTree[];
}

export function parseInventoryId(id: string): ObjMetadata | undefined {
  const parts = id.split('_');
  if (parts.length < 4) return undefined;
  const kind = parts.pop()!;
  const group = parts.pop()!;
  const namespace = parts.shift()!;
  return { Namespace: namespace, Name: parts.join('_'), GroupKind: { Group: group, Kind: kind } };
}

export const isFluxObject = (m: ObjMetadata): boolean => m.GroupKind.Group.endsWith('toolkit.fluxcd.io');

/** Reads the latest Helm release of a HelmRelease from its storage Secret and lists the objects it made. */
async function helmObjects(kube: KubeClient, hr: KubeObject): Promise<ObjMetadata[]> {
  const spec = (hr as { spec?: { storageNamespace?: string; targetNamespace?: string; releaseName?: string } }).spec ?? {};
  const st = (hr as { status?: { storageNamespace?: string; history?: Array<{ name?: string; namespace?: string; version?: number }> } }).status ?? {};
  const latest = st.history?.[0];
  if (!latest?.name || latest.version === undefined) return [];
  const ns = st.storageNamespace ?? spec.storageNamespace ?? hr.metadata.namespace ?? '';
  const secret = await kube.getOrUndefined({ apiVersion: 'v1', kind: 'Secret', namespace: ns, name: `sh.helm.release.v1.${latest.name}.v${latest.version}` });
  const data = (secret as { data?: { release?: string } } | undefined)?.data?.release;
  if (!data) return [];
  const raw = Buffer.from(Buffer.from(data, 'base64').toString('utf8'), 'base64');
  const json = JSON.parse((raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8')) as { manifest?: string };
  const out: ObjMetadata[] = [];
  for (const doc of parseAllDocuments(json.manifest ?? '')) {
    const o = doc.toJS() as KubeObject | null;
    if (!o?.kind) continue;
    const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0]! : '';
    out.push({ Namespace: o.metadata?.namespace ?? latest.namespace ?? spec.targetNamespace ?? '', Name: o.metadata?.name ?? '', GroupKind: { Group: group, Kind: o.kind } });
  }
  return out;
}

const key = (m: ObjMetadata): string => `${m.GroupKind.Group}|${m.GroupKind.Kind}|${m.Namespace}|${m.Name}`;

/** `seen` holds the ancestors: a Kustomization that lists itself (flux-system does) is shown, not entered. */
async function childrenOf(kube: KubeClient, m: ObjMetadata, seen: ReadonlySet<string>): Promise<ObjTree[] | undefined> {
  if (seen.has(key(m))) return undefined;
  const path = new Set([...seen, key(m)]);
  if (m.GroupKind.Kind === 'Kustomization' && m.GroupKind.Group === 'kustomize.toolkit.fluxcd.io') {
    const ks = await kube.getOrUndefined({ apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', namespace: m.Namespace, name: m.Name });
    if (!ks) return undefined;
    const entries = (ks as { status?: { inventory?: { entries?: Array<{ id: string }> } } }).status?.inventory?.entries ?? [];
    const kids = entries.map((e) => parseInventoryId(e.id)).filter((x): x is ObjMetadata => x !== undefined);
    return Promise.all(kids.map(async (k) => ({ resource: k, ...(await withChildren(kube, k, path)) })));
  }
  if (m.GroupKind.Kind === 'HelmRelease' && m.GroupKind.Group === 'helm.toolkit.fluxcd.io') {
    const hr = await kube.getOrUndefined({ apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', namespace: m.Namespace, name: m.Name });
    if (!hr) return undefined;
    const kids = await helmObjects(kube, hr);
    return kids.map((k) => ({ resource: k }));
  }
  return undefined;
}

async function withChildren(kube: KubeClient, m: ObjMetadata, seen: ReadonlySet<string>): Promise<{ resources?: ObjTree[] }> {
  const kids = await childrenOf(kube, m, seen);
  return kids && kids.length > 0 ? { resources: kids } : {};
}

export async function kustomizationTree(kube: KubeClient, namespace: string, name: string): Promise<ObjTree> {
  const root: ObjMetadata = { Namespace: namespace, Name: name, GroupKind: { Group: 'kustomize.toolkit.fluxcd.io', Kind: 'Kustomization' } };
  const ks = await kube.getOrUndefined({ apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', namespace, name });
  if (!ks) throw new Error(`Kustomization object '${name}' not found in "${namespace}" namespace`);
  return { resource: root, ...(await withChildren(kube, root, new Set())) };
}

/** Keeps only Flux objects (and the branches leading to them). */
export function compact(t: ObjTree): ObjTree {
  const kids = (t.resources ?? []).map(compact).filter((k) => isFluxObject(k.resource) || (k.resources?.length ?? 0) > 0);
  return kids.length > 0 ? { resource: t.resource, resources: kids } : { resource: t.resource };
}

const label = (m: ObjMetadata): string => (m.Namespace ? `${m.GroupKind.Kind}/${m.Namespace}/${m.Name}` : `${m.GroupKind.Kind}/${m.Name}`);

/** The box-drawing tree flux prints (├── │ └──). */
export function renderTree(t: ObjTree): string {
  const lines = [label(t.resource)];
  const walk = (kids: readonly ObjTree[], prefix: string): void => {
    kids.forEach((k, i) => {
      const last = i === kids.length - 1;
      lines.push(`${prefix}${last ? '└── ' : '├── '}${label(k.resource)}`);
      if (k.resources?.length) walk(k.resources, prefix + (last ? '    ' : '│   '));
    });
  };
  walk(t.resources ?? [], '');
  return lines.join('\n') + '\n';
}
