/** Differential suite: charts rendered by renderChartTemplates and by Helm v3.19's engine (Go oracle). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Oracle, oracleAvailable } from '../gotemplate/oracle.js';
import { chartCases as baseCases } from './cases.js';
import { tomlCases, yamlPrettyCases } from './encoder-cases.js';
import { chartDiff, chartRequest, renderChartCase } from './harness.js';

test(
  'differential: charts render exactly as Helm v3.19',
  { skip: !oracleAvailable() && 'oracle not built' },
  async (t) => {
    const chartCases = [...baseCases, ...tomlCases, ...yamlPrettyCases];
    const oracle = new Oracle();
    try {
      const go = await oracle.renderAll(chartCases.map(chartRequest));
      for (const [i, c] of chartCases.entries()) {
        await t.test(c.name, () => {
          const d = chartDiff(c, renderChartCase(c), go[i] as never);
          assert.equal(d, undefined, d);
        });
      }
    } finally {
      oracle.close();
    }
  },
);
