/**
 * Connection settings from a kubeconfig (or the in-cluster service account). Files are read and merged
 * by kubeconfig-file.ts; certificates, CA bundles, bearer tokens, token files and basic auth are resolved
 * here. Only exec credential plugins and auth providers (OIDC, cloud) go through
 * @kubernetes/client-node's `KubeConfig`, imported on first use: importing it costs ~70 MiB of RSS, which
 * a controller talking with a service-account token or client certificate never pays. All HTTP is ours.
 */
import { readFile } from 'node:fs/promises';
import type { RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import {
  mergeKubeConfigs,
  readKubeConfig,
  selectContext,
  type KubeConfigMap,
  type SelectedKubeConfig,
} from './kubeconfig-file.js';
export interface LoadKubeConfigOptions {
  /** A kubeconfig file. Unset: $KUBECONFIG, then ~/.kube/config, then the in-cluster config. */
  readonly kubeconfigPath?: string;
  /** Context name; unset uses the kubeconfig's current-context. */
  readonly context?: string;
  /** Use the pod's service account (KUBERNETES_SERVICE_HOST + /var/run/secrets/...). @default false */
  readonly inCluster?: boolean;
}

export interface TlsSettings {
  readonly ca?: Buffer | string;
  readonly cert?: Buffer | string;
  readonly key?: Buffer | string;
  readonly rejectUnauthorized?: boolean;
  readonly servername?: string;
}

/** Everything the transport needs to reach one API server as one identity. */
export interface ConnectionConfig {
  /** Base URL, e.g. `https://127.0.0.1:6443` (no trailing slash). */
  readonly server: string;
  readonly tls: TlsSettings;
  /** Auth headers for the next request (refreshed for exec plugins / token files). */
  authHeaders(): Promise<Record<string, string>>;
  /** The namespace of the context (or the pod), if any. */
  readonly namespace?: string;
  /** The context name, for messages. */
  readonly contextName: string;
}

/** Auth that can change over time (exec plugins, token files, OIDC) is re-resolved this often. */
const authRefreshMs = 60_000;

export function loadKubeConfig(opts: LoadKubeConfigOptions = {}): ConnectionConfig {
  return connectionFromSelected(selectContext(readKubeConfig(opts), opts.context));
}

/** Builds a ConnectionConfig from kubeconfig text (e.g. one read from a Secret), at its current-context. */
export function connectionFromKubeConfigText(text: string, context?: string): ConnectionConfig {
  return connectionFromSelected(selectContext(mergeKubeConfigs([{ text, origin: 'text' }]), context));
}

interface Resolved {
  readonly tls: TlsSettings;
  readonly headers: Record<string, string>;
}

function str(m: KubeConfigMap, k: string): string | undefined {
  const v = m[k];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

async function material(m: KubeConfigMap, dataKey: string, fileKey: string): Promise<Buffer | undefined> {
  const data = str(m, dataKey);
  if (data) return Buffer.from(data, 'base64');
  const file = str(m, fileKey);
  return file ? readFile(file) : undefined;
}

/** Certificates, CA, bearer token (inline or file) and basic auth, read directly. */
async function resolveDirect(sel: SelectedKubeConfig): Promise<Resolved> {
  const { cluster, user } = sel;
  const [ca, cert, key] = await Promise.all([
    material(cluster, 'certificate-authority-data', 'certificate-authority'),
    material(user, 'client-certificate-data', 'client-certificate'),
    material(user, 'client-key-data', 'client-key'),
  ]);
  const headers: Record<string, string> = {};
  const tokenFile = str(user, 'tokenFile');
  const token = str(user, 'token') ?? (tokenFile ? (await readFile(tokenFile, 'utf8')).trim() : undefined);
  if (token) headers['Authorization'] = `Bearer ${token}`;
  else if (str(user, 'username') !== undefined || str(user, 'password') !== undefined) {
    headers['Authorization'] =
      `Basic ${Buffer.from(`${str(user, 'username') ?? ''}:${str(user, 'password') ?? ''}`).toString('base64')}`;
  }
  const servername = str(cluster, 'tls-server-name');
  return {
    tls: {
      ...(ca ? { ca } : {}),
      ...(cert ? { cert } : {}),
      ...(key ? { key } : {}),
      ...(cluster['insecure-skip-tls-verify'] === true ? { rejectUnauthorized: false } : {}),
      ...(servername ? { servername } : {}),
    },
    headers,
  };
}

/** Exec plugins and auth providers through @kubernetes/client-node, loaded on first use. */
function pluginResolver(sel: SelectedKubeConfig): () => Promise<Resolved> {
  let kc: Promise<KubeConfig> | undefined;
  return async () => {
    kc ??= import('@kubernetes/client-node').then(({ KubeConfig }) => {
      const k = new KubeConfig();
      k.loadFromString(JSON.stringify(sel.merged));
      k.setCurrentContext(sel.contextName);
      return k;
    });
    const o: RequestOptions = {};
    await (await kc).applyToHTTPSOptions(o);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(o.headers ?? {})) {
      if (typeof v === 'string') headers[k] = v;
      else if (typeof v === 'number') headers[k] = String(v);
    }
    if (typeof o.auth === 'string' && o.auth !== 'undefined:undefined') {
      headers['Authorization'] = `Basic ${Buffer.from(o.auth).toString('base64')}`;
    }
    return {
      tls: {
        ca: o.ca as Buffer | undefined,
        cert: o.cert as Buffer | undefined,
        key: o.key as Buffer | undefined,
        rejectUnauthorized: o.rejectUnauthorized,
        servername: o.servername ?? undefined,
      },
      headers,
    };
  };
}

function connectionFromSelected(sel: SelectedKubeConfig): ConnectionConfig {
  const server = String(sel.cluster['server']).replace(/\/+$/, '');
  const plugin = Boolean(sel.user['exec'] || sel.user['auth-provider']);
  const dynamic = plugin || str(sel.user, 'tokenFile') !== undefined;
  const resolveNow = plugin ? pluginResolver(sel) : () => resolveDirect(sel);
  let cached: { at: number; headers: Record<string, string> } | undefined;
  let tls: TlsSettings = {};
  const settingsReady = resolveNow().then((r) => {
    tls = r.tls;
    cached = { at: Date.now(), headers: r.headers };
  });
  const config: ConnectionConfig = {
    server,
    get tls(): TlsSettings {
      return tls;
    },
    async authHeaders(): Promise<Record<string, string>> {
      await settingsReady;
      if (cached && (!dynamic || Date.now() - cached.at < authRefreshMs)) return cached.headers;
      cached = { at: Date.now(), headers: (await resolveNow()).headers };
      return cached.headers;
    },
    ...(sel.namespace ? { namespace: sel.namespace } : {}),
    contextName: sel.contextName,
  };
  // Surface broken kubeconfigs (missing files) at first use rather than as an unhandled rejection.
  settingsReady.catch(() => undefined);
  return withReady(config, settingsReady);
}

/** Attaches a `ready` promise that resolves once TLS material is loaded. */
function withReady(
  config: ConnectionConfig,
  ready: Promise<void>,
): ConnectionConfig & { ready: Promise<void> } {
  return Object.defineProperties({} as ConnectionConfig & { ready: Promise<void> }, {
    ...Object.getOwnPropertyDescriptors(config),
    ready: { value: ready, enumerable: false },
  });
}

/** Waits for TLS material of a ConnectionConfig built by this module (no-op for hand-made ones). */
export async function connectionReady(config: ConnectionConfig): Promise<void> {
  const ready = (config as { ready?: Promise<void> }).ready;
  if (ready) await ready;
}
