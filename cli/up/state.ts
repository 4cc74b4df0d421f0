/** Where `sluice up` keeps everything (one folder, printed at start) and the record `down` reads. */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface UpPaths {
  readonly dir: string;
  readonly cluster: string;
  readonly kubeconfig: string;
  readonly logs: string;
  readonly git: string;
  readonly artifacts: string;
  readonly state: string;
}

export function upPaths(dirArg: string): UpPaths {
  const dir = resolve(dirArg);
  return {
    dir,
    cluster: join(dir, 'cluster'),
    kubeconfig: join(dir, 'cluster', 'kubeconfig'),
    logs: join(dir, 'logs'),
    git: join(dir, 'git'),
    artifacts: join(dir, 'artifacts'),
    state: join(dir, 'up.json'),
  };
}

export interface UpState {
  /** The process that runs the controllers and the Git server (the one `down` signals). */
  readonly pid: number;
  readonly startedAt: string;
  readonly detached: boolean;
  readonly gitPort: number;
  readonly repository: string;
  readonly gitUrl: string;
  /** Set once bootstrap is done and everything is Ready. */
  readonly ready?: boolean;
  /** Set when the serving process failed; `up --detach` reports it. */
  readonly error?: string;
}

/** Basic-auth credentials of the local Git server, kept apart from up.json (mode 0600). */
export interface UpSecret {
  readonly username: string;
  readonly password: string;
}

export async function readUpState(p: UpPaths): Promise<UpState | undefined> {
  if (!existsSync(p.state)) return undefined;
  try {
    return JSON.parse(await readFile(p.state, 'utf8')) as UpState;
  } catch {
    return undefined;
  }
}

export async function writeUpState(p: UpPaths, s: UpState): Promise<void> {
  await writeFile(p.state, JSON.stringify(s, null, 2) + '\n');
}

export async function removeUpState(p: UpPaths): Promise<void> {
  await rm(p.state, { force: true });
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
