/**
 * Where `sluice logs` reads from: the JSON log files of controllers running in-process under
 * `sluice up` (DIR/logs/controllers.log), or the pods labelled app.kubernetes.io/part-of=flux
 * through the pods/log API (streamed with --follow).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { request } from 'node:https';
import { request as httpRequest } from 'node:http';
import type { KubeClient } from '../../runtime/client/index.js';

export type LineSink = (line: string) => void;

function splitLines(onLine: LineSink): { push(chunk: string): void; end(): void } {
  let rest = '';
  return {
    push(chunk) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const p of parts) onLine(p);
    },
    end() {
      if (rest) onLine(rest);
      rest = '';
    },
  };
}

function readRange(file: string, start: number, end: number, onLine: LineSink): Promise<void> {
  return new Promise((resolve, reject) => {
    if (end <= start) return resolve();
    const lines = splitLines(onLine);
    createReadStream(file, { start, end: end - 1, encoding: 'utf8' })
      .on('data', (c) => lines.push(String(c)))
      .on('end', () => {
        lines.end();
        resolve();
      })
      .on('error', reject);
  });
}

/** Reads the whole file, then with `follow` keeps reading what is appended until `signal` aborts. */
export async function readLogFile(file: string, onLine: LineSink, follow: boolean, signal: AbortSignal): Promise<void> {
  if (!existsSync(file)) throw new Error(`no controller log at ${file}: is \`sluice up\` running with this --dir?`);
  let pos = statSync(file).size;
  await readRange(file, 0, pos, onLine);
  while (follow && !signal.aborted) {
    await new Promise((r) => setTimeout(r, 300));
    const size = existsSync(file) ? statSync(file).size : 0;
    if (size < pos) pos = 0;
    await readRange(file, pos, size, onLine);
    pos = size;
  }
}

/** Streams one container's log through the API server (GET …/pods/<name>/log). */
export async function streamPodLog(
  kube: KubeClient,
  ns: string,
  pod: string,
  q: { follow: boolean; tailLines?: number; sinceSeconds?: number },
  onLine: LineSink,
  signal: AbortSignal,
): Promise<void> {
  const conn = kube.connection;
  const params = new URLSearchParams();
  if (q.follow) params.set('follow', 'true');
  if (q.tailLines !== undefined && q.tailLines >= 0) params.set('tailLines', String(q.tailLines));
  if (q.sinceSeconds !== undefined) params.set('sinceSeconds', String(q.sinceSeconds));
  const url = new URL(`${conn.server}/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(pod)}/log?${params.toString()}`);
  const headers = { ...(await conn.authHeaders()), Accept: 'text/plain' };
  await new Promise<void>((resolve, reject) => {
    const opts = { method: 'GET', headers, signal, ca: conn.tls.ca, cert: conn.tls.cert, key: conn.tls.key, rejectUnauthorized: conn.tls.rejectUnauthorized ?? true, servername: conn.tls.servername };
    const req = (url.protocol === 'https:' ? request : httpRequest)(url, opts, (res) => {
      const lines = splitLines(onLine);
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        if ((res.statusCode ?? 500) >= 300) body += c;
        else lines.push(c);
      });
      res.on('end', () => {
        lines.end();
        if ((res.statusCode ?? 500) >= 300) reject(new Error(`reading the log of pod ${ns}/${pod} failed: ${res.statusCode ?? ''} ${body.slice(0, 300)}`));
        else resolve();
      });
      res.on('error', (err) => (signal.aborted ? resolve() : reject(err)));
    });
    req.on('error', (err) => (signal.aborted ? resolve() : reject(err)));
    req.end();
  });
}
