import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { consoleLine, createLogger, parseLogLevel } from '../../runtime/logging/index.js';
import { ControllerMetrics, exponentialBucketsRange } from '../../runtime/metrics/index.js';

function capture(encoding: 'json' | 'console', level: 'info' | 'debug' = 'info'): { lines: string[]; log: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, log: createLogger({ encoding, level, destination: { write: (l: string) => lines.push(l) } }) };
}

describe('logging', () => {
  test('JSON lines carry level, ts and msg like Flux (zap) and the fields given', () => {
    const { lines, log } = capture('json');
    log.child({ controller: 'gitrepository' }).info({ name: 'podinfo', namespace: 'flux-system' }, 'stored artifact');
    const rec = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    assert.equal(rec.level, 'info');
    assert.equal(rec.msg, 'stored artifact');
    assert.match(String(rec.ts), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.deepEqual([rec.controller, rec.name, rec.namespace], ['gitrepository', 'podinfo', 'flux-system']);
    assert.equal('pid' in rec || 'hostname' in rec, false);
  });
  test('console encoding prints tab-separated ts, LEVEL, msg and the fields', () => {
    const { lines, log } = capture('console');
    log.error({ err: 'boom' }, 'Reconciler error');
    assert.match(lines[0] ?? '', /^\S+\tERROR\tReconciler error\t\{"err":"boom"\}\n$/);
    assert.equal(consoleLine('not json'), 'not json');
  });
  test('--log-level filters and secrets in token/password fields are redacted', () => {
    const { lines, log } = capture('json');
    log.debug('hidden');
    log.info({ token: 's3cr3t', auth: { password: 'hunter2' } }, 'creds');
    assert.equal(lines.length, 1);
    assert.doesNotMatch(lines[0] ?? '', /s3cr3t|hunter2/);
    assert.throws(() => parseLogLevel('verbose'), /invalid --log-level/);
  });
});

describe('metrics', () => {
  test('gotk_reconcile_duration_seconds uses 10 exponential buckets from 10ms to 1800s', () => {
    const b = exponentialBucketsRange(10e-3, 1800, 10);
    assert.equal(b.length, 10);
    assert.equal(b[0], 0.01);
    assert.ok(Math.abs((b[9] ?? 0) - 1800) < 1e-6);
  });
  test('a recorded reconcile shows up with kind/name/namespace labels and is removed on delete', async () => {
    const m = new ControllerMetrics({ defaultMetrics: false });
    m.recordDuration('GitRepository', 'flux-system', 'podinfo', 0.2);
    assert.match(await m.expose(), /gotk_reconcile_duration_seconds_count\{kind="GitRepository",name="podinfo",namespace="flux-system"\} 1/);
    m.deleteObject('GitRepository', 'flux-system', 'podinfo');
    assert.doesNotMatch(await m.expose(), /name="podinfo"/);
  });
});
