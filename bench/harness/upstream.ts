/**
 * Upstream Flux: fluxcd/source-controller and fluxcd/kustomize-controller built from Go modules by
 * scripts/build-flux-upstream.sh, run as local processes with the flags of test-stack.md §4.3 and the
 * flux-benchmark settings (reference/flux-benchmark-workload.md §2, §4.5): --concurrent 10 / 20,
 * ExternalArtifact gate on for kustomize-controller, GOMEMLIMIT=1GiB, GOMAXPROCS 1 / 2,
 * kustomize-controller's temp dir on tmpfs, events only as Kubernetes Events (no --events-addr).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { sluiceCacheDir } from '../../runtime/controlplane/index.js';
import { freePort } from '../../runtime/controlplane/ports.js';
import type { ControllerName, ImplContext, Implementation, LoggedChild, RunningImpl } from './implementation.js';
import { commonControllerFlags, spawnLogged, storageFlags, settleMs, waitHttpOk } from './implementation.js';

const run = promisify(execFile);
const buildScript = fileURLToPath(new URL('../../scripts/build-flux-upstream.sh', import.meta.url));

/** The versions scripts/build-flux-upstream.sh builds (kept in step with its defaults). */
export const upstreamVersions: Readonly<Record<ControllerName, string>> = {
  source: process.env.SLUICE_FLUX_SOURCE_VERSION ?? 'v1.7.3',
  kustomize: process.env.SLUICE_FLUX_KUSTOMIZE_VERSION ?? 'v1.7.3',
};

const binaryName = (c: ControllerName): string => `${c}-controller`;

export function upstreamBinary(c: ControllerName): string {
  return join(sluiceCacheDir(), 'bin', `flux-${binaryName(c)}-${upstreamVersions[c]}`, binaryName(c));
}

export const fluxUpstream: Implementation = {
  id: 'flux',
  label: (controllers) => controllers.map((c) => `${binaryName(c)} ${upstreamVersions[c]}`).join(' + '),

  async prepare(controllers, log) {
    const missing = controllers.filter((c) => !existsSync(upstreamBinary(c)));
    if (missing.length === 0) return;
    log(`building upstream ${missing.map(binaryName).join(', ')} (scripts/build-flux-upstream.sh)`);
    const { stderr } = await run('bash', [buildScript, ...missing.map(binaryName)], {
      maxBuffer: 64 * 1024 * 1024,
    });
    for (const line of stderr.split('\n').filter((l) => l.startsWith('[build-flux-upstream]'))) log(line);
  },

  async start(ctx: ImplContext): Promise<RunningImpl> {
    const children: LoggedChild[] = [];
    const stop = async (): Promise<void> => {
      for (const c of children.reverse()) await c.stop();
    };
    try {
      const storagePort = await freePort();
      for (const c of ctx.controllers) {
        const [metricsPort, healthPort] = [await freePort(), await freePort()];
        const common = commonControllerFlags(metricsPort, healthPort);
        const identity = c === 'source' ? 'source-controller' : 'kustomize-controller';
        const tmp = join(c === 'kustomize' ? ctx.fastTmp : ctx.workDir, `tmp-${c}`);
        mkdirSync(tmp, { recursive: true });
        const args =
          c === 'source'
            ? [...common, '--concurrent=10', ...storageFlags(join(ctx.workDir, 'artifacts'), storagePort)]
            : [...common, '--concurrent=20', '--feature-gates=ExternalArtifact=true'];
        const child = spawnLogged(
          binaryName(c),
          upstreamBinary(c),
          args,
          {
            KUBECONFIG: ctx.cluster.kubeconfigs[identity],
            RUNTIME_NAMESPACE: 'flux-system',
            GOMEMLIMIT: '1GiB',
            GOMAXPROCS: c === 'source' ? '1' : '2',
            TMPDIR: tmp,
          },
          join(ctx.workDir, `${binaryName(c)}.log`),
        );
        children.push(child);
        await waitHttpOk(child, healthPort, '/readyz');
      }
      await sleep(settleMs);
      ctx.log(`upstream ${ctx.controllers.map(binaryName).join(', ')} running`);
    } catch (err) {
      await stop();
      throw err;
    }
    return {
      processes: children.map((c) => ({ pid: c.child.pid ?? 0, name: c.name })),
      logs: children.map((c) => c.log),
      stop,
    };
  },
};
