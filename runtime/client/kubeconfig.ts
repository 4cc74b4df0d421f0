/**
 * Connection settings from a kubeconfig (or the in-cluster service account), resolved through
 * @kubernetes/client-node's `KubeConfig` only: it understands client certificates, bearer tokens,
 * token files, exec plugins, OIDC, CA bundles and contexts. We take the resolved TLS material and
 * auth headers from it and do all HTTP ourselves.
 */
import { KubeConfig } from '@kubernetes/client-node';
import type { RequestOptions } from 'node:https';

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
  const kc = new KubeConfig();
  if (opts.inCluster) kc.loadFromCluster();
  else if (opts.kubeconfigPath) kc.loadFromFile(opts.kubeconfigPath);
  else {
    kc.loadFromDefault();
    // loadFromDefault's last resort is an unauthenticated http://localhost:8080: refuse it instead.
    if (kc.getCurrentCluster()?.server === 'http://localhost:8080' && kc.getCurrentContext() === 'loaded-context') {
      throw new Error('no kubeconfig found: set --kubeconfig or $KUBECONFIG, or run in a pod');
    }
  }
  if (opts.context) {
    if (!kc.getContextObject(opts.context)) throw new Error(`context "${opts.context}" does not exist in the kubeconfig`);
    kc.setCurrentContext(opts.context);
  }
  return connectionFromKubeConfig(kc);
}

/** Builds a ConnectionConfig from an already-loaded KubeConfig (e.g. one parsed from a Secret). */
export function connectionFromKubeConfig(kc: KubeConfig): ConnectionConfig {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('the kubeconfig has no current cluster (set current-context or pass --context)');
  const server = cluster.server.replace(/\/+$/, '');
  const user = kc.getCurrentUser();
  const dynamic = Boolean(user && (user.exec || user.authProvider));
  const probe: RequestOptions = {};
  // applyToHTTPSOptions resolves files, CA, certs and the Authorization header in one go.
  const first = kc.applyToHTTPSOptions(probe).then(() => probe);
  let cached: { at: number; headers: Record<string, string> } | undefined;
  let tls: TlsSettings = {};
  const resolveHeaders = async (opts: RequestOptions): Promise<Record<string, string>> => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(opts.headers ?? {})) {
      if (typeof v === 'string') headers[k] = v;
      else if (typeof v === 'number') headers[k] = String(v);
    }
    if (typeof opts.auth === 'string' && opts.auth !== 'undefined:undefined') {
      headers.Authorization = `Basic ${Buffer.from(opts.auth).toString('base64')}`;
    }
    return headers;
  };
  const settingsReady = first.then(async (o) => {
    tls = {
      ca: o.ca as Buffer | undefined,
      cert: o.cert as Buffer | undefined,
      key: o.key as Buffer | undefined,
      rejectUnauthorized: o.rejectUnauthorized,
      servername: o.servername ?? undefined,
    };
    cached = { at: Date.now(), headers: await resolveHeaders(o) };
  });
  const ctx = kc.getContextObject(kc.getCurrentContext());
  const config: ConnectionConfig = {
    server,
    get tls(): TlsSettings {
      return tls;
    },
    async authHeaders(): Promise<Record<string, string>> {
      await settingsReady;
      if (cached && (!dynamic || Date.now() - cached.at < authRefreshMs)) return cached.headers;
      const o: RequestOptions = {};
      await kc.applyToHTTPSOptions(o);
      cached = { at: Date.now(), headers: await resolveHeaders(o) };
      return cached.headers;
    },
    namespace: ctx?.namespace,
    contextName: kc.getCurrentContext(),
  };
  // Surface broken kubeconfigs (missing files) at first use rather than as an unhandled rejection.
  settingsReady.catch(() => undefined);
  return withReady(config, settingsReady);
}

/** Attaches a `ready` promise that resolves once TLS material is loaded. */
function withReady(config: ConnectionConfig, ready: Promise<void>): ConnectionConfig & { ready: Promise<void> } {
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
