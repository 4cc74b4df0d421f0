import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Cache, IndexedStore, Informer } from '../../runtime/cache/index.js';
import type { KubeClient } from '../../runtime/client/index.js';
import { createTestNamespace, deleteTestNamespace, waitFor } from '../harness/index.js';
import { configMap, ensureWidgetCrd, testClient, widgetApiVersion } from './support.js';

const cm = configMap;

describe('IndexedStore (no cluster)', () => {
  test('an index follows updates and deletes', () => {
    const s = new IndexedStore();
    s.addIndex('source', (o) => [String(o.metadata.labels?.src ?? '')]);
    s.upsert(cm('ns', 'a', { src: 'x' }));
    s.upsert(cm('ns', 'b', { src: 'x' }));
    assert.deepEqual(s.byIndex('source', 'x').map((o) => o.metadata.name).sort(), ['a', 'b']);
    s.upsert(cm('ns', 'a', { src: 'y' }));
    assert.deepEqual(s.byIndex('source', 'x').map((o) => o.metadata.name), ['b']);
    s.remove('ns/b');
    assert.deepEqual(s.byIndex('source', 'x'), []);
    assert.deepEqual(s.byIndex('source', 'y').map((o) => o.metadata.name), ['a']);
    assert.throws(() => s.byIndex('nope', 'x'), /index "nope" does not exist/);
  });
});

