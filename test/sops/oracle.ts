/**
 * Test helpers around the real sops CLI (built by scripts/build-sops.sh) and GnuPG: throwaway age
 * and OpenPGP keys generated at test time, fixtures encrypted by sops itself.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';

export const SOPS_VERSION = process.env.SLUICE_SOPS_VERSION ?? 'v3.11.0';

export function sopsBinary(): string {
  const cache = process.env.SLUICE_CACHE ?? join(homedir(), '.cache', 'sluice');
  return join(cache, 'bin', `sops-${SOPS_VERSION}`, 'sops');
}

export const haveSops = (): boolean => existsSync(sopsBinary());

export interface AgeKey {
  readonly identity: string;
  readonly recipient: string;
}

export async function newAgeKey(): Promise<AgeKey> {
  const identity = await generateIdentity();
  return { identity, recipient: await identityToRecipient(identity) };
}

export interface PgpKey {
  readonly fingerprint: string;
  readonly armoredPrivateKey: string;
  readonly gnupgHome: string;
}

/** A passphrase-less throwaway OpenPGP key in a temporary GNUPGHOME. */
export function newPgpKey(): PgpKey {
  const gnupgHome = mkdtempSync(join(tmpdir(), 'sluice-gpg-'));
  const env = { ...process.env, GNUPGHOME: gnupgHome };
  execFileSync(
    'gpg',
    [
      '--batch',
      '--passphrase',
      '',
      '--quick-gen-key',
      'Sluice Test <test@sluice.invalid>',
      'default',
      'default',
      'never',
    ],
    {
      env,
      stdio: 'ignore',
    },
  );
  const listing = execFileSync('gpg', ['--batch', '--with-colons', '--list-secret-keys'], {
    env,
    encoding: 'utf8',
  });
  const fpr = /^fpr:+([0-9A-F]{40}):/m.exec(listing)?.[1];
  if (!fpr) throw new Error('gpg did not report a fingerprint');
  const armoredPrivateKey = execFileSync('gpg', ['--batch', '--armor', '--export-secret-keys', fpr], {
    env,
    encoding: 'utf8',
  });
  return { fingerprint: fpr, armoredPrivateKey, gnupgHome };
}

export interface EncryptOptions {
  readonly age?: readonly string[];
  readonly pgp?: readonly string[];
  readonly gnupgHome?: string;
  /** --input-type / --output-type (default: from the file extension). */
  readonly type?: 'yaml' | 'json' | 'dotenv' | 'ini' | 'binary';
  readonly extraArgs?: readonly string[];
  /** Contents of a .sops.yaml written next to the file (e.g. key_groups with shamir_threshold). */
  readonly config?: string;
}

/** Encrypts `plaintext` (written to a file named `name`) with the real sops; returns the encrypted bytes. */
export function sopsEncrypt(name: string, plaintext: string | Uint8Array, opts: EncryptOptions): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-sops-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, plaintext);
    if (opts.config) writeFileSync(join(dir, '.sops.yaml'), opts.config);
    const args = ['--disable-version-check', 'encrypt'];
    if (opts.age?.length) args.push('--age', opts.age.join(','));
    if (opts.pgp?.length) args.push('--pgp', opts.pgp.join(','));
    if (opts.type) args.push('--input-type', opts.type, '--output-type', opts.type);
    args.push(...(opts.extraArgs ?? []), file);
    const env = {
      ...process.env,
      ...(opts.gnupgHome ? { GNUPGHOME: opts.gnupgHome } : {}),
      SOPS_AGE_KEY: '',
      SOPS_AGE_KEY_FILE: '',
    };
    return execFileSync(sopsBinary(), args, { env, cwd: dir, maxBuffer: 16 << 20 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Decrypts with the real sops (to compare emitted bytes with ours). */
export function sopsDecrypt(name: string, encrypted: Uint8Array, ageIdentity: string, type?: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-sops-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, encrypted);
    const args = ['--disable-version-check', 'decrypt'];
    if (type) args.push('--input-type', type, '--output-type', type);
    args.push(file);
    return execFileSync(sopsBinary(), args, {
      env: { ...process.env, SOPS_AGE_KEY: ageIdentity },
      maxBuffer: 16 << 20,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const readText = (p: string): string => readFileSync(p, 'utf8');
