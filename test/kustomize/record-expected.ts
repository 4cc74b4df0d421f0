/**
 * Records what the real kustomize v5.7.1 prints for every scenario that builds, into
 * engines/kustomize/testdata/expected.ts (name → YAML), so the in-memory scenario test checks exact output
 * without the oracle. Run by hand after adding scenarios: `node --import tsx test/kustomize/record-expected.ts`.
 * The differential suite keeps checking the same scenarios against the live binary.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarios } from '../../engines/kustomize/testdata/scenarios.js';

const oracle = join(process.env.SLUICE_CACHE ?? join(homedir(), '.cache', 'sluice'), 'bin', 'kustomize-v5.7.1', 'kustomize');
const out: Record<string, string> = {};
for (const s of scenarios) {
  if (s.error) continue;
  const dir = mkdtempSync(join(tmpdir(), 'sluice-kz-rec-'));
  try {
    for (const [p, c] of Object.entries(s.files)) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), c);
    }
    out[s.name] = execFileSync(oracle, ['build', join(dir, s.dir ?? '')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const target = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'engines', 'kustomize', 'testdata', 'expected.ts');
writeFileSync(
  target,
  `// Recorded from kustomize v5.7.1 by test/kustomize/record-expected.ts: what it prints for each scenario that builds.\n` +
    `export const expectedOutputs: Readonly<Record<string, string>> = ${JSON.stringify(out, null, 1)};\n`,
);
process.stdout.write(`recorded ${Object.keys(out).length} outputs\n`);
