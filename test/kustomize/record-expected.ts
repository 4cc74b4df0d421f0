/**
 * Records what the real kustomize v5.7.1 prints for every scenario that builds, into
 * engines/kustomize/testdata/expected/<module>.json (name → YAML), so the in-memory scenario test checks
 * exact output without the oracle. Run by hand after adding scenarios:
 *   node --import tsx test/kustomize/record-expected.ts [scenarios-module ...]
 * (no argument: every module). The differential suite keeps checking the same scenarios against the binary.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expectedPath, loadScenarioModules } from './scenario-modules.js';

const oracle = join(process.env.SLUICE_CACHE ?? join(homedir(), '.cache', 'sluice'), 'bin', 'kustomize-v5.7.1', 'kustomize');
for (const m of await loadScenarioModules(process.argv.slice(2))) {
  const out: Record<string, string> = {};
  for (const s of m.scenarios) {
    if (s.error || s.expected !== undefined) continue;
    const dir = mkdtempSync(join(tmpdir(), 'sluice-kz-rec-'));
    try {
      for (const [p, c] of Object.entries(s.files)) {
        mkdirSync(dirname(join(dir, p)), { recursive: true });
        writeFileSync(join(dir, p), c);
      }
      out[s.name] = execFileSync(oracle, ['build', join(dir, s.dir ?? ''), ...(s.loadRestrictor === 'none' ? ['--load-restrictor', 'LoadRestrictionsNone'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      throw new Error(`kustomize failed on "${s.name}" (${m.module}): ${String((err as { stderr?: string }).stderr ?? err)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  mkdirSync(dirname(expectedPath(m.module)), { recursive: true });
  writeFileSync(expectedPath(m.module), JSON.stringify(out, null, 1) + '\n');
  process.stdout.write(`${m.module}: recorded ${Object.keys(out).length} outputs\n`);
}
