/**
 * The cluster a Kustomization applies to (reference 4.12, step 7): the controller's own, or the one
 * named by `spec.kubeConfig.secretRef` (key `key`, else `value`, else `value.yaml`), impersonating
 * `system:serviceaccount:<ns>:<serviceAccountName | --default-service-account>` on top when set.
 * Like Flux, only the server, inline CA/client certificate data, bearer token and basic auth are taken
 * from the kubeconfig: no file references, exec plugins, auth providers or insecure-skip-tls-verify.
 * Failure → ReconciliationFailed.
 */
import { KubeConfig } from '@kubernetes/client-node';
import { parse as parseYaml } from 'yaml';
import { KubeClient, connectionFromKubeConfig, type KubeObject } from '../../../runtime/client/index.js';
import type { KustomizationObject } from '../object.js';
import { ReconcileError, type KustomizeDeps } from '../types.js';

type Named<T> = { name?: string } & T;
interface RawKubeConfig {
  'current-context'?: string;
  contexts?: Named<{ context?: { cluster?: string; user?: string; namespace?: string } }>[];
  clusters?: Named<{ cluster?: Record<string, unknown> }>[];
  users?: Named<{ user?: Record<string, unknown> }>[];
}

const clusterFields = ['server', 'certificate-authority-data', 'tls-server-name', 'proxy-url'];
const userFields = ['client-certificate-data', 'client-key-data', 'token', 'username', 'password'];

function pick(src: Record<string, unknown> | undefined, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (src?.[k] !== undefined) out[k] = src[k];
  return out;
}

/** The kubeconfig reduced to what Flux copies into its rest.Config. */
export function sanitizeKubeConfig(text: string): string {
  const raw = (parseYaml(text) ?? {}) as RawKubeConfig;
  const ctxName = raw['current-context'] ?? '';
  const ctx = raw.contexts?.find((c) => c.name === ctxName)?.context;
  if (!ctx) throw new Error(`invalid kubeconfig: context "${ctxName}" not found`);
  const cluster = raw.clusters?.find((c) => c.name === ctx.cluster)?.cluster;
  if (!cluster || typeof cluster['server'] !== 'string')
    throw new Error(`invalid kubeconfig: cluster "${ctx.cluster ?? ''}" has no server`);
  const user = raw.users?.find((u) => u.name === ctx.user)?.user;
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'remote', cluster: pick(cluster, clusterFields) }],
    users: [{ name: 'remote', user: pick(user, userFields) }],
    contexts: [{ name: 'remote', context: { cluster: 'remote', user: 'remote' } }],
    'current-context': 'remote',
  });
}

/** Remote clients by Secret version, so a reconcile reuses the connection pool of the last one. */
const remotes = new Map<string, { version: string; client: KubeClient }>();

async function remoteClient(deps: KustomizeDeps, ks: KustomizationObject): Promise<KubeClient> {
  const ref = ks.spec.kubeConfig?.secretRef;
  if (!ref) throw new Error('kubeConfig.secretRef is required (configMapRef is not supported)');
  const id = `${ks.metadata.namespace}/${ref.name}`;
  let secret: KubeObject;
  try {
    secret = await deps.client.get({
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: ks.metadata.namespace,
      name: ref.name,
    });
  } catch (err) {
    throw new Error(
      `unable to read KubeConfig secret '${id}' error: ${err instanceof Error ? err.message : String(err)}`,
      {
        cause: err,
      },
    );
  }
  const data = (secret['data'] ?? {}) as Record<string, string>;
  const key =
    ref.key || (data['value'] !== undefined ? 'value' : data['value.yaml'] !== undefined ? 'value.yaml' : '');
  if (!key || data[key] === undefined)
    throw new Error(
      `KubeConfig secret '${id}' does not contain a '${ref.key || 'value'}' key with a kubeconfig`,
    );
  const cacheKey = `${ks.metadata.namespace}/${ks.metadata.name}`;
  const version = `${id}|${secret.metadata.resourceVersion ?? ''}|${key}`;
  const hit = remotes.get(cacheKey);
  if (hit?.version === version) return hit.client;
  const kc = new KubeConfig();
  kc.loadFromString(sanitizeKubeConfig(Buffer.from(data[key] ?? '', 'base64').toString('utf8')));
  const client = new KubeClient(connectionFromKubeConfig(kc), { fieldManager: 'kustomize-controller' });
  hit?.client.close();
  remotes.set(cacheKey, { version, client });
  return client;
}

/** The client every apply, prune, health check and finalizer deletion of this Kustomization uses. */
export async function targetClient(deps: KustomizeDeps, ks: KustomizationObject): Promise<KubeClient> {
  let client = deps.client;
  if (ks.spec.kubeConfig) {
    try {
      client = await remoteClient(deps, ks);
    } catch (err) {
      throw new ReconcileError(
        'ReconciliationFailed',
        err instanceof Error ? err.message : String(err),
        'generic',
        undefined,
        {
          cause: err,
        },
      );
    }
  }
  const sa = ks.spec.serviceAccountName || deps.options?.defaultServiceAccount;
  return sa ? client.impersonateServiceAccount(ks.metadata.namespace, sa) : client;
}
