/**
 * The command tree of the `sluice` executable, without side effects (tests build it too).
 */
import { Command } from 'commander';
import { commandModules } from './commands/index.js';
import { addGlobalFlags } from './kube/globals.js';
import { sluiceVersion } from './version.js';

export function buildProgram(): Command {
  const program = new Command('sluice')
    .description('GitOps toolkit, API-compatible with Flux v2.7')
    .version(sluiceVersion, '-v, --version', 'print the sluice version')
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: true });
  addGlobalFlags(program);
  for (const m of commandModules) m.register(program);
  return program;
}
