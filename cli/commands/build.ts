/**
 * `sluice build kustomization <name> --path DIR`: renders a Kustomization locally with the
 * kustomize-controller's pipeline and prints the multi-document YAML (flux build kustomization).
 */
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { buildKustomization, loadKustomization } from '../build/kustomization.js';
import { addBuildFlags, type SharedBuildFlags } from '../build/flags.js';
import { globalOptions, kubeClientFor } from '../kube/globals.js';

interface BuildFlags extends SharedBuildFlags {
  dryRun: boolean;
}

export function register(program: Command): void {
  const build = program.command('build').description('build a Flux resource locally');
  addBuildFlags(build.command('kustomization'))
    .description('render a Kustomization from a local directory, with post-build substitution')
    .option('--dry-run', 'build without a cluster: needs --kustomization-file; only inline substitute variables', false)
    .addHelpText(
      'after',
      '\nExamples:\n  sluice build kustomization my-app --path ./path/to/local/manifests\n' +
        '  sluice build ks my-app --path ./manifests --kustomization-file ./my-app.yaml --dry-run\n',
    )
    .action(async (name: string, f: BuildFlags, cmd: Command) => {
      const g = globalOptions(cmd);
      if (!f.path) throw new Error('invalid resource path: use --path DIR');
      const kube = f.dryRun ? undefined : kubeClientFor(g);
      try {
        const ks = await loadKustomization({ name, namespace: g.namespace, file: f.kustomizationFile, dryRun: f.dryRun, kube });
        const objects = await buildKustomization(ks, {
          path: f.path,
          ignorePaths: f.ignorePaths,
          strictSubstitute: f.strictSubstitute,
          kube,
        });
        process.stdout.write(objects.map((o) => `---\n${stringify(o)}`).join(''));
      } finally {
        kube?.close();
      }
    });
}
