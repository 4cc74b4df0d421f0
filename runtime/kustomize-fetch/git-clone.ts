/**
 * A remote kustomize base cloned the way kustomize v5.7.1 clones it (api/internal/git ClonerUsingGitExec):
 * `git init`, `git remote add origin HOST+REPO`, `git fetch --depth=1 origin REF|HEAD`,
 * `git checkout FETCH_HEAD`, then `git submodule update --init --recursive` unless `?submodules=false`.
 * Each git call is bounded by the URL's `?timeout=` (kustomize's default 27s).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { cloneSpec, type RepoSpec } from '../../engines/kustomize/index.js';
import { git } from '../git/index.js';

/**
 * Clones `spec` into `<dir>/repo` and returns that directory. `file://` repositories are refused unless
 * `allowFile` (runtime/git allows no user-chosen local transport; kustomize build allows it).
 */
export async function cloneRemoteBase(spec: RepoSpec, dir: string, allowFile = false): Promise<string> {
  const repo = join(dir, 'repo');
  await mkdir(repo, { recursive: true });
  const env: Record<string, string> = allowFile ? { GIT_PROTOCOL_FROM_USER: '1' } : {};
  const run = (args: string[]): Promise<string> => git(args, { cwd: repo, env, timeoutMs: spec.timeoutMs, what: `git ${args[0] ?? ''}` });
  await run(['init', '-q']);
  await run(['remote', 'add', 'origin', cloneSpec(spec)]);
  await run(['fetch', '-q', '--depth=1', 'origin', spec.ref === '' ? 'HEAD' : spec.ref]);
  await run(['checkout', '-q', 'FETCH_HEAD']);
  if (spec.submodules) await run(['submodule', 'update', '-q', '--init', '--recursive']);
  return repo;
}
