/**
 * `sluice down`: stops what `sluice up` started in DIR — the up process (controllers, Git server)
 * by its recorded pid, then the control plane processes recorded under DIR/cluster.
 */
import type { Command } from 'commander';
import { stopCluster } from '../../runtime/controlplane/index.js';
import { stderrLogger } from '../output/logger.js';
import { processAlive, readUpState, removeUpState, upPaths } from '../up/state.js';

async function waitExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (processAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
  return true;
}

export function register(program: Command): void {
  program
    .command('down')
    .description('stop everything `sluice up` started in DIR')
    .option('--dir <dir>', 'the folder given to sluice up', '.sluice')
    .addHelpText('after', '\nExamples:\n  sluice down\n  sluice down --dir /tmp/sandbox\n')
    .action(async (f: { dir: string }) => {
      const p = upPaths(f.dir);
      const log = stderrLogger();
      const state = await readUpState(p);
      let any = false;
      if (state && processAlive(state.pid)) {
        any = true;
        log.actionf(`stopping sluice up (pid ${state.pid})`);
        process.kill(state.pid, 'SIGTERM');
        if (!(await waitExit(state.pid, 60_000))) {
          log.warningf(`sluice up (pid ${state.pid}) did not stop within 60s; killing it`);
          process.kill(state.pid, 'SIGKILL');
          await waitExit(state.pid, 5_000);
        }
        log.successf(`stopped sluice up (pid ${state.pid})`);
      }
      const { stopped } = await stopCluster(p.cluster);
      if (stopped.length) {
        any = true;
        log.successf(`stopped ${stopped.join(', ')}`);
      }
      await removeUpState(p);
      if (!any) log.successf(`nothing was running in ${p.dir}`);
    });
}
