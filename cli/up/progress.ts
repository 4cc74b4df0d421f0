/**
 * Live progress of `sluice up` until every Kustomization is Ready: a table redrawn in place on a
 * terminal, one line per change otherwise (logs, CI). Done when the sync GitRepository and every
 * Kustomization are Ready for their current generation.
 */
import type { KubeClient, KubeObject } from '../../runtime/client/index.js';
import { readyOf } from '../kinds.js';
import { stderrLogger } from '../output/logger.js';
import { renderTable, shortenHashes } from '../output/table.js';
import { readinessOf } from '../wait/ready.js';

export interface ProgressRow {
  readonly id: string;
  readonly ready: 'True' | 'False' | 'Unknown';
  readonly message: string;
}

export interface Snapshot {
  readonly rows: readonly ProgressRow[];
  readonly done: boolean;
}

const kinds = [
  { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository' },
  { apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization' },
] as const;

function row(o: KubeObject): ProgressRow {
  const r = readinessOf(o);
  const { message } = readyOf(o);
  const ready = r.state === 'ready' ? 'True' : r.state === 'failed' ? 'False' : 'Unknown';
  return { id: `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`, ready, message: shortenHashes(message) };
}

export async function snapshot(kube: KubeClient, syncNamespace: string): Promise<Snapshot> {
  const rows: ProgressRow[] = [];
  for (const k of kinds) {
    const list = await kube.list(k.apiVersion, k.kind);
    for (const o of list.items) rows.push(row({ ...o, apiVersion: k.apiVersion, kind: k.kind }));
  }
  const ks = rows.filter((r) => r.id.startsWith('Kustomization/'));
  const sync = rows.find((r) => r.id === `Kustomization/${syncNamespace}/${syncNamespace}`);
  const done = sync !== undefined && sync.ready === 'True' && ks.every((r) => r.ready === 'True') && rows.every((r) => r.ready === 'True');
  return { rows, done };
}

export interface ProgressView {
  update(s: Snapshot): void;
  /** Leaves the last frame on screen. */
  finish(): void;
}

/** One `◎`/`✔`/`✗` line each time an object's readiness or message changes. */
export function lineView(stream: NodeJS.WriteStream = process.stderr): ProgressView {
  const log = stderrLogger(stream);
  const seen = new Map<string, string>();
  return {
    update(s) {
      for (const r of s.rows) {
        const key = `${r.ready}|${r.message}`;
        if (seen.get(r.id) === key) continue;
        seen.set(r.id, key);
        if (r.ready === 'True') log.successf(`${r.id}: ${r.message}`);
        else if (r.ready === 'False') log.failuref(`${r.id}: ${r.message}`);
        else log.waitingf(`${r.id}: ${r.message}`);
      }
    },
    finish() {},
  };
}

const spinner = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** The table, redrawn in place (cursor up + clear), cut to the terminal width. */
export function ttyView(stream: NodeJS.WriteStream = process.stderr): ProgressView {
  let lines = 0;
  let tick = 0;
  const colour = !process.env.NO_COLOR;
  const paint = (ready: string, s: string): string =>
    !colour ? s : ready === 'True' ? `\x1b[32m${s}\x1b[0m` : ready === 'False' ? `\x1b[31m${s}\x1b[0m` : `\x1b[33m${s}\x1b[0m`;
  return {
    update(s) {
      const width = stream.columns && stream.columns > 20 ? stream.columns : 80;
      const table = renderTable(
        ['OBJECT', 'READY', 'MESSAGE'],
        s.rows.map((r) => [r.id, r.ready, r.message]),
      )
        .trimEnd()
        .split('\n')
        .map((l) => l.replace(/\t/g, ' ').trimEnd().slice(0, width - 1));
      const head = `${s.done ? '✔' : spinner[tick++ % spinner.length]} ${s.done ? 'all Kustomizations are Ready' : 'reconciling'}`;
      const body = [head, ...table.map((l, i) => (i === 0 ? l : paint(s.rows[i - 1]?.ready ?? '', l)))];
      let out = lines > 0 ? `\x1b[${lines}A` : '';
      for (const l of body) out += `\r\x1b[2K${l}\n`;
      if (lines > body.length) out += '\x1b[J';
      stream.write(out);
      lines = body.length;
    },
    finish() {},
  };
}

/** Polls until done; rejects on timeout with the objects that are not Ready. */
export async function followUntilReady(
  kube: KubeClient,
  syncNamespace: string,
  view: ProgressView,
  opts: { timeoutMs: number; intervalMs?: number; signal?: AbortSignal },
): Promise<Snapshot> {
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    let s: Snapshot;
    try {
      s = await snapshot(kube, syncNamespace);
    } catch (err) {
      s = { rows: [{ id: 'cluster', ready: 'Unknown', message: err instanceof Error ? err.message : String(err) }], done: false };
    }
    view.update(s);
    if (s.done) {
      view.finish();
      return s;
    }
    if (opts.signal?.aborted) throw new Error('interrupted');
    if (Date.now() > deadline) {
      const pending = s.rows.filter((r) => r.ready !== 'True').map((r) => `${r.id}: ${r.message}`);
      throw new Error(`timeout waiting for the Kustomizations to become Ready: ${pending.join('; ') || 'no Kustomization found'}`);
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 1000));
  }
}
