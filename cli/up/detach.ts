/**
 * `sluice up --detach`: starts `sluice up --serve` as a detached child (output in DIR/logs/up.log),
 * shows the same progress from here, and returns once everything is Ready; the child keeps running.
 */
import { spawn } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KubeClient } from '../../runtime/client/index.js';
import type { CliLogger } from '../output/logger.js';
import { followUntilReady, lineView, ttyView } from './progress.js';
import { processAlive, readUpState, type UpPaths, type UpState } from './state.js';

function sluiceBin(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const p = join(dir, 'bin', 'sluice.js');
    if (existsSync(p)) return p;
    dir = resolve(dir, '..');
  }
  throw new Error('cannot find bin/sluice.js next to this installation');
}

async function tail(file: string, lines = 15): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export interface DetachOptions {
  readonly paths: UpPaths;
  readonly args: readonly string[];
  readonly timeoutMs: number;
  readonly tty: boolean;
  readonly log: CliLogger;
}

export async function runDetached(o: DetachOptions): Promise<UpState> {
  const p = o.paths;
  const logFile = join(p.logs, 'up.log');
  await mkdir(p.logs, { recursive: true });
  await rm(join(p.logs, 'up.error'), { force: true });
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [sluiceBin(), 'up', '--serve', ...o.args], {
    detached: true,
    stdio: ['ignore', fd, fd],
    env: { ...process.env, NO_COLOR: '1' },
  });
  child.unref();
  const pid = child.pid ?? 0;
  o.log.actionf(`started sluice up in the background (pid ${pid}, log ${logFile})`);
  const deadline = Date.now() + o.timeoutMs;
  const dead = async (): Promise<Error> => {
    const why = (await tail(join(p.logs, 'up.error'), 3)) || 'it exited';
    return new Error(`sluice up (pid ${pid}) stopped: ${why}\n${await tail(logFile)}`);
  };
  let state: UpState | undefined;
  while (!(state = await readUpState(p)) || state.pid !== pid) {
    if (!processAlive(pid)) throw await dead();
    if (Date.now() > deadline) throw new Error(`timeout waiting for sluice up (pid ${pid}) to start; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const kube = KubeClient.fromKubeConfig({ kubeconfigPath: p.kubeconfig }, { userAgent: 'sluice-up' });
  const ac = new AbortController();
  const watchdog = setInterval(() => {
    if (!processAlive(pid)) ac.abort();
  }, 500);
  try {
    await followUntilReady(kube, 'flux-system', o.tty ? ttyView() : lineView(), {
      timeoutMs: Math.max(5_000, deadline - Date.now()),
      signal: ac.signal,
    });
  } catch (err) {
    if (!processAlive(pid)) throw await dead();
    throw err;
  } finally {
    clearInterval(watchdog);
    kube.close();
  }
  while (!(state = await readUpState(p))?.ready) {
    if (!processAlive(pid)) throw await dead();
    if (Date.now() > deadline) throw new Error(`timeout waiting for sluice up (pid ${pid}) to finish; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return state;
}
