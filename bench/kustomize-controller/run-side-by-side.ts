/**
 * Issue 5 benchmark, side by side: upstream fluxcd/source-controller + kustomize-controller vs
 * Sluice's source and kustomize controllers on the flux-benchmark Kustomization shape (workload.ts),
 * each implementation on its own fresh control plane in the same run.
 *
 *   node --import tsx bench/kustomize-controller/run-side-by-side.ts --n 100 --impl both   (issue sizes: 100, 500, 1000)
 *
 * Flags: see bench/harness/cli.ts. Writes its table into docs/benchmarks.md ("Controllers side by side").
 * A benchmark, not a test: run by hand, never in CI.
 */
import { sideBySideMain } from '../harness/cli.js';
import { kustomizationsWorkload } from './workload.js';

process.exitCode = await sideBySideMain(kustomizationsWorkload, 'bench/kustomize-controller/run-side-by-side.ts', [100, 500, 1000]);
