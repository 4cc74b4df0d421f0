/**
 * kube-apiserver's own request counter, `apiserver_request_total`, scraped from /metrics with the
 * cluster's admin client certificate. A benchmark phase diffs two scrapes.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import type { ClusterState } from '../../runtime/controlplane/index.js';

/** One series: its labels and value. */
export interface RequestSeries {
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export async function scrapeRequestTotals(state: ClusterState): Promise<RequestSeries[]> {
  const text = await getText(state, '/metrics');
  const out: RequestSeries[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('apiserver_request_total{')) continue;
    const close = line.lastIndexOf('}');
    const labels: Record<string, string> = {};
    for (const m of line.slice(line.indexOf('{') + 1, close).matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      labels[m[1]!] = m[2]!;
    }
    out.push({ labels, value: Number(line.slice(close + 1).trim()) });
  }
  return out;
}

const keyOf = (labels: Readonly<Record<string, string>>): string =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');

/** after − before, per series; series that did not change are dropped. */
export function diffSeries(before: readonly RequestSeries[], after: readonly RequestSeries[]): RequestSeries[] {
  const prev = new Map(before.map((s) => [keyOf(s.labels), s.value]));
  const out: RequestSeries[] = [];
  for (const s of after) {
    const d = s.value - (prev.get(keyOf(s.labels)) ?? 0);
    if (d > 0) out.push({ labels: s.labels, value: d });
  }
  return out;
}

export interface RequestSummary {
  readonly total: number;
  /** By verb as the API server labels it (GET, LIST, WATCH, POST, PUT, PATCH, APPLY, DELETE). */
  readonly byVerb: Readonly<Record<string, number>>;
  /** Requests with dry_run set (the server-side dry runs of kustomize's apply). */
  readonly dryRun: number;
  /** Event writes (core and events.k8s.io). */
  readonly events: number;
}

export function summarise(diff: readonly RequestSeries[]): RequestSummary {
  const byVerb: Record<string, number> = {};
  let total = 0;
  let dryRun = 0;
  let events = 0;
  for (const s of diff) {
    total += s.value;
    const verb = s.labels['verb'] ?? '?';
    byVerb[verb] = (byVerb[verb] ?? 0) + s.value;
    if (s.labels['dry_run']) dryRun += s.value;
    if (s.labels['resource'] === 'events' && verb !== 'GET' && verb !== 'LIST' && verb !== 'WATCH') events += s.value;
  }
  return { total, byVerb, dryRun, events };
}

function getText(state: ClusterState, path: string): Promise<string> {
  const u = new URL(path, state.server);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: 'GET',
        ca: readFileSync(state.tls.ca),
        cert: readFileSync(state.tls.cert),
        key: readFileSync(state.tls.key),
        headers: { accept: 'text/plain' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          if ((res.statusCode ?? 0) !== 200) reject(new Error(`GET ${path}: HTTP ${res.statusCode}: ${body.slice(0, 200)}`));
          else resolve(body);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}
