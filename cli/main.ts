/**
 * The `sluice` executable: Flux's CLI verbs, the controller runner and the local sandbox.
 */
import { Command, CommanderError } from 'commander';
import { commandModules } from './commands/index.js';
import { sluiceVersion } from './version.js';

export function buildProgram(): Command {
  const program = new Command('sluice')
    .description('GitOps toolkit, API-compatible with Flux v2.7')
    .version(sluiceVersion, '-v, --version', 'print the sluice version')
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: true });
  for (const m of commandModules) m.register(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    process.stderr.write(`✗ ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
