import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { posix } from 'node:path';
import type { Storage } from '../../runtime/artifact/index.js';

/** A running artifact server. */
export interface ArtifactServer {
  readonly server: Server;
  /** `host:port` actually bound. */
  readonly address: string;
  close(): Promise<void>;
}

/**
 * Serves the storage directory read-only over HTTP (what Flux does with http.FileServer on
 * --storage-addr): GET/HEAD, single byte ranges, directory listings, `GET /` for readiness.
 * A file is opened before its size is read and leased while it streams, so garbage collection
 * neither deletes it nor cuts a download short.
 */
export async function startArtifactServer(storage: Storage, listen: string): Promise<ArtifactServer> {
  const server = createServer((req, res) => {
    handle(storage, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end('internal error');
      else res.destroy();
    });
  });
  const i = listen.lastIndexOf(':');
  const host = listen.slice(0, i) || '127.0.0.1';
  const port = Number(listen.slice(i + 1));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const a = server.address() as AddressInfo;
  return {
    server,
    address: `${a.address}:${a.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(storage: Storage, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  let rel: string;
  try {
    rel = posix
      .normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
      .replace(/^\/+/, '');
  } catch {
    res.writeHead(400).end('bad request');
    return;
  }
  if (rel.startsWith('..') || rel.split('/').some((p) => p.startsWith('.') && p !== '')) {
    res.writeHead(404).end('404 page not found\n');
    return;
  }
  if (rel === '' || rel === '.') return listDir(storage.root, '', req, res);
  const path = storage.resolveInside(rel);
  const st = await stat(path).catch(() => undefined);
  if (!st) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 page not found\n');
    return;
  }
  if (st.isDirectory()) return listDir(path, rel, req, res);
  const release = storage.locks.lease(rel);
  try {
    const fh = await open(path, 'r').catch(() => undefined);
    if (!fh) {
      res.writeHead(404).end('404 page not found\n');
      return;
    }
    const size = (await fh.stat()).size;
    const range = parseRange(req.headers.range, size);
    const headers: Record<string, string | number> = {
      'Content-Type':
        rel.endsWith('.tar.gz') || rel.endsWith('.tgz') ? 'application/x-gzip' : 'application/octet-stream',
      'Accept-Ranges': 'bytes',
      'Last-Modified': st.mtime.toUTCString(),
    };
    if (range === 'invalid') {
      await fh.close();
      res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
      return;
    }
    const [start, end] = range ?? [0, size - 1];
    headers['Content-Length'] = size === 0 ? 0 : end - start + 1;
    if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    res.writeHead(range ? 206 : 200, headers);
    if (req.method === 'HEAD' || size === 0) {
      await fh.close();
      res.end();
      return;
    }
    const stream = createReadStream('', { fd: fh, start, end, autoClose: true });
    await new Promise<void>((resolve) => {
      stream.on('error', () => {
        res.destroy();
        resolve();
      });
      res.on('close', () => {
        stream.destroy();
        resolve();
      });
      stream.pipe(res);
    });
  } finally {
    release();
  }
}

function parseRange(header: string | undefined, size: number): [number, number] | 'invalid' | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return undefined;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const n = Number(m[2]);
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start > end || start >= size) return 'invalid';
  return [start, end];
}

async function listDir(path: string, rel: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const entries = (await readdir(path, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  const items = entries
    .map((e) => (e.isDirectory() ? `${e.name}/` : e.name))
    .sort()
    .map((n) => `<a href="${encodeURI(n)}">${escapeHTML(n)}</a>`);
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(req.method === 'HEAD' ? undefined : `<pre>\n${items.join('\n')}\n</pre>\n`);
  void rel;
}

function escapeHTML(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
