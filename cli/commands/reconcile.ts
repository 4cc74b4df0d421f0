/**
 * `sluice reconcile <kind> <name>`: flux's procedure — refuse a suspended object, annotate
 * reconcile.fluxcd.io/requestedAt, wait until status.lastHandledReconcileAt shows it and the object is
 * Current, fail unless Ready=True. `--with-source` reconciles the source first.
 */
import type { Command } from 'commander';
import type { KubeClient, KubeObject } from '../../runtime/client/index.js';
import { cliKinds, type CliKind } from '../kinds.js';
import { globalOptions, kubeClientFor, type GlobalOptions } from '../kube/globals.js';
import { kindSubcommands, rfc3339Nano } from '../kube/objects.js';
import { stderrLogger, type CliLogger } from '../output/logger.js';
import { waitForReady } from './suspend.js';

interface Flags {
  withSource?: boolean;
  force?: boolean;
  reset?: boolean;
}

export async function reconcileObject(
  kube: KubeClient,
  k: CliKind,
  namespace: string,
  name: string,
  g: GlobalOptions,
  log: CliLogger,
  extra: Record<string, string> = {},
): Promise<KubeObject> {
  const ref = { apiVersion: k.apiVersion, kind: k.kind, namespace, name };
  const obj = await kube.get(ref);
  if ((obj as { spec?: { suspend?: boolean } }).spec?.suspend) throw new Error('resource is suspended');
  log.actionf(`annotating ${k.kind} ${name} in ${namespace} namespace`);
  const at = rfc3339Nano();
  const annotations: Record<string, string> = { 'reconcile.fluxcd.io/requestedAt': at };
  for (const key of Object.keys(extra)) annotations[key] = at;
  await kube.patch(ref, 'merge', { metadata: { annotations } });
  log.successf(`${k.kind} annotated`);
  return waitForReady(kube, k, obj, g, log, at);
}

function sourceRefOf(
  k: CliKind,
  obj: KubeObject,
): { kind: string; name: string; namespace: string } | undefined {
  const spec = (obj as { spec?: Record<string, unknown> }).spec ?? {};
  const ns = obj.metadata?.namespace ?? '';
  if (k.kind === 'Kustomization') {
    const r = spec.sourceRef as { kind: string; name: string; namespace?: string } | undefined;
    return r ? { kind: r.kind, name: r.name, namespace: r.namespace ?? ns } : undefined;
  }
  if (k.kind === 'HelmRelease') {
    const chartRef = spec.chartRef as { kind: string; name: string; namespace?: string } | undefined;
    if (chartRef) return { kind: chartRef.kind, name: chartRef.name, namespace: chartRef.namespace ?? ns };
    // A HelmRelease with spec.chart has its HelmChart named <namespace>-<name> in the source's namespace.
    const src = (spec.chart as { spec?: { sourceRef?: { namespace?: string } } } | undefined)?.spec
      ?.sourceRef;
    return { kind: 'HelmChart', name: `${ns}-${obj.metadata?.name ?? ''}`, namespace: src?.namespace ?? ns };
  }
  if (k.kind === 'HelmChart') {
    const r = spec.sourceRef as { kind: string; name: string } | undefined;
    return r ? { kind: r.kind, name: r.name, namespace: ns } : undefined;
  }
  return undefined;
}

async function run(cmd: Command, k: CliKind, name: string, flags: Flags): Promise<void> {
  const g = globalOptions(cmd);
  const kube = kubeClientFor(g);
  const log = stderrLogger();
  if (flags.withSource) {
    const obj = await kube.get({ apiVersion: k.apiVersion, kind: k.kind, namespace: g.namespace, name });
    const src = sourceRefOf(k, obj);
    const srcKind = src && cliKinds.find((c) => c.kind === src.kind);
    if (src && srcKind) await reconcileObject(kube, srcKind, src.namespace, src.name, g, log);
  }
  const extra: Record<string, string> = {};
  if (flags.force) extra['reconcile.fluxcd.io/forceAt'] = '';
  if (flags.reset) extra['reconcile.fluxcd.io/resetAt'] = '';
  await reconcileObject(kube, k, g.namespace, name, g, log, extra);
}

export function register(program: Command): void {
  const reconcile = program
    .command('reconcile')
    .description('trigger a reconciliation of a Flux object and wait for it to finish')
    .addHelpText(
      'after',
      '\nExamples:\n  sluice reconcile source git flux-system\n  sluice reconcile kustomization flux-system --with-source\n',
    );
  kindSubcommands(
    reconcile,
    (k) => k.reconcilable,
    (c, k) => {
      c.argument('<name>', 'object name');
      if (['Kustomization', 'HelmRelease', 'HelmChart'].includes(k.kind))
        c.option('--with-source', 'reconcile the source first', false);
      if (k.kind === 'HelmRelease') {
        c.option('--force', 'force a one-off install or upgrade', false).option(
          '--reset',
          'reset the remediation retry counter',
          false,
        );
      }
      c.action((name: string, flags: Flags, self: Command) => run(self, k, name, flags));
    },
  );
}
