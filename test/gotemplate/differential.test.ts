/**
 * Differential suite: every case of test/gotemplate/cases/* rendered by our engine and by Go
 * (tools/go/gotemplate-oracle), compared byte for byte (errors by message).
 */
import { test } from 'node:test';
import { runCaseTables } from './oracle.js';
import type { OracleCase } from './oracle.js';
import { cases as syntax } from './cases/syntax.js';
import { cases as execution } from './cases/exec.js';
import { cases as builtins } from './cases/builtins.js';
import { cases as fmt } from './cases/fmt.js';

/** Case tables; add new tables here (see oracle.ts for the case format). */
const CASE_TABLES: Record<string, readonly OracleCase[]> = { syntax, execution, builtins, fmt };

test('differential: our engine renders every case exactly as Go text/template', (t) => runCaseTables(t, CASE_TABLES));
