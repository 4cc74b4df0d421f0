/**
 * Dependency-ordered requests (Flux requestsForRevisionChangeOf + dependency.Sort). A chain
 * A ← B ← C on one GitRepository, run by a manager with one worker: after a push the source watch
 * enqueues A, B, C in that order whatever order the cache holds them in, so each dependent finds its
 * dependency already applied at the new revision and none of them waits `--requeue-dependency`.
 * The mapping itself is checked on a table: the Ready-at-revision filter, the order, and a cycle
 * enqueuing nothing.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { requestsForRevisionChange } from '../../controllers/kustomize/source-watches.js';
import { KubeClient, type KubeObject } from '../../runtime/client/index.js';
import { createLogger } from '../../runtime/logging/index.js';
import {
  createTestNamespace,
  deleteTestNamespace,
  ensureCrds,
  getTestCluster,
  waitFor,
} from '../harness/index.js';
import {
  releaseKustomizations,
  setGitSource,
  startArtifactServer,
  startKustomizeManager,
  type ArtifactServer,
} from './support.js';

const ksApi = 'kustomize.toolkit.fluxcd.io/v1';
const requeueDependencyMs = 15_000;
const quiet = createLogger({ destination: { write: () => undefined } });

let client: KubeClient;
let server: ArtifactServer;
let ns: string;
let mgr: { stop(): Promise<void> };

interface Status {
  conditions?: { type: string; status: string; reason: string }[];
  lastAppliedRevision?: string;
}

const cm = (name: string, v: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  v: "${v}"\n`;

function tree(v: string): Record<string, string> {
  const t: Record<string, string> = {};
  for (const n of ['a', 'b', 'c']) {
    t[`${n}/kustomization.yaml`] = `namespace: ${ns}\nresources:\n- cm.yaml\n`;
    t[`${n}/cm.yaml`] = cm(`cm-${n}`, v);
  }
  return t;
}

async function statusOf(name: string): Promise<Status> {
  const o = await client.get({ apiVersion: ksApi, kind: 'Kustomization', namespace: ns, name });
  return (o['status'] ?? {}) as Status;
}

async function allReadyAt(rev: string): Promise<boolean> {
  for (const n of ['a', 'b', 'c']) {
    const st = await statusOf(n);
    const ready = st.conditions?.find((c) => c.type === 'Ready');
    if (ready?.status !== 'True' || st.lastAppliedRevision !== rev) return false;
  }
  return true;
}

/** DependencyNotReady events recorded in the namespace (Kubernetes aggregates repeats in `count`). */
async function dependencyNotReadyEvents(): Promise<number> {
  const list = await client.list('v1', 'Event', { namespace: ns });
  return list.items
    .filter((e) => e['reason'] === 'DependencyNotReady')
    .reduce((n, e) => n + ((e['count'] as number | undefined) ?? 1), 0);
}

before(async () => {
  const c = await getTestCluster();
  await ensureCrds();
  client = KubeClient.fromKubeConfig({ kubeconfigPath: c.kubeconfigPath });
  server = await startArtifactServer();
  ns = await createTestNamespace('ksorder');
  mgr = startKustomizeManager(client, ns, { requeueDependencyMs }, { concurrent: 1 });
});

after(async () => {
  await mgr.stop();
  await releaseKustomizations(client, ns);
  await deleteTestNamespace(ns);
  await server.close();
  client.close();
});

