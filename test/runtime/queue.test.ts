import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkQueue, jitteredIntervalMs, parseDurationMs, parseFeatureGates, parseListenAddr } from '../../runtime/manager/index.js';

describe('WorkQueue', () => {
  test('a key added twice before it is taken is queued once', async () => {
    const q = new WorkQueue();
    q.add('ns/a');
    q.add('ns/a');
    q.add('ns/b');
    assert.equal(q.length, 2);
    assert.equal(await q.get(), 'ns/a');
    assert.equal(await q.get(), 'ns/b');
  });

  test('a key added while being processed is handed out again only after done()', async () => {
    const q = new WorkQueue();
    q.add('k');
    const k = await q.get();
    q.add('k');
    assert.equal(q.length, 0, 'not handed to a second worker while processing');
    q.done(k ?? '');
    assert.equal(q.length, 1);
    assert.equal(await q.get(), 'k');
  });

  test('per-key backoff doubles from 750ms and caps at 15m; forget resets it', () => {
    const q = new WorkQueue();
    const delays = Array.from({ length: 5 }, () => q.addRateLimited('k'));
    assert.deepEqual(delays, [750, 1500, 3000, 6000, 12000]);
    for (let i = 0; i < 30; i++) q.addRateLimited('k');
    assert.equal(q.retryDelay('k'), 900_000);
    q.forget('k');
    assert.equal(q.retryDelay('k'), 750);
    assert.equal(q.retryDelay('other'), 750, 'backoff is per key');
    q.shutdown();
  });

  test('addAfter keeps the earliest deadline for a key', async () => {
    const q = new WorkQueue();
    q.addAfter('k', 5000);
    q.addAfter('k', 30);
    q.addAfter('k', 4000);
    const t0 = performance.now();
    assert.equal(await q.get(), 'k');
    assert.ok(performance.now() - t0 < 1000);
    q.shutdown();
  });

  test('shutdown releases waiting getters with undefined and cancels delayed adds', async () => {
    const q = new WorkQueue();
    q.addAfter('later', 10_000);
    const waiting = q.get();
    q.shutdown();
    assert.equal(await waiting, undefined);
    assert.equal(q.waitingCount, 0);
    q.add('x');
    assert.equal(await q.get(), undefined);
  });
});

describe('flag values', () => {
  const durations: [string, number][] = [
    ['750ms', 750],
    ['15m', 900_000],
    ['1m30s', 90_000],
    ['1.5s', 1500],
    ['1h', 3_600_000],
  ];
  for (const [v, ms] of durations) test(`duration ${v} is ${ms} ms`, () => assert.equal(parseDurationMs(v), ms));
  test('a duration with junk is rejected', () => assert.throws(() => parseDurationMs('5 minutes'), /invalid duration/));
  test(':port binds loopback outside a cluster and every interface inside one', () => {
    assert.deepEqual(parseListenAddr(':8080', false), { host: '127.0.0.1', port: 8080 });
    assert.deepEqual(parseListenAddr(':8080', true), { host: '0.0.0.0', port: 8080 });
    assert.deepEqual(parseListenAddr('[::1]:9440', false), { host: '::1', port: 9440 });
  });
  test('feature gates parse as Name=bool pairs', () => {
    assert.deepEqual(parseFeatureGates('A=true,B=false'), { A: true, B: false });
    assert.throws(() => parseFeatureGates('A=yes'), /invalid feature gate/);
  });
  test('jitter stays within ±percent of the interval', () => {
    assert.equal(jitteredIntervalMs(60_000, 5, () => 0), 57_000);
    assert.equal(jitteredIntervalMs(60_000, 5, () => 1), 63_000);
    for (let i = 0; i < 200; i++) {
      const v = jitteredIntervalMs(600_000, 5);
      assert.ok(v >= 570_000 && v <= 630_000);
    }
    assert.equal(jitteredIntervalMs(1000, 0), 1000);
  });
});
