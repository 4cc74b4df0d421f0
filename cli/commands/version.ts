import type { Command } from 'commander';
import { fluxCompatVersion, sluiceVersion } from '../version.js';

export function register(program: Command): void {
  program
    .command('version')
    .description('print the sluice version and the Flux version it is compatible with')
    .option('-o, --output <format>', 'output format: text, json or yaml', 'text')
    .action((opts: { output: string }) => {
      const info = { sluice: sluiceVersion, flux: fluxCompatVersion };
      if (opts.output === 'json') process.stdout.write(JSON.stringify(info, null, 2) + '\n');
      else if (opts.output === 'yaml') process.stdout.write(`sluice: ${info.sluice}\nflux: ${info.flux}\n`);
      else process.stdout.write(`sluice: ${info.sluice}\nflux: ${info.flux}\n`);
    });
}
