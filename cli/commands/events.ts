/**
 * `sluice events`: the Kubernetes events of Flux objects (flux events), columns LAST SEEN, TYPE,
 * REASON, OBJECT, MESSAGE; `--for Kind/name` also shows the events of the object's source; `-w` follows.
 */
import type { Command } from 'commander';
import { kindRegistry } from '../../api/index.js';
import type { KubeClient } from '../../runtime/client/index.js';
import { eventHeader, eventRow, eventTime, type CoreEvent } from '../events/format.js';
import { globalOptions, kubeClientFor } from '../kube/globals.js';
import { renderTable } from '../output/table.js';

interface EventsFlags {
  for?: string;
  allNamespaces: boolean;
  watch: boolean;
  types?: string;
}

const fluxKinds = new Set(kindRegistry.map((k) => k.kind));

interface Target {
  kind: string;
  name: string;
}

/** `Kind/name` (kind case-insensitive, also plural or lower-case) → the Flux kind. */
function parseFor(v: string): Target {
  const [k, name] = v.split('/');
  const kind = [...fluxKinds].find((x) => x.toLowerCase() === (k ?? '').toLowerCase() || `${x.toLowerCase()}s` === (k ?? '').toLowerCase());
  if (!kind || !name) throw new Error(`invalid --for '${v}': use <Kind>/<name>, e.g. Kustomization/flux-system`);
  return { kind, name };
}

/** The object itself plus its source (sourceRef / chart.spec.sourceRef / chartRef), as flux shows them. */
async function related(kube: KubeClient, ns: string, t: Target): Promise<Target[]> {
  const out = [t];
  const info = kindRegistry.find((k) => k.kind === t.kind && k.storage);
  if (!info) return out;
  const obj = await kube.getOrUndefined({ apiVersion: info.apiVersion, kind: t.kind, namespace: ns, name: t.name });
  const spec = (obj as { spec?: Record<string, unknown> } | undefined)?.spec ?? {};
  const ref = (spec.sourceRef ?? (spec.chart as { spec?: { sourceRef?: unknown } } | undefined)?.spec?.sourceRef ?? spec.chartRef) as
    | { kind?: string; name?: string; namespace?: string }
    | undefined;
  if (ref?.kind && ref.name && (!ref.namespace || ref.namespace === ns)) out.push({ kind: ref.kind, name: ref.name });
  return out;
}

export function register(program: Command): void {
  program
    .command('events')
    .description('display Kubernetes events for Flux resources')
    .option('--for <Kind/name>', 'get events for a particular object, e.g. Kustomization/flux-system')
    .option('-A, --all-namespaces', 'display events from all namespaces', false)
    .option('-w, --watch', 'after listing the requested events, watch for more events', false)
    .option('--types <list>', 'filter events by type: Normal, Warning (comma separated)')
    .addHelpText('after', '\nExamples:\n  sluice events\n  sluice events -A --types=Warning\n  sluice events --for Kustomization/apps\n  sluice events --for GitRepository/flux-system -w\n')
    .action(async (f: EventsFlags, cmd: Command) => {
      const g = globalOptions(cmd);
      const kube = kubeClientFor(g);
      const ns = f.allNamespaces ? undefined : g.namespace;
      const targets = f.for ? await related(kube, g.namespace, parseFor(f.for)) : undefined;
      const types = f.types?.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
      for (const t of types ?? []) if (t !== 'normal' && t !== 'warning') throw new Error(`invalid --types '${f.types}': use Normal, Warning or both`);
      const keep = (e: CoreEvent): boolean => {
        const io = e.involvedObject ?? {};
        if (!fluxKinds.has(io.kind ?? '') || (io.apiVersion && !io.apiVersion.includes('toolkit.fluxcd.io'))) return false;
        if (targets && !targets.some((t) => t.kind === io.kind && t.name === io.name)) return false;
        if (types && !types.includes((e.type ?? '').toLowerCase())) return false;
        return true;
      };
      const list = await kube.list('v1', 'Event', ns ? { namespace: ns } : {});
      const events = (list.items as unknown as CoreEvent[]).filter(keep).sort((a, b) => eventTime(a) - eventTime(b));
      const withNs = f.allNamespaces;
      const now = Date.now();
      if (events.length > 0) process.stdout.write(renderTable(eventHeader(withNs), events.map((e) => eventRow(e, now, withNs))));
      else if (!f.watch) process.stderr.write(`no events found in ${withNs ? 'any' : `"${g.namespace}"`} namespace\n`);
      if (!f.watch) return;
      const ac = new AbortController();
      const stop = (): void => ac.abort();
      process.once('SIGINT', stop);
      const timer = setTimeout(stop, g.timeoutMs);
      try {
        for await (const ev of kube.watch('v1', 'Event', { ...(ns ? { namespace: ns } : {}), resourceVersion: list.metadata?.resourceVersion, signal: ac.signal })) {
          if (ev.type !== 'ADDED' && ev.type !== 'MODIFIED') continue;
          const e = ev.object as unknown as CoreEvent;
          if (keep(e)) process.stdout.write(renderTable(eventHeader(withNs), [eventRow(e, Date.now(), withNs)], { header: false }));
        }
      } catch (err) {
        if (!ac.signal.aborted) throw err;
      } finally {
        clearTimeout(timer);
        process.off('SIGINT', stop);
      }
    });
}
