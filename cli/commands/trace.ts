/**
 * `sluice trace <kind> <name>` (or `trace <name> --kind K --api-version V`): from any object to the
 * Kustomization or HelmRelease that manages it (the `kustomize.toolkit.fluxcd.io/name|namespace` or
 * `helm.toolkit.fluxcd.io/name|namespace` labels), then to its source and revision, in flux's blocks.
 */
import type { Command } from 'commander';
import type { KubeClient, KubeObject } from '../../runtime/client/index.js';
import { globalOptions, kubeClientFor } from '../kube/globals.js';

interface Cond {
  type?: string;
  status?: string;
  message?: string;
  lastTransitionTime?: string;
}

type Loose = KubeObject & { spec?: Record<string, unknown>; status?: Record<string, unknown> };

function ready(o: Loose): Cond | undefined {
  return ((o.status?.conditions as Cond[] | undefined) ?? []).find((c) => c.type === 'Ready');
}

function statusLines(o: Loose): string[] {
  const r = ready(o);
  if (!r) return ['Status:        Unknown reconcile status'];
  const status = r.status === 'True' ? `Last reconciled at ${r.lastTransitionTime ?? ''}` : r.status === 'False' ? 'Failed' : 'Reconciliation in progress';
  return [`Status:        ${status}`, `Message:       ${r.message ?? ''}`];
}

function block(lines: Array<string | undefined>): string {
  return lines.filter((l): l is string => l !== undefined).join('\n');
}

const pad = (label: string): string => `${label}:`.padEnd(15);

async function resolveObject(kube: KubeClient, args: string[], f: { kind?: string; apiVersion?: string }, ns: string): Promise<Loose> {
  let kindName: string;
  let name: string;
  if (f.kind) {
    kindName = f.kind;
    name = args[0] ?? '';
  } else if (args.length === 2) {
    [kindName, name] = args as [string, string];
  } else if (args.length === 1 && args[0]!.includes('/')) {
    [kindName, name] = args[0]!.split('/', 2) as [string, string];
  } else {
    throw new Error('give the object as <kind> <name>, <kind>/<name> or <name> --kind=<kind> --api-version=<group/version>');
  }
  if (!name) throw new Error('the object name is missing, e.g. sluice trace deployment podinfo -n default');
  const m = await kube.mapper.resolve(kindName);
  const apiVersion = f.apiVersion ?? (m.group ? `${m.group}/${m.version}` : m.version);
  const ref = { apiVersion, kind: m.kind, name, ...(m.namespaced ? { namespace: ns } : {}) };
  const obj = await kube.getOrUndefined(ref);
  if (!obj) throw new Error(`${m.kind} '${name}' not found${m.namespaced ? ` in "${ns}" namespace` : ''}`);
  return { ...obj, apiVersion, kind: m.kind } as Loose;
}

async function sourceBlock(kube: KubeClient, ref: { kind?: string; name?: string; namespace?: string } | undefined, ns: string): Promise<string | undefined> {
  if (!ref?.kind || !ref.name) return undefined;
  const src = (await kube.getOrUndefined({ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: ref.kind, namespace: ref.namespace || ns, name: ref.name })) as Loose | undefined;
  if (!src) return block([`${pad(ref.kind)}${ref.name}`, `${pad('Namespace')}${ref.namespace || ns}`, 'Status:        Not found']);
  const spec = src.spec ?? {};
  const gitRef = spec.ref as { branch?: string; tag?: string; semver?: string; commit?: string } | undefined;
  return block([
    `${pad(ref.kind)}${ref.name}`,
    `${pad('Namespace')}${src.metadata.namespace ?? ''}`,
    spec.url ? `${pad('URL')}${String(spec.url)}` : undefined,
    gitRef?.branch ? `${pad('Branch')}${gitRef.branch}` : undefined,
    gitRef?.tag ? `${pad('Tag')}${gitRef.tag}` : undefined,
    gitRef?.semver ? `${pad('Tag')}${gitRef.semver}` : undefined,
    `${pad('Revision')}${(src.status?.artifact as { revision?: string } | undefined)?.revision ?? ''}`,
    ...statusLines(src),
  ]);
}

