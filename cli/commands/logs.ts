/**
 * `sluice logs`: flux logs — the controllers' logs filtered by --kind/--name/--level, pretty-printed;
 * `--tail`, `--since`, `-f/--follow`. With `--dir` (or ./.sluice when it holds a running `sluice up`)
 * the in-process controllers' log file is read; otherwise the Flux pods through the pods/log API.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { parseDuration } from '../../engines/gofmt/index.js';
import { globalOptions, kubeClientFor } from '../kube/globals.js';
import { formatEntry, matches, parseLogLine, type LogEntry, type LogFilter } from '../logs/format.js';
import { readLogFile, streamPodLog } from '../logs/sources.js';
import { upPaths } from '../up/state.js';

interface LogsFlags {
  kind?: string;
  name?: string;
  level?: string;
  follow: boolean;
  tail: string;
  since?: string;
  allNamespaces: boolean;
  fluxNamespace?: string;
  dir?: string;
}

function sinceMs(v: string | undefined): number | undefined {
  if (!v) return undefined;
  try {
    return Number(parseDuration(v) / 1_000_000n);
  } catch {
    throw new Error(`invalid --since '${v}': use a Go duration such as 30s, 5m or 1h`);
  }
}

export function register(program: Command): void {
  program
    .command('logs')
    .description('display formatted logs for Flux components')
    .option('--kind <kind>', 'displays errors of a particular toolkit kind, e.g. GitRepository')
    .option('--name <name>', 'specifies the name of the object logs to be displayed')
    .option('--level <level>', 'log level: debug, info or error')
    .option('-f, --follow', 'specifies if the logs should be streamed', false)
    .option('--tail <n>', 'lines of recent log file to display', '-1')
    .option('--since <duration>', 'only return logs newer than a relative duration like 5s, 2m, or 3h')
    .option('-A, --all-namespaces', 'displays logs for objects across all namespaces', false)
    .option('--flux-namespace <ns>', 'the namespace where the Flux components are running (default: --namespace)')
    .option('--dir <dir>', 'read the log files of a `sluice up` sandbox in DIR (default: ./.sluice when it exists)')
    .addHelpText('after', '\nExamples:\n  sluice logs --level=error --all-namespaces\n  sluice logs --kind=Kustomization --name=flux-system -f\n  sluice logs --dir .sluice --since=5m\n')
    .action(async (f: LogsFlags, cmd: Command) => {
      const g = globalOptions(cmd);
      if (f.level && !['debug', 'info', 'error'].includes(f.level)) throw new Error(`invalid --level '${f.level}': use debug, info or error`);
      const since = sinceMs(f.since);
      const filter: LogFilter = {
        ...(f.level ? { level: f.level } : {}),
        ...(f.kind ? { kind: f.kind } : {}),
        ...(f.name ? { name: f.name } : {}),
        ...(f.allNamespaces ? {} : { namespace: g.namespace }),
        ...(since !== undefined ? { sinceMs: Date.now() - since } : {}),
      };
      const tail = Number(f.tail);
      if (!Number.isInteger(tail)) throw new Error(`invalid --tail '${f.tail}': use a whole number (-1 for all)`);
      const ac = new AbortController();
      const stop = (): void => ac.abort();
      process.once('SIGINT', stop);
      try {
        const upDir = f.dir ?? (existsSync(upPaths('.sluice').state) ? '.sluice' : undefined);
        if (upDir) await fromFile(join(upPaths(upDir).logs, 'controllers.log'), filter, tail, f.follow, ac.signal);
        else await fromPods(cmd, f, filter, tail, since, ac.signal);
      } finally {
        process.off('SIGINT', stop);
      }
    });
}

async function fromFile(file: string, filter: LogFilter, tail: number, follow: boolean, signal: AbortSignal): Promise<void> {
  const kept: LogEntry[] = [];
  let initial = true;
  const onLine = (line: string): void => {
    const e = parseLogLine(line);
    if (!e || !matches(e, filter)) return;
    if (initial) kept.push(e);
    else process.stdout.write(formatEntry(e));
  };
  const reading = readLogFile(file, onLine, follow, signal);
  if (!follow) await reading;
  else await new Promise((r) => setTimeout(r, 350));
  for (const e of tail >= 0 ? kept.slice(Math.max(0, kept.length - tail)) : kept) process.stdout.write(formatEntry(e));
  initial = false;
  await reading;
}

async function fromPods(cmd: Command, f: LogsFlags, filter: LogFilter, tail: number, since: number | undefined, signal: AbortSignal): Promise<void> {
  const g = globalOptions(cmd);
  const kube = kubeClientFor(g);
  const ns = f.fluxNamespace ?? g.namespace;
  const pods = await kube.list('v1', 'Pod', { namespace: ns, labelSelector: 'app.kubernetes.io/part-of=flux' });
  if (pods.items.length === 0) throw new Error(`no Flux pods found in "${ns}" namespace: is Flux installed there (try --flux-namespace), or is \`sluice up\` running (try --dir)?`);
  const onLine = (line: string): void => {
    const e = parseLogLine(line);
    if (e && matches(e, filter)) process.stdout.write(formatEntry(e));
  };
  await Promise.all(
    pods.items.map((p) =>
      streamPodLog(kube, ns, p.metadata.name ?? '', { follow: f.follow, ...(tail >= 0 ? { tailLines: tail } : {}), ...(since !== undefined ? { sinceSeconds: Math.ceil(since / 1000) } : {}) }, onLine, signal),
    ),
  );
}
