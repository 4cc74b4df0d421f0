/**
 * Decryption keys as Flux reads them from `spec.decryption.secretRef`: `*.agekey` entries hold age
 * identities (one per line, `#` comments), `*.asc` entries armored OpenPGP private keys. And the
 * data-key recovery from the metadata's key groups (age and OpenPGP; Shamir key groups are refused).
 */
import { Decrypter, armor } from 'age-encryption';
import * as openpgp from 'openpgp';
import { SopsError } from './errors.js';
import type { KeyGroup, SopsMetadata } from './metadata.js';

export interface SopsKeys {
  /** age identities (`AGE-SECRET-KEY-1…`). */
  readonly ageIdentities: readonly string[];
  /** Armored OpenPGP private keys (unencrypted, as Flux requires for non-interactive use). */
  readonly pgpPrivateKeys: readonly string[];
}

const extOf = (name: string): string => {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot >= 0 ? base.slice(dot) : '';
};

/**
 * Collects the keys from a decryption Secret's data (values as bytes or already-decoded strings).
 * Throws SopsError KeyImportFailed, naming the entry but never its content:
 * `failed to import '<name>' data from sops decryption Secret '<ns>/<name>': …` is the controller's wrapping.
 */
export function keysFromSecretData(data: Readonly<Record<string, Uint8Array | string>>): SopsKeys {
  const ageIdentities: string[] = [];
  const pgpPrivateKeys: string[] = [];
  for (const name of Object.keys(data).sort()) {
    const raw = data[name] as Uint8Array | string;
    const text = typeof raw === 'string' ? raw : Buffer.from(raw).toString('utf8');
    if (extOf(name) === '.agekey') {
      for (const line of text.split('\n').map((l) => l.trim())) {
        if (line === '' || line.startsWith('#')) continue;
        if (!/^AGE-SECRET-KEY-(PQ-)?1[0-9A-Z]+$/.test(line)) {
          throw new SopsError('KeyImportFailed', `failed to import '${name}': malformed age identity`);
        }
        ageIdentities.push(line);
      }
    } else if (extOf(name) === '.asc') {
      if (!text.includes('-----BEGIN PGP PRIVATE KEY BLOCK-----')) {
        throw new SopsError(
          'KeyImportFailed',
          `failed to import '${name}': not an armored OpenPGP private key`,
        );
      }
      pgpPrivateKeys.push(text);
    }
  }
  return { ageIdentities, pgpPrivateKeys };
}

let pgpKeyCache = new WeakMap<readonly string[], Promise<openpgp.PrivateKey[]>>();
async function pgpKeys(armored: readonly string[]): Promise<openpgp.PrivateKey[]> {
  let p = pgpKeyCache.get(armored);
  if (!p) {
    p = (async () => {
      const out: openpgp.PrivateKey[] = [];
      for (const a of armored) out.push(...(await openpgp.readPrivateKeys({ armoredKeys: a })));
      return out;
    })();
    pgpKeyCache.set(armored, p);
  }
  return p;
}
/** Drops cached parsed PGP keys (tests). */
export function resetKeyCache(): void {
  pgpKeyCache = new WeakMap();
}

interface KeyAttempt {
  readonly name: string;
  readonly error?: string;
}

async function tryAge(enc: string, keys: SopsKeys): Promise<Uint8Array> {
  if (keys.ageIdentities.length === 0)
    throw new Error('failed to load age identities: no age identities found');
  const d = new Decrypter();
  for (const id of keys.ageIdentities) d.addIdentity(id);
  try {
    return await d.decrypt(armor.decode(enc));
  } catch (e) {
    throw new Error(`failed to create reader for decrypting sops data key with age: ${(e as Error).message}`);
  }
}

async function tryPgp(enc: string, keys: SopsKeys): Promise<Uint8Array> {
  const decryptionKeys = await pgpKeys(keys.pgpPrivateKeys);
  if (decryptionKeys.length === 0)
    throw new Error('could not decrypt data key with PGP key: no private keys imported');
  try {
    const message = await openpgp.readMessage({ armoredMessage: enc });
    const { data } = await openpgp.decrypt({ message, decryptionKeys, format: 'binary' });
    return data as Uint8Array;
  } catch (e) {
    throw new Error(`could not decrypt data key with PGP key: ${(e as Error).message}`);
  }
}

/** Tries every key of one group (age before PGP, sops' default decryption order), first success wins. */
async function decryptGroup(
  g: KeyGroup,
  keys: SopsKeys,
): Promise<{ part?: Uint8Array; attempts: KeyAttempt[] }> {
  const attempts: KeyAttempt[] = [];
  for (const a of g.age) {
    try {
      return { part: await tryAge(a.enc, keys), attempts };
    } catch (e) {
      attempts.push({ name: a.recipient, error: (e as Error).message });
    }
  }
  for (const p of g.pgp) {
    try {
      return { part: await tryPgp(p.enc, keys), attempts };
    } catch (e) {
      attempts.push({ name: p.fp, error: (e as Error).message });
    }
  }
  for (const u of g.unsupported)
    attempts.push({ name: u, error: `the ${u} key service is not supported by Sluice's decryptor` });
  return { attempts };
}

/** The data key, or SopsError DataKeyUnavailable with sops' "Failed to get the data key" report (no secrets). */
export async function recoverDataKey(m: SopsMetadata, keys: SopsKeys): Promise<Uint8Array> {
  if (m.keyGroups.length > 1) {
    throw new SopsError(
      'ShamirUnsupported',
      `the file uses ${m.keyGroups.length} key groups with a Shamir threshold of ${m.shamirThreshold}; Shamir secret sharing is not supported by Sluice's decryptor`,
    );
  }
  const g = m.keyGroups[0] as KeyGroup;
  const { part, attempts } = await decryptGroup(g, keys);
  if (part && part.length === 32) return part;
  const lines = attempts.map((a) => `  ${a.name}: FAILED\n    - | ${a.error ?? 'unknown error'}`);
  throw new SopsError(
    'DataKeyUnavailable',
    'Failed to get the data key required to decrypt the SOPS file.\n\nGroup 0: FAILED\n' +
      lines.join('\n\n') +
      '\n\nRecovery failed because no master key was able to decrypt the file. In\norder for SOPS to recover the file, at least one key has to be successful,\nbut none were.',
  );
}
