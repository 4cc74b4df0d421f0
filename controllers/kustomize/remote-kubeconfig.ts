/**
 * What a `spec.kubeConfig.secretRef` kubeconfig may contribute to the remote client, as Flux's
 * runtime/client.KubeConfig sanitises the rest.Config built from it: the server, TLS server name,
 * inline CA / client certificate and key, bearer token and basic auth. Exec credential plugins are
 * kept only with `--insecure-kubeconfig-exec`, `insecure-skip-tls-verify` only with
 * `--insecure-kubeconfig-tls`; everything else (file references, auth providers, proxy-url,
 * token files) is dropped silently, as Flux does: the client then simply lacks those settings.
 */
import { parse as parseYaml } from 'yaml';

export interface KubeConfigSanitizeOptions {
  /** `--insecure-kubeconfig-exec`: allow `users[].user.exec`. @default false */
  readonly insecureExec?: boolean;
  /** `--insecure-kubeconfig-tls`: allow `clusters[].cluster.insecure-skip-tls-verify`. @default false */
  readonly insecureTls?: boolean;
}

type Named<T> = { name?: string } & T;
interface RawKubeConfig {
  'current-context'?: string;
  contexts?: Named<{ context?: { cluster?: string; user?: string; namespace?: string } }>[];
  clusters?: Named<{ cluster?: Record<string, unknown> }>[];
  users?: Named<{ user?: Record<string, unknown> }>[];
}

const clusterFields = ['server', 'certificate-authority-data', 'tls-server-name'];
const userFields = ['client-certificate-data', 'client-key-data', 'token', 'username', 'password'];

function pick(src: Record<string, unknown> | undefined, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (src?.[k] !== undefined) out[k] = src[k];
  return out;
}

/** The kubeconfig reduced to what Flux copies into its rest.Config (as a JSON kubeconfig). */
export function sanitizeKubeConfig(text: string, opts: KubeConfigSanitizeOptions = {}): string {
  const raw = (parseYaml(text) ?? {}) as RawKubeConfig;
  const ctxName = raw['current-context'] ?? '';
  const ctx = raw.contexts?.find((c) => c.name === ctxName)?.context;
  if (!ctx) throw new Error(`invalid kubeconfig: context "${ctxName}" not found`);
  const cluster = raw.clusters?.find((c) => c.name === ctx.cluster)?.cluster;
  if (!cluster || typeof cluster['server'] !== 'string')
    throw new Error(`invalid kubeconfig: cluster "${ctx.cluster ?? ''}" has no server`);
  const user = raw.users?.find((u) => u.name === ctx.user)?.user;
  const clusterOut = pick(cluster, clusterFields);
  if (opts.insecureTls && cluster['insecure-skip-tls-verify'] === true) {
    // client-go's transport refuses a CA together with the insecure flag (Flux fails building the client).
    if (clusterOut['certificate-authority-data'] !== undefined)
      throw new Error('specifying a root certificates file with the insecure flag is not allowed');
    clusterOut['insecure-skip-tls-verify'] = true;
  }
  const userOut = pick(user, userFields);
  if (opts.insecureExec && user?.['exec'] !== undefined) userOut['exec'] = user['exec'];
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'remote', cluster: clusterOut }],
    users: [{ name: 'remote', user: userOut }],
    contexts: [{ name: 'remote', context: { cluster: 'remote', user: 'remote' } }],
    'current-context': 'remote',
  });
}
