import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { memorySource } from '../tar/index.js';
import { Matcher, loadIgnorePatterns, parsePatterns, sourceIgnoreFilter } from './index.js';

describe('sourceIgnoreFilter', () => {
  const cases: ReadonlyArray<{
    name: string;
    user: string | undefined;
    path: string;
    dir?: boolean;
    excluded: boolean;
  }> = [
    { name: 'no user patterns: .git is excluded', user: undefined, path: '.git', dir: true, excluded: true },
    {
      name: 'no user patterns: files under .git are excluded',
      user: undefined,
      path: '.git/config',
      excluded: true,
    },
    {
      name: 'no user patterns: png is excluded by default',
      user: undefined,
      path: 'img/logo.png',
      excluded: true,
    },
    {
      name: 'no user patterns: .github/ is excluded by default',
      user: undefined,
      path: '.github/workflows/ci.yaml',
      excluded: true,
    },
    {
      name: 'no user patterns: nested .sops.yaml is excluded',
      user: undefined,
      path: 'a/b/.sops.yaml',
      excluded: true,
    },
    {
      name: 'no user patterns: manifests are kept',
      user: undefined,
      path: 'deploy/app.yaml',
      excluded: false,
    },
    {
      name: 'a user pattern replaces the defaults: png kept',
      user: '*.txt',
      path: 'logo.png',
      excluded: false,
    },
    { name: 'a user pattern keeps the VCS exclusions', user: '*.txt', path: '.gitignore', excluded: true },
    { name: 'a user pattern excludes what it names', user: '*.txt', path: 'a/notes.txt', excluded: true },
    {
      name: 'an anchored pattern only matches at the root',
      user: '/deploy',
      path: 'x/deploy/a.yaml',
      excluded: false,
    },
    {
      name: 'an anchored pattern matches below its directory',
      user: '/deploy',
      path: 'deploy/a.yaml',
      excluded: true,
    },
    {
      name: 'a directory-only pattern does not match a file',
      user: 'build/',
      path: 'build',
      dir: false,
      excluded: false,
    },
    {
      name: 'a directory-only pattern matches files below it',
      user: 'build/',
      path: 'x/build/out.yaml',
      excluded: true,
    },
    { name: 'a later negation re-includes', user: '*.yaml\n!keep.yaml', path: 'keep.yaml', excluded: false },
    {
      name: 'an earlier negation is overridden by a later exclusion',
      user: '!keep.yaml\n*.yaml',
      path: 'keep.yaml',
      excluded: true,
    },
    { name: 'comments and blank lines are ignored', user: '# *.yaml\n\n', path: 'a.yaml', excluded: false },
    {
      name: 'a negation re-includes a file inside an excluded dir (go-git)',
      user: 'dir/\n!dir/keep',
      path: 'dir/keep',
      excluded: false,
    },
    {
      name: 'double-star matches at any depth',
      user: '**/secret.yaml',
      path: 'a/b/secret.yaml',
      excluded: true,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const filter = sourceIgnoreFilter(c.user === undefined ? [] : parsePatterns(c.user));
      assert.equal(filter(c.path, c.dir ?? false), c.excluded);
    });
  }
});

describe('.sourceignore files', () => {
  const source = memorySource({
    '.sourceignore': '*.md\n',
    'apps/.sourceignore': '/staging\n!README.md\n',
    'apps/staging/app.yaml': 'x',
    'apps/prod/staging/app.yaml': 'x',
    'apps/README.md': 'x',
    'README.md': 'x',
    'other/staging/app.yaml': 'x',
    '.git/.sourceignore': '*\n',
  });

  it('are loaded from every directory except .git, each scoped to its own directory', async () => {
    const patterns = await loadIgnorePatterns(source);
    assert.deepEqual(patterns, [
      { line: '*.md', domain: '' },
      { line: '/staging', domain: 'apps' },
      { line: '!README.md', domain: 'apps' },
    ]);
  });

  const expect: ReadonlyArray<[string, boolean]> = [
    ['apps/staging/app.yaml', true],
    ['apps/prod/staging/app.yaml', false],
    ['other/staging/app.yaml', false],
    ['README.md', true],
    ['apps/README.md', false],
  ];
  for (const [path, excluded] of expect) {
    it(`${path} is ${excluded ? 'excluded' : 'kept'}`, async () => {
      const filter = sourceIgnoreFilter(await loadIgnorePatterns(source));
      assert.equal(filter(path, false), excluded);
    });
  }

  it('the root itself is never matched', () => {
    assert.equal(new Matcher(parsePatterns('*')).match('', true), false);
  });
});
