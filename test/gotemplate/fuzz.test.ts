/**
 * Generative differential fuzzer: random well-formed templates over random data, rendered by our
 * engine and by Go, must agree byte for byte (errors by message).
 *   GOTEMPLATE_FUZZ_CASES  number of cases (default 1500; use >= 100000 for a full run)
 *   GOTEMPLATE_FUZZ_SEED   seed (default 1); a failure prints the seed and index to reproduce it
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Oracle, diff, renderOurs, toRequest } from './oracle.js';
import { randomCase } from './fuzz.js';

const COUNT = Number(process.env.GOTEMPLATE_FUZZ_CASES ?? 1500);
const SEED = Number(process.env.GOTEMPLATE_FUZZ_SEED ?? 1);
const BATCH = 1000;

test(`fuzz: ${COUNT} random templates over random data render exactly as Go (seed ${SEED})`, async () => {
  const oracle = new Oracle();
  const failures: string[] = [];
  let errorsBothSides = 0;
  try {
    for (let start = 0; start < COUNT; start += BATCH) {
      const cases = Array.from({ length: Math.min(BATCH, COUNT - start) }, (_, i) => randomCase(SEED, start + i));
      const go = await oracle.renderAll(cases.map(toRequest));
      cases.forEach((c, i) => {
        const g = go[i];
        if (g === undefined) return;
        const ours = renderOurs(c);
        if (!ours.ok && !g.ok) errorsBothSides++;
        const d = diff(c, ours, g);
        if (d !== undefined) failures.push(`${c.name}\n template: ${JSON.stringify(c.template)}\n data: ${JSON.stringify(c.data)}\n ${d}`);
      });
    }
  } finally {
    oracle.close();
  }
  // Guard against a generator that only produces errors: most cases must render.
  assert.ok(errorsBothSides < COUNT * 0.8, `too many cases fail on both sides (${errorsBothSides}/${COUNT})`);
  assert.equal(failures.length, 0, `${failures.length} mismatches; first ones:\n${failures.slice(0, 5).join('\n\n')}`);
});
