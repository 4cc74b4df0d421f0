import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { KubeClient } from '../../runtime/client/index.js';
import { createTestNamespace, deleteTestNamespace, getTestCluster, waitFor } from '../harness/index.js';
import { configMap, testClient } from './support.js';

const fixture = fileURLToPath(new URL('./fixtures/lease-process.ts', import.meta.url));

interface Proc {
  readonly child: ChildProcess;
  readonly lines: string[];
  identity?: string;
  exited?: number | null;
}

async function startProcess(ns: string, extra: string[] = []): Promise<Proc> {
  const cluster = await getTestCluster();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fixture,
      '--controllers=lease-test',
      `--kubeconfig=${cluster.kubeconfigPath}`,
      '--health-addr=127.0.0.1:0',
      '--metrics-addr=127.0.0.1:0',
      '--log-level=error',
      ...extra,
    ],
    { env: { ...process.env, RUNTIME_NAMESPACE: ns }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const p: Proc = { child, lines: [] };
  let buf = '';
  child.stdout?.on('data', (c: Buffer) => {
    buf += c.toString();
    let i = buf.indexOf('\n');
    while (i >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      p.lines.push(line);
      const m = /^STARTED (\S+)/.exec(line);
      if (m) p.identity = m[1];
      i = buf.indexOf('\n');
    }
  });
  child.stderr?.on('data', () => undefined);
  child.on('exit', (code) => (p.exited = code));
  await waitFor(() => p.identity, { what: 'the controller process to start', timeoutMs: 60_000 });
  return p;
}

const reconciles = (p: Proc): number => p.lines.filter((l) => l.startsWith('RECONCILED ')).length;

describe('leader election and sharding with real controller processes', () => {
  let kube: KubeClient;
  let ns: string;
  let shardNs: string;
  const procs: Proc[] = [];
  let pair: Promise<[Proc, Proc]>;
  let shards: Promise<[Proc, Proc]>;
  before(async () => {
    kube = await testClient();
    [ns, shardNs] = await Promise.all([createTestNamespace('rt-lease'), createTestNamespace('rt-shard')]);
    await kube.create(configMap(ns, 'tick', { 'lease-test': 'yes' }));
    await kube.create(configMap(shardNs, 'tick', { 'lease-test': 'yes' }));
    await kube.create(configMap(shardNs, 'one', { 'lease-test': 'yes', 'sharding.fluxcd.io/key': 'shard1' }));
    await kube.create(configMap(shardNs, 'two', { 'lease-test': 'yes', 'sharding.fluxcd.io/key': 'shard2' }));
    // Process start-up dominates on a busy machine: start all four at once.
    const le = ['--enable-leader-election', '--leader-election-lease-duration=8s', '--leader-election-renew-deadline=6s', '--leader-election-retry-period=1s'];
    const track = (p: Promise<Proc>): Promise<Proc> => p.then((x) => (procs.push(x), x));
    pair = Promise.all([track(startProcess(ns, le)), track(startProcess(ns, le))]);
    shards = Promise.all([
      track(startProcess(shardNs, ['--enable-leader-election', '--watch-label-selector=sharding.fluxcd.io/key=shard1'])),
      track(startProcess(shardNs, ['--enable-leader-election', '--watch-label-selector=!sharding.fluxcd.io/key'])),
    ]);
    await Promise.all([pair, shards]);
  });
  after(async () => {
    for (const p of procs) if (p.exited === undefined) p.child.kill('SIGKILL');
    await Promise.all([deleteTestNamespace(ns), deleteTestNamespace(shardNs)]);
    kube.close();
  });

  test('only the leader reconciles; after kill -9 of the leader the other takes over within 20 s; SIGTERM releases the lease', async () => {
    const [a, b] = await pair;
    await waitFor(() => reconciles(a) + reconciles(b) >= 3, { what: 'a leader to reconcile', timeoutMs: 20_000 });
    await new Promise((r) => setTimeout(r, 3000));
    const [leader, standby] = reconciles(a) > 0 ? [a, b] : [b, a];
    assert.equal(reconciles(standby), 0, 'the standby never reconciles while the leader lives');
    assert.ok(reconciles(leader) >= 5);
    const lease = await kube.get({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace: ns, name: 'lease-test-controller-leader-election' });
    assert.equal((lease.spec as { holderIdentity?: string }).holderIdentity, leader.identity);

    const t0 = performance.now();
    leader.child.kill('SIGKILL');
    await waitFor(() => reconciles(standby) > 0, { what: 'the standby to take over', timeoutMs: 20_000, intervalMs: 100 });
    const takeoverMs = performance.now() - t0;
    assert.ok(takeoverMs < 20_000, `takeover took ${takeoverMs.toFixed(0)} ms`);
    process.stdout.write(`# takeover after kill -9: ${(takeoverMs / 1000).toFixed(1)} s\n`);

    standby.child.kill('SIGTERM');
    await waitFor(() => standby.exited !== undefined, { what: 'a graceful exit on SIGTERM', timeoutMs: 15_000 });
    assert.equal(standby.exited, 0);
    const released = await kube.get({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace: ns, name: 'lease-test-controller-leader-election' });
    assert.equal((released.spec as { holderIdentity?: string }).holderIdentity, '', 'the lease is released on a graceful stop');
  });

  test('--watch-label-selector shards: each instance reconciles only its shard and elects on its own lease', async () => {
    const [s1, main] = await shards;
    await waitFor(() => reconciles(s1) >= 2 && reconciles(main) >= 2, { what: 'both shards to reconcile', timeoutMs: 20_000 });
    const names = (p: Proc): string[] => [...new Set(p.lines.filter((l) => l.startsWith('RECONCILED ')).map((l) => l.split(' ')[2] ?? ''))].sort();
    assert.deepEqual(names(s1), ['one']);
    assert.deepEqual(names(main), ['tick']);
    const leaseOf = (p: Proc): string => p.lines.find((l) => l.startsWith('LEASE '))?.slice(6) ?? '';
    assert.match(leaseOf(s1), /^lease-test-controller-leader-election-[0-9a-f]{8}$/);
    assert.notEqual(leaseOf(s1), leaseOf(main), 'each shard has its own lease');
    for (const p of [s1, main]) p.child.kill('SIGTERM');
    await waitFor(() => s1.exited !== undefined && main.exited !== undefined, { what: 'both shards to stop', timeoutMs: 15_000 });
  });
});
