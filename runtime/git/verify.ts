import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from './exec.js';

/** The outcome of one signature check: the signer's primary key ID (16 hex, upper case) or an error. */
export type SignatureResult = { readonly keyID: string } | { readonly error: string };

/**
 * Verifies OpenPGP signatures of commits and tags with only the given armored keyrings trusted:
 * they are imported into a private, temporary GNUPGHOME that is removed afterwards.
 */
export class SignatureVerifier {
  private constructor(private readonly home: string) {}

  static async open(keyRings: readonly string[]): Promise<SignatureVerifier> {
    const home = await mkdtemp(join(tmpdir(), 'sluice-gnupg-'));
    const v = new SignatureVerifier(home);
    try {
      for (const [i, ring] of keyRings.entries()) {
        const p = join(home, `key-${i}.asc`);
        await writeFile(p, ring, { mode: 0o600 });
        await runGpg(home, ['--batch', '--quiet', '--import', p]);
      }
    } catch (err) {
      await v.close();
      throw err;
    }
    return v;
  }

  /** Verifies `git verify-commit <rev>` in the checkout at `dir`. */
  commit(dir: string, rev = 'HEAD'): Promise<SignatureResult> {
    return this.verify(dir, 'verify-commit', rev);
  }

  /** Verifies `git verify-tag <tag>` in the checkout at `dir`. */
  tag(dir: string, tag: string): Promise<SignatureResult> {
    return this.verify(dir, 'verify-tag', `refs/tags/${tag}`);
  }

  private async verify(dir: string, cmd: string, rev: string): Promise<SignatureResult> {
    const status = await gitStatus(dir, [cmd, '--raw', rev], this.home);
    const valid = /^\[GNUPG:\] VALIDSIG (\S+)(?: \S+)* (\S+)$/m.exec(status.stderr);
    if (status.code === 0 && valid?.[2]) return { keyID: valid[2].slice(-16).toUpperCase() };
    if (/\[GNUPG:\] (ERRSIG|NO_PUBKEY)/.test(status.stderr))
      return { error: 'unable to verify payload with any of the given key rings' };
    if (/\[GNUPG:\] BADSIG/.test(status.stderr)) return { error: 'signature is invalid: bad signature' };
    if (status.stderr.trim() === '' || /no signature found/i.test(status.stderr))
      return { error: 'no signature found' };
    return { error: 'unable to verify payload with any of the given key rings' };
  }

  close(): Promise<void> {
    return rm(this.home, { recursive: true, force: true });
  }
}

/** Whether `refs/tags/<tag>` in the checkout is an annotated tag carrying a PGP signature. */
export async function isSignedTag(dir: string, tag: string): Promise<boolean> {
  const type = (await git(['cat-file', '-t', `refs/tags/${tag}`], { cwd: dir })).trim();
  if (type !== 'tag') return false;
  const body = await git(['cat-file', 'tag', `refs/tags/${tag}`], { cwd: dir });
  return body.includes('-----BEGIN PGP SIGNATURE-----');
}

async function gitStatus(
  dir: string,
  args: string[],
  home: string,
): Promise<{ code: number; stderr: string }> {
  return run('git', ['-c', 'gpg.program=gpg', ...args], {
    cwd: dir,
    env: { ...process.env, GNUPGHOME: home, LC_ALL: 'C' },
  });
}

async function runGpg(home: string, args: string[]): Promise<void> {
  const r = await run('gpg', ['--homedir', home, ...args], { env: { ...process.env, LC_ALL: 'C' } });
  if (r.code !== 0) throw new Error(`failed to import OpenPGP keyring: ${lastLine(r.stderr)}`);
}

function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env: NodeJS.ProcessEnv },
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr = (stderr + c.toString('utf8')).slice(-16384);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stderr });
    });
  });
}

function lastLine(s: string): string {
  return s.trim().split('\n').pop() ?? '';
}
