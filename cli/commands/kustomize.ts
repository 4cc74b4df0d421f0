import type { Command } from 'commander';
import { resolve } from 'node:path';
import { Kustomizer } from '../../engines/kustomize/index.js';
import { DiskFileSystem } from '../../runtime/fs/disk-fs.js';

/** `sluice kustomize build DIR`: prints exactly what `kustomize build DIR` prints (kustomize v5.7.1). */
export function register(program: Command): void {
  const k = program.command('kustomize').description('native kustomize (kustomize v5.7.1 compatible)');
  k.command('build')
    .description('build a kustomization directory and print the YAML')
    .argument('<dir>', 'directory containing a kustomization.yaml')
    .action((dir: string) => {
      const fs = new DiskFileSystem(resolve(dir));
      process.stdout.write(Kustomizer.run(fs, '/').yaml);
    });
}
