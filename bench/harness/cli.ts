/**
 * The command line shared by the bench entry points (bench/<controller>/run-side-by-side.ts):
 *   --n <count>                    objects per kind (default: the workload's first size)
 *   --impl flux|sluice|both        which implementation(s); both run sequentially, Flux first,
 *                                  each on its own fresh control plane
 *   --timeout <seconds>            per phase (default 1800)
 *   --no-docs                      do not write docs/benchmarks.md
 *   --json <file>                  also write the raw results as JSON
 *   --keep                         keep the controllers' work dirs (logs, storage)
 *   --sluice-layout combined|split one Sluice process for all controllers (default) or one per
 *                                  controller (see bench/harness/sluice.ts)
 *   --sluice-run compiled|source   the tsc build, cached per source-tree hash (default), or the
 *                                  TypeScript sources through tsx (see bench/harness/sluice-build.ts)
 * Prints the markdown table; writes it into docs/benchmarks.md ("Controllers side by side").
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Command, Option } from 'commander';
import type { Implementation } from './implementation.js';
import { renderSubsection, writeToDoc, benchmarksDoc } from './report.js';
import type { ReportInput } from './report.js';
import { runOne, teardownActiveRuns } from './run.js';
import type { ImplResult } from './run.js';
import { sluiceImplementation } from './sluice.js';
import type { SluiceLayout, SluiceRun } from './sluice.js';
import { fluxUpstream } from './upstream.js';
import type { Workload } from './workload.js';

export async function sideBySideMain(workload: Workload, entry: string, sizes: readonly number[], argv = process.argv): Promise<number> {
  const program = new Command()
    .name(entry)
    .option('--n <count>', `objects per kind (issue sizes: ${sizes.join(', ')})`, String(sizes[0]))
    .addOption(new Option('--impl <which>', 'implementation(s) to run').choices(['flux', 'sluice', 'both']).default('both'))
    .option('--timeout <seconds>', 'per-phase timeout', '1800')
    .option('--no-docs', 'do not write docs/benchmarks.md')
    .option('--json <file>', 'write the raw results as JSON')
    .option('--keep', 'keep the controllers work dirs (logs, artifact storage)', false)
    .addOption(new Option('--sluice-layout <layout>', 'Sluice processes').choices(['combined', 'split']).default('combined'))
    .addOption(new Option('--sluice-run <how>', 'run Sluice from its tsc build or its sources').choices(['compiled', 'source']).default('compiled'))
    .parse(argv);
  const o = program.opts<{
    n: string;
    impl: 'flux' | 'sluice' | 'both';
    timeout: string;
    docs: boolean;
    json?: string;
    keep: boolean;
    sluiceLayout: SluiceLayout;
    sluiceRun: SluiceRun;
  }>();
  const n = Number(o.n);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--n must be a positive integer, got ${o.n}`);
  const sluice = sluiceImplementation(o.sluiceLayout, o.sluiceRun);
  const impls: Implementation[] = o.impl === 'both' ? [fluxUpstream, sluice] : [o.impl === 'flux' ? fluxUpstream : sluice];
  const log = (line: string): void => console.error(`${new Date().toISOString().slice(11, 19)} ${line}`);
  const startedAt = new Date();
  const loadAtStart = loadavg();
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      log(`${sig}: stopping controllers and control planes`);
      void teardownActiveRuns().finally(() => process.exit(130));
    });
  }
  const results: ImplResult[] = [];
  for (const impl of impls) {
    results.push(await runOne(impl, { n, workload, timeoutMs: Number(o.timeout) * 1000, keep: o.keep, log }));
  }
  const input: ReportInput = {
    workloadId: workload.id,
    description: workload.describe(n),
    command: `node --import tsx ${entry} --n ${n} --impl ${o.impl}${o.impl !== 'flux' && o.sluiceLayout !== 'combined' ? ` --sluice-layout ${o.sluiceLayout}` : ''}${o.impl !== 'flux' && o.sluiceRun !== 'compiled' ? ` --sluice-run ${o.sluiceRun}` : ''}`,
    results,
    startedAt,
    loadAtStart,
  };
  console.log(renderSubsection(input, n));
  if (o.json) writeFileSync(o.json, JSON.stringify({ ...input, n }, null, 2) + '\n');
  if (o.docs) {
    writeToDoc(input, n);
    log(`wrote ${benchmarksDoc}`);
  }
  return results.some((r) => r.error) ? 1 : 0;
}
