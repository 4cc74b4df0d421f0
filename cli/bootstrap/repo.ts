/**
 * The Git side of bootstrap with the git CLI: clone one branch (or start it in an empty repository),
 * commit only when the tree changed, push. Credentials go through runtime/git's askpass/env session.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { git, openAuth, type AuthSession, type GitAuth } from '../../runtime/git/index.js';

export interface Author {
  readonly name: string;
  readonly email: string;
}

export class BootstrapRepo {
  private constructor(
    readonly dir: string,
    readonly url: string,
    readonly branch: string,
    private readonly session: AuthSession,
  ) {}

  /** Clones `branch` of `url` into `dir`; an empty repository or a missing branch starts the branch fresh. */
  static async clone(url: string, branch: string, dir: string, auth: GitAuth): Promise<BootstrapRepo> {
    const session = await openAuth(url, auth);
    const repo = new BootstrapRepo(dir, url, branch, session);
    try {
      const heads = await repo.run(['ls-remote', '--heads', url, branch], undefined, 'ls-remote');
      if (heads.trim() !== '') {
        await repo.run(['clone', '--branch', branch, '--single-branch', '--', url, dir], undefined, 'clone');
      } else {
        await mkdir(dir, { recursive: true });
        await repo.run(['init', '--quiet', `--initial-branch=${branch}`], dir, 'init');
        await repo.run(['remote', 'add', 'origin', url], dir, 'remote add');
      }
    } catch (err) {
      await session.close();
      throw err;
    }
    return repo;
  }

  private run(args: string[], cwd: string | undefined, what: string): Promise<string> {
    return git(args, { cwd, env: this.session.env, secrets: this.session.secrets, what, timeoutMs: 120_000 });
  }

  async writeFile(rel: string, content: string): Promise<void> {
    const p = join(this.dir, rel);
    await mkdir(dirname(p), { recursive: true });
    await writeFile(p, content);
  }

  /** Stages `paths` and commits them; returns the new commit, or undefined when nothing changed. */
  async commit(paths: readonly string[], message: string, author: Author): Promise<string | undefined> {
    await this.run(['add', '--', ...paths], this.dir, 'add');
    const staged = await this.run(['diff', '--cached', '--name-only'], this.dir, 'diff');
    if (staged.trim() === '') return undefined;
    await git(['-c', `user.name=${author.name}`, '-c', `user.email=${author.email}`, 'commit', '--quiet', '--no-gpg-sign', '-m', message], {
      cwd: this.dir,
      what: 'commit',
    });
    return (await this.run(['rev-parse', 'HEAD'], this.dir, 'rev-parse')).trim();
  }

  async push(): Promise<void> {
    await this.run(['push', '--quiet', 'origin', `HEAD:refs/heads/${this.branch}`], this.dir, 'push');
  }

  close(): Promise<void> {
    return this.session.close();
  }
}
