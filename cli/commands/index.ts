/**
 * Every top-level command module. Each exports `register(program)`; add one import + one entry per module.
 */
import type { Command } from 'commander';
import * as version from './version.js';
import * as dev from './dev.js';
import * as completion from './completion.js';
import * as install from './install.js';
import * as kustomize from './kustomize.js';
import * as get from './get.js';
import * as suspend from './suspend.js';
import * as reconcile from './reconcile.js';
import * as exportCmd from './export.js';
import * as deleteCmd from './delete.js';
import * as create from './create.js';
import * as bootstrap from './bootstrap.js';
import * as up from './up.js';
import * as down from './down.js';
import * as check from './check.js';
import * as uninstall from './uninstall.js';
import * as events from './events.js';
import * as tree from './tree.js';
import * as trace from './trace.js';
import * as logs from './logs.js';
import * as controller from './controller.js';
import * as buildCmd from './build.js';
import * as diffCmd from './diff.js';

export interface CommandModule {
  register(program: Command): void;
}

export const commandModules: readonly CommandModule[] = [
  version,
  dev,
  completion,
  install,
  kustomize,
  get,
  suspend,
  reconcile,
  exportCmd,
  deleteCmd,
  create,
  bootstrap,
  up,
  down,
  check,
  uninstall,
  events,
  tree,
  trace,
  logs,
  controller,
  buildCmd,
  diffCmd,
];
