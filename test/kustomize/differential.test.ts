/**
 * Differential suite: every scenario tree is written to a temp dir and built by the real kustomize v5.7.1
 * (scripts/build-kustomize.sh) and by the engine; outputs must be byte-identical, and errors must agree.
 * Set KUSTOMIZE_FUZZ_CASES for more random combinations (default 50).
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
import { randomScenarios } from '../../engines/kustomize/testdata/random-scenarios.js';
import { errorTextsAgree, kustomizeErrorText } from './error-text.js';
import { loadAllScenarios } from './scenario-modules.js';

const scenarios = await loadAllScenarios();

const oracle = join(process.env.SLUICE_CACHE ?? join(homedir(), '.cache', 'sluice'), 'bin', 'kustomize-v5.7.1', 'kustomize');
const haveOracle = existsSync(oracle);
const skip = !haveOracle && !process.env.SLUICE_REQUIRE_ORACLES
  ? `kustomize oracle not built at ${oracle} (run scripts/build-kustomize.sh)`
  : false;

function runReal(s: Scenario): { ok: boolean; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-kz-'));
  try {
    for (const [p, c] of Object.entries(s.files)) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), c);
    }
    const out = execFileSync(oracle, ['build', join(dir, s.dir ?? ''), ...(s.loadRestrictor === 'none' ? ['--load-restrictor', 'LoadRestrictionsNone'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true, out };
  } catch (err) {
    return { ok: false, out: kustomizeErrorText(String((err as { stderr?: string }).stderr ?? err), dir) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runOurs(s: Scenario): { ok: boolean; out: string } {
  try {
    return { ok: true, out: Kustomizer.run(MemoryFileSystem.fromFiles(s.files), '/' + (s.dir ?? ''), s.loadRestrictor === 'none' ? { loadRestrictions: 'none' } : {}).yaml };
  } catch (err) {
    return { ok: false, out: (err as Error).message };
  }
}

function compare(list: Scenario[]): { identical: number; different: string[]; errors: number; agreeing: number } {
  let identical = 0;
  let errors = 0;
  let agreeing = 0;
  const different: string[] = [];
  for (const s of list) {
    const real = runReal(s);
    const ours = runOurs(s);
    if (!real.ok && !ours.ok) {
      errors++;
      if (errorTextsAgree(real.out, ours.out)) agreeing++;
    }
    if (real.ok === ours.ok && (!real.ok || real.out === ours.out)) identical++;
    else different.push(`${s.name}\n--- kustomize (${real.ok ? 'ok' : 'error'}):\n${real.out}\n--- sluice (${ours.ok ? 'ok' : 'error'}):\n${ours.out}`);
  }
  return { identical, different, errors, agreeing };
}

test('every scenario builds byte-identically to kustomize v5.7.1', { skip }, () => {
  const { identical, different, errors, agreeing } = compare(scenarios);
  process.stdout.write(`# differential: ${identical} identical, ${different.length} different of ${scenarios.length}\n`);
  process.stdout.write(`# error texts: ${agreeing} of ${errors} failing scenarios agree with kustomize's message (test/kustomize/error-text.ts)\n`);
  assert.deepEqual(different, []);
});

test('random field combinations build byte-identically to kustomize v5.7.1', { skip }, () => {
  const n = Number(process.env.KUSTOMIZE_FUZZ_CASES ?? 50);
  const seed = Number(process.env.KUSTOMIZE_FUZZ_SEED ?? 1);
  const list = randomScenarios(n, seed);
  const { identical, different } = compare(list);
  process.stdout.write(`# generative (seed ${seed}): ${identical} identical, ${different.length} different of ${n}\n`);
  assert.deepEqual(different.slice(0, 3), []);
});
