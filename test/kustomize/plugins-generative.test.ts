/**
 * Random trees of builtin plugin configs (transformers, generators, validators), kustomization fields,
 * overlays and buildMetadata, built by the real kustomize v5.7.1 and by the engine: outputs must be
 * byte-identical, or both builds must fail. KUSTOMIZE_PLUGIN_FUZZ_CASES (default 30) and
 * KUSTOMIZE_PLUGIN_FUZZ_SEED (default 1) choose the trees.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MemoryFileSystem } from '../../engines/fs/index.js';
import { Kustomizer } from '../../engines/kustomize/index.js';
import type { Scenario } from '../../engines/kustomize/testdata/fixtures.js';
import { randomPluginScenarios } from '../../engines/kustomize/testdata/random-plugins.js';

const oracle = join(process.env.SLUICE_CACHE ?? join(homedir(), '.cache', 'sluice'), 'bin', 'kustomize-v5.7.1', 'kustomize');
const skip = !existsSync(oracle) && !process.env.SLUICE_REQUIRE_ORACLES
  ? `kustomize oracle not built at ${oracle} (run scripts/build-kustomize.sh)`
  : false;

function real(s: Scenario): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-kzp-'));
  try {
    for (const [p, c] of Object.entries(s.files)) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), c);
    }
    return execFileSync(oracle, ['build', join(dir, s.dir ?? '')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function ours(s: Scenario): string | undefined {
  try {
    return Kustomizer.run(MemoryFileSystem.fromFiles(s.files), '/' + (s.dir ?? '')).yaml;
  } catch {
    return undefined;
  }
}

test('random plugin, field and buildMetadata combinations build byte-identically to kustomize v5.7.1', { skip }, () => {
  const n = Number(process.env.KUSTOMIZE_PLUGIN_FUZZ_CASES ?? 30);
  const seed = Number(process.env.KUSTOMIZE_PLUGIN_FUZZ_SEED ?? 1);
  const different: string[] = [];
  let built = 0;
  for (const s of randomPluginScenarios(n, seed)) {
    const want = real(s);
    const got = ours(s);
    if (want !== undefined) built++;
    if (want !== got) different.push(`${s.name}: kustomize ${want === undefined ? 'failed' : 'built'}, sluice ${got === undefined ? 'failed' : 'built'}`);
  }
  process.stdout.write(`# plugin generative (seed ${seed}): ${n - different.length} identical (${built} built by kustomize), ${different.length} different of ${n}\n`);
  assert.deepEqual(different, []);
});
