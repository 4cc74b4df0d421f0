/**
 * The controller registry contract: each Flux controller (source, kustomize, helm, notification,
 * image-reflector, image-automation) provides a ControllerSetup; `sluice controller
 * --controllers=…` resolves names through a registry and runs the chosen set in one Manager, each
 * gated by its own Lease (`<name>-controller-leader-election`, as the Flux deployments).
 */
import type { Command } from 'commander';
import type { Manager } from './manager.js';

/** The six Flux controllers, in the order `sluice controller` lists them. */
export const fluxControllers = ['source', 'kustomize', 'helm', 'notification', 'image-reflector', 'image-automation'] as const;
export type FluxControllerName = (typeof fluxControllers)[number];

export interface ControllerContext {
  /** The Lease ID for this controller (already sharded by --watch-label-selector). */
  readonly leaderElectionId: string;
  /** Workers for this controller: --concurrent if given, else the controller's default. */
  readonly concurrent: number;
  /** All parsed flag values (controller-specific ones included). */
  readonly flags: Readonly<Record<string, unknown>>;
}

export interface ControllerSetup {
  /** e.g. `source`. */
  readonly name: string;
  /** Deployment/component name, e.g. `source-controller` (event source, field manager, lease prefix). */
  readonly component: string;
  /** Flux's --concurrent default for this controller. */
  readonly defaultConcurrent?: number;
  /** Registers informers, controllers and runnables on the manager. */
  setup(mgr: Manager, ctx: ControllerContext): Promise<void> | void;
}

export interface ControllerRegistration {
  /** Loads the setup (lazy, so unused controllers cost nothing at start-up). */
  load(): Promise<ControllerSetup>;
  /** Adds the controller's own flags (e.g. --storage-path) with `addOptionOnce`; called eagerly. */
  addFlags?(cmd: Command): void;
}

export type ControllerRegistry = Readonly<Record<string, ControllerRegistration>>;

/**
 * Adds an option unless a controller already added one with the same long name (kustomize and
 * helm both define --default-service-account, for example).
 */
export function addOptionOnce(cmd: Command, flags: string, description: string, defaultValue?: string | boolean): void {
  const long = /--[a-z0-9-]+/.exec(flags)?.[0];
  if (long && cmd.options.some((o) => o.long === long)) return;
  cmd.option(flags, description, defaultValue);
}

/**
 * Resolves `--controllers` values. An explicitly requested controller that is not in the registry
 * fails with a clear message; with `requested` unset, every Flux controller available is chosen.
 */
export function resolveControllers(registry: ControllerRegistry, requested: readonly string[] | undefined): { names: string[]; skipped: string[] } {
  if (!requested || requested.length === 0) {
    const names = fluxControllers.filter((n) => n in registry);
    if (names.length === 0) throw new Error(`no controller is available in this build (known: ${fluxControllers.join(', ')})`);
    return { names, skipped: fluxControllers.filter((n) => !(n in registry)) };
  }
  const names: string[] = [];
  for (const raw of requested) {
    const n = raw.trim();
    if (!n) continue;
    if (!(fluxControllers as readonly string[]).includes(n) && !(n in registry)) {
      throw new Error(`unknown controller "${n}": want one or more of ${fluxControllers.join(', ')}`);
    }
    if (!(n in registry)) throw new Error(`controller ${n} is not available in this build`);
    if (!names.includes(n)) names.push(n);
  }
  if (names.length === 0) throw new Error('no controller selected: --controllers is empty');
  return { names, skipped: [] };
}
