/**
 * Reading kubeconfig files the way kubectl / client-go do, without @kubernetes/client-node (whose import
 * alone costs ~70 MiB of RSS): $KUBECONFIG lists are merged (the first file to name a cluster, user or
 * context wins; the first non-empty current-context wins), relative file paths are resolved against the
 * file that names them, and the pod's service account is the in-cluster configuration.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

export type KubeConfigMap = Record<string, unknown>;

/** A kubeconfig with one context selected. */
export interface SelectedKubeConfig {
  readonly contextName: string;
  readonly cluster: KubeConfigMap;
  readonly user: KubeConfigMap;
  readonly namespace?: string;
  /** The merged kubeconfig (paths absolute), for credential plugins resolved elsewhere. */
  readonly merged: KubeConfigMap;
}

interface Named {
  name: string;
  value: KubeConfigMap;
}

const fileKeys: Record<string, readonly string[]> = {
  cluster: ['certificate-authority'],
  user: ['client-certificate', 'client-key', 'tokenFile'],
};

function asMap(v: unknown): KubeConfigMap {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as KubeConfigMap) : {};
}

function namedList(doc: KubeConfigMap, list: string, field: string, baseDir: string | undefined): Named[] {
  const items = Array.isArray(doc[list]) ? (doc[list] as unknown[]) : [];
  const out: Named[] = [];
  for (const item of items) {
    const m = asMap(item);
    if (typeof m['name'] !== 'string') continue;
    const value = { ...asMap(m[field]) };
    for (const k of fileKeys[field] ?? []) {
      const p = value[k];
      if (baseDir && typeof p === 'string' && p !== '' && !isAbsolute(p)) value[k] = resolve(baseDir, p);
    }
    out.push({ name: m['name'], value });
  }
  return out;
}

/** Parses and merges kubeconfig texts (each with the directory its relative paths are relative to). */
export function mergeKubeConfigs(
  sources: ReadonlyArray<{ text: string; baseDir?: string; origin: string }>,
): KubeConfigMap {
  const lists = {
    clusters: new Map<string, KubeConfigMap>(),
    users: new Map<string, KubeConfigMap>(),
    contexts: new Map<string, KubeConfigMap>(),
  };
  let current = '';
  for (const s of sources) {
    let doc: KubeConfigMap;
    try {
      doc = asMap(parseYaml(s.text));
    } catch (err) {
      throw new Error(`invalid kubeconfig ${s.origin}: ${(err as Error).message}`, { cause: err });
    }
    for (const [list, field] of [
      ['clusters', 'cluster'],
      ['users', 'user'],
      ['contexts', 'context'],
    ] as const) {
      for (const n of namedList(doc, list, field, s.baseDir))
        if (!lists[list].has(n.name)) lists[list].set(n.name, n.value);
    }
    if (!current && typeof doc['current-context'] === 'string') current = doc['current-context'];
  }
  const toList = (m: Map<string, KubeConfigMap>, field: string): unknown[] =>
    [...m].map(([name, value]) => ({ name, [field]: value }));
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: toList(lists.clusters, 'cluster'),
    users: toList(lists.users, 'user'),
    contexts: toList(lists.contexts, 'context'),
    'current-context': current,
  };
}

/** Selects `context` (default: current-context) of a merged kubeconfig. */
export function selectContext(merged: KubeConfigMap, context?: string): SelectedKubeConfig {
  const find = (list: string, field: string, name: string): KubeConfigMap | undefined => {
    for (const item of Array.isArray(merged[list]) ? (merged[list] as unknown[]) : []) {
      const m = asMap(item);
      if (m['name'] === name) return asMap(m[field]);
    }
    return undefined;
  };
  const name = context ?? (typeof merged['current-context'] === 'string' ? merged['current-context'] : '');
  const ctx = name ? find('contexts', 'context', name) : undefined;
  if (context !== undefined && !ctx) throw new Error(`context "${context}" does not exist in the kubeconfig`);
  if (!ctx) throw new Error('the kubeconfig has no current cluster (set current-context or pass --context)');
  const clusterName = typeof ctx['cluster'] === 'string' ? ctx['cluster'] : '';
  const cluster = find('clusters', 'cluster', clusterName);
  if (!cluster || typeof cluster['server'] !== 'string') {
    throw new Error('the kubeconfig has no current cluster (set current-context or pass --context)');
  }
  const userName = typeof ctx['user'] === 'string' ? ctx['user'] : '';
  const user = find('users', 'user', userName) ?? {};
  const namespace =
    typeof ctx['namespace'] === 'string' && ctx['namespace'] !== '' ? ctx['namespace'] : undefined;
  return {
    contextName: name,
    cluster,
    user,
    ...(namespace ? { namespace } : {}),
    merged: { ...merged, 'current-context': name },
  };
}

export const serviceAccountDir = '/var/run/secrets/kubernetes.io/serviceaccount';

/** The pod's service account as a kubeconfig (token file re-read on refresh, CA file, namespace). */
export function inClusterKubeConfig(
  env: NodeJS.ProcessEnv = process.env,
  saDir = serviceAccountDir,
): KubeConfigMap {
  const host = env['KUBERNETES_SERVICE_HOST'];
  const port = env['KUBERNETES_SERVICE_PORT'];
  if (!host || !port)
    throw new Error('not running in a pod: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set');
  const server = `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const nsFile = join(saDir, 'namespace');
  const namespace = existsSync(nsFile) ? readFileSync(nsFile, 'utf8').trim() : undefined;
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'inCluster', cluster: { server, 'certificate-authority': join(saDir, 'ca.crt') } }],
    users: [{ name: 'inClusterUser', user: { tokenFile: join(saDir, 'token') } }],
    contexts: [
      {
        name: 'inClusterContext',
        context: { cluster: 'inCluster', user: 'inClusterUser', ...(namespace ? { namespace } : {}) },
      },
    ],
    'current-context': 'inClusterContext',
  };
}

function readSource(path: string): { text: string; baseDir: string; origin: string } {
  return { text: readFileSync(path, 'utf8'), baseDir: dirname(resolve(path)), origin: path };
}

/**
 * The kubeconfig kubectl would use: an explicit file, else $KUBECONFIG (a list, missing entries skipped),
 * else ~/.kube/config, else the pod's service account.
 */
export function readKubeConfig(opts: { kubeconfigPath?: string; inCluster?: boolean }): KubeConfigMap {
  if (opts.inCluster) return inClusterKubeConfig();
  if (opts.kubeconfigPath) return mergeKubeConfigs([readSource(opts.kubeconfigPath)]);
  const list = (process.env['KUBECONFIG'] ?? '').split(delimiter).filter((p) => p !== '');
  if (list.length > 0) {
    const present = list.filter((p) => existsSync(p));
    if (present.length === 0)
      throw new Error(`no kubeconfig found: none of $KUBECONFIG (${list.join(delimiter)}) exists`);
    return mergeKubeConfigs(present.map(readSource));
  }
  const home = join(homedir(), '.kube', 'config');
  if (existsSync(home)) return mergeKubeConfigs([readSource(home)]);
  if (process.env['KUBERNETES_SERVICE_HOST']) return inClusterKubeConfig();
  throw new Error('no kubeconfig found: set --kubeconfig or $KUBECONFIG, or run in a pod');
}
