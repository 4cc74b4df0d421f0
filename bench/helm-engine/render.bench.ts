/**
 * Helm chart render benchmark: the scaffolded chart of test/helm-engine/cases.ts (values file, user
 * values, helpers, deployment, service, NOTES) rendered end to end — values decoded from YAML,
 * coalesced, every template rendered — by our `renderChartTemplates` and by Helm v3.19's engine in the
 * Go oracle (`helm` mode, which times the same steps inside the Go process), in the same run.
 *
 *   node --import tsx bench/helm-engine/render.bench.ts [renders-per-trial] [trials]
 *
 * Two workloads: `same values` renders with the same values text every time (a release reconciled
 * again; our decoder reuses the parse of a text it has seen), `fresh values` appends a distinct
 * comment to the values text for every render on both sides, so every decode is a cold parse.
 * Trials alternate between the two engines on this shared machine; the fastest trial of each is
 * compared. Prints per-render times, the ratio ours/Go, and both processes' resident set size.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Oracle } from '../../test/gotemplate/oracle.js';
import type { OracleResponse } from '../../test/gotemplate/oracle.js';
import { chartCases } from '../../test/helm-engine/cases.js';
import { chartDiff, chartRequest, renderChartCase } from '../../test/helm-engine/harness.js';
import type { ChartCase } from '../../test/helm-engine/harness.js';

const RENDERS = Number(process.argv[2] ?? 300);
const TRIALS = Number(process.argv[3] ?? 5);

const chart = chartCases[0];
if (chart === undefined) throw new Error('no chart case');

/** RSS in MiB of a process, from /proc (Linux). */
function rssMiB(pid: number | string): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Our direct child processes named like the oracle, from /proc. */
function oraclePids(): string[] {
  const pids: string[] = [];
  for (const task of readdirSync(`/proc/${process.pid}/task`)) {
    try {
      pids.push(...readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
    } catch {
      // task ended meanwhile
    }
  }
  return pids.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('gotemplate-ora');
    } catch {
      return false;
    }
  });
}

let serial = 0;
/** The chart case for one render: the same values text, or a distinct one (`fresh`). */
function caseFor(fresh: boolean): ChartCase {
  if (!fresh || chart === undefined) return chart as ChartCase;
  serial++;
  return { ...chart, values: `${chart.values ?? ''}\n# render ${serial}\n` };
}

function oursTrial(fresh: boolean): number {
  const cases = Array.from({ length: RENDERS }, () => caseFor(fresh));
  const start = performance.now();
  for (const c of cases) {
    const r = renderChartCase(c);
    if (!r.ok) throw new Error(r.error);
  }
  return ((performance.now() - start) * 1e3) / RENDERS;
}

async function goTrial(oracle: Oracle, fresh: boolean): Promise<number> {
  const rs = await oracle.renderAll(Array.from({ length: RENDERS }, () => chartRequest(caseFor(fresh))));
  let nanos = 0;
  for (const r of rs) {
    if (!r.ok) throw new Error(r.error);
    nanos += r.nanos;
  }
  return nanos / 1e3 / RENDERS;
}

const oracle = new Oracle();
try {
  const [go] = await oracle.renderAll([chartRequest(chart)]);
  const d = chartDiff(chart, renderChartCase(chart), go as OracleResponse);
  if (d !== undefined) throw new Error(`outputs differ: ${d}`);
  console.log(`chart: "${chart.name}" (${Object.keys(chart.templates).length} templates), ${RENDERS} renders x ${TRIALS} trials`);
  for (const fresh of [false, true]) {
    // Warm-up (JIT on our side, GC and caches on Go's).
    oursTrial(fresh);
    await goTrial(oracle, fresh);
    const ours: number[] = [];
    const gos: number[] = [];
    for (let t = 0; t < TRIALS; t++) {
      ours.push(oursTrial(fresh));
      gos.push(await goTrial(oracle, fresh));
    }
    const o = Math.min(...ours);
    const g = Math.min(...gos);
    console.log(fresh ? 'fresh values (cold decode every render):' : 'same values:');
    console.log(`  ours  ${o.toFixed(1)} µs/render (trials: ${ours.map((x) => x.toFixed(0)).join(' ')})`);
    console.log(`  go    ${g.toFixed(1)} µs/render (trials: ${gos.map((x) => x.toFixed(0)).join(' ')})`);
    console.log(`  ratio ours/go ${(o / g).toFixed(2)}`);
  }
  const goRss = oraclePids().map(rssMiB).filter(Number.isFinite);
  console.log(`rss   ours ${rssMiB('self').toFixed(0)} MiB, go ${goRss.map((x) => x.toFixed(0)).join('+')} MiB`);
} finally {
  oracle.close();
}
