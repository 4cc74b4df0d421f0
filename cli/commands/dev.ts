import type { Command } from 'commander';
import {
  clusterRunning,
  readClusterState,
  startCluster,
  stopCluster,
} from '../../runtime/controlplane/index.js';

interface DirOpts {
  dir: string;
}

export function register(program: Command): void {
  const dev = program.command('dev').description('development helpers: a local Kubernetes control plane');
  const cluster = dev
    .command('cluster')
    .description('a real etcd + kube-apiserver + kube-controller-manager on loopback, built from Go modules');

  cluster
    .command('start')
    .description('start a local control plane in DIR and write DIR/kubeconfig; returns once it is ready')
    .option('--dir <dir>', 'folder for the PKI, etcd data, logs, kubeconfig and state', '.sluice/cluster')
    .option(
      '--no-controller-manager',
      'do not start kube-controller-manager (no garbage collection or namespace deletion)',
    )
    .option(
      '--workload-controllers',
      'also run the Deployment and ReplicaSet controllers (no pods are ever scheduled)',
      false,
    )
    .addHelpText(
      'after',
      '\nExamples:\n  sluice dev cluster start --dir /tmp/c && export KUBECONFIG=/tmp/c/kubeconfig\n',
    )
    .action(async (opts: DirOpts & { controllerManager: boolean; workloadControllers: boolean }) => {
      const started = Date.now();
      const state = await startCluster({
        dir: opts.dir,
        controllerManager: opts.controllerManager,
        workloadControllers: opts.workloadControllers,
        log: (l) => process.stderr.write(`► ${l}\n`),
      });
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      process.stderr.write(
        state.reused
          ? `✔ control plane already running at ${state.server}\n`
          : `✔ control plane ${state.kubeVersion} ready at ${state.server} in ${secs}s\n`,
      );
      process.stdout.write(`${state.kubeconfig}\n`);
    });

  cluster
    .command('stop')
    .description('stop exactly the processes that `dev cluster start` launched for DIR')
    .option('--dir <dir>', 'the folder given to start', '.sluice/cluster')
    .action(async (opts: DirOpts) => {
      const { stopped } = await stopCluster(opts.dir);
      process.stderr.write(stopped.length ? `✔ stopped ${stopped.join(', ')}\n` : '✔ nothing was running\n');
    });

  cluster
    .command('status')
    .description('show whether the control plane in DIR runs')
    .option('--dir <dir>', 'the folder given to start', '.sluice/cluster')
    .action(async (opts: DirOpts) => {
      const state = await readClusterState(opts.dir);
      if (!state || !clusterRunning(state)) {
        process.stdout.write('not running\n');
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`running at ${state.server} (kubeconfig ${state.kubeconfig})\n`);
      for (const p of state.processes) process.stdout.write(`  ${p.name}\tpid ${p.pid}\tlog ${p.log}\n`);
    });
}
