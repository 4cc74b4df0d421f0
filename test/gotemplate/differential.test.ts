/**
 * Differential suite: every case of test/gotemplate/cases/* rendered by our engine and by Go
 * (tools/go/gotemplate-oracle), compared byte for byte (errors by message).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Oracle, diff, renderOurs, toRequest } from './oracle.js';
import type { OracleCase } from './oracle.js';
import { cases as syntax } from './cases/syntax.js';
import { cases as execution } from './cases/exec.js';
import { cases as builtins } from './cases/builtins.js';
import { cases as fmt } from './cases/fmt.js';

/** Case tables; add new tables here (see oracle.ts for the case format). */
const CASE_TABLES: Record<string, readonly OracleCase[]> = { syntax, execution, builtins, fmt };

test('differential: our engine renders every case exactly as Go text/template', async (t) => {
  const oracle = new Oracle();
  try {
    const all = Object.entries(CASE_TABLES).flatMap(([table, cs]) => cs.map((c) => ({ table, c })));
    const goResults = await oracle.renderAll(all.map(({ c }) => toRequest(c)));
    const seen = new Set<string>();
    for (const [i, { table, c }] of all.entries()) {
      const key = `${table}: ${c.name}`;
      assert.ok(!seen.has(key), `duplicate case name ${key}`);
      seen.add(key);
      await t.test(key, () => {
        const d = diff(c, renderOurs(c), goResults[i] as never);
        assert.equal(d, undefined, `${c.template}\n${d ?? ''}`);
      });
    }
  } finally {
    oracle.close();
  }
});
