/**
 * Extracts the Flux YAML examples embedded in the seed page (/work/shared/seed or SLUICE_SEED_DIR): every block
 * that starts with `apiVersion:` and continues while lines look like YAML (indented, `---`, or a top-level key).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const seedDir = process.env.SLUICE_SEED_DIR ?? '/work/shared/seed';

const topLevelKey = /^[A-Za-z][A-Za-z0-9]*:( |$)/;

export function extractYamlExamples(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  let block: string[] | undefined;
  const flush = (): void => {
    if (block) out.push(block.join('\n').trimEnd() + '\n');
    block = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^apiVersion: /.test(line)) {
      if (block && block[block.length - 1] !== '---') flush();
      block ??= [];
      block.push(line);
      continue;
    }
    if (!block) continue;
    const next = lines[i + 1] ?? '';
    const continues =
      /^\s+\S/.test(line) ||
      /^\s+$/.test(line) ||
      line === '---' ||
      topLevelKey.test(line) ||
      (line === '' && /^\s+\S/.test(next));
    if (continues) block.push(line);
    else flush();
  }
  flush();
  return out;
}

/** Every example of every seed file, named `<file>#<n>`. */
export function seedExamples(): Array<{ name: string; yaml: string }> {
  const files = readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  return files.flatMap((f) =>
    extractYamlExamples(readFileSync(join(seedDir, f), 'utf8')).map((yaml, i) => ({
      name: `${f}#${i + 1}`,
      yaml,
    })),
  );
}
