/**
 * Differential suite for the Sprig function map: every case of test/sprig/cases/* rendered by our
 * engine with sprigFuncMap() and by Go with sprig.TxtFuncMap() (tools/go/gotemplate-oracle), compared
 * byte for byte (errors by message; random and time-based cases by shape).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sprigFuncMap } from '../../engines/sprig/index.js';
import { Oracle, diff, oracleAvailable, renderOurs, setModeFuncs, toRequest } from '../gotemplate/oracle.js';
import type { OracleCase } from '../gotemplate/oracle.js';
import { cases as strings } from './cases/strings.js';
import { cases as numeric } from './cases/numeric.js';
import { cases as lists } from './cases/lists.js';
import { cases as dicts } from './cases/dicts.js';
import { cases as regex } from './cases/regex.js';
import { cases as misc } from './cases/misc.js';

setModeFuncs('sprig', () => sprigFuncMap());

/** Case tables; add new tables here. */
const CASE_TABLES: Record<string, readonly OracleCase[]> = { strings, numeric, lists, dicts, regex, misc };

test(
  'differential: Sprig functions render exactly as Go Sprig v3.3.0',
  { skip: !oracleAvailable() && 'oracle not built' },
  async (t) => {
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
  },
);
