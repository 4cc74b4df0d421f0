/**
 * `sluice diff kustomization <name> --path DIR`: builds as `sluice build` does, dry-runs every object
 * against the cluster and prints what would change. Exit code 0: no differences; 1: differences;
 * 2: errors (flux diff kustomization).
 */
import type { Command } from 'commander';
import { diffObjects, renderDiff } from '../build/diff.js';
import { buildKustomization, loadKustomization } from '../build/kustomization.js';
import { addBuildFlags, type SharedBuildFlags } from '../build/flags.js';
import { globalOptions, kubeClientFor } from '../kube/globals.js';

interface DiffFlags extends SharedBuildFlags {
  progressBar: boolean | string;
}

function parseBool(v: string): boolean {
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new Error(`invalid --progress-bar value '${v}': use true or false`);
}

export function register(program: Command): void {
  const diff = program.command('diff').description('diff a Flux resource against the cluster');
  addBuildFlags(diff.command('kustomization'))
    .description('server-side dry-run diff of a local Kustomization build against the cluster (exit 1 on differences)')
    .option('--progress-bar [bool]', 'show progress on a terminal', parseBool, true)
    .addHelpText(
      'after',
      '\nExamples:\n  sluice diff kustomization my-app --path ./path/to/local/manifests\n' +
        '  sluice diff ks my-app --path ./manifests --kustomization-file ./my-app.yaml --progress-bar=false\n',
    )
    .action(async (name: string, f: DiffFlags, cmd: Command) => {
      const g = globalOptions(cmd);
      const tty = f.progressBar !== false && Boolean(process.stderr.isTTY);
      const kube = kubeClientFor(g);
      try {
        if (!f.path) throw new Error('invalid resource path: use --path DIR');
        const ks = await loadKustomization({ name, namespace: g.namespace, file: f.kustomizationFile, dryRun: false, kube });
        const objects = await buildKustomization(ks, {
          path: f.path,
          ignorePaths: f.ignorePaths,
          strictSubstitute: f.strictSubstitute,
          kube,
        });
        const res = await diffObjects(kube, ks, objects, (done, total) => {
          if (tty) process.stderr.write(`\r◎ Kustomization diffing: ${done}/${total}`);
        });
        if (tty) process.stderr.write('\r\x1b[K');
        process.stdout.write(renderDiff(res.entries));
        if (res.errors.length > 0) {
          for (const e of res.errors) process.stderr.write(`✗ ${e}\n`);
          process.exitCode = 2;
        } else process.exitCode = res.entries.length > 0 ? 1 : 0;
      } catch (err) {
        process.stderr.write(`✗ ${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = 2;
      } finally {
        kube.close();
      }
    });
}
