import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { QueueFullError, TaskError, WorkerPool } from '../../runtime/workers/index.js';
import { spin } from './fixtures/cpu-task.js';

const mod = fileURLToPath(new URL('./fixtures/cpu-task.ts', import.meta.url));

/** Largest gap between 20 ms interval ticks while `work` runs. */
async function maxTickGap(work: () => Promise<unknown> | unknown): Promise<{ gap: number; ticks: number }> {
  let last = performance.now();
  let gap = 0;
  let ticks = 0;
  const t = setInterval(() => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
    ticks++;
  }, 20);
  await new Promise((r) => setTimeout(r, 25));
  await work();
  await new Promise((r) => setTimeout(r, 25));
  clearInterval(t);
  gap = Math.max(gap, performance.now() - last);
  return { gap, ticks };
}

describe('WorkerPool', () => {
  const pool = new WorkerPool({ size: 2, maxQueue: 2 });
  after(() => pool.close());

  test('runs an exported function with serialisable input and returns its value', async () => {
    assert.deepEqual(await pool.run({ module: mod, exportName: 'double', input: { values: [1, 2, 3] } }), [2, 4, 6]);
  });

  test('the event loop stays responsive while a CPU-bound task runs (and does not when the same work runs inline)', async () => {
    const inline = await maxTickGap(() => spin({ ms: 800 }));
    const pooled = await maxTickGap(() => pool.run({ module: mod, exportName: 'spin', input: { ms: 800 } }));
    process.stdout.write(`# longest event-loop stall: inline ${inline.gap.toFixed(0)} ms, in the pool ${pooled.gap.toFixed(0)} ms (${pooled.ticks} ticks)\n`);
    assert.ok(inline.gap >= 750, `inline work blocks the loop (${inline.gap.toFixed(0)} ms)`);
    assert.ok(pooled.gap < inline.gap / 2, `pooled work keeps the loop turning (${pooled.gap.toFixed(0)} ms)`);
    assert.ok(pooled.ticks >= 10);
  });

  test('an error thrown in the task rejects with its message, code and stack', async () => {
    await assert.rejects(pool.run({ module: mod, exportName: 'fail', input: { message: 'bad chart' } }), (e) => {
      assert.ok(e instanceof TaskError);
      assert.equal(e.message, 'bad chart');
      assert.equal(e.code, 'E_TASK');
      assert.equal(e.remote.name, 'RangeError');
      assert.match(e.stack ?? '', /cpu-task/);
      return true;
    });
  });

  test('a missing export is an error, not a hang', async () => {
    await assert.rejects(pool.run({ module: mod, exportName: 'nope' }), /has no exported function "nope"/);
  });

  test('the queue is bounded: with 2 busy workers and 2 queued, the next task is refused at once', async () => {
    const running = [1, 2, 3, 4].map(() => pool.run({ module: mod, exportName: 'spin', input: { ms: 150 } }));
    await assert.rejects(pool.run({ module: mod, exportName: 'spin', input: { ms: 1 } }), QueueFullError);
    const counts = await Promise.all(running);
    assert.ok(counts.every((n) => typeof n === 'number' && n > 0));
  });

  test('a worker that dies fails its task and is replaced', async () => {
    await assert.rejects(pool.run({ module: mod, exportName: 'crash' }), /exited with code 7/);
    assert.deepEqual(await pool.run({ module: mod, exportName: 'double', input: { values: [5] } }), [10]);
    assert.ok(pool.stats.workersReplaced >= 1);
  });

  test('aborting a running task terminates it and frees the worker', async () => {
    const ac = new AbortController();
    const t0 = performance.now();
    const p = pool.run({ module: mod, exportName: 'spin', input: { ms: 10_000 } }, { signal: ac.signal });
    setTimeout(() => ac.abort(new Error('reconcile cancelled')), 100);
    await assert.rejects(p, /reconcile cancelled/);
    assert.ok(performance.now() - t0 < 5000);
    assert.deepEqual(await pool.run({ module: mod, exportName: 'double', input: { values: [1] } }), [2]);
  });
});

describe('WorkerPool lifecycle (memory: workers start on demand and end when idle)', () => {
  const lifecycleTask = fileURLToPath(new URL('./fixtures/pool-task.ts', import.meta.url));
  const sleepMs = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

  test('no worker runs before the first task, and never more than size at once', async () => {
    const pool = new WorkerPool({ size: 2 });
    try {
      assert.equal(pool.live, 0);
      assert.equal(pool.size, 2);
      await pool.run({ module: lifecycleTask, exportName: 'whoAmI' });
      assert.equal(pool.live, 1, 'one task needs one worker');
      await Promise.all([1, 2, 3, 4].map(() => pool.run({ module: mod, exportName: 'spin', input: { ms: 50 } })));
      assert.equal(pool.live, 2);
      assert.equal(pool.stats.workersStarted, 2);
    } finally {
      await pool.close();
    }
  });

  test('a worker idle for idleTimeoutMs exits; the next task starts a fresh one', async () => {
    const pool = new WorkerPool({ size: 1, idleTimeoutMs: 150 });
    try {
      const first = await pool.run<number>({ module: lifecycleTask, exportName: 'whoAmI' });
      await sleepMs(500);
      assert.equal(pool.live, 0);
      assert.equal(pool.stats.workersIdledOut, 1);
      const second = await pool.run<number>({ module: lifecycleTask, exportName: 'whoAmI' });
      assert.notEqual(second, first, 'a new worker thread');
      assert.equal(pool.stats.workersReplaced, 0, 'an idle exit is not a crash');
    } finally {
      await pool.close();
    }
  });

  test('a busy worker is never ended for idleness, and idleTimeoutMs 0 keeps workers for good', async () => {
    const busy = new WorkerPool({ size: 1, idleTimeoutMs: 100 });
    const forever = new WorkerPool({ size: 1, idleTimeoutMs: 0 });
    try {
      assert.ok((await busy.run<number>({ module: mod, exportName: 'spin', input: { ms: 400 } })) > 0);
      assert.equal(busy.stats.workersIdledOut, 0);
      const id = await forever.run<number>({ module: lifecycleTask, exportName: 'whoAmI' });
      await sleepMs(300);
      assert.equal(forever.live, 1);
      assert.equal(await forever.run<number>({ module: lifecycleTask, exportName: 'whoAmI' }), id);
    } finally {
      await Promise.all([busy.close(), forever.close()]);
    }
  });

  test('aborting a task on a worker that is still starting does not mark the pool broken', async () => {
    const pool = new WorkerPool({ size: 1 });
    try {
      const ac = new AbortController();
      const p = pool.run({ module: mod, exportName: 'spin', input: { ms: 5000 } }, { signal: ac.signal });
      ac.abort(new Error('cancelled at once'));
      await assert.rejects(p, /cancelled at once/);
      assert.deepEqual(await pool.run({ module: mod, exportName: 'double', input: { values: [3] } }), [6]);
    } finally {
      await pool.close();
    }
  });

  test('maxYoungGenerationSizeMb caps each worker young generation', async () => {
    const capped = new WorkerPool({ size: 1, maxYoungGenerationSizeMb: 2 });
    try {
      const r = await capped.run<{ newSpaceMb: number }>({ module: lifecycleTask, exportName: 'churn', input: { mb: 100 } });
      assert.ok(r.newSpaceMb <= 2, `new space ${r.newSpaceMb} MiB`);
    } finally {
      await capped.close();
    }
  });
});
