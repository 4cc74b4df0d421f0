/**
 * The repository `sluice up` serves: a bare copy under DIR/git, made once from a folder (its files
 * as one initial commit), a local Git repository (cloned with its history) or a URL (mirrored).
 * An existing copy is reused, so bootstrap commits survive restarts.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { git } from '../../runtime/git/index.js';

export interface ServedRepo {
  /** `<name>.git` under the server root. */
  readonly name: string;
  readonly bare: string;
  readonly branch: string;
  readonly created: boolean;
}

/** The seed-shaped example shipped with sluice. */
export function exampleRepository(): string {
  let dir = fileURLToPath(new URL('.', import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'examples', 'kimawesome');
    if (existsSync(join(candidate, 'cluster'))) return candidate;
    dir = resolve(dir, '..');
  }
  throw new Error('the example repository examples/kimawesome is missing from this installation; pass --repo PATH|URL');
}

const isUrl = (s: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);

function repoName(source: string): string {
  const last = basename(source.replace(/\/+$/, '')).replace(/\.git$/, '');
  return (last.replace(/[^A-Za-z0-9._-]/g, '-') || 'repository') + '.git';
}

async function headBranch(bare: string): Promise<string> {
  try {
    return (await git(['symbolic-ref', '--short', 'HEAD'], { cwd: bare, what: 'symbolic-ref' })).trim() || 'main';
  } catch {
    return 'main';
  }
}

async function isRepoTop(path: string): Promise<boolean> {
  try {
    const top = (await git(['rev-parse', '--show-toplevel'], { cwd: path, what: 'rev-parse' })).trim();
    return resolve(top) === resolve(path);
  } catch {
    return false;
  }
}

export async function prepareRepository(root: string, source: string): Promise<ServedRepo> {
  const name = repoName(source);
  const bare = join(root, name);
  await mkdir(root, { recursive: true });
  if (existsSync(join(bare, 'HEAD'))) return { name, bare, branch: await headBranch(bare), created: false };
  if (isUrl(source)) {
    await git(['clone', '--bare', '--quiet', '--', source, bare], { what: 'clone', timeoutMs: 300_000 });
  } else if (await isRepoTop(source)) {
    await git(['-c', 'protocol.file.allow=always', 'clone', '--bare', '--quiet', '--', resolve(source), bare], { what: 'clone', timeoutMs: 300_000 });
  } else {
    if (!existsSync(source)) throw new Error(`--repo ${source} does not exist: give a folder, a Git repository or a URL`);
    await git(['init', '--bare', '--quiet', '--initial-branch=main', bare], { what: 'init' });
    const work = await mkdtemp(join(tmpdir(), 'sluice-up-seed-'));
    try {
      await cp(resolve(source), work, { recursive: true, filter: (src) => basename(src) !== '.git' });
      await git(['init', '--quiet', '--initial-branch=main'], { cwd: work, what: 'init' });
      await git(['add', '--all'], { cwd: work, what: 'add' });
      await git(['-c', 'user.name=sluice', '-c', 'user.email=sluice@localhost', 'commit', '--quiet', '--no-gpg-sign', '-m', `Import ${basename(resolve(source))}`], {
        cwd: work,
        what: 'commit',
      });
      await git(['-c', 'protocol.file.allow=always', 'push', '--quiet', bare, 'HEAD:refs/heads/main'], { cwd: work, what: 'push' });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  return { name, bare, branch: await headBranch(bare), created: true };
}
