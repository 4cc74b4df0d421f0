/** The flags `sluice build kustomization` and `sluice diff kustomization` share, as flux has them. */
import type { Command } from 'commander';

export interface SharedBuildFlags {
  path?: string;
  kustomizationFile?: string;
  ignorePaths: string[];
  strictSubstitute: boolean;
}

const collect = (v: string, prev: string[]): string[] => [...prev, ...v.split(',').filter((s) => s !== '')];

/** `<name>`, --path, --kustomization-file, --ignore-paths, --strict-substitute. */
export function addBuildFlags(cmd: Command): Command {
  return cmd
    .alias('ks')
    .argument('<name>', 'Kustomization name')
    .option('--path <dir>', 'path to the manifests location')
    .option('--kustomization-file <file>', 'path to a Flux Kustomization YAML file')
    .option('--ignore-paths <patterns>', 'gitignore-style patterns to leave out (comma separated, repeatable)', collect, [])
    .option('--strict-substitute', 'fail when a ${var} without a default has no value', false);
}
