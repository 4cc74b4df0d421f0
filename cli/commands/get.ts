/**
 * `sluice get …`: flux get for every kind, with Flux's columns, -A, --status-selector, -w and -o json|yaml.
 */
import type { Command } from 'commander';
import pc from 'picocolors';
import { stringify } from 'yaml';
import type { KubeClient, KubeObject } from '../../runtime/client/index.js';
import { cliKind, cliKinds, getAllOrder, readyOf, type CliKind } from '../kinds.js';
import { globalOptions, kubeClientFor, type GlobalOptions } from '../kube/globals.js';
import { renderTable, shortenHashes } from '../output/table.js';

export interface GetFlags {
  allNamespaces?: boolean;
  header?: boolean;
  statusSelector?: string;
  watch?: boolean;
  output?: string;
  labelSelector?: string;
}

interface Selector {
  readonly type: string;
  readonly status: string;
}

function parseStatusSelector(s: string | undefined): Selector | undefined {
  if (!s) return undefined;
  const [type, status] = s.split('=');
  if (!type || status === undefined)
    throw new Error(`invalid --status-selector '${s}': use a condition, e.g. ready=false`);
  return { type: type.toLowerCase(), status: status.toLowerCase() };
}

function matches(obj: KubeObject, sel: Selector | undefined): boolean {
  if (!sel) return true;
  const conds =
    (obj as { status?: { conditions?: Array<{ type?: string; status?: string }> } }).status?.conditions ?? [];
  const c = conds.find((x) => x.type?.toLowerCase() === sel.type);
  return (c?.status ?? '').toLowerCase() === sel.status;
}

export function rowsFor(
  kind: CliKind,
  objs: readonly KubeObject[],
  withNamespace: boolean,
  prefixKind: boolean,
): string[][] {
  return objs.map((o) => {
    const name = (prefixKind ? `${kind.kind.toLowerCase()}/` : '') + (o.metadata?.name ?? '');
    const cells = kind
      .row(o)
      .map((c, i) => (kind.header[i] === 'REVISION' || kind.header[i] === 'MESSAGE' ? shortenHashes(c) : c));
    return withNamespace ? [o.metadata?.namespace ?? '', name, ...cells] : [name, ...cells];
  });
}

export function headerFor(kind: CliKind, withNamespace: boolean): string[] {
  return withNamespace ? ['NAMESPACE', 'NAME', ...kind.header] : ['NAME', ...kind.header];
}

function painter(): ((padded: string, raw: string, col: string) => string) | undefined {
  if (!process.stdout.isTTY || process.env.NO_COLOR) return undefined;
  return (padded, raw, col) => {
    if (col !== 'READY') return padded;
    if (raw === 'True') return pc.green(padded);
    if (raw === 'False') return pc.red(padded);
    return pc.yellow(padded);
  };
}

async function listKind(
  kube: KubeClient,
  kind: CliKind,
  g: GlobalOptions,
  flags: GetFlags,
  name?: string,
): Promise<KubeObject[]> {
  const namespace = flags.allNamespaces ? undefined : g.namespace;
  if (name) {
    const obj = await kube.getOrUndefined({
      apiVersion: kind.apiVersion,
      kind: kind.kind,
      namespace: g.namespace,
      name,
    });
    if (!obj) throw new Error(`${kind.kind} object '${name}' not found in "${g.namespace}" namespace`);
    return [obj];
  }
  const list = await kube.list(kind.apiVersion, kind.kind, { namespace, labelSelector: flags.labelSelector });
  return list.items;
}

export async function runGet(
  cmd: Command,
  kinds: readonly CliKind[],
  flags: GetFlags,
  name?: string,
): Promise<void> {
  const g = globalOptions(cmd);
  const kube = kubeClientFor(g);
  const sel = parseStatusSelector(flags.statusSelector);
  const all = kinds.length > 1;
  const found: Array<{ kind: CliKind; objs: KubeObject[] }> = [];
  for (const kind of kinds) {
    try {
      const objs = (await listKind(kube, kind, g, flags, name)).filter((o) => matches(o, sel));
      found.push({ kind, objs });
    } catch (err) {
      // `get all` skips kinds whose CRD is not installed, as flux does.
      if (all && err instanceof Error && /no matches for kind|not found|could not find/i.test(err.message))
        continue;
      throw err;
    }
  }
  if (flags.output === 'json' || flags.output === 'yaml') {
    const items = found.flatMap((f) => f.objs);
    const doc = items.length === 1 && !all && name ? items[0] : { apiVersion: 'v1', kind: 'List', items };
    process.stdout.write(flags.output === 'json' ? JSON.stringify(doc, null, 2) + '\n' : stringify(doc));
    return;
  }
  if (flags.output && flags.output !== 'table')
    throw new Error(`unsupported output '${flags.output}': use table, json or yaml`);
  const withNs = Boolean(flags.allNamespaces);
  let printed = 0;
  for (const { kind, objs } of found) {
    if (objs.length === 0) continue;
    if (printed++ > 0) process.stdout.write('\n');
    process.stdout.write(
      renderTable(headerFor(kind, withNs), rowsFor(kind, objs, withNs, all), {
        header: flags.header !== false,
        paint: painter(),
      }),
    );
  }
  if (printed === 0 && !flags.watch) {
    process.stderr.write(
      `✗ no ${all ? 'Flux' : kinds[0]!.kind} objects found in ${withNs ? 'any' : `"${g.namespace}"`} namespace\n`,
    );
  }
  if (flags.watch)
    await watchKinds(
      kube,
      found.map((f) => f.kind),
      g,
      flags,
      sel,
      all,
    );
}

