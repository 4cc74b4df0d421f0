/**
 * The `sluice` executable: Flux's CLI verbs, the controller runner and the local sandbox.
 */
import { CommanderError } from 'commander';
import type { Command } from 'commander';

// `sluice get … | head` closes the pipe early: stop quietly, as a Unix tool does.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

/**
 * `sluice controller …` (the image's entry point) builds a tree with only the controller command, so the
 * long-running process never imports the other verbs' modules (~10 MiB resident); anything else gets
 * the full tree.
 */
async function programFor(argv: readonly string[]): Promise<Command> {
  if (argv[0] === 'controller') {
    const [{ newProgram }, controller] = await Promise.all([import('./program-shell.js'), import('./commands/controller.js')]);
    return newProgram([controller]);
  }
  return (await import('./program.js')).buildProgram();
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = (await programFor(argv)).exitOverride();
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
