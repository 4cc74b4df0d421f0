/**
 * `sluice delete <kind> <name>`: asks for confirmation on a terminal unless --silent, as flux does.
 */
import type { Command } from 'commander';
import { createInterface } from 'node:readline/promises';
import { globalOptions, kubeClientFor } from '../kube/globals.js';
import { kindSubcommands } from '../kube/objects.js';
import { stderrLogger } from '../output/logger.js';
import { humanKind } from './suspend.js';

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY)
    throw new Error('refusing to delete without confirmation: stdin is not a terminal, use --silent');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N]: `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

export function register(program: Command): void {
  const del = program
    .command('delete')
    .description('delete Flux objects')
    .addHelpText('after', '\nExamples:\n  sluice delete kustomization podinfo --silent\n');
  kindSubcommands(
    del,
    () => true,
    (c, k) => {
      c.argument('<name>', 'object name')
        .option('-s, --silent', 'delete without asking for confirmation', false)
        .action(async (name: string, flags: { silent?: boolean }, self: Command) => {
          const g = globalOptions(self);
          const kube = kubeClientFor(g);
          const log = stderrLogger();
          const ref = { apiVersion: k.apiVersion, kind: k.kind, namespace: g.namespace, name };
          await kube.get(ref);
          if (!flags.silent && !(await confirm(`Are you sure you want to delete this ${humanKind(k)}`))) {
            log.failuref('aborting');
            process.exitCode = 1;
            return;
          }
          log.actionf(`deleting ${humanKind(k)} ${name} in ${g.namespace} namespace`);
          await kube.delete(ref, { propagationPolicy: 'Background' });
          log.successf(`${humanKind(k)} deleted`);
        });
    },
  );
}
