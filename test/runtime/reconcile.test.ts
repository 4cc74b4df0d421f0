import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KubeClient, KubeObject } from '../../runtime/client/index.js';
import { checkStatus, get, markTrue } from '../../runtime/conditions/index.js';
import type { SummaryTable } from '../../runtime/conditions/index.js';
import { EventRecorder } from '../../runtime/events/index.js';
import type { FluxEvent } from '../../runtime/events/index.js';
import { createLogger } from '../../runtime/logging/index.js';
import { PatchHelper, addFinalizer } from '../../runtime/patch/index.js';
import { GenericError, ReconcileFailed, StallingError, WaitingError, reconcileWithSkeleton } from '../../runtime/reconcile/index.js';
import type { Skeleton, Step } from '../../runtime/reconcile/index.js';
import { createTestNamespace, deleteTestNamespace, waitFor } from '../harness/index.js';
import { ensureWidgetCrd, testClient, widgetApiVersion } from './support.js';

const quiet = createLogger({ destination: { write: () => undefined } });
const table: SummaryTable = { owned: ['FetchFailed', 'ArtifactInStorage', 'Stalled', 'Reconciling'], negativePolarity: ['FetchFailed', 'Stalled', 'Reconciling'] };

const widget = (ns: string, name: string, spec: Record<string, unknown> = {}): KubeObject => ({ apiVersion: widgetApiVersion, kind: 'Widget', metadata: { name, namespace: ns }, spec });

