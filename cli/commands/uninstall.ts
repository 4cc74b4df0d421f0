/**
 * `sluice uninstall`: flux uninstall — delete the controllers' objects (so nothing reconciles while
 * the rest goes), remove the Flux finalizers from every Flux object in every namespace (so deleting
 * the CRDs cannot hang and no controller prunes), delete the CRDs, then the namespace.
 */
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { crdName, fluxKinds, storageVersionOf } from '../../api/index.js';
import { isNotFound, type KubeClient, type KubeObject, type ObjectRef } from '../../runtime/client/index.js';
import { globalOptions, kubeClientFor } from '../kube/globals.js';
import { stderrLogger, type CliLogger } from '../output/logger.js';

interface UninstallFlags {
  keepNamespace: boolean;
  dryRun: boolean;
  silent: boolean;
}

/** The controllers' objects flux uninstall deletes first, by kind, selected by the install labels. */
const componentKinds: ReadonlyArray<readonly [string, string, boolean]> = [
  ['apps/v1', 'Deployment', true],
  ['v1', 'Service', true],
  ['networking.k8s.io/v1', 'NetworkPolicy', true],
  ['v1', 'ResourceQuota', true],
  ['v1', 'ServiceAccount', true],
  ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', false],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole', false],
];

function refOf(o: KubeObject): ObjectRef {
  return { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name ?? '', ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}) };
}

const subject = (r: ObjectRef): string => (r.namespace ? `${r.kind}/${r.namespace}/${r.name}` : `${r.kind}/${r.name}`);

async function del(kube: KubeClient, r: ObjectRef, dryRun: boolean, log: CliLogger): Promise<void> {
  try {
    await kube.delete(r, { ...(dryRun ? { dryRun: true } : {}), propagationPolicy: 'Background' });
    log.successf(`${subject(r)} deleted${dryRun ? ' (dry run)' : ''}`);
  } catch (err) {
    if (!isNotFound(err)) log.failuref(`${subject(r)} deletion failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function listOrEmpty(kube: KubeClient, apiVersion: string, kind: string, namespace?: string, labelSelector?: string): Promise<KubeObject[]> {
  try {
    const l = await kube.list(apiVersion, kind, { ...(namespace ? { namespace } : {}), ...(labelSelector ? { labelSelector } : {}) });
    return l.items.map((o) => ({ ...o, apiVersion, kind }));
  } catch {
    return [];
  }
}

export async function uninstall(kube: KubeClient, ns: string, f: UninstallFlags, log: CliLogger): Promise<void> {
  log.actionf(`deleting components in ${ns} namespace`);
  const selector = `app.kubernetes.io/instance=${ns}`;
  for (const [apiVersion, kind, namespaced] of componentKinds) {
    for (const o of await listOrEmpty(kube, apiVersion, kind, namespaced ? ns : undefined, selector)) await del(kube, refOf(o), f.dryRun, log);
  }

  log.actionf('deleting toolkit.fluxcd.io finalizers in all namespaces');
  for (const k of fluxKinds) {
    const v = storageVersionOf(k.kind);
    if (!v) continue;
    for (const o of await listOrEmpty(kube, v.apiVersion, k.kind)) {
      if (!(o.metadata.finalizers ?? []).length) continue;
      if (!f.dryRun) {
        await kube.patch(refOf(o), 'merge', { metadata: { finalizers: null } }).catch((err: unknown) => {
          if (!isNotFound(err)) throw err;
        });
      }
      log.successf(`${subject(refOf(o))} finalizers deleted${f.dryRun ? ' (dry run)' : ''}`);
    }
  }

  log.actionf('deleting toolkit.fluxcd.io custom resource definitions');
  for (const k of fluxKinds) {
    await del(kube, { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name: crdName(k) }, f.dryRun, log);
  }

  if (!f.keepNamespace) {
    log.actionf(`deleting namespace ${ns}`);
    await del(kube, { apiVersion: 'v1', kind: 'Namespace', name: ns }, f.dryRun, log);
  }
}

export function register(program: Command): void {
  program
    .command('uninstall')
    .description("uninstall Flux and its custom resource definitions")
    .option('--keep-namespace', 'skip namespace deletion', false)
    .option('--dry-run', 'only print the objects that would be deleted', false)
    .option('-s, --silent', 'delete components without asking for confirmation', false)
    .addHelpText('after', '\nExamples:\n  # Uninstall Flux components, its custom resources and namespace\n  sluice uninstall --namespace=flux-system\n\n  # Uninstall Flux but keep the namespace\n  sluice uninstall --namespace=infra --keep-namespace=true\n')
    .action(async (f: UninstallFlags, cmd: Command) => {
      const g = globalOptions(cmd);
      if (!f.silent && !f.dryRun && process.stdin.isTTY) {
        const rl = createInterface({ input: process.stdin, output: process.stderr });
        const answer = await rl.question('Are you sure you want to delete Flux and its custom resource definitions? [y/N] ');
        rl.close();
        if (!/^y(es)?$/i.test(answer.trim())) {
          stderrLogger().failuref('aborting');
          process.exitCode = 1;
          return;
        }
      }
      const log = stderrLogger();
      await uninstall(kubeClientFor(g), g.namespace, f, log);
      log.successf(`uninstall finished${f.dryRun ? ' (dry run)' : ''}`);
    });
}
