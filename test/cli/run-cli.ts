/**
 * Runs the sluice command tree in this process with stdout/stderr captured (spawning `bin/sluice.js`
 * costs seconds of tsx start-up per call). Error handling mirrors cli/main.ts.
 */
import { CommanderError } from 'commander';
import { buildProgram } from '../../cli/program.js';

export interface CliResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

let queue: Promise<unknown> = Promise.resolve();

/** One CLI invocation at a time (stdout capture is process-wide). */
export function runCli(args: readonly string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  const next = queue.then(() => runOnce(args, env));
  queue = next.catch(() => undefined);
  return next;
}

async function runOnce(args: readonly string[], env: Record<string, string | undefined>): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const realOut = process.stdout.write.bind(process.stdout);
  const realErr = process.stderr.write.bind(process.stderr);
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries({ NO_COLOR: '1', ...env })) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  // Only strings are captured: the CLI writes strings, while node:test's child-process protocol writes
  // serialized Buffers to stdout that must reach the parent runner untouched (or results vanish).
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (typeof chunk !== 'string') return (realOut as (c: Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    out.push(chunk);
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (typeof chunk !== 'string') return (realErr as (c: Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    err.push(chunk);
    return true;
  }) as typeof process.stderr.write;
  const savedExit = process.exitCode;
  process.exitCode = undefined;
  let code = 0;
  try {
    await buildProgram().exitOverride().configureOutput({
      writeOut: (s) => out.push(s),
      writeErr: (s) => err.push(s),
    }).parseAsync([...args], { from: 'user' });
    code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) code = e.exitCode;
    else {
      err.push(`✗ ${e instanceof Error ? e.message : String(e)}\n`);
      code = 1;
    }
  } finally {
    process.stdout.write = realOut;
    process.stderr.write = realErr;
    process.exitCode = savedExit;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return { stdout: out.join(''), stderr: err.join(''), code };
}
