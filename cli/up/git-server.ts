/**
 * The loopback Git server of `sluice up`: smart HTTP through `git http-backend` (the reference
 * implementation, so clone, fetch and push behave as on any Git host), behind HTTP basic auth.
 */
import { spawn } from 'node:child_process';
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GitServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface GitServerOptions {
  /** Folder holding bare repositories (`<name>.git`). */
  readonly root: string;
  readonly username: string;
  readonly password: string;
  /** Try this port first (keeps URLs in committed manifests stable across restarts); 0 picks one. */
  readonly port?: number;
}

function authorized(header: string | undefined, want: Buffer): boolean {
  const got = Buffer.from(header ?? '');
  return got.length === want.length && timingSafeEqual(got, want);
}

export async function startGitServer(o: GitServerOptions): Promise<GitServer> {
  const want = Buffer.from(`Basic ${Buffer.from(`${o.username}:${o.password}`).toString('base64')}`);
  const server = createServer((req, res) => {
    if (!authorized(req.headers.authorization, want)) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="sluice"' });
      res.end('authentication required\n');
      return;
    }
    backend(o.root, o.username, req, res);
  });
  const listen = (port: number): Promise<void> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  try {
    await listen(o.port ?? 0);
  } catch {
    await listen(0);
  }
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Runs the CGI for one request: request body → stdin, CGI headers → HTTP status and headers. */
function backend(root: string, user: string, req: IncomingMessage, res: ServerResponse): void {
  const u = new URL(req.url ?? '/', 'http://127.0.0.1');
  const cgi = spawn('git', ['http-backend'], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      REQUEST_METHOD: req.method ?? 'GET',
      PATH_INFO: decodeURIComponent(u.pathname),
      QUERY_STRING: u.search.slice(1),
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
      GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
      // An authenticated user enables receive-pack (push) in http-backend.
      REMOTE_USER: user,
      REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
    },
  });
  req.pipe(cgi.stdin);
  cgi.stdin.on('error', () => undefined);
  let head = Buffer.alloc(0);
  let started = false;
  cgi.stdout.on('data', (chunk: Buffer) => {
    if (started) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) return;
    started = true;
    let status = 200;
    for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
      const i = line.indexOf(':');
      if (i <= 0) continue;
      const k = line.slice(0, i).trim();
      const v = line.slice(i + 1).trim();
      if (k.toLowerCase() === 'status') status = parseInt(v, 10) || 500;
      else res.setHeader(k, v);
    }
    res.writeHead(status);
    res.write(head.subarray(end + 4));
  });
  cgi.stdout.on('end', () => {
    if (!started) res.writeHead(500);
    res.end();
  });
  cgi.stderr.resume();
  cgi.on('error', () => res.destroy());
}
