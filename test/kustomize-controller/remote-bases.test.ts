/**
 * Remote bases in a Kustomization's build, as kustomize-controller's SecureBuild: by default a
 * kustomization in the artifact may name a remote git base (cloned over loopback smart HTTP here), in the
 * worker pool as on the calling thread; `--no-remote-bases` refuses git repositories with a build error.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { nativeBuilder, pooledBuilder } from '../../controllers/kustomize/builder.js';
import { Command } from 'commander';
import { addKustomizeFlags, kustomizeOptionsFromFlags } from '../../controllers/kustomize/flags.js';
import { WorkerPool } from '../../runtime/workers/index.js';
import { createRepoRoot, startGitHttpServer, TestRepo, type GitHttpServer } from '../fixtures/git/index.js';

const cm = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  k: v\n`;

describe('remote bases in the controller build', () => {
  let git: GitHttpServer;
  const repoRoot = createRepoRoot();
  let lib: TestRepo;
  const artifact = mkdtempSync(join(tmpdir(), 'sluice-kc-remote-'));
  const pool = new WorkerPool({ size: 1 });

  before(async () => {
    git = await startGitHttpServer({ root: repoRoot });
    lib = new TestRepo(repoRoot, 'lib');
    lib.commit({ 'base/kustomization.yaml': 'resources:\n- cm.yaml\n', 'base/cm.yaml': cm('shared') });
    lib.tag('v1');
    const files: Record<string, string> = {
      'app/kustomization.yaml': `namePrefix: app-\nresources:\n- local.yaml\n- ${git.url}/lib.git//base?ref=v1\n`,
      'app/local.yaml': cm('local'),
    };
    for (const [p, c] of Object.entries(files)) {
      mkdirSync(dirname(join(artifact, p)), { recursive: true });
      writeFileSync(join(artifact, p), c);
    }
  });

  after(async () => {
    await pool.close();
    await git.close();
    lib.remove();
    rmSync(repoRoot, { recursive: true, force: true });
    rmSync(artifact, { recursive: true, force: true });
  });

  const builders = [
    ['on the calling thread', () => nativeBuilder()],
    ['in the worker pool', () => pooledBuilder(pool)],
  ] as const;
  for (const [where, make] of builders) {
    it(`a remote git base is cloned and built with the overlay ${where}`, async () => {
      const objects = await make().build({ root: artifact, path: 'app' });
      assert.deepEqual(
        objects.map((o) => o.metadata.name),
        ['app-local', 'app-shared'],
      );
    });
    it(`--no-remote-bases refuses the git base ${where}`, async () => {
      await assert.rejects(make().build({ root: artifact, path: 'app', noRemoteBases: true }), /remote bases are not allowed/);
    });
  }

  it('--no-remote-bases is read as Flux reads it (absent: allowed; bare or =true: refused)', () => {
    const refused = (args: string[]): boolean => {
      const cmd = new Command().exitOverride();
      addKustomizeFlags(cmd);
      cmd.parse(args, { from: 'user' });
      return kustomizeOptionsFromFlags(cmd.opts(), 'flux-system').noRemoteBases === true;
    };
    assert.equal(refused([]), false);
    assert.equal(refused(['--no-remote-bases']), true);
    assert.equal(refused(['--no-remote-bases=true']), true);
    assert.equal(refused(['--no-remote-bases=false']), false);
  });
});
