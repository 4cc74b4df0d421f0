/**
 * The manager's two small HTTP surfaces: `/healthz` + `/readyz` on --health-addr and `/metrics` on
 * --metrics-addr (node:http, no framework).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ControllerMetrics } from '../metrics/index.js';
import { parseListenAddr } from './options.js';

export type Check = () => boolean;

export interface Endpoint {
  readonly server: http.Server;
  /** The bound address, e.g. `127.0.0.1:9440`. */
  readonly address: string;
  close(): Promise<void>;
}

async function listen(addr: string, handler: http.RequestListener): Promise<Endpoint> {
  const { host, port } = parseListenAddr(addr);
  const server = http.createServer(handler);
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const a = server.address() as AddressInfo;
  const address = a.family === 'IPv6' ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`;
  return {
    server,
    address,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function serveHealth(addr: string, checks: { healthz: Check; readyz: Check }): Promise<Endpoint> {
  return listen(addr, (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const check = path === '/healthz' || path === '/healthz/' ? checks.healthz : path === '/readyz' || path === '/readyz/' ? checks.readyz : undefined;
    if (!check) {
      res.writeHead(404).end('404 page not found\n');
      return;
    }
    const ok = check();
    res.writeHead(ok ? 200 : 500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(ok ? 'ok' : `${path.slice(1)} check failed`);
  });
}

export function serveMetrics(addr: string, metrics: ControllerMetrics): Promise<Endpoint> {
  return listen(addr, (req, res) => {
    if ((req.url ?? '/').split('?')[0] !== '/metrics') {
      res.writeHead(404).end('404 page not found\n');
      return;
    }
    metrics
      .expose()
      .then((text) => res.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(text))
      .catch((err: unknown) => res.writeHead(500).end(String(err)));
  });
}
