import { type Command, Option } from 'commander';
import { relative, resolve, sep } from 'node:path';
import { Kustomizer, parseRepoSpec } from '../../engines/kustomize/index.js';
import { DiskFileSystem } from '../../runtime/fs/disk-fs.js';
import { buildRemoteTarget, buildWithRemotes } from '../../runtime/kustomize-fetch/index.js';

/**
 * `sluice kustomize build DIR|URL`: prints exactly what `kustomize build` prints (kustomize v5.7.1).
 * Like kustomize, a kustomization may name directories above DIR (`../base`); `--root` confines every
 * read to one directory instead (Flux builds with the root at the artifact directory). Remote resources
 * and components (git URLs, http(s) files) are fetched like kustomize does, and a target that parses as a
 * git URL is cloned and built (kustomize tries that before a local directory); `--no-remote` refuses them.
 */
export function register(program: Command): void {
  const k = program.command('kustomize').description('native kustomize (kustomize v5.7.1 compatible)');
  k.command('build')
    .description('build a kustomization directory (or a git URL of one) and print the YAML')
    .argument('<dir>', 'directory containing a kustomization.yaml, or a git URL')
    .option('--root <dir>', 'never read outside this directory', sep)
    .option('--no-remote', 'refuse remote resources and components instead of fetching them')
    .addOption(
      new Option('--load-restrictor <restrictor>', "if set to 'LoadRestrictionsNone', local kustomizations may load files from outside their root (as Flux builds)")
        .choices(['LoadRestrictionsRootOnly', 'LoadRestrictionsNone'])
        .default('LoadRestrictionsRootOnly'),
    )
    .action(async (dir: string, opts: { root: string; remote: boolean; loadRestrictor: string }) => {
      const loadRestrictions = opts.loadRestrictor === 'LoadRestrictionsNone' ? ('none' as const) : ('rootOnly' as const);
      const fetchOptions = { allowFileUrls: true, loadRestrictions };
      if (typeof parseRepoSpec(dir) !== 'string') {
        const result = opts.remote ? await buildRemoteTarget(dir, fetchOptions) : new Kustomizer({ loadRestrictions }).runRemote(dir);
        process.stdout.write(result.yaml);
        return;
      }
      const root = resolve(opts.root);
      const rel = relative(root, resolve(dir));
      if (rel.startsWith('..')) throw new Error(`${dir} is outside --root ${root}`);
      const fs = new DiskFileSystem(root);
      const path = '/' + rel.split(sep).join('/');
      const result = opts.remote ? await buildWithRemotes(fs, path, fetchOptions) : Kustomizer.run(fs, path, { loadRestrictions });
      process.stdout.write(result.yaml);
    });
}
