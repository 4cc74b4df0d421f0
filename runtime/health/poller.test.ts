import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { waitForSet, waitForTermination, type ObjectGetter } from './poller.js';
import type { KubeObject, ObjectRef } from './types.js';

const cm: ObjectRef = { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'ns', name: 'cm' };
const thing: ObjectRef = { apiVersion: 'example.com/v1', kind: 'Thing', namespace: 'ns', name: 't' };
const ns: ObjectRef = { apiVersion: 'v1', kind: 'Namespace', name: 'ns' };

function getter(objs: Map<string, () => KubeObject | undefined>): ObjectGetter {
  return (ref) => Promise.resolve(objs.get(ref.name)?.());
}

const withReady = (status: string): KubeObject => ({
  apiVersion: 'example.com/v1',
  kind: 'Thing',
  metadata: { name: 't', namespace: 'ns' },
  status: { conditions: [{ type: 'Ready', status }] },
});

describe('waitForSet', () => {
  it('succeeds once every object is Current', async () => {
    let polls = 0;
    const get = getter(
      new Map([
        ['cm', () => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } })],
        ['t', () => withReady(++polls >= 3 ? 'True' : 'False')],
      ]),
    );
    const r = await waitForSet([cm, thing], get, { intervalMs: 5, timeoutMs: 2000 });
    assert.equal(r.ok, true);
    assert.ok(polls >= 3);
  });
  it("times out listing what is not Current in Flux's format", async () => {
    const get = getter(new Map([['t', () => withReady('False')]]));
    const r = await waitForSet([thing, ns], get, { intervalMs: 5, timeoutMs: 30 });
    assert.equal(r.ok, false);
    assert.equal(
      !r.ok && r.message,
      "timeout waiting for: [Thing/ns/t status: 'InProgress', Namespace/ns status: 'NotFound']",
    );
  });
  it('fails early on a stalled object', async () => {
    const stalled = {
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 't' },
      status: { conditions: [{ type: 'Stalled', status: 'True' }] },
    };
    const r = await waitForSet([thing], getter(new Map([['t', () => stalled]])), {
      intervalMs: 5,
      timeoutMs: 5000,
    });
    assert.equal(!r.ok && r.message, "failed early due to stalled resources: [Thing/ns/t status: 'Failed']");
  });
  it('with fail-fast disabled a stalled object waits for the timeout', async () => {
    const stalled = {
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 't' },
      status: { conditions: [{ type: 'Stalled', status: 'True' }] },
    };
    const r = await waitForSet([thing], getter(new Map([['t', () => stalled]])), {
      intervalMs: 5,
      timeoutMs: 30,
      failFast: false,
    });
    assert.equal(!r.ok && r.message, "timeout waiting for: [Thing/ns/t status: 'Failed']");
  });
  it('a read error makes the status Unknown with the error text', async () => {
    const r = await waitForSet([thing], () => Promise.reject(new Error('forbidden')), {
      intervalMs: 5,
      timeoutMs: 10,
    });
    assert.equal(!r.ok && r.message, "timeout waiting for: [Thing/ns/t status: 'Unknown': forbidden]");
  });
  it('an aborted signal ends the wait', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 20);
    const start = Date.now();
    const r = await waitForSet([thing], getter(new Map([['t', () => withReady('False')]])), {
      intervalMs: 1000,
      timeoutMs: 60_000,
      signal: ac.signal,
    });
    assert.equal(r.ok, false);
    assert.ok(Date.now() - start < 1000);
  });
});

describe('waitForTermination', () => {
  it('returns the refs still present after the timeout', async () => {
    let gone = false;
    setTimeout(() => (gone = true), 20);
    const get: ObjectGetter = (ref) =>
      Promise.resolve(ref.name === 'cm' && gone ? undefined : { metadata: { name: ref.name } });
    const left = await waitForTermination([cm, thing], get, { intervalMs: 5, timeoutMs: 100 });
    assert.deepEqual(left, [thing]);
  });
});
