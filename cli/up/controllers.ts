/**
 * The Flux controllers of this build, run in the `sluice up` process through the same registry and
 * manager as `sluice controller`, with JSON logs in DIR/logs/controllers.log and artifacts in DIR/artifacts.
 */
import { createWriteStream } from 'node:fs';
import { Command } from 'commander';
import { createLogger } from '../../runtime/logging/index.js';
import { addManagerFlags, resolveControllers, runControllers } from '../../runtime/manager/index.js';
import type { ManagerFlagValues } from '../../runtime/manager/index.js';
import { controllerRegistry } from '../commands/controller.js';

export interface InProcessControllers {
  /** The controllers running, e.g. ['source', 'kustomize']. */
  readonly names: readonly string[];
  /** Resolves with the manager's exit code once stopped. */
  readonly done: Promise<number>;
  stop(): Promise<void>;
}

export interface ControllersOptions {
  readonly kubeconfig: string;
  readonly logFile: string;
  readonly storagePath: string;
  /** 127.0.0.1:<port> for the artifact server. */
  readonly storageAddr: string;
}

/** Flag values as `sluice controller` would parse them from this argv (defaults included). */
function parseFlags(o: ControllersOptions): ManagerFlagValues & Record<string, unknown> {
  const cmd = new Command('controller').exitOverride().allowUnknownOption(false);
  addManagerFlags(cmd);
  for (const entry of Object.values(controllerRegistry)) entry.addFlags?.(cmd);
  const has = (long: string): boolean => cmd.options.some((x) => x.long === long);
  const argv = ['--kubeconfig', o.kubeconfig, '--health-addr', '127.0.0.1:0', '--metrics-addr', '127.0.0.1:0'];
  if (has('--storage-path')) argv.push('--storage-path', o.storagePath);
  if (has('--storage-addr')) argv.push('--storage-addr', o.storageAddr);
  if (has('--storage-adv-addr')) argv.push('--storage-adv-addr', o.storageAddr);
  cmd.parse(argv, { from: 'user' });
  return cmd.opts<ManagerFlagValues & Record<string, unknown>>();
}

export function availableControllers(): string[] {
  return resolveControllers(controllerRegistry, undefined).names;
}

export function startControllers(o: ControllersOptions): InProcessControllers {
  const names = availableControllers();
  const out = createWriteStream(o.logFile, { flags: 'a' });
  const log = createLogger({ level: 'info', encoding: 'json', destination: out });
  const ac = new AbortController();
  const done = runControllers({ registry: controllerRegistry, flags: parseFlags(o), signal: ac.signal, log, userAgent: 'sluice-up' });
  return {
    names,
    done,
    stop: async () => {
      ac.abort();
      await done.catch(() => 1);
      await new Promise<void>((r) => out.end(() => r()));
    },
  };
}
