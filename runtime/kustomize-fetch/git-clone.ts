/**
 * A remote kustomize base cloned the way kustomize v5.7.1 clones it (api/internal/git ClonerUsingGitExec):
 * `git init`, `git remote add origin HOST+REPO`, `git fetch --depth=1 origin REF|HEAD`,
 * `git checkout FETCH_HEAD`, then `git submodule update --init --recursive` unless `?submodules=false`.
 * Each git call is bounded by the URL's `?timeout=` (kustomize's default 27s). A password in an
 * http(s) URL is taken out of the URL and given to git through runtime/git's askpass, never argv.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { cloneSpec, type RepoSpec } from '../../engines/kustomize/index.js';
import { type GitAuth, git, openAuth } from '../git/index.js';

/**
 * Clones `spec` into `<dir>/repo` and returns that directory. `file://` repositories are refused unless
 * `allowFile` (runtime/git allows no user-chosen local transport; kustomize build allows it).
 */
export async function cloneRemoteBase(spec: RepoSpec, dir: string, allowFile = false): Promise<string> {
  const repo = join(dir, 'repo');
  await mkdir(repo, { recursive: true });
  const { url, auth } = splitUserinfo(cloneSpec(spec));
  const session = await openAuth(url, auth);
  try {
    const env: Record<string, string> = { ...session.env, ...(allowFile ? { GIT_PROTOCOL_FROM_USER: '1' } : {}) };
    const run = (args: string[]): Promise<string> =>
      git(args, { cwd: repo, env, secrets: session.secrets, timeoutMs: spec.timeoutMs, what: `git ${args[0] ?? ''}` });
    await run(['init', '-q']);
    await run(['remote', 'add', 'origin', url]);
    await run(['fetch', '-q', '--depth=1', 'origin', spec.ref === '' ? 'HEAD' : spec.ref]);
    await run(['checkout', '-q', 'FETCH_HEAD']);
    if (spec.submodules) await run(['submodule', 'update', '-q', '--init', '--recursive']);
    return repo;
  } finally {
    await session.close();
  }
}

/** `https://user:pass@host/x` → `https://host/x` with the user and password as GitAuth. */
function splitUserinfo(raw: string): { url: string; auth: GitAuth } {
  const m = /^(https?:\/\/)([^/@]*)@(.*)$/i.exec(raw);
  if (!m) return { url: raw, auth: {} };
  const info = m[2] as string;
  const colon = info.indexOf(':');
  const dec = (s: string): string => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const auth: GitAuth = colon < 0 ? { username: dec(info) } : { username: dec(info.slice(0, colon)), password: dec(info.slice(colon + 1)) };
  return { url: `${m[1] as string}${m[3] as string}`, auth };
}
