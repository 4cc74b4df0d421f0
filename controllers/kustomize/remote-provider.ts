/**
 * `spec.kubeConfig.configMapRef`: a remote cluster reached with workload identity instead of a
 * kubeconfig (Flux 2.7, fluxcd/pkg/auth v0.33 utils.GetRESTConfig). The ConfigMap in the
 * Kustomization's namespace names a `provider` (aws, azure, gcp, generic) plus `cluster`, `address`,
 * `ca.crt`, `serviceAccountName` and `audiences` (one per line).
 *
 * `generic` is implemented as Flux does it: a Kubernetes ServiceAccount token (TokenRequest for
 * `serviceAccountName`, or `--default-kubeconfig-service-account`, with the audiences, else the
 * address as audience; this needs the ObjectLevelWorkloadIdentity gate), or without a service
 * account the controller's own pod token, sent as a bearer token to `address` verified with
 * `ca.crt`. The cloud providers (aws, azure, gcp) need their cloud's token services, which Sluice
 * does not call: they fail with a message saying so. Error texts otherwise follow Flux's.
 */
import { readFile } from 'node:fs/promises';
import {
  KubeClient,
  connectionFromKubeConfigText,
  isNotFound,
  type KubeObject,
} from '../../runtime/client/index.js';
import type { KustomizationObject } from './object.js';
import type { KustomizeDeps } from './types.js';

const providers = ['aws', 'azure', 'gcp', 'generic'] as const;
const podTokenFile = '/var/run/secrets/kubernetes.io/serviceaccount/token';
const defaultSaMissing =
  'the specified default service account does not exist in the object namespace. your cluster is subject to multi-tenant workload identity lockdown, reach out to your cluster administrator for help';

const text = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** The `exp` claim of a JWT (unverified, as Flux reads it), as epoch milliseconds. */
function tokenExpiry(token: string): number {
  const payload = token.split('.')[1];
  let claims: { exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
  } catch (err) {
    throw new Error(`failed to parse service account token: ${text(err)}`, { cause: err });
  }
  if (typeof claims.exp !== 'number')
    throw new Error('failed to get expiration time from service account token: exp claim is missing');
  return claims.exp * 1000;
}

/** Flux's auth.ParseClusterAddress: `https://<lowercase host>:<port>`. */
export function parseClusterAddress(address: string): string {
  if (address === '') throw new Error('empty address');
  const full = address.startsWith('http') ? address : `https://${address}`;
  let u: URL;
  try {
    u = new URL(full);
  } catch (err) {
    throw new Error(`failed to parse Kubernetes API server address '${full}': ${text(err)}`, { cause: err });
  }
  if (u.protocol !== 'https:')
    throw new Error(`the Kubernetes API server address '${full}' must use https scheme`);
  return `https://${u.hostname.toLowerCase()}:${u.port || '443'}`;
}

interface Token {
  readonly token: string;
  readonly expiresAt: number;
}

async function requestToken(
  deps: KustomizeDeps,
  namespace: string,
  name: string,
  audiences: readonly string[],
): Promise<string> {
  const res = (await deps.client.requestJson(
    'create',
    'POST',
    `/api/v1/namespaces/${encodeURIComponent(namespace)}/serviceaccounts/${encodeURIComponent(name)}/token`,
    { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { audiences } },
  )) as { status?: { token?: string } };
  return res.status?.token ?? '';
}

