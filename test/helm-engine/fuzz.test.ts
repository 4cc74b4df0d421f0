/**
 * Generative differential test: random values trees go through toYaml/toJson/fromYaml in our engine
 * and in Helm's (Go oracle). HELM_FUZZ_N sets the number of trees (default 150); HELM_FUZZ_SEED the seed.
 * Strings with U+0085, U+2028 or U+2029 are left out: libyaml reads them as line breaks and the yaml
 * package does not (a known difference of fromYaml and values loading).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Oracle, oracleAvailable } from '../gotemplate/oracle.js';
import { chartDiff, chartRequest, renderChartCase } from './harness.js';
import type { ChartCase } from './harness.js';
import { seededRandom } from '../sprig/cases/helpers.js';

const N = Number(process.env.HELM_FUZZ_N ?? 150);
const { int: rnd, pick } = seededRandom(Number(process.env.HELM_FUZZ_SEED ?? 7));

const STRINGS = [
  '',
  'a',
  'yes',
  'No',
  'on',
  'null',
  '~',
  '0777',
  '0x1F',
  '1e3',
  '1_000',
  '12:30',
  '2001-12-14',
  ' lead',
  'trail ',
  'a: b',
  '- x',
  '#c',
  'a #b',
  'tab\there',
  'x\ny',
  'x\ny\n',
  'a \nb',
  '\n',
  '"q"',
  "'s'",
  '<&>',
  'é',
  '😀',
  '*x',
  '&y',
  '!z',
  '%p',
  '@a',
  '`b',
  '{x}',
  '[y]',
  ',',
  '? q',
  'key: value: deep',
  '- ',
  '-',
  'true',
  'True',
  '.5',
  '+1',
  '-.inf',
  'word '.repeat(20),
  'a'.repeat(90) + ' b',
  '\ttab',
  'x\r\ny',
  '\u00a0nb',
];
const KEYS = [
  'a',
  'b',
  'k9',
  'k10',
  'y',
  'yes',
  '1',
  '0x10',
  'a b',
  'é',
  'A',
  '_',
  'on',
  'key: x',
  '',
  'z9a',
  'z10',
];

function value(depth: number): unknown {
  const k = rnd(depth > 2 ? 6 : 9);
  switch (k) {
    case 0:
    case 1:
      return pick(STRINGS);
    case 2:
      return pick([0, 1, -1, 1.5, 1e6, 1e21, 1e-7, 123456789012, 0.1, -0.000001, 2 ** 53, 1e20]);
    case 3:
      return pick([true, false]);
    case 4:
      return null;
    case 5:
      return pick(STRINGS) + pick(STRINGS);
    case 6:
    case 7: {
      const o: Record<string, unknown> = {};
      const n = rnd(4);
      for (let i = 0; i < n; i++) o[pick(KEYS)] = value(depth + 1);
      return o;
    }
    default:
      return Array.from({ length: rnd(4) }, () => value(depth + 1));
  }
}

test(
  'generative: random values render identically through toYaml, toJson and fromYaml',
  { skip: !oracleAvailable() && 'oracle not built' },
  async (t) => {
    const cases: ChartCase[] = Array.from({ length: N }, (_, i) => ({
      name: `tree ${i}`,
      values: JSON.stringify({ v: value(0) }),
      templates: {
        'templates/y.yaml': '{{ toYaml .Values.v }}',
        'templates/j.yaml': '{{ toJson .Values.v }}|{{ toPrettyJson .Values.v }}',
        'templates/r.yaml': '{{ toYaml .Values | fromYaml | toJson }}',
      },
    }));
    const oracle = new Oracle();
    try {
      const go = await oracle.renderAll(cases.map(chartRequest));
      const failures: string[] = [];
      for (const [i, c] of cases.entries()) {
        const d = chartDiff(c, renderChartCase(c), go[i] as never);
        if (d !== undefined) failures.push(`${c.values}\n${d}`);
      }
      t.diagnostic(`${cases.length} trees, ${failures.length} mismatches`);
      if (process.env.HELM_FUZZ_DUMP) for (const f of failures) console.log(f);
      assert.deepEqual(failures.slice(0, 5), []);
    } finally {
      oracle.close();
    }
  },
);
