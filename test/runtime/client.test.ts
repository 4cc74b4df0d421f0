import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  KubeApiError,
  TokenBucket,
  isAlreadyExists,
  isConflict,
  isForbidden,
  isGone,
  isInvalid,
  isNoMatch,
  isNotFound,
  objectName,
  reasonForCode,
} from '../../runtime/client/index.js';
import type { KubeClient, KubeObject } from '../../runtime/client/index.js';
import { createTestNamespace, deleteTestNamespace, waitFor } from '../harness/index.js';
import { configMap, ensureWidgetCrd, testClient, widgetApiVersion } from './support.js';

const cm = (ns: string, name: string, data: Record<string, string> = {}): KubeObject => configMap(ns, name, {}, data);

describe('KubeApiError classification (no cluster)', () => {
  const cases: { code: number; reason?: string; expect: (e: unknown) => boolean; name: string }[] = [
    { name: '404 without a reason is NotFound', code: 404, expect: isNotFound },
    { name: '409 with reason AlreadyExists is not a conflict', code: 409, reason: 'AlreadyExists', expect: (e) => isAlreadyExists(e) && !isConflict(e) },
    { name: '409 with reason Conflict is a conflict', code: 409, reason: 'Conflict', expect: isConflict },
    { name: '410 is Gone', code: 410, expect: isGone },
    { name: 'reason Expired (expired continue token) is treated as Gone', code: 410, reason: 'Expired', expect: isGone },
    { name: '422 Invalid', code: 422, reason: 'Invalid', expect: isInvalid },
    { name: '403 Forbidden', code: 403, expect: isForbidden },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const err = new KubeApiError(c.code, { reason: c.reason, message: 'm' }, 'GET', '/api/v1/x?token=secret');
      assert.ok(c.expect(err));
      assert.equal(err.path, '/api/v1/x', 'the query string (which may carry tokens) is dropped');
    });
  }
  test('an unknown status code maps to reason Unknown', () => assert.equal(reasonForCode(418), 'Unknown'));
  test('objectName formats Kind/ns/name and Kind/name', () => {
    assert.equal(objectName({ kind: 'ConfigMap', metadata: { name: 'a', namespace: 'b' } }), 'ConfigMap/b/a');
    assert.equal(objectName({ kind: 'Namespace', metadata: { name: 'a' } }), 'Namespace/a');
  });
});

describe('TokenBucket (no cluster)', () => {
  test('a burst is served at once and the rest waits at qps', async () => {
    const bucket = new TokenBucket({ qps: 20, burst: 3 });
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 7 }, () => bucket.acquire()));
    const ms = performance.now() - t0;
    // 3 immediately, 4 more at 20/s → ~200 ms.
    assert.ok(ms >= 170 && ms < 1000, `took ${ms} ms`);
  });
  test('qps 0 disables limiting', async () => {
    const bucket = new TokenBucket({ qps: 0, burst: 0 });
    for (let i = 0; i < 1000; i++) assert.ok(bucket.tryAcquire());
  });
  test('switching off releases the waiters at once and stops limiting', async () => {
    const bucket = new TokenBucket({ qps: 0.1, burst: 1 });
    assert.ok(bucket.tryAcquire());
    const t0 = performance.now();
    const waiting = Promise.all(Array.from({ length: 5 }, () => bucket.acquire()));
    bucket.switchOff();
    await waiting;
    assert.ok(performance.now() - t0 < 1000, 'waiters were released, not served at 0.1/s');
    assert.ok(bucket.disabled);
    for (let i = 0; i < 1000; i++) assert.ok(bucket.tryAcquire());
  });
});

