import { spawn } from 'node:child_process';
import { GitError, classify } from './errors.js';
import { sanitize } from './sanitize.js';

/** Options of one git invocation. */
export interface ExecOptions {
  readonly cwd?: string;
  /** Extra environment (credentials travel here, never in argv). */
  readonly env?: Readonly<Record<string, string>>;
  /** Kill the process after this many milliseconds. @default 60000 */
  readonly timeoutMs?: number;
  /** Largest stdout kept, in bytes; more fails the call. @default 16 MiB */
  readonly maxOutputBytes?: number;
  /** Literal values to scrub from any error text. */
  readonly secrets?: readonly string[];
  /** What the operation was, for the error text (e.g. "clone"). */
  readonly what?: string;
}

/** The environment every git call gets: no prompts on a terminal, no user or system config. */
export function baseEnv(): Record<string, string> {
  const keep = [
    'PATH',
    'HOME',
    'LANG',
    'TMPDIR',
    'HTTPS_PROXY',
    'HTTP_PROXY',
    'NO_PROXY',
    'https_proxy',
    'http_proxy',
    'no_proxy',
  ];
  const env: Record<string, string> = {};
  for (const k of keep) {
    const v = process.env[k];
    if (v !== undefined) env[k] = v;
  }
  return {
    ...env,
    LC_ALL: 'C',
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_PROTOCOL_FROM_USER: '0',
    GCM_INTERACTIVE: 'never',
  };
}

/**
 * Runs `git <args>` and returns stdout. Errors carry a classified code and a sanitized message
 * built from stderr (the last lines only: git prints progress noise first).
 */
export async function git(args: readonly string[], opts: ExecOptions = {}): Promise<string> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const maxOut = opts.maxOutputBytes ?? 16 * 1024 * 1024;
  const child = spawn('git', args, {
    cwd: opts.cwd,
    env: { ...baseEnv(), ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const out: Buffer[] = [];
  let outBytes = 0;
  let err = '';
  let overflow = false;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child.pid);
  }, timeoutMs);
  child.stdout.on('data', (c: Buffer) => {
    outBytes += c.length;
    if (outBytes > maxOut) {
      overflow = true;
      killGroup(child.pid);
      return;
    }
    out.push(c);
  });
  child.stderr.on('data', (c: Buffer) => {
    err = (err + c.toString('utf8')).slice(-8192);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c));
  }).finally(() => clearTimeout(timer));
  const what = opts.what ?? args[0] ?? 'git';
  if (timedOut) throw new GitError('timeout', `${what} timed out after ${timeoutMs / 1000}s`);
  if (overflow) throw new GitError('toolarge', `${what} output exceeds ${maxOut} bytes`);
  if (code !== 0) {
    const text = sanitize(summarize(err), opts.secrets);
    throw new GitError(classify(text), `${what} failed: ${text || `exit code ${String(code)}`}`);
  }
  return Buffer.concat(out).toString('utf8');
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Keeps the lines that explain a failure (fatal:/error:/ssh messages), not progress output. */
function summarize(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(
      (l) => l !== '' && !/^(remote: )?(Counting|Compressing|Receiving|Resolving|Enumerating|Total)/.test(l),
    );
  const important = lines.filter((l) =>
    /^(fatal|error|ERROR|remote: fatal)|denied|failed|verification/i.test(l),
  );
  return (important.length > 0 ? important : lines).slice(-3).join('; ');
}
