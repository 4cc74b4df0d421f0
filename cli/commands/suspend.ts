/**
 * `sluice suspend` and `sluice resume`: patch spec.suspend (merge patch) as flux does; resume then waits
 * for the object to become Ready again.
 */
import type { Command } from 'commander';
import type { KubeClient, KubeObject } from '../../runtime/client/index.js';
import type { CliKind } from '../kinds.js';
import { globalOptions, kubeClientFor, type GlobalOptions } from '../kube/globals.js';
import { conditionOf, isCurrent, kindSubcommands, pollObject, rfc3339Nano } from '../kube/objects.js';
import { stderrLogger, type CliLogger } from '../output/logger.js';

/** How flux names a kind in progress lines: `source git`, `image policy`, `kustomization`. */
export function humanKind(k: CliKind): string {
  return k.group ? `${k.group} ${k.names[0]}` : k.kind.toLowerCase();
}

/** The revision line flux prints after a successful reconcile. */
export function revisionLine(k: CliKind, obj: KubeObject): string | undefined {
  const st = (obj as { status?: Record<string, unknown> }).status ?? {};
  if (k.group === 'source') {
    const rev = (st.artifact as { revision?: string } | undefined)?.revision;
    return rev ? `fetched revision ${rev}` : undefined;
  }
  if (k.kind === 'Kustomization')
    return st.lastAppliedRevision ? `applied revision ${String(st.lastAppliedRevision)}` : undefined;
  if (k.kind === 'HelmRelease') {
    const h = (st.history as Array<{ chartVersion?: string }> | undefined)?.[0]?.chartVersion;
    return h ? `applied revision ${h}` : undefined;
  }
  return undefined;
}

interface Flags {
  all?: boolean;
  wait?: boolean;
}

async function targets(
  kube: KubeClient,
  k: CliKind,
  g: GlobalOptions,
  name: string | undefined,
  all: boolean,
): Promise<KubeObject[]> {
  if (all) return (await kube.list(k.apiVersion, k.kind, { namespace: g.namespace })).items;
  if (!name) throw new Error(`${k.kind} name is required (or use --all)`);
  return [await kube.get({ apiVersion: k.apiVersion, kind: k.kind, namespace: g.namespace, name })];
}

/** Waits until the controller has handled the object (kstatus Current) and fails unless Ready=True. */
export async function waitForReady(
  kube: KubeClient,
  k: CliKind,
  obj: KubeObject,
  g: GlobalOptions,
  log: CliLogger,
  since?: string,
): Promise<KubeObject> {
  log.waitingf(`waiting for ${k.kind} reconciliation`);
  const ref = {
    apiVersion: k.apiVersion,
    kind: k.kind,
    namespace: obj.metadata!.namespace!,
    name: obj.metadata!.name!,
  };
  const done = await pollObject(
    kube,
    ref,
    (o) => {
      const handled =
        since === undefined ||
        (o as { status?: { lastHandledReconcileAt?: string } }).status?.lastHandledReconcileAt === since;
      return handled && isCurrent(o);
    },
    g.timeoutMs,
  );
  const ready = conditionOf(done, 'Ready');
  if (ready?.status !== 'True')
    throw new Error(`${k.kind} reconciliation failed: ${ready?.message ?? 'not ready'}`);
  log.successf(`${k.kind} reconciliation completed`);
  const rev = revisionLine(k, done);
  if (rev) log.successf(rev);
  return done;
}

async function setSuspend(
  cmd: Command,
  k: CliKind,
  name: string | undefined,
  flags: Flags,
  suspend: boolean,
): Promise<void> {
  const g = globalOptions(cmd);
  const kube = kubeClientFor(g);
  const log = stderrLogger();
  const objs = await targets(kube, k, g, name, Boolean(flags.all));
  if (objs.length === 0) {
    log.failuref(`no ${k.kind} objects found in "${g.namespace}" namespace`);
    return;
  }
  for (const obj of objs) {
    const n = obj.metadata!.name!;
    log.actionf(`${suspend ? 'suspending' : 'resuming'} ${humanKind(k)} ${n} in ${g.namespace} namespace`);
    const ref = { apiVersion: k.apiVersion, kind: k.kind, namespace: g.namespace, name: n };
    const at = rfc3339Nano();
    // resume also requests a reconcile so the controller acts at once, as flux does.
    const patch = suspend
      ? { spec: { suspend: true } }
      : { metadata: { annotations: { 'reconcile.fluxcd.io/requestedAt': at } }, spec: { suspend: null } };
    await kube.patch(ref, 'merge', patch);
    log.successf(`${humanKind(k)} ${suspend ? 'suspended' : 'resumed'}`);
    if (!suspend && flags.wait !== false && k.reconcilable) await waitForReady(kube, k, obj, g, log, at);
  }
}

export function register(program: Command): void {
  const suspend = program
    .command('suspend')
    .description('suspend the reconciliation of Flux objects')
    .addHelpText(
      'after',
      '\nExamples:\n  sluice suspend kustomization podinfo\n  sluice suspend source git --all\n',
    );
  kindSubcommands(
    suspend,
    (k) => k.suspendable,
    (c, k) => {
      c.argument('[name]', 'object name')
        .option('--all', 'suspend all objects of this kind in the namespace', false)
        .action((name: string | undefined, flags: Flags, self: Command) =>
          setSuspend(self, k, name, flags, true),
        );
    },
  );

  const resume = program
    .command('resume')
    .description('resume suspended Flux objects and wait for them to become ready')
    .addHelpText(
      'after',
      '\nExamples:\n  sluice resume kustomization podinfo\n  sluice resume helmrelease --all --wait=false\n',
    );
  kindSubcommands(
    resume,
    (k) => k.suspendable,
    (c, k) => {
      c.argument('[name]', 'object name')
        .option('--all', 'resume all objects of this kind in the namespace', false)
        .option('--wait', 'wait for the objects to become ready', true)
        .option('--no-wait', 'do not wait for the objects to become ready')
        .action((name: string | undefined, flags: Flags, self: Command) =>
          setSuspend(self, k, name, flags, false),
        );
    },
  );
}
