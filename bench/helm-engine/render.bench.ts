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
 * compared. Prints per-render wall times (Go's as timed inside the oracle), the whole-process CPU
 * time per render of each side (ours from process.cpuUsage, the oracle's from /proc/PID/stat, so it
 * includes its request decoding; CPU time is steadier than wall time on a loaded machine), the
 * ratios ours/Go, and both processes' resident set size.
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

/** CPU time (user + system) of a process in µs, from /proc/PID/stat (clock ticks of 10 ms). */
function procCpuMicros(pid: string): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

let serial = 0;
/** The chart case for one render: the same values text, or a distinct one (`fresh`). */
function caseFor(fresh: boolean): ChartCase {
  if (!fresh || chart === undefined) return chart as ChartCase;
  serial++;
  return { ...chart, values: `${chart.values ?? ''}\n# render ${serial}\n` };
}

interface Trial {
  readonly wall: number;
  readonly cpu: number;
}

function oursTrial(fresh: boolean): Trial {
  const cases = Array.from({ length: RENDERS }, () => caseFor(fresh));
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  for (const c of cases) {
    const r = renderChartCase(c);
    if (!r.ok) throw new Error(r.error);
  }
  const cpu = process.cpuUsage(cpu0);
  return { wall: ((performance.now() - start) * 1e3) / RENDERS, cpu: (cpu.user + cpu.system) / RENDERS };
}

async function goTrial(oracle: Oracle, fresh: boolean): Promise<Trial> {
  const reqs = Array.from({ length: RENDERS }, () => chartRequest(caseFor(fresh)));
  const pids = oraclePids();
  const cpu0 = pids.reduce((a, p) => a + procCpuMicros(p), 0);
  const rs = await oracle.renderAll(reqs);
  const cpu = pids.reduce((a, p) => a + procCpuMicros(p), 0) - cpu0;
  let nanos = 0;
  for (const r of rs) {
    if (!r.ok) throw new Error(r.error);
    nanos += r.nanos;
  }
  return { wall: nanos / 1e3 / RENDERS, cpu: cpu / RENDERS };
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
    const ours: Trial[] = [];
    const gos: Trial[] = [];
    for (let t = 0; t < TRIALS; t++) {
      ours.push(oursTrial(fresh));
      gos.push(await goTrial(oracle, fresh));
    }
    const best = (ts: Trial[], k: keyof Trial): number => Math.min(...ts.map((x) => x[k]));
    const list = (ts: Trial[], k: keyof Trial): string => ts.map((x) => x[k].toFixed(0)).join(' ');
    console.log(fresh ? 'fresh values (cold decode every render):' : 'same values:');
    for (const k of ['wall', 'cpu'] as const) {
      const o = best(ours, k);
      const g = best(gos, k);
      console.log(`  ${k.padEnd(4)} ours ${o.toFixed(0)} µs/render (${list(ours, k)}), go ${g.toFixed(0)} µs/render (${list(gos, k)}), ours/go ${(o / g).toFixed(2)}`);
    }
  }
  const goRss = oraclePids().map(rssMiB).filter(Number.isFinite);
  console.log(`rss   ours ${rssMiB('self').toFixed(0)} MiB, go ${goRss.map((x) => x.toFixed(0)).join('+')} MiB`);
} finally {
  oracle.close();
}
