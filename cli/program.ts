/**
 * The command tree of the `sluice` executable, without side effects (tests build it too).
 */
import type { Command } from 'commander';
import { commandModules } from './commands/index.js';
import { newProgram } from './program-shell.js';

export function buildProgram(): Command {
  return newProgram(commandModules);
}
