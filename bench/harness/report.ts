/**
 * The side-by-side report: a markdown table (ours/theirs ratios) printed and written into the
 * "Controllers side by side" section of docs/benchmarks.md, one subsection per workload and N,
 * replaced by the next run of the same workload and N.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { kubeVersion } from '../../runtime/controlplane/index.js';
import type { ImplResult, PhaseResult } from './run.js';

export const benchmarksDoc = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
const sectionTitle = '## Controllers side by side';

export interface ReportInput {
  readonly workloadId: string;
  readonly description: string;
  readonly command: string;
  readonly results: readonly ImplResult[];
  readonly startedAt: Date;
  readonly loadAtStart: readonly number[];
}

export function machineLine(load: readonly number[]): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}; load average at start ${load.map((l) => l.toFixed(2)).join(' / ')} (shared machine); Kubernetes ${kubeVersion} (etcd + kube-apiserver + kube-controller-manager, loopback)`;
}

const secs = (ms: number | undefined): number | undefined => (ms === undefined ? undefined : ms / 1000);
const mib = (kib: number): number => kib / 1024;

interface Row {
  readonly metric: string;
  readonly values: readonly (number | undefined)[];
  readonly digits: number;
}

function rowsFor(results: readonly ImplResult[]): Row[] {
  const kinds = [...new Set(results.flatMap((r) => Object.keys(r.create?.perKindMs ?? {})))];
  const rows: Row[] = [];
  const phaseRows = (name: string, pick: (r: ImplResult) => PhaseResult | undefined, timeLabel: string): void => {
    for (const k of kinds) {
      rows.push({ metric: `${name}: ${k} ${timeLabel} (s)`, values: results.map((r) => secs(pick(r)?.perKindMs[k])), digits: 1 });
    }
    rows.push({
      metric: `${name}: API requests (controllers + kube-controller-manager)`,
      values: results.map((r) => pick(r)?.controllerRequests),
      digits: 0,
    });
    rows.push({ metric: `${name}: of which dry-run`, values: results.map((r) => pick(r)?.apiserver.dryRun), digits: 0 });
    rows.push({ metric: `${name}: of which Event writes`, values: results.map((r) => pick(r)?.apiserver.events), digits: 0 });
  };
  phaseRows('create', (r) => r.create, 'all Ready');
  phaseRows('re-reconcile', (r) => r.reconcile, 'all handled');
  rows.push({
    metric: 'peak RSS, sum of controller processes (MiB, VmHWM)',
    values: results.map((r) => (r.processes.length ? mib(r.processes.reduce((a, p) => a + p.hwmKiB, 0)) : undefined)),
    digits: 1,
  });
  rows.push({
    metric: 'CPU seconds, controller processes, both phases',
    values: results.map((r) => (r.processes.length ? r.processes.reduce((a, p) => a + p.cpuSeconds, 0) : undefined)),
    digits: 1,
  });
  return rows;
}

const fmt = (v: number | undefined, digits: number): string => (v === undefined ? '—' : v.toFixed(digits));

export function renderTable(results: readonly ImplResult[]): string {
  const flux = results.findIndex((r) => r.impl === 'flux');
  const sluice = results.findIndex((r) => r.impl === 'sluice');
  const withRatio = flux >= 0 && sluice >= 0;
  const head = ['metric', ...results.map((r) => (r.impl === 'flux' ? 'Flux' : 'Sluice')), ...(withRatio ? ['Sluice/Flux'] : [])];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const row of rowsFor(results)) {
    const cells = row.values.map((v) => fmt(v, row.digits));
    if (withRatio) {
      const [a, b] = [row.values[sluice], row.values[flux]];
      cells.push(a !== undefined && b !== undefined && b > 0 ? (a / b).toFixed(2) : '—');
    }
    lines.push(`| ${row.metric} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function processLines(results: readonly ImplResult[]): string[] {
  return results.map((r) => {
    const procs = r.processes
      .map((p) => `${p.name} ${mib(p.hwmKiB).toFixed(1)} MiB peak, ${p.cpuSeconds.toFixed(1)} CPU s`)
      .join('; ');
    const api = (p: PhaseResult | undefined, name: string): string =>
      p
        ? `${name}: apiserver Δ ${p.apiserver.total} (${Object.entries(p.apiserver.byVerb)
            .sort()
            .map(([v, c]) => `${v} ${c}`)
            .join(', ')}), harness ${p.harnessRequests}`
        : `${name}: not measured`;
    return `- ${r.impl === 'flux' ? 'Flux' : 'Sluice'} (${r.label}): ${procs || 'no process figures'}. ${api(r.create, 'create')}; ${api(r.reconcile, 're-reconcile')}.${r.error ? ` **Run failed: ${r.error}**` : ''}`;
  });
}

export function renderSubsection(input: ReportInput, n: number): string {
  return [
    `### ${input.workloadId}, N = ${n}`,
    '',
    `${input.description}`,
    '',
    `Run ${input.startedAt.toISOString()}: \`${input.command}\``,
    `Machine: ${machineLine(input.loadAtStart)}.`,
    '',
    renderTable(input.results),
    '',
    ...processLines(input.results),
  ].join('\n');
}

/** Replaces (or appends) this workload+N's subsection inside the section this harness owns. */
export function writeToDoc(input: ReportInput, n: number): void {
  // Every run adds its own block (the run's start time in the markers); earlier runs' blocks stay, so
  // the document keeps the history. A new block goes after the last one of the same workload and N.
  const key = `side-by-side:${input.workloadId}:n=${n}`;
  const stamp = input.startedAt.toISOString();
  const block = `<!-- ${key}:run=${stamp}:begin -->\n${renderSubsection(input, n)}\n<!-- ${key}:run=${stamp}:end -->`;
  let doc = existsSync(benchmarksDoc) ? readFileSync(benchmarksDoc, 'utf8') : '# Benchmarks\n';
  if (!doc.includes(sectionTitle)) doc = `${doc.trimEnd()}\n\n${sectionTitle}\n`;
  const ends = [...doc.matchAll(new RegExp(`<!-- ${key}(?::run=[^ ]+)?:end -->`, 'g'))];
  const last = ends.at(-1);
  if (last?.index !== undefined) {
    const at = last.index + last[0].length;
    doc = `${doc.slice(0, at)}\n\n${block}${doc.slice(at)}`;
  } else {
    // Append at the end of our section: before the next "## " heading, or at the end of the file.
    const start = doc.indexOf(sectionTitle) + sectionTitle.length;
    const next = doc.indexOf('\n## ', start);
    const at = next >= 0 ? next : doc.length;
    doc = `${doc.slice(0, at).trimEnd()}\n\n${block}\n${doc.slice(at)}`;
  }
  writeFileSync(benchmarksDoc, doc.endsWith('\n') ? doc : doc + '\n');
}
