/**
 * Benchmark (by hand, never in CI): `npm run bench:kustomize` or `node --import tsx bench/kustomize/run.ts`.
 *
 * For each generated tree (default 400, 4000 and 20000 resources; KUSTOMIZE_BENCH_SIZES=400,4000 to choose),
 * in one run: the real kustomize v5.7.1 (`kustomize build DIR`), our engine in-process (one build in its own
 * process, timed around Kustomizer.run), and our engine as a whole process (`node bin/sluice.js kustomize
 * build DIR`). Wall time, CPU time (user+sys) and peak RSS for each, the ratios kustomize/ours, and a check
 * that all three outputs are byte-identical. kustomize runs past KUSTOMIZE_BENCH_TIMEOUT seconds (default
 * 3600) are stopped and reported as "> timeout". Prints a Markdown table.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTree } from './generate.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const kustomize = join(process.env.SLUICE_CACHE ?? join(homedir(), '.cache', 'sluice'), 'bin', 'kustomize-v5.7.1', 'kustomize');
const sizes = (process.env.KUSTOMIZE_BENCH_SIZES ?? '400,4000,20000').split(',').map(Number);
const timeoutS = Number(process.env.KUSTOMIZE_BENCH_TIMEOUT ?? 3600);

interface Measure {
  wallS: number;
  cpuS: number;
  rssMb: number;
  sha256: string;
  timedOut: boolean;
}

/** Runs a command under /usr/bin/time (GNU) for CPU time and peak RSS of the child. */
function measured(cmd: string, args: string[], timeoutSec: number): Measure {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '@@time %U %S %M', 'timeout', '-s', 'KILL', String(timeoutSec), cmd, ...args], {
    cwd: repo,
    maxBuffer: 1 << 30,
  });
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  const timedOut = r.status === 137 || r.status === 124;
  const m = /@@time ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr?.toString() ?? '');
  if (!timedOut && (r.status !== 0 || !m)) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr?.toString()}`);
  return {
    wallS,
    cpuS: m ? Number(m[1]) + Number(m[2]) : NaN,
    rssMb: m ? Number(m[3]) / 1024 : NaN,
    sha256: createHash('sha256').update(r.stdout ?? '').digest('hex'),
    timedOut,
  };
}

function inProcess(dir: string): Measure {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'bench', 'kustomize', 'in-process.ts'), dir], {
    cwd: repo,
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`in-process build failed: ${r.stderr.toString()}`);
  const j = JSON.parse(r.stdout.toString()) as { ms: number; cpuMs: number; maxRssKb: number; sha256: string };
  return { wallS: j.ms / 1000, cpuS: j.cpuMs / 1000, rssMb: j.maxRssKb / 1024, sha256: j.sha256, timedOut: false };
}

const f = (n: number, d = 2): string => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const ratio = (a: Measure, b: Measure, k: 'wallS' | 'cpuS' | 'rssMb'): string => {
  if (!a.timedOut) return `${f(a[k] / b[k], 1)}×`;
  return k === 'wallS' ? `> ${f(a[k] / b[k], 0)}×` : 'n/a';
};

if (!existsSync(kustomize)) {
  process.stderr.write(`kustomize oracle missing at ${kustomize}: run bash scripts/build-kustomize.sh\n`);
  process.exit(1);
}

const rows: string[] = [];
for (const size of sizes) {
  const root = join(tmpdir(), `sluice-kustomize-bench-${size}`);
  const dir = generateTree(root, size);
  process.stderr.write(`# ${size} resources: ${dir}\n`);
  const real = measured(kustomize, ['build', dir], timeoutS);
  process.stderr.write(`  kustomize: ${real.timedOut ? 'timed out after ' : ''}${f(real.wallS)} s\n`);
  const inproc = inProcess(dir);
  process.stderr.write(`  sluice in-process: ${f(inproc.wallS)} s\n`);
  const proc = measured(process.execPath, [join(repo, 'bin', 'sluice.js'), 'kustomize', 'build', dir], timeoutS);
  process.stderr.write(`  sluice process: ${f(proc.wallS)} s\n`);
  const same = real.timedOut ? 'kustomize timed out' : real.sha256 === inproc.sha256 && real.sha256 === proc.sha256 ? 'yes' : 'NO';
  const wall = real.timedOut ? `> ${f(real.wallS, 1)}` : f(real.wallS);
  rows.push(
    `| ${size} | kustomize v5.7.1 | ${wall} | ${real.timedOut ? 'killed' : f(real.cpuS)} | ${real.timedOut ? 'killed' : f(real.rssMb, 0)} | | | | ${same} |`,
    `| ${size} | sluice in-process | ${f(inproc.wallS)} | ${f(inproc.cpuS)} | ${f(inproc.rssMb, 0)} | ${ratio(real, inproc, 'wallS')} | ${ratio(real, inproc, 'cpuS')} | ${ratio(real, inproc, 'rssMb')} | |`,
    `| ${size} | sluice process | ${f(proc.wallS)} | ${f(proc.cpuS)} | ${f(proc.rssMb, 0)} | ${ratio(real, proc, 'wallS')} | ${ratio(real, proc, 'cpuS')} | ${ratio(real, proc, 'rssMb')} | |`,
  );
}
process.stdout.write(
  [
    '| resources | build | wall s | CPU s | peak RSS MiB | wall ratio | CPU ratio | RSS ratio | identical output |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n') + '\n',
);
