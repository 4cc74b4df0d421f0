/**
 * Writes config/crd/bases/<group>_<plural>.yaml from the API definitions in api/ (the only source of truth).
 * Usage: npm run gen:crds  (or `--check` to fail when the committed files are stale).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crdFileName, generatedHeader, renderCRD } from '../api/crd-yaml.js';
import { fluxKinds } from '../api/registry.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'config', 'crd', 'bases');

export function expectedFiles(): Map<string, string> {
  return new Map(fluxKinds.map((k) => [crdFileName(k), renderCRD(k)]));
}

/** Names of files that differ from what the definitions produce (missing, changed or extra generated files). */
export function staleFiles(dir = outDir): string[] {
  const want = expectedFiles();
  const stale: string[] = [];
  for (const [name, content] of want) {
    let have: string | undefined;
    try {
      have = readFileSync(join(dir, name), 'utf8');
    } catch {
      have = undefined;
    }
    if (have !== content) stale.push(name);
  }
  for (const name of readdirSync(dir)) {
    if (!want.has(name) && readFileSync(join(dir, name), 'utf8').startsWith(generatedHeader))
      stale.push(name);
  }
  return stale.sort();
}

function main(argv: readonly string[]): number {
  mkdirSync(outDir, { recursive: true });
  if (argv.includes('--check')) {
    const stale = staleFiles();
    if (stale.length > 0) {
      process.stderr.write(`stale generated CRDs (run npm run gen:crds): ${stale.join(', ')}\n`);
      return 1;
    }
    return 0;
  }
  const want = expectedFiles();
  for (const name of readdirSync(outDir)) {
    if (!want.has(name) && readFileSync(join(outDir, name), 'utf8').startsWith(generatedHeader))
      rmSync(join(outDir, name));
  }
  for (const [name, content] of want) writeFileSync(join(outDir, name), content);
  process.stdout.write(`wrote ${want.size} CRDs to config/crd/bases\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  process.exitCode = main(process.argv.slice(2));
