/**
 * HTTP to one API server over node:http(s) with a keep-alive agent. Rate limiting, retries and
 * JSON decoding live in the client; this file only moves bytes.
 */
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import { connectionReady } from './kubeconfig.js';
import type { ConnectionConfig } from './kubeconfig.js';

export interface TransportRequest {
  readonly method: string;
  /** Path + query, starting with `/`. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string | readonly string[]>>;
  readonly body?: string | Buffer;
  readonly signal?: AbortSignal;
  /** Abort when no response headers arrived after this long. @default 60000 */
  readonly timeoutMs?: number;
}

export interface TransportResponse {
  readonly status: number;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

export class Transport {
  private agent: http.Agent | undefined;
  private readonly base: URL;

  constructor(readonly connection: ConnectionConfig) {
    this.base = new URL(connection.server);
  }

  private async getAgent(): Promise<http.Agent> {
    if (this.agent) return this.agent;
    await connectionReady(this.connection);
    const tls = this.connection.tls;
    this.agent =
      this.base.protocol === 'http:'
        ? new http.Agent({ keepAlive: true, maxSockets: 64 })
        : new https.Agent({
            keepAlive: true,
            maxSockets: 64,
            ca: tls.ca,
            cert: tls.cert,
            key: tls.key,
            rejectUnauthorized: tls.rejectUnauthorized ?? true,
            servername: tls.servername,
          });
    return this.agent;
  }

  /** Sends a request and resolves with the response stream (for watches and large reads). */
  async stream(req: TransportRequest): Promise<IncomingMessage> {
    const agent = await this.getAgent();
    const auth = await this.connection.authHeaders();
    const prefix = this.base.pathname.replace(/\/+$/, '');
    const mod = this.base.protocol === 'http:' ? http : https;
    const headers: Record<string, string | string[]> = { ...auth };
    for (const [k, v] of Object.entries(req.headers ?? {})) headers[k] = typeof v === 'string' ? v : [...v];
    if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));
    return new Promise<IncomingMessage>((resolve, reject) => {
      const r = mod.request(
        {
          agent,
          protocol: this.base.protocol,
          hostname: this.base.hostname.replace(/^\[|\]$/g, ''),
          port: this.base.port || (this.base.protocol === 'http:' ? 80 : 443),
          method: req.method,
          path: prefix + req.path,
          headers,
          signal: req.signal,
        },
        (res) => {
          clearTimeout(timer);
          resolve(res);
        },
      );
      const timer = setTimeout(() => r.destroy(new Error(`timed out after ${req.timeoutMs ?? 60000}ms waiting for ${req.method} ${req.path.split('?')[0]}`)), req.timeoutMs ?? 60000);
      r.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      if (req.body !== undefined) r.write(req.body);
      r.end();
    });
  }

  /** Sends a request and buffers the whole response body. */
  async request(req: TransportRequest): Promise<TransportResponse> {
    const res = await this.stream(req);
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    return { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) };
  }

  /** Closes idle keep-alive sockets (open watches end when their streams are destroyed). */
  close(): void {
    this.agent?.destroy();
    this.agent = undefined;
  }
}
