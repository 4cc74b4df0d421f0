/**
 * Finds every kustomize scenario table: each engines/kustomize/testdata/scenarios*.ts module exporting
 * `scenarios`, with the outputs kustomize v5.7.1 printed for it recorded in testdata/expected/<module>.json
 * (by test/kustomize/record-expected.ts). New tables need no registration anywhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Scenario } from '../../engines/kustomize/testdata/fixtures.js';

export const testdataDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'engines', 'kustomize', 'testdata');

export interface ScenarioModule {
  readonly module: string;
  readonly scenarios: readonly Scenario[];
  /** Recorded kustomize output per scenario name. */
  readonly expected: Readonly<Record<string, string>>;
}

export function expectedPath(module: string): string {
  return join(testdataDir, 'expected', `${module}.json`);
}

export async function loadScenarioModules(only?: readonly string[]): Promise<ScenarioModule[]> {
  const files = readdirSync(testdataDir)
    .filter((f) => /^scenarios[\w-]*\.ts$/.test(f))
    .sort();
  const out: ScenarioModule[] = [];
  for (const f of files) {
    const module = f.replace(/\.ts$/, '');
    if (only && only.length > 0 && !only.includes(module)) continue;
    const mod = (await import(pathToFileURL(join(testdataDir, f)).href)) as { scenarios?: Scenario[] };
    if (!Array.isArray(mod.scenarios)) throw new Error(`${f} does not export "scenarios"`);
    const p = expectedPath(module);
    const expected = existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as Record<string, string>) : {};
    out.push({ module, scenarios: mod.scenarios, expected });
  }
  return out;
}

/** Every scenario of every table, names checked to be unique. */
export async function loadAllScenarios(): Promise<Array<Scenario & { module: string; recorded?: string }>> {
  const seen = new Set<string>();
  const all: Array<Scenario & { module: string; recorded?: string }> = [];
  for (const m of await loadScenarioModules()) {
    for (const s of m.scenarios) {
      if (seen.has(s.name)) throw new Error(`duplicate kustomize scenario name: ${s.name} (${m.module})`);
      seen.add(s.name);
      all.push({ ...s, module: m.module, recorded: m.expected[s.name] });
    }
  }
  return all;
}
