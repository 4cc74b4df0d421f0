/**
 * `sluice export <kind> [name] | --all`: clean YAML as flux export prints it — apiVersion, kind,
 * metadata (name, namespace, labels, annotations) and spec, `---` separated.
 */
import type { Command } from 'commander';
import { stringify } from 'yaml';
import type { KubeObject } from '../../runtime/client/index.js';
import { globalOptions, kubeClientFor } from '../kube/globals.js';
import { kindSubcommands } from '../kube/objects.js';

const dropAnnotations = ['kubectl.kubernetes.io/last-applied-configuration'];

export function cleanObject(obj: KubeObject): Record<string, unknown> {
  const md = obj.metadata ?? {};
  const metadata: Record<string, unknown> = { name: md.name, namespace: md.namespace };
  if (md.labels && Object.keys(md.labels).length) metadata.labels = md.labels;
  const ann = Object.fromEntries(
    Object.entries(md.annotations ?? {}).filter(([k]) => !dropAnnotations.includes(k)),
  );
  if (Object.keys(ann).length) metadata.annotations = ann;
  return { apiVersion: obj.apiVersion, kind: obj.kind, metadata, spec: (obj as { spec?: unknown }).spec };
}

export function exportYaml(objs: readonly KubeObject[]): string {
  return objs.map((o) => '---\n' + stringify(cleanObject(o), { lineWidth: 0 })).join('');
}

export function register(program: Command): void {
  const exp = program
    .command('export')
    .description('export Flux objects as clean YAML')
    .addHelpText(
      'after',
      '\nExamples:\n  sluice export source git --all > sources.yaml\n  sluice export kustomization flux-system\n',
    );
  kindSubcommands(
    exp,
    () => true,
    (c, k) => {
      c.argument('[name]', 'object name')
        .option('--all', 'export all objects of this kind in the namespace', false)
        .action(async (name: string | undefined, flags: { all?: boolean }, self: Command) => {
          const g = globalOptions(self);
          const kube = kubeClientFor(g);
          let objs: KubeObject[];
          if (flags.all) objs = (await kube.list(k.apiVersion, k.kind, { namespace: g.namespace })).items;
          else if (name)
            objs = [await kube.get({ apiVersion: k.apiVersion, kind: k.kind, namespace: g.namespace, name })];
          else throw new Error(`${k.kind} name is required (or use --all)`);
          objs.sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
          process.stdout.write(exportYaml(objs));
        });
    },
  );
}
