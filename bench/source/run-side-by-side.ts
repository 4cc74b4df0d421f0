/**
 * Issue 3 benchmark, side by side: upstream fluxcd/source-controller vs Sluice's source controller on
 * N GitRepositories (workload.ts), each implementation on its own fresh control plane in the same run.
 *
 *   node --import tsx bench/source/run-side-by-side.ts --n 100 --impl both     (issue sizes: 100, 1000)
 *
 * Flags: see bench/harness/cli.ts. Writes its table into docs/benchmarks.md ("Controllers side by side").
 * A benchmark, not a test: run by hand, never in CI.
 */
import { sideBySideMain } from '../harness/cli.js';
import { gitRepositoriesWorkload } from './workload.js';

process.exitCode = await sideBySideMain(gitRepositoriesWorkload, 'bench/source/run-side-by-side.ts', [100, 1000]);
