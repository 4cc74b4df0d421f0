/**
 * The SOPS decryptor the kustomize-controller calls (Flux's internal/decryptor, without the sops
 * binary): decrypt files of every sops format, whole resources carrying a `sops` block, and Secrets
 * whose base64 data values are sops documents. Pure: keys come in as data, no filesystem access.
 */
import { createHash } from 'node:crypto';
import { type PlainValue, decryptValue, macBytes, pathAad, typedValue } from './cipher.js';
import { SopsError } from './errors.js';
import { type SopsKeys, recoverDataKey } from './keys.js';
import { type SopsMetadata, parseMetadata, shouldBeEncrypted } from './metadata.js';
import { Branch, type SopsFormat, type TreeValue, emit, load, toJs } from './stores.js';

export interface DecryptOptions {
  /**
   * Verify the MAC over the plaintext. Flux's kustomize-controller does not (arbitrary data is
   * injected into resources by kustomize), so the default is false.
   * @default false
   */
  readonly verifyMac?: boolean;
}

const MAC_ONLY_ENCRYPTED_INIT = Buffer.from([
  0x8a, 0x3f, 0xd2, 0xad, 0x54, 0xce, 0x66, 0x52, 0x7b, 0x10, 0x34, 0xf3, 0xd1, 0x47, 0xbe, 0x0b, 0x0b, 0x97,
  0x5b, 0x3b, 0xf4, 0x4f, 0x72, 0xc6, 0xfd, 0xad, 0xec, 0x81, 0x76, 0xf2, 0x7d, 0x69,
]);

const FORMAT_NAME: Readonly<Record<SopsFormat, string>> = {
  binary: 'binary',
  dotenv: 'dotenv',
  ini: 'INI',
  json: 'JSON',
  yaml: 'YAML',
};

/** Decrypts the tree in place order, returning the decrypted tree and the computed MAC (hex, upper-case). */
function decryptTree(tree: Branch, m: SopsMetadata, key: Uint8Array): { tree: Branch; mac: string } {
  const hash = createHash('sha512');
  if (m.macOnlyEncrypted) hash.update(MAC_ONLY_ENCRYPTED_INIT);
  const leaf = (v: Exclude<TreeValue, Branch | TreeValue[]>, path: string[]): TreeValue => {
    if (v === null) return null;
    const encrypted = shouldBeEncrypted(m, path, [], false);
    let out: PlainValue;
    if (encrypted) {
      if (typeof v !== 'string')
        throw new SopsError(
          'DecryptFailed',
          'Could not decrypt value: the value is not a sops-encrypted string',
        );
      try {
        out = typedValue(decryptValue(v, key, pathAad(path)));
      } catch (e) {
        throw new SopsError(
          'DecryptFailed',
          `Error walking tree: Could not decrypt value: ${(e as Error).message}`,
        );
      }
    } else {
      out = v as PlainValue;
    }
    if (!m.macOnlyEncrypted || encrypted) hash.update(macBytes(out));
    return out;
  };
  const walk = (v: TreeValue, path: string[]): TreeValue => {
    if (v instanceof Branch) return new Branch(v.entries.map(([k, x]) => [k, walk(x, [...path, k])]));
    if (Array.isArray(v)) return v.map((x) => walk(x, path));
    return leaf(v, path);
  };
  const out = walk(tree, []) as Branch;
  return { tree: out, mac: hash.digest('hex').toUpperCase() };
}

/** RFC 3339 as Go's time.Format writes it (no fractional seconds). */
function goRfc3339(s: string): string {
  return s.replace(/\.\d+(?=(Z|[+-]\d\d:\d\d)$)/, '');
}

function verify(m: SopsMetadata, key: Uint8Array, computed: string): void {
  let original: string;
  try {
    original = m.mac === '' ? '' : decryptValue(m.mac, key, goRfc3339(m.lastModified)).bytes.toString('utf8');
  } catch (e) {
    throw new SopsError('MacMismatch', `failed to verify sops data integrity: ${(e as Error).message}`);
  }
  if (original !== computed) {
    throw new SopsError(
      'MacMismatch',
      `failed to verify sops data integrity: expected mac '${original || 'no MAC'}', got '${computed}'`,
    );
  }
}

async function decryptLoaded(
  data: Uint8Array | string,
  input: SopsFormat,
  keys: SopsKeys,
  options: DecryptOptions,
): Promise<Branch> {
  let loaded;
  try {
    loaded = load(data, input);
  } catch (e) {
    throw new SopsError(
      'LoadFailed',
      `failed to load encrypted ${FORMAT_NAME[input]} data: ${(e as Error).message}`,
    );
  }
  const m = parseMetadata(loaded.metadata);
  let key: Uint8Array;
  try {
    key = await recoverDataKey(m, keys);
  } catch (e) {
    throw new SopsError(
      (e as SopsError).code ?? 'DataKeyUnavailable',
      `cannot get sops data key: ${(e as Error).message}`,
    );
  }
  let result;
  try {
    result = decryptTree(loaded.tree, m, key);
  } catch (e) {
    throw new SopsError('DecryptFailed', `error decrypting sops tree: ${(e as Error).message}`);
  }
  if (options.verifyMac === true) verify(m, key, result.mac);
  return result.tree;
}

