/**
 * An http(s) GET of a remote kustomize resource file, as kustomize's loader does it (redirects followed,
 * any status returned to the caller), with a bounded body and a time limit.
 */
import { STATUS_CODES } from 'node:http';
import { Agent, interceptors, request } from 'undici';
import type { RemoteFileResponse } from '../../engines/kustomize/index.js';

export interface HttpFileOptions {
  /** Largest body read, in bytes; a larger one fails. @default 16 MiB */
  readonly maxBytes?: number;
  /** Time limit for headers and for body inactivity, in milliseconds. @default 27000 */
  readonly timeoutMs?: number;
}

export class HttpFileError extends Error {
  override readonly name = 'HttpFileError';
}

const agent = new Agent().compose(interceptors.redirect({ maxRedirections: 10 }));

export async function getHttpFile(url: string, opts: HttpFileOptions = {}): Promise<RemoteFileResponse> {
  const maxBytes = opts.maxBytes ?? 16 * 1024 * 1024;
  const timeoutMs = opts.timeoutMs ?? 27_000;
  const res = await request(url, { method: 'GET', dispatcher: agent, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  const declared = Number(res.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body.dump();
    throw new HttpFileError(`response is larger than ${maxBytes} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of res.body) {
    const chunk = c as Buffer;
    size += chunk.length;
    if (size > maxBytes) {
      res.body.destroy();
      throw new HttpFileError(`response is larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return { status: res.statusCode, statusText: STATUS_CODES[res.statusCode] ?? '', body: new Uint8Array(Buffer.concat(chunks)) };
}
