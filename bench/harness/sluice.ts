/**
 * Sluice: `node bin/sluice.js controller --controllers=<list>` with flags equivalent to the upstream run
 * in upstream.ts: loopback storage/metrics/health addresses, a ServiceAccount token
 * identity, the ExternalArtifact gate when kustomize runs.
 *
 * Layouts:
 * - `combined` (default): one Node process hosting all requested controllers. `sluice controller` has a
 *   single --concurrent for every controller, so it gets the largest upstream figure among them
 *   (kustomize 20 > source 10): Sluice's source controller then has 20 workers where upstream's has 10.
 * - `split`: one process per controller, as Sluice's install manifests deploy it, with upstream's exact
 *   per-controller concurrency (source 10, kustomize 20) and identities.
 * Runs (`--sluice-run`):
 * - `compiled` (default): the tsc build a product ships, compiled once per source-tree content hash into
 *   a git-ignored cache (sluice-build.ts) and run as `node <build>/dist/cli/main.js controller …` — never
 *   a stale dist/ (an edited tree gets a new key and a new build) — with the NODE_OPTIONS the image sets
 *   (Dockerfile), as a deployed controller runs.
 * - `source`: the TypeScript sources through tsx (SLUICE_FROM_SOURCE=1), as the runs before
 *   2026-11-25 06:00 UTC did; tsx's load-time compilation and its memory count against Sluice.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../runtime/controlplane/ports.js';
import { ensureCompiledBuild, imageNodeOptions } from './sluice-build.js';
import type { ControllerName, ImplContext, Implementation, LoggedChild, RunningImpl } from './implementation.js';
import { commonControllerFlags, spawnLogged, storageFlags, settleMs, waitHttpOk } from './implementation.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(repoRoot, 'bin', 'sluice.js');

export type SluiceLayout = 'combined' | 'split';
export type SluiceRun = 'compiled' | 'source';

/** Upstream's flux-benchmark concurrency per controller. */
const upstreamConcurrency: Readonly<Record<ControllerName, number>> = { source: 10, kustomize: 20 };
const identity = (c: ControllerName): 'source-controller' | 'kustomize-controller' =>
  c === 'source' ? 'source-controller' : 'kustomize-controller';

export function sluiceImplementation(layout: SluiceLayout = 'combined', run: SluiceRun = 'compiled'): Implementation {
  let compiledMain: string | undefined;
  let buildKey: string | undefined;
  // SLUICE_BENCH_NODE_OPTIONS adds diagnostics (e.g. --heapsnapshot-signal=SIGUSR2); it shows in the label.
  const nodeOptions = [run === 'compiled' ? imageNodeOptions(repoRoot) : '', process.env.SLUICE_BENCH_NODE_OPTIONS ?? ''].filter(Boolean).join(' ');
  const groups = (controllers: readonly ControllerName[]): ControllerName[][] =>
    layout === 'split' ? controllers.map((c) => [c]) : [[...controllers]];
  const concurrency = (group: readonly ControllerName[]): number => Math.max(...group.map((c) => upstreamConcurrency[c]));
  return {
    id: 'sluice',
    label: (controllers) =>
      groups(controllers)
        .map((g) => `sluice controller --controllers=${g.join(',')} --concurrent=${concurrency(g)}`)
        .join(' + ') +
      ` (Node ${process.version}, ${run === 'compiled' ? `compiled build${buildKey ? ` ${buildKey}` : ''}` : 'sources through tsx'}${nodeOptions ? `, NODE_OPTIONS=${nodeOptions}` : ''})`,

    async prepare(_controllers, log) {
      if (run === 'source') return; // the sources run through tsx
      const build = ensureCompiledBuild(repoRoot, log);
      compiledMain = build.main;
      buildKey = build.key;
    },

    async start(ctx: ImplContext): Promise<RunningImpl> {
      const children: LoggedChild[] = [];
      const stop = async (): Promise<void> => {
        for (const c of children.reverse()) await c.stop();
      };
      try {
        const storagePort = await freePort();
        for (const group of groups(ctx.controllers)) {
          const [metricsPort, healthPort] = [await freePort(), await freePort()];
          const name = `sluice-${group.join('-')}`;
          const tmp = join(ctx.fastTmp, `tmp-${name}`);
          mkdirSync(tmp, { recursive: true });
          const entry = run === 'compiled' ? compiledMain : cli;
          if (!entry) throw new Error('sluice: prepare() did not build the compiled controller');
          const args = [
            entry,
            'controller',
            `--controllers=${group.join(',')}`,
            ...commonControllerFlags(metricsPort, healthPort),
            `--concurrent=${concurrency(group)}`,
            ...(group.includes('source') ? storageFlags(join(ctx.workDir, 'artifacts'), storagePort) : []),
            ...(group.includes('kustomize') ? ['--feature-gates=ExternalArtifact=true'] : []),
          ];
          // The combined process runs as kustomize-controller when it hosts it (both are cluster-admin SAs).
          const id = identity(group.includes('kustomize') ? 'kustomize' : group[0]!);
          const child = spawnLogged(
            name,
            process.execPath,
            args,
            {
              KUBECONFIG: ctx.cluster.kubeconfigs[id],
              RUNTIME_NAMESPACE: 'flux-system',
              TMPDIR: tmp,
              ...(run === 'source' ? { SLUICE_FROM_SOURCE: '1' } : {}),
              ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
            },
            join(ctx.workDir, `${name}.log`),
            repoRoot,
          );
          children.push(child);
          await waitHttpOk(child, healthPort, '/readyz');
        }
        await sleep(settleMs);
      } catch (err) {
        await stop();
        throw err;
      }
      ctx.log(`sluice (${layout}, ${run}: ${ctx.controllers.join(', ')}) running`);
      return {
        processes: children.map((c) => ({ pid: c.child.pid ?? 0, name: c.name })),
        logs: children.map((c) => c.log),
        stop,
      };
    },
  };
}