async function watchKinds(
  kube: KubeClient,
  kinds: readonly CliKind[],
  g: GlobalOptions,
  flags: GetFlags,
  sel: Selector | undefined,
  all: boolean,
): Promise<void> {
  const withNs = Boolean(flags.allNamespaces);
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  const timer = setTimeout(stop, g.timeoutMs);
  try {
    await Promise.all(
      kinds.map(async (kind) => {
        const list = await kube.listPage(kind.apiVersion, kind.kind, {
          namespace: withNs ? undefined : g.namespace,
          limit: 1,
        });
        const rv = list.metadata?.resourceVersion;
        try {
          for await (const ev of kube.watch(kind.apiVersion, kind.kind, {
            namespace: withNs ? undefined : g.namespace,
            resourceVersion: rv,
            labelSelector: flags.labelSelector,
            signal: controller.signal,
          })) {
            if (ev.type === 'BOOKMARK' || !matches(ev.object, sel)) continue;
            const rows = rowsFor(kind, [ev.object], withNs, all);
            process.stdout.write(
              renderTable(headerFor(kind, withNs), rows, { header: false, paint: painter() }),
            );
          }
        } catch (err) {
          if (!controller.signal.aborted) throw err;
        }
      }),
    );
  } finally {
    clearTimeout(timer);
    process.off('SIGINT', stop);
  }
}

function withGetFlags(c: Command): Command {
  return c
    .option('-A, --all-namespaces', 'list the requested object(s) across all namespaces', false)
    .option('--no-header', 'skip the header when printing the results')
    .option('--status-selector <cond=status>', 'filter by a status condition, e.g. ready=false')
    .option('-l, --label-selector <selector>', 'filter objects by label selector')
    .option('-w, --watch', 'after listing, watch for changes', false)
    .option('-o, --output <format>', 'output format: table, json or yaml', 'table');
}

function kindCommand(
  parent: Command,
  names: readonly string[],
  kinds: () => readonly CliKind[],
  description: string,
): void {
  const [first, ...aliases] = names;
  const c = withGetFlags(
    parent
      .command(first!)
      .aliases([...aliases])
      .description(description)
      .argument('[name]', 'object name'),
  );
  c.action(async (name: string | undefined, flags: GetFlags, self: Command) =>
    runGet(self, kinds(), flags, name),
  );
}

export function register(program: Command): void {
  const get = program
    .command('get')
    .description('get the resources and their status')
    .addHelpText(
      'after',
      '\nExamples:\n  sluice get all -A\n  sluice get kustomizations --status-selector ready=false\n  sluice get sources git -n flux-system -o yaml\n',
    );

  const sources = get.command('sources').alias('source').description('get source statuses');
  for (const k of cliKinds.filter((x) => x.group === 'source'))
    kindCommand(sources, k.names, () => [k], `get ${k.kind} statuses`);
  kindCommand(
    sources,
    ['all'],
    () => cliKinds.filter((x) => x.group === 'source'),
    'get all source statuses',
  );

  for (const k of cliKinds.filter((x) => x.group === undefined))
    kindCommand(get, k.names, () => [k], `get ${k.kind} statuses`);

  const images = get.command('images').alias('image').description('get image automation object statuses');
  for (const k of cliKinds.filter((x) => x.group === 'image'))
    kindCommand(images, k.names, () => [k], `get ${k.kind} statuses`);
  kindCommand(images, ['all'], () => cliKinds.filter((x) => x.group === 'image'), 'get all image statuses');

  kindCommand(get, ['all'], () => getAllOrder.map(cliKind), 'get all Flux resources and their status');
}

export { readyOf };