describe('KubeClient on the real control plane', () => {
  let kube: KubeClient;
  let ns: string;
  before(async () => {
    kube = await testClient();
    ns = await createTestNamespace('rt-client');
  });
  after(async () => {
    await deleteTestNamespace(ns);
    kube.close();
  });

  test('the server runs API Priority and Fairness, so a Flux-style client switches its limiter off', async () => {
    const probe = await testClient();
    try {
      assert.equal(await probe.priorityAndFairnessEnabled(), true);
      assert.equal(probe.rateLimited, true);
      probe.disableRateLimit();
      assert.equal(probe.rateLimited, false);
      assert.equal(probe.impersonateServiceAccount('default', 'x').rateLimited, false, 'derived clients share the limiter');
    } finally {
      probe.close();
    }
  });

  test('create, get, AlreadyExists and NotFound are typed', async () => {
    const made = await kube.create(cm(ns, 'a', { k: 'v' }));
    assert.ok(made.metadata.uid);
    const got = await kube.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'a' });
    assert.deepEqual(got.data, { k: 'v' });
    await assert.rejects(kube.create(cm(ns, 'a')), (e) => isAlreadyExists(e));
    await assert.rejects(kube.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'nope' }), (e) => isNotFound(e) && (e as KubeApiError).code === 404);
    assert.equal(await kube.getOrUndefined({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'nope' }), undefined);
  });

  test('list follows continue tokens: 7 objects with limit 2 take 4 list requests', async () => {
    for (let i = 0; i < 7; i++) await kube.create({ ...cm(ns, `page-${i}`), metadata: { name: `page-${i}`, namespace: ns, labels: { page: 'yes' } } });
    const before = kube.stats.byVerb.list;
    const list = await kube.list('v1', 'ConfigMap', { namespace: ns, labelSelector: 'page=yes', limit: 2 });
    assert.equal(list.items.length, 7);
    assert.equal(kube.stats.byVerb.list - before, 4);
    assert.ok(list.metadata.resourceVersion);
    assert.ok(list.items.every((i) => i.kind === 'ConfigMap' && i.apiVersion === 'v1'), 'list items carry apiVersion/kind');
  });

  test('update with a stale resourceVersion is a Conflict', async () => {
    const a = await kube.create(cm(ns, 'upd', { v: '1' }));
    await kube.update({ ...a, data: { v: '2' } });
    await assert.rejects(kube.update({ ...a, data: { v: '3' } }), (e) => isConflict(e));
  });

  test('merge, JSON and strategic-merge patches', async () => {
    await kube.create(cm(ns, 'p', { a: '1' }));
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'p' };
    await kube.patch(ref, 'merge', { data: { b: '2' } });
    await kube.patch(ref, 'json', [{ op: 'remove', path: '/data/a' }]);
    const s = await kube.patch(ref, 'strategic', { metadata: { labels: { x: 'y' } } });
    assert.deepEqual(s.data, { b: '2' });
    assert.deepEqual(s.metadata.labels, { x: 'y' });
  });

  test('server-side apply conflicts without force and takes ownership with force', async () => {
    await kube.apply(cm(ns, 'ssa', { shared: 'one' }), { fieldManager: 'manager-a' });
    await assert.rejects(kube.apply(cm(ns, 'ssa', { shared: 'two' }), { fieldManager: 'manager-b', force: false }), (e) => isConflict(e));
    const forced = await kube.apply(cm(ns, 'ssa', { shared: 'two' }), { fieldManager: 'manager-b', force: true });
    assert.deepEqual(forced.data, { shared: 'two' });
    const managers = (forced.metadata.managedFields as { manager: string }[]).map((m) => m.manager);
    assert.ok(managers.includes('manager-b'));
  });

  test('dryRun=All validates but persists nothing', async () => {
    const dry = await kube.create(cm(ns, 'dry', { a: '1' }), { dryRun: true });
    assert.equal(dry.metadata.name, 'dry');
    assert.equal(await kube.getOrUndefined({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'dry' }), undefined);
    await kube.apply(cm(ns, 'dry', { a: '1' }), { dryRun: true });
    assert.equal(await kube.getOrUndefined({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'dry' }), undefined);
    await assert.rejects(kube.create({ ...cm(ns, 'Bad_Name') }, { dryRun: true }), (e) => isInvalid(e));
  });

  test('delete honours preconditions and propagationPolicy', async () => {
    const d = await kube.create(cm(ns, 'del'));
    await assert.rejects(
      kube.delete({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'del' }, { preconditions: { uid: '00000000-0000-0000-0000-000000000000' } }),
      (e) => isConflict(e),
    );
    const res = (await kube.delete(
      { apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'del' },
      { preconditions: { uid: d.metadata.uid }, propagationPolicy: 'Foreground' },
    )) as KubeObject;
    // Foreground deletion keeps the object with the foregroundDeletion finalizer until the garbage collector is done.
    assert.ok(res.metadata.finalizers?.includes('foregroundDeletion'));
    await waitFor(async () => (await kube.getOrUndefined({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'del' })) === undefined, {
      what: 'the garbage collector to finish the foreground deletion',
    });
    await kube.create(cm(ns, 'del-bg'));
    await kube.delete({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'del-bg' }, { propagationPolicy: 'Background' });
    await assert.rejects(kube.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'del-bg' }), (e) => isNotFound(e));
  });

  test('a CRD created after start is mapped on the next miss, with its status subresource', async () => {
    await assert.rejects(kube.mapping('nothere.sluice.test/v1', 'Thing'), (e) => isNoMatch(e));
    await ensureWidgetCrd(kube);
    const m = await kube.mapping(widgetApiVersion, 'Widget');
    assert.deepEqual([m.resource, m.namespaced, m.hasStatus], ['widgets', true, true]);
    assert.equal((await kube.mapper.resolve('wdg')).kind, 'Widget');
    const ref = { apiVersion: widgetApiVersion, kind: 'Widget', namespace: ns, name: 'w' };
    await kube.create({ apiVersion: widgetApiVersion, kind: 'Widget', metadata: { name: 'w', namespace: ns }, spec: { size: 1 } });
    // A status field sent to the main resource is ignored; the status subresource takes it.
    await kube.patch(ref, 'merge', { status: { phase: 'ignored' } });
    assert.equal((await kube.get(ref)).status, undefined);
    await kube.patchStatus(ref, 'merge', { status: { phase: 'merged' } });
    assert.deepEqual((await kube.getStatus(ref)).status, { phase: 'merged' });
    await kube.applyStatus({ apiVersion: widgetApiVersion, kind: 'Widget', metadata: { name: 'w', namespace: ns }, status: { applied: true } }, { fieldManager: 'status-owner' });
    assert.deepEqual((await kube.get(ref)).status, { phase: 'merged', applied: true });
  });

  test('impersonating a service account without RBAC is Forbidden and names the identity', async () => {
    const tenant = kube.impersonateServiceAccount(ns, 'nobody');
    await assert.rejects(tenant.list('v1', 'ConfigMap', { namespace: ns }), (e) => isForbidden(e) && /system:serviceaccount:.*:nobody/.test((e as Error).message));
  });

  test('watch streams ADDED, MODIFIED and DELETED from a resourceVersion', async () => {
    const list = await kube.list('v1', 'ConfigMap', { namespace: ns, labelSelector: 'w=1' });
    const ac = new AbortController();
    const seen: string[] = [];
    const done = (async () => {
      for await (const ev of kube.watch('v1', 'ConfigMap', { namespace: ns, labelSelector: 'w=1', resourceVersion: list.metadata.resourceVersion, signal: ac.signal })) {
        if (ev.type === 'BOOKMARK') continue;
        seen.push(`${ev.type} ${ev.object.metadata.name}`);
        if (ev.type === 'DELETED') ac.abort();
      }
    })();
    const obj = { ...cm(ns, 'watched'), metadata: { name: 'watched', namespace: ns, labels: { w: '1' } } };
    await kube.create(obj);
    await kube.patch({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'watched' }, 'merge', { data: { x: 'y' } });
    await kube.delete({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'watched' });
    await done;
    assert.deepEqual(seen, ['ADDED watched', 'MODIFIED watched', 'DELETED watched']);
  });

  test('the client-side QPS limit throttles a burst: qps 10, burst 2, 8 requests', async () => {
    const slow = await testClient({ rateLimit: { qps: 10, burst: 2 } });
    await slow.mapping('v1', 'ConfigMap');
    const t0 = performance.now();
    for (let i = 0; i < 8; i++) await slow.getOrUndefined({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'a' });
    const ms = performance.now() - t0;
    slow.close();
    assert.ok(ms >= 450, `8 requests at 10 qps with burst 2 took ${ms.toFixed(0)} ms`);
    assert.ok(slow.stats.throttled >= 5);
  });
});
