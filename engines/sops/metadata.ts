/**
 * The `sops` metadata block and the encryption rules it carries (unencrypted_suffix,
 * encrypted_suffix, unencrypted_regex, encrypted_regex, the comment regexes, mac_only_encrypted).
 * Dotenv and INI files store it flattened (`sops_age__list_0__map_enc=…`).
 */
import { RE2JS } from 're2js';
import { SopsError } from './errors.js';

export interface AgeStanza {
  readonly recipient: string;
  readonly enc: string;
}
export interface PgpStanza {
  readonly fp: string;
  readonly enc: string;
}
export interface KeyGroup {
  readonly age: readonly AgeStanza[];
  readonly pgp: readonly PgpStanza[];
  /** Names of key types we cannot use (kms, gcp_kms, azure_kv, hc_vault) present in the group. */
  readonly unsupported: readonly string[];
}

export interface SopsMetadata {
  readonly keyGroups: readonly KeyGroup[];
  readonly shamirThreshold: number;
  readonly lastModified: string;
  readonly mac: string;
  readonly version: string;
  readonly unencryptedSuffix?: string;
  readonly encryptedSuffix?: string;
  readonly unencryptedRegex?: string;
  readonly encryptedRegex?: string;
  readonly unencryptedCommentRegex?: string;
  readonly encryptedCommentRegex?: string;
  readonly macOnlyEncrypted: boolean;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const list = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? (v as Record<string, unknown>[]) : [];

function group(o: Record<string, unknown>): KeyGroup {
  const unsupported = ['kms', 'gcp_kms', 'azure_kv', 'hc_vault'].filter((k) => list(o[k]).length > 0);
  return {
    age: list(o.age).map((a) => ({ recipient: String(a.recipient ?? ''), enc: String(a.enc ?? '') })),
    pgp: list(o.pgp).map((p) => ({ fp: String(p.fp ?? ''), enc: String(p.enc ?? '') })),
    unsupported,
  };
}

/** Reads metadata from the `sops` value of a JSON/YAML/binary document (or unflattened dotenv/INI). */
export function parseMetadata(sops: unknown): SopsMetadata {
  if (sops === null || typeof sops !== 'object' || Array.isArray(sops)) {
    throw new SopsError('NoMetadata', 'sops metadata not found');
  }
  const m = sops as Record<string, unknown>;
  const groups = list(m.key_groups).length > 0 ? list(m.key_groups).map(group) : [group(m)];
  const out: SopsMetadata = {
    keyGroups: groups,
    shamirThreshold: Number(m.shamir_threshold ?? 0) || 0,
    lastModified: String(m.lastmodified ?? ''),
    mac: String(m.mac ?? ''),
    version: String(m.version ?? ''),
    unencryptedSuffix: str(m.unencrypted_suffix),
    encryptedSuffix: str(m.encrypted_suffix),
    unencryptedRegex: str(m.unencrypted_regex),
    encryptedRegex: str(m.encrypted_regex),
    unencryptedCommentRegex: str(m.unencrypted_comment_regex),
    encryptedCommentRegex: str(m.encrypted_comment_regex),
    macOnlyEncrypted: m.mac_only_encrypted === true || m.mac_only_encrypted === 'true',
  };
  if (out.version === '') throw new SopsError('NoMetadata', 'sops metadata not found');
  return out;
}

/** Rebuilds nested metadata from sops' flattened keys (`a__list_0__map_b`). */
export function unflatten(flat: ReadonlyMap<string, string>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of flat) {
    // `age__list_0__map_enc` → ['age', 0, 'enc']
    const tokens = key.split(/(__list_\d+|__map_)/);
    const segs: (string | number)[] = [tokens[0] ?? ''];
    for (let i = 1; i < tokens.length; i += 2) {
      const sep = tokens[i] as string;
      if (sep.startsWith('__list_')) segs.push(Number(sep.slice('__list_'.length)));
      else segs.push(tokens[i + 1] ?? '');
    }
    let cur: Record<string, unknown> | unknown[] = root;
    segs.forEach((seg, i) => {
      const last = i === segs.length - 1;
      const next = segs[i + 1];
      const container = cur as Record<string | number, unknown>;
      if (last) {
        container[seg] = value;
        return;
      }
      if (container[seg] === undefined) container[seg] = typeof next === 'number' ? [] : {};
      cur = container[seg] as Record<string, unknown> | unknown[];
    });
  }
  return root;
}

/** The escape dotenv/INI metadata uses for newlines in armored key blobs. */
export const unescapeNewlines = (s: string): string => s.replaceAll('\\n', '\n');

const compiled = new Map<string, RE2JS>();
function goMatch(pattern: string, s: string): boolean {
  let re = compiled.get(pattern);
  if (!re) {
    re = RE2JS.compile(pattern);
    compiled.set(pattern, re);
  }
  return re.matcher(s).find();
}

/** sops Tree.shouldBeEncrypted for a value at `path` under the given comment stack. */
export function shouldBeEncrypted(
  m: SopsMetadata,
  path: readonly string[],
  comments: readonly (readonly string[])[],
  isComment: boolean,
): boolean {
  let encrypted = true;
  if (m.unencryptedSuffix && path.some((p) => p.endsWith(m.unencryptedSuffix as string))) encrypted = false;
  if (m.encryptedSuffix) encrypted = path.some((p) => p.endsWith(m.encryptedSuffix as string));
  if (m.unencryptedRegex && path.some((p) => goMatch(m.unencryptedRegex as string, p))) encrypted = false;
  if (m.encryptedRegex) encrypted = path.some((p) => goMatch(m.encryptedRegex as string, p));
  if (
    m.unencryptedCommentRegex &&
    comments.some((cs) => cs.some((c) => goMatch(m.unencryptedCommentRegex as string, c)))
  ) {
    encrypted = false;
  }
  if (m.encryptedCommentRegex) {
    const lastI = comments.length - 1;
    const lastJ = (comments[lastI]?.length ?? 0) - 1;
    encrypted = comments.some((cs, i) =>
      cs.some(
        (c, j) => !(isComment && i === lastI && j === lastJ) && goMatch(m.encryptedCommentRegex as string, c),
      ),
    );
  }
  return encrypted;
}
