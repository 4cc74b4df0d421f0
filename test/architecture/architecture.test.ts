import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCycles, layerViolations, listSources } from './layers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-arch-'));
  for (const [p, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), body);
  }
  return dir;
}

test('the project has no import that breaks a layer rule', () => {
  assert.deepEqual(layerViolations(root, listSources(root)), []);
});

test('the project has no runtime import cycle', () => {
  assert.deepEqual(importCycles(root, listSources(root)), []);
});

test('an engine importing runtime/ is reported', () => {
  const dir = tree({
    'engines/a/x.ts': "import { y } from '../../runtime/y.js';\n",
    'runtime/y.ts': 'export const y = 1;\n',
  });
  assert.match(layerViolations(dir, listSources(dir)).join('\n'), /engines\/ must not import runtime\//);
});

test('an engine importing node:child_process is reported', () => {
  const dir = tree({ 'engines/a/x.ts': "import { spawn } from 'node:child_process';\n" });
  assert.match(layerViolations(dir, listSources(dir)).join('\n'), /must not import node:child_process/);
});

test('a controller importing another controller is reported', () => {
  const dir = tree({
    'controllers/a/x.ts': "import { y } from '../b/y.js';\n",
    'controllers/b/y.ts': 'export const y = 1;\n',
  });
  assert.match(
    layerViolations(dir, listSources(dir)).join('\n'),
    /controllers\/a must not import controllers\/b/,
  );
});

test('a downward import is allowed', () => {
  const dir = tree({
    'runtime/x.ts': "import { y } from '../engines/y.js';\n",
    'engines/y.ts': 'export const y = 1;\n',
  });
  assert.deepEqual(layerViolations(dir, listSources(dir)), []);
});

test('an import cycle is reported and a type-only cycle is not', () => {
  const dir = tree({
    'engines/a.ts': "import { b } from './b.js';\nexport const a = b;\n",
    'engines/b.ts': "import { a } from './a.js';\nexport const b = a;\n",
    'engines/c.ts': "import type { D } from './d.js';\nexport type C = D;\n",
    'engines/d.ts': "import type { C } from './c.js';\nexport type D = C;\n",
  });
  const cycles = importCycles(dir, listSources(dir));
  assert.equal(cycles.length, 1);
  assert.deepEqual(cycles[0], ['engines/a.ts', 'engines/b.ts', 'engines/a.ts']);
});
