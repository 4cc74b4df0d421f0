/**
 * `sluice up` — the one-command local sandbox — and its `--detach` form.
 */
import { Option, type Command } from 'commander';
import { globalOptions } from '../kube/globals.js';
import { stderrLogger } from '../output/logger.js';
import { runDetached } from '../up/detach.js';
import { exampleRepository } from '../up/repo.js';
import { usage, runUp } from '../up/run.js';
import { processAlive, readUpState, upPaths } from '../up/state.js';

interface UpFlags {
  dir: string;
  repo?: string;
  path: string;
  detach: boolean;
  serve: boolean;
}

export function register(program: Command): void {
  program
    .command('up')
    .description('start a local sandbox: control plane, controllers, a Git server with an example repository, bootstrapped to Ready')
    .option('--dir <dir>', 'folder for all state: kubeconfig, logs, Git repositories, artifacts', '.sluice')
    .option('--repo <path|url>', 'repository to serve instead of the bundled example: a folder, a Git repository or a URL')
    .option('--path <dir>', 'path in the repository to bootstrap (flux-system is written under it)', 'cluster/kimawesome')
    .option('--detach', 'return once everything is Ready and leave it running in the background', false)
    .addOption(new Option('--serve', 'run as the background process of --detach').hideHelp().default(false))
    .addHelpText(
      'after',
      `
Examples:
  # The example repository, with live progress; Ctrl-C stops everything
  sluice up

  # Your own repository, in the background
  sluice up --repo ~/src/fleet --path clusters/dev --detach
  sluice down
`,
    )
    .action(async (f: UpFlags, cmd: Command) => {
      const g = globalOptions(cmd);
      const paths = upPaths(f.dir);
      const log = stderrLogger();
      const existing = await readUpState(paths);
      if (existing && existing.pid !== process.pid && processAlive(existing.pid)) {
        log.successf(`sluice up is already running in ${paths.dir} (pid ${existing.pid})`);
        process.stdout.write(usage(paths));
        return;
      }
      const repo = f.repo ?? exampleRepository();
      const tty = Boolean(process.stderr.isTTY);
      if (f.detach && !f.serve) {
        const args = ['--dir', paths.dir, '--repo', repo, '--path', f.path, '--timeout', `${Math.round(g.timeoutMs / 1000)}s`];
        const state = await runDetached({ paths, args, timeoutMs: g.timeoutMs, tty, log });
        log.successf(`sluice up is running in the background (pid ${state.pid})`);
        process.stdout.write(usage(paths));
        return;
      }
      const ac = new AbortController();
      const stop = (): void => ac.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        process.exitCode = await runUp({ paths, repo, path: f.path, timeoutMs: g.timeoutMs, detached: f.serve, log, tty: tty && !f.serve }, ac.signal);
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
}
