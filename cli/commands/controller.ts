/**
 * `sluice controller --controllers=source,kustomize,…`: runs any subset of the Flux controllers in
 * one process with Flux's common flags (see runtime/manager/flags.ts). Controllers register here:
 * one line per controller in `controllerRegistry`, a lazy import of its setup module (the registry
 * lives in cli/ because controllers/<a> may not import controllers/<b>).
 */
import type { Command } from 'commander';
import { addKustomizeFlags } from '../../controllers/kustomize/flags.js';
import { addSourceFlags } from '../controllers/source-flags.js';
import { addManagerFlags, fluxControllers, runControllers } from '../../runtime/manager/index.js';
import type { ControllerRegistry, ManagerFlagValues } from '../../runtime/manager/index.js';

/** name → { load, addFlags }. A name missing here is "not available in this build". */
export const controllerRegistry: ControllerRegistry = {
  source: {
    load: async () => (await import('../controllers/source.js')).sourceController,
    addFlags: addSourceFlags,
  },
  kustomize: {
    load: async () => (await import('../../controllers/kustomize/index.js')).kustomizeController,
    addFlags: addKustomizeFlags,
  },
};

export function register(program: Command): void {
  const cmd = program
    .command('controller')
    .description('run Flux controllers (source, kustomize, helm, notification, image-reflector, image-automation) in one process')
    .option('--controllers <names>', `comma-separated controllers to run (default: every available one of ${fluxControllers.join(',')})`);
  addManagerFlags(cmd);
  for (const entry of Object.values(controllerRegistry)) entry.addFlags?.(cmd);
  cmd.addHelpText('after', '\nExamples:\n  sluice controller --controllers=source,kustomize --kubeconfig=$KUBECONFIG --health-addr=127.0.0.1:9440 --metrics-addr=127.0.0.1:8080\n');
  cmd.action(async (opts: ManagerFlagValues & { controllers?: string } & Record<string, unknown>) => {
    // The root command defines --kubeconfig/--context too (global flags), and commander gives an option
    // both define to the root: take them from there when given after `controller`.
    const root = cmd.parent?.opts<{ kubeconfig?: string; context?: string }>() ?? {};
    const flags = {
      ...opts,
      ...(opts.kubeconfig === undefined && root.kubeconfig ? { kubeconfig: root.kubeconfig } : {}),
      ...(opts.context === undefined && root.context ? { context: root.context } : {}),
    };
    process.exitCode = await runControllers({
      registry: controllerRegistry,
      requested: opts.controllers?.split(','),
      flags,
    });
  });
}
