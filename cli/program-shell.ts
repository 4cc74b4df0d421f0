/**
 * The `sluice` root command with its global flags and the given command modules, without side effects.
 * cli/program.ts passes every module; `sluice controller …` passes only the controller's (cli/main.ts),
 * so a long-running controller process does not keep every CLI verb's module tree in memory.
 */
import { Command } from 'commander';
import type { CommandModule } from './commands/index.js';
import { addGlobalFlags } from './kube/globals.js';
import { sluiceVersion } from './version.js';

export function newProgram(modules: readonly CommandModule[]): Command {
  const program = new Command('sluice')
    .description('GitOps toolkit, API-compatible with Flux v2.7')
    .version(sluiceVersion, '-v, --version', 'print the sluice version')
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: true });
  addGlobalFlags(program);
  for (const m of modules) m.register(program);
  return program;
}
