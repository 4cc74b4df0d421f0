/**
 * kustomize-controller's own flags (reference 5.2) and their conversion to the controller's options.
 * Kept free of heavy imports: `sluice controller` adds these flags eagerly at start-up.
 */
import type { Command } from 'commander';
import { addOptionOnce } from '../../runtime/manager/index.js';
import type { KustomizeControllerOptions } from './types.js';

export function addKustomizeFlags(cmd: Command): void {
  addOptionOnce(cmd, '--concurrent-ssa <n>', 'the number of concurrent server-side apply operations', '4');
  addOptionOnce(
    cmd,
    '--http-retry <n>',
    'the maximum number of retries when failing to fetch artifacts over HTTP',
    '9',
  );
  addOptionOnce(
    cmd,
    '--default-service-account <name>',
    'default service account used for impersonation',
    '',
  );
  addOptionOnce(
    cmd,
    '--sops-age-secret <name>',
    'the name of a Secret in the runtime namespace holding age keys for SOPS decryption',
    '',
  );
  addOptionOnce(
    cmd,
    '--no-cross-namespace-refs [bool]',
    'when set to true, references between custom resources are allowed only if the reference and the referee are in the same namespace',
  );
  addOptionOnce(
    cmd,
    '--no-remote-bases [bool]',
    'disallow remote bases usage in Kustomize overlays; when this flag is enabled, all resources must refer to local files included in the source artifact',
  );
  addOptionOnce(
    cmd,
    '--watch-configs-label-selector <selector>',
    'watch for ConfigMaps and Secrets with matching labels',
    'reconcile.fluxcd.io/watch=Enabled',
  );
  addOptionOnce(
    cmd,
    '--insecure-kubeconfig-exec [bool]',
    'allow use of the user.exec section in kubeconfigs provided for remote apply',
  );
  addOptionOnce(
    cmd,
    '--insecure-kubeconfig-tls [bool]',
    'allow that kubeconfigs provided for remote apply can disable TLS verification',
  );
  addOptionOnce(
    cmd,
    '--default-kubeconfig-service-account <name>',
    'default service account used for kubeconfig',
    '',
  );
  cmd.option(
    '--override-manager <name>',
    'field manager disallowed to perform changes on managed resources (repeatable)',
    (v: string, prev: string[]) => [...prev, v],
    [] as string[],
  );
}

function int(name: string, v: unknown, fallback: number): number {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`invalid --${name} "${String(v)}": want an integer >= 0`);
  return n;
}

/**
 * commander reads `--no-x` as the negation of `x`: absent → crossNamespaceRefs true, bare flag →
 * false, `--no-cross-namespace-refs=true|false` → the string.
 */
function noCrossNamespaceRefs(flags: Readonly<Record<string, unknown>>): boolean {
  return negatedBool(flags['crossNamespaceRefs']);
}

/** `--no-x [bool]` as commander stores it under `x`: false when bare, the string when given a value. */
function negatedBool(v: unknown): boolean {
  return v === false || v === 'true' || v === '1';
}

/** A Go bool flag: bare (`true` from commander), `=true`/`=1` → true; absent or `=false` → false. */
function boolFlag(v: unknown): boolean {
  return v === true || v === 'true' || v === '1';
}

/** The controller options the parsed flags select (`runtimeNamespace` locates --sops-age-secret). */
export function kustomizeOptionsFromFlags(
  flags: Readonly<Record<string, unknown>>,
  runtimeNamespace: string,
): KustomizeControllerOptions & { readonly httpRetry: number; readonly watchConfigsLabelSelector: string } {
  const sa = typeof flags['defaultServiceAccount'] === 'string' ? flags['defaultServiceAccount'] : '';
  const age = typeof flags['sopsAgeSecret'] === 'string' ? flags['sopsAgeSecret'] : '';
  const kubeconfigSa =
    typeof flags['defaultKubeconfigServiceAccount'] === 'string'
      ? flags['defaultKubeconfigServiceAccount']
      : '';
  const managers = Array.isArray(flags['overrideManager']) ? (flags['overrideManager'] as string[]) : [];
  return {
    concurrentSsa: int('concurrent-ssa', flags['concurrentSsa'], 4),
    httpRetry: int('http-retry', flags['httpRetry'], 9),
    watchConfigsLabelSelector:
      typeof flags['watchConfigsLabelSelector'] === 'string'
        ? flags['watchConfigsLabelSelector']
        : 'reconcile.fluxcd.io/watch=Enabled',
    noCrossNamespaceRefs: noCrossNamespaceRefs(flags),
    ...(negatedBool(flags['remoteBases']) ? { noRemoteBases: true } : {}),
    ...(sa ? { defaultServiceAccount: sa } : {}),
    ...(age ? { sopsAgeSecret: { namespace: runtimeNamespace, name: age } } : {}),
    ...(managers.length > 0 ? { overrideManagers: managers } : {}),
    ...(boolFlag(flags['insecureKubeconfigExec']) ? { insecureKubeconfigExec: true } : {}),
    ...(boolFlag(flags['insecureKubeconfigTls']) ? { insecureKubeconfigTls: true } : {}),
    ...(kubeconfigSa ? { defaultKubeconfigServiceAccount: kubeconfigSa } : {}),
  };
}