/**
 * SopsDecryptWithFormat: decrypts a sops document and returns it in `output` format (bytes).
 * Throws SopsError with Flux's message prefixes (`failed to load encrypted YAML data: …`,
 * `cannot get sops data key: …`, `error decrypting sops tree: …`, `failed to verify sops data integrity: …`).
 */
export async function decryptFile(
  data: Uint8Array | string,
  input: SopsFormat,
  output: SopsFormat,
  keys: SopsKeys,
  options: DecryptOptions = {},
): Promise<Uint8Array> {
  const tree = await decryptLoaded(data, input, keys, options);
  try {
    return emit(tree, output);
  } catch (e) {
    throw new SopsError(
      'EmitFailed',
      `failed to emit encrypted ${FORMAT_NAME[input]} file as decrypted ${FORMAT_NAME[output]}: ${(e as Error).message}`,
    );
  }
}

/** formats.FormatForPath plus Flux's `.dockerconfigjson` → JSON rule. */
export function formatForPath(path: string): SopsFormat {
  if (path.endsWith('.dockerconfigjson') || path.endsWith('.json')) return 'json';
  if (path.endsWith('.yaml') || path.endsWith('.yml')) return 'yaml';
  if (path.endsWith('.env')) return 'dotenv';
  if (path.endsWith('.ini')) return 'ini';
  return 'binary';
}

const MARKERS: readonly [SopsFormat, string][] = [
  ['json', '"mac": "ENC['],
  ['dotenv', 'sops_mac=ENC['],
  ['ini', '[sops]'],
  ['yaml', 'mac: ENC['],
];

/**
 * The format of a sops document found inside a Secret value, by Flux's marker bytes; undefined when
 * the bytes are not a sops document. (Flux iterates a Go map, so a JSON document may also be read
 * as binary — both decode it the same way; we pick JSON.)
 */
export function detectFormatFromMarkers(data: Uint8Array | string): SopsFormat | undefined {
  const text = typeof data === 'string' ? data : Buffer.from(data).toString('latin1');
  for (const [f, marker] of MARKERS) if (text.includes(marker)) return f;
  return undefined;
}

export type KubeObject = { [key: string]: unknown };

/** Flux's isSOPSEncryptedResource: a `sops` map with a non-empty `mac`. */
export function isSopsEncryptedResource(obj: KubeObject): boolean {
  const s = obj.sops as { mac?: unknown } | undefined;
  return s !== null && typeof s === 'object' && typeof s.mac === 'string' && s.mac !== '';
}

/** Flux's IsEncryptedSecret: a `v1` Secret that still has a `sops` field (apply refuses it). */
export function isEncryptedSecret(obj: KubeObject): boolean {
  return obj.kind === 'Secret' && obj.apiVersion === 'v1' && obj.sops !== undefined;
}

/** The error the controller reports for such a Secret when decryption is not configured. */
export function encryptedSecretMessage(obj: KubeObject): string {
  const meta = (obj.metadata ?? {}) as { name?: string; namespace?: string };
  return `Secret/${meta.namespace ?? ''}/${meta.name ?? ''} is SOPS encrypted, configuring decryption is required for this secret to be reconciled`;
}

/**
 * DecryptResource: a resource with a sops block is decrypted as JSON (any kind); a Secret whose
 * base64 `data` values contain sops documents has each such value decrypted and re-emitted in the
 * format its key's extension names. Returns the same object (`changed: false`) when there is
 * nothing to decrypt. Errors carry Flux's message:
 * `failed to decrypt and format '<ns>/<name>' <Kind> data: …` or
 * `failed to decrypt and format '<ns>/<name>' Secret field '<key>': …`. The controller wraps them
 * as `decryption failed for '<Kind.version.group>/<name>': …`.
 */
export async function decryptResource(
  obj: KubeObject,
  keys: SopsKeys,
  options: DecryptOptions = {},
): Promise<{ readonly changed: boolean; readonly object: KubeObject }> {
  const meta = (obj.metadata ?? {}) as { name?: string; namespace?: string };
  const id = `'${meta.namespace ?? ''}/${meta.name ?? ''}'`;
  if (isSopsEncryptedResource(obj)) {
    try {
      const tree = await decryptLoaded(JSON.stringify(obj), 'json', keys, options);
      return { changed: true, object: toJs(tree) as KubeObject };
    } catch (e) {
      throw new SopsError(
        (e as SopsError).code ?? 'DecryptFailed',
        `failed to decrypt and format ${id} ${String(obj.kind)} data: ${(e as Error).message}`,
      );
    }
  }
  if (obj.kind !== 'Secret' || obj.data === null || typeof obj.data !== 'object')
    return { changed: false, object: obj };
  const data = { ...(obj.data as Record<string, unknown>) };
  let changed = false;
  for (const [k, v] of Object.entries(data)) {
    if (typeof v !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(v)) continue; // not base64: left for the API server to reject
    const raw = Buffer.from(v, 'base64');
    const inFormat = detectFormatFromMarkers(raw);
    if (!inFormat) continue;
    try {
      const out = await decryptFile(raw, inFormat, formatForPath(k), keys, options);
      data[k] = Buffer.from(out).toString('base64');
      changed = true;
    } catch (e) {
      throw new SopsError(
        (e as SopsError).code ?? 'DecryptFailed',
        `failed to decrypt and format ${id} Secret field '${k}': ${(e as Error).message}`,
      );
    }
  }
  return changed ? { changed, object: { ...obj, data } } : { changed: false, object: obj };
}
