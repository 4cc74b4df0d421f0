/**
 * The cluster a Kustomization applies to (reference 4.12, step 7): the controller's own, or the one
 * named by `spec.kubeConfig.secretRef` (key `key`, else `value`, else `value.yaml`), impersonating
 * `system:serviceaccount:<ns>:<serviceAccountName | --default-service-account>` on top when set.
 * Like Flux, only the server, inline CA/client certificate data, bearer token and basic auth are taken
 * from the kubeconfig (exec plugins with --insecure-kubeconfig-exec, insecure-skip-tls-verify with
 * --insecure-kubeconfig-tls; see remote-kubeconfig.ts).
 * Failure → ReconciliationFailed.
 */
import { KubeClient, connectionFromKubeConfigText, type KubeObject } from '../../../runtime/client/index.js';
import type { KustomizationObject } from '../object.js';
import { sanitizeKubeConfig } from '../remote-kubeconfig.js';
import { providerClient } from '../remote-provider.js';
import { ReconcileError, type KustomizeDeps } from '../types.js';

export { sanitizeKubeConfig } from '../remote-kubeconfig.js';

/** Remote clients by Secret version, so a reconcile reuses the connection pool of the last one. */
const remotes = new Map<string, { version: string; client: KubeClient }>();

async function remoteClient(deps: KustomizeDeps, ks: KustomizationObject): Promise<KubeClient> {
  const ref = ks.spec.kubeConfig?.secretRef;
  if (!ref) {
    if (!ks.spec.kubeConfig?.configMapRef)
      throw new Error(
        'invalid .spec.kubeConfig, neither .spec.kubeConfig.provider nor .spec.kubeConfig.secretRef is set',
      );
    // Workload identity: a fresh token every reconcile (the previous client is closed).
    const { client } = await providerClient(deps, ks);
    const cacheKey = `${ks.metadata.namespace}/${ks.metadata.name}`;
    remotes.get(cacheKey)?.client.close();
    remotes.set(cacheKey, { version: '', client });
    return client;
  }
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
  const insecure = `${deps.options?.insecureKubeconfigExec === true}|${deps.options?.insecureKubeconfigTls === true}`;
  const version = `${id}|${secret.metadata.resourceVersion ?? ''}|${key}|${insecure}`;
  const hit = remotes.get(cacheKey);
  if (hit?.version === version) return hit.client;
  const text = sanitizeKubeConfig(Buffer.from(data[key] ?? '', 'base64').toString('utf8'), {
    insecureExec: deps.options?.insecureKubeconfigExec === true,
    insecureTls: deps.options?.insecureKubeconfigTls === true,
  });
  const client = new KubeClient(connectionFromKubeConfigText(text), { fieldManager: 'kustomize-controller' });
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
