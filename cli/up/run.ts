/**
 * `sluice up`: the local control plane (started or reused under DIR/cluster), the CRDs and the
 * flux-system namespace, the built controllers in this process, the example (or --repo) repository
 * served by a loopback Git server, bootstrapped at --path, and live progress until every
 * Kustomization is Ready. Stops everything it started on Ctrl-C/SIGTERM (`sluice down`).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultInstallOptions, installManifests } from '../../api/install/manifests.js';
import { KubeClient, type KubeObject } from '../../runtime/client/index.js';
import { applyInstall } from '../install/apply.js';
import { startCluster, stopCluster } from '../../runtime/controlplane/index.js';
import { freePort } from '../../runtime/controlplane/ports.js';
import { bootstrapGit } from '../bootstrap/run.js';
import type { CliLogger } from '../output/logger.js';
import { fluxCompatVersion, sluiceVersion } from '../version.js';
import { startControllers, type InProcessControllers } from './controllers.js';
import { startGitServer, type GitServer } from './git-server.js';
import { followUntilReady, lineView, ttyView } from './progress.js';
import { prepareRepository } from './repo.js';
import { readUpState, removeUpState, writeUpState, type UpPaths, type UpState } from './state.js';

export interface UpOptions {
  readonly paths: UpPaths;
  /** Folder, Git repository or URL to serve. */
  readonly repo: string;
  /** Path bootstrap writes flux-system under and the sync Kustomization reconciles. */
  readonly path: string;
  readonly timeoutMs: number;
  /** Running as the detached child of `up --detach`: no live table, state records `detached`. */
  readonly detached: boolean;
  readonly log: CliLogger;
  /** Live table (TTY) or plain lines. */
  readonly tty: boolean;
}

/** Everything started, for an orderly stop in reverse order. */
interface Started {
  controllers?: InProcessControllers;
  git?: GitServer;
  cluster?: boolean;
}

export function usage(p: UpPaths): string {
  return [
    '',
    'Use it:',
    `  export KUBECONFIG=${p.kubeconfig}`,
    '  kubectl get kustomizations -A',
    '  sluice get all -A',
    `  sluice logs --dir ${p.dir}`,
    '',
    `Stop it: Ctrl-C in the terminal running \`sluice up\`, or \`sluice down --dir ${p.dir}\``,
    '',
  ].join('\n');
}

async function shutdown(s: Started, p: UpPaths, log: CliLogger): Promise<void> {
  if (s.controllers) {
    await s.controllers.stop();
    log.successf('controllers stopped');
  }
  if (s.git) {
    await s.git.close();
    log.successf('Git server stopped');
  }
  if (s.cluster) {
    const { stopped } = await stopCluster(p.cluster);
    log.successf(stopped.length ? `stopped ${stopped.join(', ')}` : 'control plane was not running');
  }
  await removeUpState(p);
}

/** Runs until `signal` aborts; resolves with the exit code. `onReady` fires once everything is Ready. */
export async function runUp(o: UpOptions, signal: AbortSignal, onReady?: () => void): Promise<number> {
  const { paths: p, log } = o;
  const started: Started = {};
  const previous = await readUpState(p);
  const t0 = Date.now();
  try {
    await mkdir(p.logs, { recursive: true });
    await mkdir(p.artifacts, { recursive: true });
    log.actionf(`state directory ${p.dir}`);

    log.actionf('starting the local control plane');
    started.cluster = true;
    // Workload controllers give the example's `replicas: 0` Deployments a status, so health checks pass.
    const cluster = await startCluster({ dir: p.cluster, workloadControllers: true, log: (l) => log.actionf(l) });
    log.successf(cluster.reused ? `control plane already running at ${cluster.server}` : `control plane ${cluster.kubeVersion} ready at ${cluster.server}`);
    if (signal.aborted) return 130;


    const repo = await prepareRepository(p.git, o.repo);
    log.successf(`${repo.created ? 'created' : 'reusing'} repository ${repo.bare} (branch ${repo.branch})`);
    const secret = { username: 'git', password: randomBytes(18).toString('base64url') };
    started.git = await startGitServer({ root: p.git, ...secret, port: previous?.gitPort });
    const gitUrl = `${started.git.url}/${repo.name}`;
    log.successf(`serving ${repo.name} at ${gitUrl}`);

    const kube = KubeClient.fromKubeConfig({ kubeconfigPath: cluster.kubeconfig }, { fieldManager: 'flux', userAgent: 'sluice-up' });
    const install = { ...defaultInstallOptions(`ghcr.io/sluice/sluice:v${sluiceVersion}`, fluxCompatVersion) };
    // CRDs before the controllers start, so their informers list at once instead of retrying.
    const crds = (installManifests(install) as unknown as KubeObject[]).filter((x) => x.kind === 'Namespace' || x.kind === 'CustomResourceDefinition');
    await applyInstall(kube, crds, { timeoutMs: o.timeoutMs });
    log.successf(`installed ${crds.length - 1} CRDs and the ${install.namespace} namespace`);

    started.controllers = startControllers({
      kubeconfig: cluster.kubeconfig,
      logFile: join(p.logs, 'controllers.log'),
      storagePath: p.artifacts,
      storageAddr: `127.0.0.1:${await freePort()}`,
    });
    log.successf(`controllers running in-process: ${started.controllers.names.join(', ')} (logs: ${join(p.logs, 'controllers.log')})`);
    const state: UpState = {
      pid: process.pid,
      startedAt: new Date().toISOString(),
      detached: o.detached,
      gitPort: started.git.port,
      repository: repo.bare,
      gitUrl,
    };
    await writeUpState(p, state);

    const failed = started.controllers.done.then((code) => {
      if (!signal.aborted) throw new Error(`the controllers stopped (exit code ${code}); see ${join(p.logs, 'controllers.log')}`);
    });
    await Promise.race([
      failed,
      bootstrapGit({
        kube,
        url: gitUrl,
        branch: repo.branch,
        path: o.path,
        interval: '1m0s',
        credentials: secret,
        install,
        installMode: 'crds',
        secretName: 'flux-system',
        author: { name: 'Flux', email: 'flux@localhost' },
        log,
        timeoutMs: o.timeoutMs,
      }),
    ]);
    const view = o.tty ? ttyView() : lineView();
    const remaining = Math.max(10_000, o.timeoutMs - (Date.now() - t0));
    await Promise.race([failed, followUntilReady(kube, install.namespace, view, { timeoutMs: remaining, signal })]);
    await writeUpState(p, { ...state, ready: true });
    log.successf(`all Kustomizations are Ready in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    process.stdout.write(usage(p));
    onReady?.();
    // Serve until asked to stop, or until the controllers die (then report why).
    const crashed = await new Promise<Error | undefined>((resolve) => {
      if (signal.aborted) resolve(undefined);
      else signal.addEventListener('abort', () => resolve(undefined), { once: true });
      failed.catch((err: unknown) => resolve(err instanceof Error ? err : new Error(String(err))));
    });
    if (crashed) throw crashed;
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log.failuref(signal.aborted ? 'interrupted' : message);
    const current = await readUpState(p);
    if (current && o.detached) await writeUpState(p, { ...current, error: message });
    if (o.detached) await writeFile(join(p.logs, 'up.error'), message + '\n');
    return signal.aborted ? 130 : 1;
  } finally {
    log.actionf('stopping everything sluice up started');
    await shutdown(started, p, log);
  }
}