/** auth.GetAccessToken for the generic provider (the caller adds Flux's "failed to get access token" prefix). */
async function accessToken(
  deps: KustomizeDeps,
  namespace: string,
  data: Readonly<Record<string, string>>,
  audiences: readonly string[],
): Promise<Token> {
  const explicit = data['serviceAccountName'];
  const fallback = deps.options?.defaultKubeconfigServiceAccount ?? '';
  const saName = explicit || fallback;
  if (saName) {
    const usedDefault = !explicit && fallback !== '';
    try {
      await deps.client.get({ apiVersion: 'v1', kind: 'ServiceAccount', namespace, name: saName });
    } catch (err) {
      // Flux reads ServiceAccounts through its informer cache, whose NotFound names the kind.
      const why = !isNotFound(err)
        ? text(err)
        : usedDefault
          ? defaultSaMissing
          : `ServiceAccount "${saName}" not found`;
      throw new Error(`failed to get service account '${namespace}/${saName}': ${why}`, { cause: err });
    }
    if (!deps.options?.objectLevelWorkloadIdentity)
      throw new Error('ObjectLevelWorkloadIdentity feature gate is not enabled');
    let token: string;
    try {
      token = await requestToken(deps, namespace, saName, audiences);
    } catch (err) {
      throw new Error(
        `failed to create kubernetes token for service account '${namespace}/${saName}': ${text(err)}`,
        { cause: err },
      );
    }
    try {
      return { token, expiresAt: tokenExpiry(token) };
    } catch (err) {
      throw new Error(
        `failed to create provider access token for service account '${namespace}/${saName}': ${text(err)}`,
        { cause: err },
      );
    }
  }
  // The controller's own identity: its pod's service account token names the account to ask for.
  const controllerToken = async (): Promise<Token> => {
    let own: string;
    try {
      own = await readFile(podTokenFile, 'utf8');
    } catch (err) {
      const why =
        (err as NodeJS.ErrnoException).code === 'ENOENT'
          ? `open ${podTokenFile}: no such file or directory`
          : text(err);
      throw new Error(`failed to read service account token file ${podTokenFile}: ${why}`, { cause: err });
    }
    const payload = own.split('.')[1] ?? '';
    let sub = '';
    try {
      sub = String(
        (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown }).sub ?? '',
      );
    } catch (err) {
      throw new Error(`failed to parse service account token: ${text(err)}`, { cause: err });
    }
    const parts = sub.split(':');
    if (parts.length !== 4) throw new Error(`invalid subject format in service account token: ${sub}`);
    const [, , saNs = '', sa = ''] = parts;
    let token: string;
    try {
      token = await requestToken(deps, saNs, sa, audiences);
    } catch (err) {
      throw new Error(
        `failed to create kubernetes token for controller service account '${saNs}/${sa}': ${text(err)}`,
        {
          cause: err,
        },
      );
    }
    return { token, expiresAt: tokenExpiry(token) };
  };
  try {
    return await controllerToken();
  } catch (err) {
    throw new Error(`failed to create provider access token for the controller: ${text(err)}`, {
      cause: err,
    });
  }
}

export interface ProviderClient {
  readonly client: KubeClient;
  /** When the bearer token expires (epoch ms): the client must be rebuilt before. */
  readonly expiresAt: number;
}

/** The remote client for a Kustomization whose kubeConfig names a ConfigMap (Flux's error texts). */
export async function providerClient(deps: KustomizeDeps, ks: KustomizationObject): Promise<ProviderClient> {
  const namespace = ks.metadata.namespace ?? '';
  const name = ks.spec.kubeConfig?.configMapRef?.name ?? '';
  let cm: KubeObject;
  try {
    cm = await deps.client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace, name });
  } catch (err) {
    throw new Error(`failed to get configmap ${namespace}/${name}: ${text(err)}`, { cause: err });
  }
  const data = (cm['data'] ?? {}) as Record<string, string>;
  const provider = data['provider'] ?? '';
  if (!(providers as readonly string[]).includes(provider))
    throw new Error(`provider '${provider}' not implemented`);
  if (provider !== 'generic') {
    throw new Error(
      `provider '${provider}': workload identity with the ${provider} cloud is not implemented in Sluice (only 'generic' is)`,
    );
  }
  const address = data['address'];
  const configured = (data['audiences'] ?? '')
    .split('\n')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  const audiences = configured.length > 0 ? configured : [address ?? ''];
  let token: Token;
  try {
    token = await accessToken(deps, namespace, data, audiences);
  } catch (err) {
    throw new Error(`failed to get access token for cluster: ${text(err)}`, { cause: err });
  }
  if (!address) throw new Error('cluster address is required to create a REST config');
  let host: string;
  try {
    host = parseClusterAddress(address);
  } catch (err) {
    throw new Error(`failed to parse cluster address ${address}: ${text(err)}`, { cause: err });
  }
  const ca = data['ca.crt'];
  const kubeconfig = JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'remote',
        cluster: {
          server: host,
          ...(ca ? { 'certificate-authority-data': Buffer.from(ca).toString('base64') } : {}),
        },
      },
    ],
    users: [{ name: 'remote', user: { token: token.token } }],
    contexts: [{ name: 'remote', context: { cluster: 'remote', user: 'remote' } }],
    'current-context': 'remote',
  });
  const client = new KubeClient(connectionFromKubeConfigText(kubeconfig), {
    fieldManager: 'kustomize-controller',
  });
  return { client, expiresAt: token.expiresAt };
}
