/** Decodes a watch response body (one JSON object per line) into events. */
import type { Readable } from 'node:stream';
import type { WatchEvent } from './types.js';

export async function* decodeWatchLines(body: Readable): AsyncGenerator<WatchEvent> {
  let buf = '';
  body.setEncoding('utf8');
  for await (const chunk of body) {
    buf += chunk as string;
    let nl = buf.indexOf('\n');
    while (nl >= 0) {
      const line = buf.slice(0, nl).trim();
      buf = buf.slice(nl + 1);
      if (line) yield JSON.parse(line) as WatchEvent;
      nl = buf.indexOf('\n');
    }
  }
  const rest = buf.trim();
  if (rest) yield JSON.parse(rest) as WatchEvent;
}
