/**
 * `sluice tree kustomization <name>`: the objects a Kustomization manages, as a tree, recursing into
 * the Kustomizations and HelmReleases it applied; `--compact` keeps Flux objects; `-o json|yaml`.
 */
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { globalOptions, kubeClientFor } from '../kube/globals.js';
import { compact, kustomizationTree, renderTree } from '../tree/inventory.js';

export function register(program: Command): void {
  const tree = program.command('tree').description('print the resources reconciled by Flux as a tree');
  tree
    .command('kustomization')
    .alias('ks')
    .description('print the resources reconciled by a Kustomization')
    .argument('<name>', 'Kustomization name')
    .option('--compact', 'list only Flux resources', false)
    .option('-o, --output <format>', 'the format in which the tree should be printed: json or yaml')
    .addHelpText('after', '\nExamples:\n  sluice tree kustomization flux-system\n  sluice tree ks flux-system --compact -o yaml\n')
    .action(async (name: string, f: { compact: boolean; output?: string }, cmd: Command) => {
      const g = globalOptions(cmd);
      if (f.output && f.output !== 'json' && f.output !== 'yaml') throw new Error(`unsupported output '${f.output}': use json or yaml`);
      let t = await kustomizationTree(kubeClientFor(g), g.namespace, name);
      if (f.compact) t = compact(t);
      if (f.output === 'json') process.stdout.write(JSON.stringify(t, null, 2) + '\n');
      else if (f.output === 'yaml') process.stdout.write(stringify(t));
      else process.stdout.write(renderTree(t));
    });
}
