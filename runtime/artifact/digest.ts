import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Digest algorithms accepted by --artifact-digest-algo that Node can compute. */
export const digestAlgorithms = ['sha256', 'sha1', 'sha384', 'sha512'] as const;
export type DigestAlgorithm = (typeof digestAlgorithms)[number];

export function isDigestAlgorithm(s: string): s is DigestAlgorithm {
  return (digestAlgorithms as readonly string[]).includes(s);
}

export function newHash(algo: DigestAlgorithm): Hash {
  return createHash(algo);
}

/** Splits `<algo>:<hex>`; a digest without `:` is sha256 (Flux consumers do the same). */
export function parseDigest(digest: string): { algo: string; hex: string } {
  const i = digest.indexOf(':');
  return i < 0 ? { algo: 'sha256', hex: digest } : { algo: digest.slice(0, i), hex: digest.slice(i + 1) };
}

/** `<algo>:<hex>` of a file's bytes. */
export async function digestFile(path: string, algo: DigestAlgorithm = 'sha256'): Promise<string> {
  const h = newHash(algo);
  for await (const c of createReadStream(path)) h.update(c as Buffer);
  return `${algo}:${h.digest('hex')}`;
}
