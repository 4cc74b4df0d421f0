/**
 * Starting and stopping the control-plane processes by pid. A pid is only signalled when /proc says it
 * still runs the binary we started, so a recycled pid is never killed by mistake.
 */
import { spawn } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  readonly binary: string;
  readonly log: string;
}

/** Spawns a long-running process detached from this one, its output going to a log file. */
export function startDetached(
  name: string,
  binary: string,
  args: readonly string[],
  log: string,
): ManagedProcess {
  const fd = openSync(log, 'a');
  try {
    const child = spawn(binary, [...args], { detached: true, stdio: ['ignore', fd, fd] });
    if (child.pid === undefined) throw new Error(`could not start ${name} (${binary})`);
    child.unref();
    return { name, pid: child.pid, binary, log };
  } finally {
    closeSync(fd);
  }
}

/** True when pid is alive and is still the binary we started. */
export function isRunning(p: ManagedProcess): boolean {
  try {
    const cmd = readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
    const stat = readFileSync(`/proc/${p.pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return cmd === p.binary && state !== 'Z';
  } catch {
    return false;
  }
}

/** SIGTERM, then SIGKILL after the grace period; resolves once the process is gone. */
export async function stopProcess(p: ManagedProcess, graceMs = 10_000): Promise<void> {
  if (!isRunning(p)) return;
  try {
    process.kill(p.pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isRunning(p)) return;
    await sleep(100);
  }
  try {
    process.kill(p.pid, 'SIGKILL');
  } catch {
    return;
  }
  while (isRunning(p)) await sleep(50);
}