export async function trace(kube: KubeClient, obj: Loose): Promise<string> {
  const labels = obj.metadata.labels ?? {};
  const objNs = obj.metadata.namespace;
  const blocks = [block(['', `${pad('Object')}${obj.kind}/${obj.metadata.name ?? ''}`, objNs ? `${pad('Namespace')}${objNs}` : undefined, 'Status:        Managed by Flux'])];
  const ksName = labels['kustomize.toolkit.fluxcd.io/name'];
  const hrName = labels['helm.toolkit.fluxcd.io/name'];
  if (ksName) {
    const ksNs = labels['kustomize.toolkit.fluxcd.io/namespace'] ?? '';
    const ks = (await kube.getOrUndefined({ apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', namespace: ksNs, name: ksName })) as Loose | undefined;
    if (!ks) throw new Error(`the Kustomization ${ksNs}/${ksName} that manages ${obj.kind}/${obj.metadata.name ?? ''} was not found`);
    blocks.push(
      block([
        `${pad('Kustomization')}${ksName}`,
        `${pad('Namespace')}${ksNs}`,
        ks.spec?.targetNamespace ? `${pad('Target')}${String(ks.spec.targetNamespace)}` : undefined,
        `${pad('Path')}${String(ks.spec?.path ?? '')}`,
        `${pad('Revision')}${String(ks.status?.lastAppliedRevision ?? '')}`,
        ...statusLines(ks),
      ]),
    );
    const s = await sourceBlock(kube, ks.spec?.sourceRef as { kind?: string; name?: string; namespace?: string } | undefined, ksNs);
    if (s) blocks.push(s);
  } else if (hrName) {
    const hrNs = labels['helm.toolkit.fluxcd.io/namespace'] ?? '';
    const hr = (await kube.getOrUndefined({ apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', namespace: hrNs, name: hrName })) as Loose | undefined;
    if (!hr) throw new Error(`the HelmRelease ${hrNs}/${hrName} that manages ${obj.kind}/${obj.metadata.name ?? ''} was not found`);
    const chart = (hr.spec?.chart as { spec?: { chart?: string; version?: string; sourceRef?: { kind?: string; name?: string; namespace?: string } } } | undefined)?.spec;
    const history = (hr.status?.history as Array<{ chartVersion?: string }> | undefined) ?? [];
    blocks.push(
      block([
        `${pad('HelmRelease')}${hrName}`,
        `${pad('Namespace')}${hrNs}`,
        chart?.chart ? `${pad('Chart')}${chart.chart}` : undefined,
        `${pad('Revision')}${history[0]?.chartVersion ?? ''}`,
        ...statusLines(hr),
      ]),
    );
    const s = await sourceBlock(kube, chart?.sourceRef ?? (hr.spec?.chartRef as { kind?: string; name?: string; namespace?: string } | undefined), hrNs);
    if (s) blocks.push(s);
  } else {
    throw new Error(`object ${obj.kind}/${obj.metadata.name ?? ''} is not managed by Flux: it has no kustomize.toolkit.fluxcd.io/name or helm.toolkit.fluxcd.io/name label`);
  }
  return blocks.join('\n---\n') + '\n';
}

export function register(program: Command): void {
  program
    .command('trace')
    .description('trace an in-cluster object throughout the GitOps delivery pipeline')
    .argument('<args...>', '<kind> <name>, <kind>/<name>, or <name> with --kind')
    .option('--kind <kind>', 'the kind of the object, e.g. Deployment')
    .option('--api-version <group/version>', 'the API version of the object, e.g. apps/v1')
    .addHelpText('after', '\nExamples:\n  sluice trace deployment podinfo -n apps\n  sluice trace ns/ingress-nginx\n  sluice trace podinfo --kind=Deployment --api-version=apps/v1 -n apps\n')
    .action(async (args: string[], f: { kind?: string; apiVersion?: string }, cmd: Command) => {
      const g = globalOptions(cmd);
      const kube = kubeClientFor(g);
      process.stdout.write(await trace(kube, await resolveObject(kube, args, f, g.namespace)));
    });
}