describe('Informer on the real control plane', () => {
  let kube: KubeClient;
  let ns: string;
  const informers: Informer[] = [];
  before(async () => {
    kube = await testClient();
    ns = await createTestNamespace('rt-cache');
  });
  after(async () => {
    await Promise.all(informers.map((i) => i.stopAndWait()));
    await deleteTestNamespace(ns);
    kube.close();
  });
  const track = <T extends Informer>(i: T): T => {
    informers.push(i);
    return i;
  };

  test('lists, then delivers add/update/delete through handlers and keeps indexes current', async () => {
    await kube.create(cm(ns, 'pre', { app: 'one' }));
    const inf = track(new Informer(kube, { apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, labelSelector: 'app' }));
    inf.addIndex('app', (o) => [o.metadata.labels?.app ?? '']);
    const log: string[] = [];
    inf.addEventHandler({
      onAdd: (o, initial) => log.push(`add ${o.metadata.name}${initial ? ' (initial)' : ''}`),
      onUpdate: (_o, n) => log.push(`update ${n.metadata.name}`),
      onDelete: (o) => log.push(`delete ${o.metadata.name}`),
    });
    inf.start();
    assert.equal(await inf.waitForSync(), true);
    await kube.create(cm(ns, 'new', { app: 'two' }));
    await kube.patch({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'new' }, 'merge', { data: { k: 'v' } });
    await kube.delete({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'pre' });
    await waitFor(() => log.length >= 4, { what: 'four handler calls' });
    assert.deepEqual(log, ['add pre (initial)', 'add new', 'update new', 'delete pre']);
    assert.deepEqual(inf.byIndex('app', 'two').map((o) => o.metadata.name), ['new']);
    assert.deepEqual(inf.byIndex('app', 'one'), []);
    assert.equal(inf.get(ns, 'new')?.metadata.managedFields, undefined, 'managedFields are dropped from the cache');
    assert.equal(inf.stats.lists, 1);
  });

  test('resuming from a resourceVersion older than the server keeps answers 410 and relists', async () => {
    await ensureWidgetCrd(kube);
    await kube.create({ apiVersion: widgetApiVersion, kind: 'Widget', metadata: { name: 'w1', namespace: ns }, spec: {} });
    // "1" predates the Widget watch cache, so the server answers 410 Expired ("too old resource version").
    const inf = track(new Informer(kube, { apiVersion: widgetApiVersion, kind: 'Widget', namespace: ns, resourceVersion: '1' }));
    inf.start();
    await waitFor(() => inf.stats.relists >= 1 && inf.get(ns, 'w1'), { what: 'a relist after 410' });
    assert.equal(inf.stats.lists, 1);
    await kube.create({ apiVersion: widgetApiVersion, kind: 'Widget', metadata: { name: 'w2', namespace: ns }, spec: {} });
    await waitFor(() => inf.get(ns, 'w2'), { what: 'w2 seen by the watch after the relist' });
  });

  test('a watch silent for longer than stallTimeoutMs is restarted from its resourceVersion, without a relist', async () => {
    const inf = track(new Informer(kube, { apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, labelSelector: 'stall=yes', stallTimeoutMs: 700 }));
    inf.start();
    await inf.waitForSync();
    await waitFor(() => inf.stats.stalls >= 2, { what: 'two stall restarts', timeoutMs: 10_000 });
    await kube.create(cm(ns, 'after-stall', { stall: 'yes' }));
    await waitFor(() => inf.get(ns, 'after-stall'), { what: 'an object created after the stalls' });
    assert.equal(inf.stats.lists, 1, 'a stall re-watches; it does not relist');
    assert.ok(inf.stats.watches >= 3);
  });

  test('a failing list is retried with exponential backoff', async () => {
    const nobody = kube.impersonateServiceAccount(ns, 'nobody');
    const errors: unknown[] = [];
    const inf = track(
      new Informer(nobody, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace: ns,
        backoff: { initialMs: 100, maxMs: 400, jitter: 0 },
        onError: (e) => errors.push(e),
      }),
    );
    const t0 = performance.now();
    inf.start();
    await waitFor(() => errors.length >= 4, { what: 'four failed lists' });
    const ms = performance.now() - t0;
    // 100 + 200 + 400 ms of backoff separate the four attempts.
    assert.ok(ms >= 650, `four attempts took ${ms.toFixed(0)} ms`);
    assert.equal(inf.hasSynced(), false);
    await inf.stopAndWait();
  });

  test('a metadata-only informer caches Secrets without their data and still sees changes', async () => {
    await kube.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'meta-only', namespace: ns, labels: { 'reconcile.fluxcd.io/watch': 'Enabled' } }, stringData: { token: 'x' } });
    const inf = track(new Informer(kube, { apiVersion: 'v1', kind: 'Secret', namespace: ns, labelSelector: 'reconcile.fluxcd.io/watch=Enabled', metadataOnly: true }));
    const updates: string[] = [];
    inf.addEventHandler({ onUpdate: (_o, n) => updates.push(n.metadata.resourceVersion ?? '') });
    inf.start();
    await inf.waitForSync();
    const cached = inf.get(ns, 'meta-only');
    assert.equal(cached?.kind, 'Secret');
    assert.equal(cached?.data, undefined, 'no secret data in the cache');
    await kube.patch({ apiVersion: 'v1', kind: 'Secret', namespace: ns, name: 'meta-only' }, 'merge', { stringData: { token: 'y' } });
    await waitFor(() => updates.length >= 1, { what: 'a metadata-only update event' });
    assert.equal(inf.get(ns, 'meta-only')?.data, undefined);
  });

  test('the cache shares one informer per key and applies the shard selector only to sharded kinds', async () => {
    await kube.create(cm(ns, 'shard1-a', { 'sharding.fluxcd.io/key': 'shard1' }));
    await kube.create(cm(ns, 'shard2-a', { 'sharding.fluxcd.io/key': 'shard2' }));
    await kube.create(cm(ns, 'unsharded'));
    const cache = new Cache(kube, { labelSelector: 'sharding.fluxcd.io/key=shard1' });
    const ac = new AbortController();
    const sharded = cache.informer({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, sharded: true });
    assert.equal(cache.informer({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, sharded: true }), sharded);
    const all = cache.informer({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns });
    assert.notEqual(all, sharded);
    cache.start(ac.signal);
    assert.equal(await cache.waitForSync(), true);
    assert.deepEqual(sharded.list().map((o) => o.metadata.name), ['shard1-a']);
    assert.ok(all.list().length >= 3);
    ac.abort();
    await cache.stop();
  });
});