describe('dependency-ordered requests on a source revision change', () => {
  it('a chain A <- B <- C reaches the new revision in one pass, without any DependencyNotReady wait', async () => {
    const rev1 = `main@sha1:${'1'.repeat(40)}`;
    await setGitSource(client, ns, 'repo', await server.publish('chain/1.tar.gz', tree('1'), rev1));
    const chain: [string, string | undefined][] = [
      ['a', undefined],
      ['b', 'a'],
      ['c', 'b'],
    ];
    for (const [name, dep] of chain) {
      await client.create({
        apiVersion: ksApi,
        kind: 'Kustomization',
        metadata: { name, namespace: ns },
        spec: {
          interval: '10m',
          prune: true,
          path: `./${name}`,
          sourceRef: { kind: 'GitRepository', name: 'repo' },
          ...(dep ? { dependsOn: [{ name: dep }] } : {}),
        },
      });
    }
    await waitFor(() => allReadyAt(rev1), { what: 'chain ready at the first revision', timeoutMs: 60_000 });

    // The cache lists objects in the order of their last update: touch C, then B, then A, so that
    // an unsorted mapping would enqueue the dependents first.
    for (const name of ['c', 'b', 'a']) {
      await client.patch({ apiVersion: ksApi, kind: 'Kustomization', namespace: ns, name }, 'merge', {
        metadata: { labels: { touched: String(Date.now()) } },
      });
      await sleep(300);
    }
    await sleep(500);
    const before = await dependencyNotReadyEvents();

    const rev2 = `main@sha1:${'2'.repeat(40)}`;
    const start = performance.now();
    await setGitSource(client, ns, 'repo', await server.publish('chain/2.tar.gz', tree('2'), rev2));
    await waitFor(() => allReadyAt(rev2), {
      what: 'chain ready at the pushed revision',
      timeoutMs: 3 * requeueDependencyMs,
      intervalMs: 50,
    });
    const elapsed = performance.now() - start;
    console.log(`# chain A <- B <- C at the new revision ${Math.round(elapsed)} ms after the push`);
    assert.ok(elapsed < requeueDependencyMs, `all Ready after ${Math.round(elapsed)} ms, no dependency wait`);
    await sleep(500);
    assert.equal(await dependencyNotReadyEvents(), before, 'no DependencyNotReady after the push');
    for (const n of ['a', 'b', 'c']) {
      const o = await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: `cm-${n}` });
      assert.deepEqual(o['data'], { v: '2' });
    }
  });
});

describe('requestsForRevisionChange (the source watch mapping)', () => {
  const rev = 'main@sha1:ffff';
  const source: KubeObject = {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'GitRepository',
    metadata: { name: 'repo', namespace: 'ns' },
    status: { artifact: { revision: rev } },
  };
  const ks = (name: string, deps: string[], ready?: { attempted: string }): KubeObject => ({
    apiVersion: ksApi,
    kind: 'Kustomization',
    metadata: { name, namespace: 'ns' },
    spec: { sourceRef: { kind: 'GitRepository', name: 'repo' }, dependsOn: deps.map((d) => ({ name: d })) },
    status: ready
      ? { lastAttemptedRevision: ready.attempted, conditions: [{ type: 'Ready', status: 'True' }] }
      : {},
  });
  const informerOf = (items: KubeObject[]) =>
    ({
      byIndex: (index: string, key: string) => {
        assert.equal(index, 'sourceRef');
        return key === 'GitRepository/ns/repo' ? items : [];
      },
    }) as unknown as Parameters<typeof requestsForRevisionChange>[0];

  const cases: { name: string; items: KubeObject[]; src?: KubeObject; want: string[] }[] = [
    {
      name: 'dependents listed first are requested after their dependencies',
      items: [ks('c', ['b']), ks('b', ['a']), ks('a', [])],
      want: ['a', 'b', 'c'],
    },
    {
      name: 'objects already Ready with the revision attempted are not requested, nor ordered against',
      items: [
        ks('c', ['b']),
        ks('b', ['a'], { attempted: rev }),
        ks('a', [], { attempted: 'main@sha1:old' }),
      ],
      want: ['c', 'a'],
    },
    {
      name: 'a dependsOn cycle among them requests nothing (Flux logs the sort error)',
      items: [ks('x', ['y']), ks('y', ['x']), ks('free', [])],
      want: [],
    },
    {
      name: 'a source without an artifact requests nothing',
      items: [ks('a', [])],
      src: { ...source, status: {} },
      want: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = requestsForRevisionChange(informerOf(c.items), 'GitRepository', c.src ?? source, quiet);
      assert.deepEqual(
        got.map((r) => r.name),
        c.want,
      );
    });
  }
});
