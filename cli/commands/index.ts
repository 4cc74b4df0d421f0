/**
 * Every top-level command module. Each exports `register(program)`; add one import + one entry per module.
 */
import type { Command } from 'commander';
import * as version from './version.js';
import * as dev from './dev.js';
import * as completion from './completion.js';
import * as install from './install.js';
import * as kustomize from './kustomize.js';

export interface CommandModule {
  register(program: Command): void;
}

export const commandModules: readonly CommandModule[] = [version, dev, completion, install, kustomize];
