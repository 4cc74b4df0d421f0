/**
 * Sluice: `node bin/sluice.js controller --controllers=<list>` (one Node process hosting the requested
 * controllers) with flags equivalent to the upstream run in upstream.ts: same concurrency, leader
 * election on, loopback storage/metrics/health addresses, a ServiceAccount token identity.
 * Runs from the TypeScript sources through tsx unless dist/ is built (bin/sluice.js decides).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../runtime/controlplane/ports.js';
import type { ImplContext, Implementation, RunningImpl } from './implementation.js';
import { commonControllerFlags, spawnLogged, storageFlags, waitHttpOk, waitLeases } from './implementation.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(repoRoot, 'bin', 'sluice.js');

export const sluiceImplementation: Implementation = {
  id: 'sluice',
  label: (controllers) => `sluice controller --controllers=${controllers.join(',')} (one Node ${process.version} process)`,

  async prepare() {
    // Nothing to build: bin/sluice.js runs dist/ when built, the sources through tsx otherwise.
  },

  async start(ctx: ImplContext): Promise<RunningImpl> {
    const [storagePort, metricsPort, healthPort] = [await freePort(), await freePort(), await freePort()];
    const tmp = join(ctx.fastTmp, 'tmp-sluice');
    mkdirSync(tmp, { recursive: true });
    const args = [
      cli,
      'controller',
      `--controllers=${ctx.controllers.join(',')}`,
      ...commonControllerFlags(metricsPort, healthPort),
      ...(ctx.controllers.includes('source')
        ? ['--source-concurrent=10', ...storageFlags(join(ctx.workDir, 'artifacts'), storagePort)]
        : []),
      ...(ctx.controllers.includes('kustomize')
        ? ['--kustomize-concurrent=20', '--feature-gates=ExternalArtifact=true']
        : []),
    ];
    const child = spawnLogged(
      'sluice',
      process.execPath,
      args,
      {
        KUBECONFIG: ctx.cluster.kubeconfigs[ctx.controllers.includes('kustomize') ? 'kustomize-controller' : 'source-controller'],
        RUNTIME_NAMESPACE: 'flux-system',
        TMPDIR: tmp,
      },
      join(ctx.workDir, 'sluice.log'),
      repoRoot,
    );
    try {
      await waitHttpOk(child, healthPort, '/readyz');
      await waitLeases(ctx, ctx.controllers.length);
    } catch (err) {
      await child.stop();
      throw err;
    }
    ctx.log(`sluice controller (${ctx.controllers.join(', ')}) running and leading`);
    return {
      processes: [{ pid: child.child.pid ?? 0, name: 'sluice' }],
      logs: [child.log],
      stop: () => child.stop(),
    };
  },
};