describe('patch helper, reconciler skeleton and events on the real control plane', () => {
  let kube: KubeClient;
  let ns: string;
  before(async () => {
    kube = await testClient();
    await ensureWidgetCrd(kube);
    ns = await createTestNamespace('rt-reconcile');
  });
  after(async () => {
    await deleteTestNamespace(ns);
    kube.close();
  });
  const ref = (name: string) => ({ apiVersion: widgetApiVersion, kind: 'Widget', namespace: ns, name });

  test('the patch helper sends finalizers as a metadata patch and status on the subresource', async () => {
    const o = await kube.create(widget(ns, 'p1'));
    const helper = new PatchHelper(kube, o, { fieldOwner: 'test-controller' });
    addFinalizer(o, 'finalizers.fluxcd.io');
    markTrue(o, 'Ready', 'Succeeded', 'ok');
    (o.status as Record<string, unknown>).observedGeneration = 1;
    assert.equal(await helper.patch(o), true);
    const got = await kube.get(ref('p1'));
    assert.deepEqual(got.metadata.finalizers, ['finalizers.fluxcd.io']);
    assert.equal(get(got, 'Ready')?.status, 'True');
    assert.equal(await helper.patch(o), false, 'nothing changed, nothing sent');
  });

  test('owned conditions win over a concurrent writer; conditions we did not touch are kept', async () => {
    const o = await kube.create(widget(ns, 'p2'));
    const helper = new PatchHelper(kube, o, { fieldOwner: 'test-controller' });
    // Another writer sets Ready=False and Other=True meanwhile.
    await kube.patchStatus(ref('p2'), 'merge', {
      status: {
        conditions: [
          { type: 'Ready', status: 'False', reason: 'Theirs', message: 'theirs', lastTransitionTime: '2024-01-01T00:00:00Z' },
          { type: 'Other', status: 'True', reason: 'Theirs', message: 'theirs', lastTransitionTime: '2024-01-01T00:00:00Z' },
        ],
      },
    });
    markTrue(o, 'Ready', 'Succeeded', 'ours');
    await helper.patch(o, { ownedConditions: ['Ready'] });
    const got = await kube.get(ref('p2'));
    assert.equal(get(got, 'Ready')?.reason, 'Succeeded');
    assert.equal(get(got, 'Other')?.reason, 'Theirs');
  });

  test('a concurrent change to a condition we do not own is a conflict', async () => {
    const o = await kube.create(widget(ns, 'p3'));
    const helper = new PatchHelper(kube, o, { fieldOwner: 'test-controller' });
    await kube.patchStatus(ref('p3'), 'merge', { status: { conditions: [{ type: 'Healthy', status: 'False', reason: 'Theirs', message: '', lastTransitionTime: '2024-01-01T00:00:00Z' }] } });
    markTrue(o, 'Healthy', 'Succeeded', 'ours');
    await assert.rejects(helper.patch(o, { ownedConditions: ['Ready'] }), /Healthy was changed concurrently/);
  });

  function skeleton(steps: Step<KubeObject>[], extra: Partial<Skeleton<KubeObject>> = {}): Skeleton<KubeObject> {
    return { kube, apiVersion: widgetApiVersion, kind: 'Widget', fieldOwner: 'widget-controller', summary: table, steps, interval: () => 60_000, ...extra };
  }
  const run = (sk: Skeleton<KubeObject>, name: string) => reconcileWithSkeleton(sk, { namespace: ns, name }, { signal: new AbortController().signal, log: quiet });

  test('first run adds the finalizer and requeues; the next run succeeds: Ready=True, observedGeneration, lastHandledReconcileAt', async () => {
    await kube.create({ ...widget(ns, 's1'), metadata: { name: 's1', namespace: ns, annotations: { 'reconcile.fluxcd.io/requestedAt': 'req-1' } } });
    const store: Step<KubeObject> = { name: 'store', run: async (o) => markTrue(o, 'ArtifactInStorage', 'Succeeded', 'stored artifact') };
    const sk = skeleton([store]);
    assert.deepEqual(await run(sk, 's1'), { requeueAfterMs: 1 });
    assert.deepEqual((await kube.get(ref('s1'))).metadata.finalizers, ['finalizers.fluxcd.io']);
    const r = await run(sk, 's1');
    assert.equal(r.requeueAfterMs, 60_000);
    const got = await kube.get(ref('s1'));
    assert.deepEqual(checkStatus(got, { summary: table }), []);
    assert.equal(get(got, 'Ready')?.status, 'True');
    assert.equal(get(got, 'Ready')?.reason, 'Succeeded');
    assert.equal(get(got, 'Reconciling'), undefined);
    const st = got.status as { observedGeneration?: number; lastHandledReconcileAt?: string };
    assert.equal(st.observedGeneration, got.metadata.generation);
    assert.equal(st.lastHandledReconcileAt, 'req-1');
  });

  test('a Generic error: Ready=False with the reason, Reconciling=ProgressingWithRetry, the error goes to the queue', async () => {
    await kube.create(widget(ns, 's2'));
    const events: string[] = [];
    const fetch: Step<KubeObject> = {
      name: 'fetch',
      run: async (o) => {
        markTrue(o, 'FetchFailed', 'GitOperationFailed', 'failed to checkout');
        throw new GenericError('GitOperationFailed', 'failed to checkout');
      },
    };
    const sk = skeleton([fetch], { events: { event: async (_o, type, reason) => void events.push(`${type}/${reason}`) } });
    await run(sk, 's2');
    await assert.rejects(run(sk, 's2'), (e) => e instanceof ReconcileFailed && e.error.reason === 'GitOperationFailed');
    const got = await kube.get(ref('s2'));
    assert.deepEqual(checkStatus(got, { summary: table }), []);
    assert.deepEqual([get(got, 'Ready')?.status, get(got, 'Ready')?.reason], ['False', 'GitOperationFailed']);
    assert.equal(get(got, 'Reconciling')?.reason, 'ProgressingWithRetry');
    assert.notEqual((got.status as { observedGeneration?: number }).observedGeneration, got.metadata.generation, 'observedGeneration moves only when Ready or Stalled');
    assert.deepEqual(events, ['Warning/GitOperationFailed']);
  });

  test('a Stalling error sets Stalled=True, Ready=False, observedGeneration, and does not requeue', async () => {
    await kube.create(widget(ns, 's3'));
    const sk = skeleton([{ name: 'validate', run: async () => Promise.reject(new StallingError('InvalidURL', 'invalid URL')) }]);
    await run(sk, 's3');
    assert.deepEqual(await run(sk, 's3'), {});
    const got = await kube.get(ref('s3'));
    assert.deepEqual(checkStatus(got, { summary: table }), []);
    assert.deepEqual([get(got, 'Stalled')?.status, get(got, 'Ready')?.status, get(got, 'Ready')?.reason], ['True', 'False', 'InvalidURL']);
    assert.equal(get(got, 'Reconciling'), undefined);
  });

  test('a Waiting error requeues after its delay and keeps Reconciling', async () => {
    await kube.create(widget(ns, 's4'));
    const sk = skeleton([{ name: 'deps', run: async () => Promise.reject(new WaitingError('DependencyNotReady', 'dependency not ready', 30_000)) }]);
    await run(sk, 's4');
    assert.deepEqual(await run(sk, 's4'), { requeueAfterMs: 30_000 });
    const got = await kube.get(ref('s4'));
    assert.deepEqual(checkStatus(got), []);
    assert.equal(get(got, 'Ready')?.reason, 'DependencyNotReady');
    assert.equal(get(got, 'Reconciling')?.status, 'True');
  });

  test('deletion runs finalize, removes the finalizer and the object goes away', async () => {
    await kube.create(widget(ns, 's5'));
    let finalized = 0;
    const sk = skeleton([], { finalize: async () => void finalized++ });
    await run(sk, 's5');
    await kube.delete(ref('s5'));
    assert.ok((await kube.get(ref('s5'))).metadata.deletionTimestamp, 'the finalizer holds the object');
    assert.deepEqual(await run(sk, 's5'), {});
    assert.equal(finalized, 1);
    await waitFor(async () => (await kube.getOrUndefined(ref('s5'))) === undefined, { what: 'the object to be deleted' });
    assert.deepEqual(await run(sk, 's5'), {}, 'a missing object is a no-op');
  });

  test('events are recorded once and aggregated, carry Flux metadata, and are forwarded except Trace and k8s-only ones', async () => {
    const received: FluxEvent[] = [];
    let answer = 202;
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body) as FluxEvent);
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    try {
      const obj = await kube.create<KubeObject>({
        ...widget(ns, 'ev'),
        metadata: { name: 'ev', namespace: ns, annotations: { 'event.toolkit.fluxcd.io/deployment': 'prod' } },
      });
      const rec = new EventRecorder(kube, quiet, { component: 'widget-controller', eventsAddr: `http://127.0.0.1:${port}/`, instance: 'test-pod' });
      await rec.event(obj, 'Warning', 'GitOperationFailed', 'failed to checkout', { metadata: { revision: 'main@sha1:abc' } });
      await rec.event(obj, 'Warning', 'GitOperationFailed', 'failed to checkout', { metadata: { revision: 'main@sha1:abc' } });
      await rec.event(obj, 'Trace', 'ArtifactUpToDate', 'no changes');
      await rec.event(obj, 'Normal', 'DependencyNotReady', 'waiting', { forward: false });
      answer = 429;
      await rec.event(obj, 'Normal', 'Succeeded', 'stored artifact');
      const list = await kube.list('v1', 'Event', { namespace: ns, fieldSelector: `involvedObject.name=ev` });
      const failed = list.items.filter((e) => e.reason === 'GitOperationFailed');
      assert.equal(failed.length, 1, 'identical events aggregate into one Event');
      const e = failed[0] as KubeObject & { count?: number; type?: string; source?: { component?: string }; involvedObject?: { uid?: string } };
      assert.equal(e.count, 2);
      assert.equal(e.type, 'Warning');
      assert.equal(e.source?.component, 'widget-controller');
      assert.equal(e.involvedObject?.uid, obj.metadata.uid);
      assert.deepEqual(e.metadata.annotations, { 'runtime.sluice.test/revision': 'main@sha1:abc', 'event.toolkit.fluxcd.io/deployment': 'prod' });
      assert.ok(list.items.some((x) => x.reason === 'ArtifactUpToDate' && (x as { type?: string }).type === 'Normal'), 'Trace is recorded as Normal');
      assert.deepEqual(received.map((r) => `${r.severity}/${r.reason}`), ['error/GitOperationFailed', 'error/GitOperationFailed', 'info/Succeeded']);
      assert.equal(received[0]?.reportingController, 'widget-controller');
      assert.equal(received[0]?.reportingInstance, 'test-pod');
      assert.equal(received[0]?.metadata?.['runtime.sluice.test/revision'], 'main@sha1:abc');
      assert.equal(received[0]?.involvedObject.kind, 'Widget');
      assert.deepEqual(rec.stats, { created: 4, aggregated: 1, forwarded: 2, duplicates: 1, failures: 0 });
    } finally {
      server.close();
    }
  });
});
