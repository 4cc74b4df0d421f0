/**
 * Event parity while a Kustomization waits for its source (issue 5: Sluice wrote one extra Warning
 * ArtifactFailed Event per Kustomization created alongside its GitRepository). Flux's
 * kustomize-controller records a missing source, a source without an artifact and an artifact URL
 * that answers 404 only in the Ready condition (and its log): no Event. A failure after the artifact
 * is in hand (e.g. a digest mismatch) is still announced with a Warning Event.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KustomizationReconciler } from '../../controllers/kustomize/reconciler.js';
import { nativeBuilder } from '../../controllers/kustomize/builder.js';
import { artifactFetcher, celCompiler } from '../../controllers/kustomize/wiring.js';
import type { SourceArtifact } from '../../controllers/kustomize/types.js';
import { KubeClient, type KubeObject } from '../../runtime/client/index.js';
import { createTestNamespace, deleteTestNamespace, ensureCrds, getTestCluster } from '../harness/index.js';
import {
  memoryEvents,
  reconcileOnce,
  releaseKustomizations,
  setGitSource,
  startArtifactServer,
  type ArtifactServer,
  type RecordedEvent,
} from './support.js';

let client: KubeClient;
let server: ArtifactServer;
let ns: string;

const ksRef = (name: string) => ({
  apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
  kind: 'Kustomization',
  namespace: ns,
  name,
});
const cm = (name: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  v: "1"\n`;

function readyOf(obj: KubeObject): { status: string; reason: string; message: string } | undefined {
  const conds =
    (
      obj['status'] as
        { conditions?: { type: string; status: string; reason: string; message: string }[] } | undefined
    )?.conditions ?? [];
  return conds.find((c) => c.type === 'Ready');
}

/** Kustomization `ks-<id>` of GitRepository `src-<id>`, one ConfigMap into the test namespace. */
async function createKs(id: string): Promise<void> {
  await client.create({
    ...ksRef(`ks-${id}`),
    metadata: { name: `ks-${id}`, namespace: ns },
    spec: {
      interval: '10m',
      prune: true,
      path: './app',
      targetNamespace: ns,
      sourceRef: { kind: 'GitRepository', name: `src-${id}` },
    },
  });
}

function reconcilerWith(events: ReturnType<typeof memoryEvents>): KustomizationReconciler {
  return new KustomizationReconciler({
    client,
    fetcher: artifactFetcher({ retries: 0 }),
    builder: nativeBuilder(),
    events,
    cel: celCompiler(),
    options: { healthPollMs: 200, requeueDependencyMs: 30_000 },
  });
}

interface Case {
  readonly name: string;
  /** Prepares the GitRepository `src-<id>` (or not) and returns nothing. */
  readonly source: (id: string) => Promise<void>;
  readonly ready: { readonly reason: string; readonly message: RegExp };
  /** Omitted for a success (the interval, jittered). */
  readonly requeueAfterMs?: number;
  /** The Events of that one reconcile, as [type, reason]. */
  readonly events: readonly (readonly [string, string])[];
}

const published = async (id: string): Promise<SourceArtifact> =>
  server.publish(
    `${id}.tar.gz`,
    { 'app/kustomization.yaml': 'resources: [cm.yaml]\n', 'app/cm.yaml': cm(`cm-${id}`) },
    `main@sha1:${'a'.repeat(40)}`,
  );

const cases: readonly Case[] = [
  {
    name: 'a GitRepository that does not exist yet sets Ready=False ArtifactFailed and records no Event',
    source: async () => {},
    ready: { reason: 'ArtifactFailed', message: /not found/ },
    requeueAfterMs: 600_000,
    events: [],
  },
  {
    name: 'a GitRepository without an artifact yet waits --requeue-dependency and records no Event',
    source: (id) => setGitSource(client, ns, `src-${id}`, undefined),
    ready: { reason: 'ArtifactFailed', message: /^Source artifact not found, retrying in 30s$/ },
    requeueAfterMs: 30_000,
    events: [],
  },
  {
    name: 'an artifact URL that answers 404 waits --requeue-dependency and records no Event',
    source: async (id) => {
      const art = await published(id);
      await setGitSource(client, ns, `src-${id}`, { ...art, url: `${server.base}/gone-${id}.tar.gz` });
    },
    ready: {
      reason: 'ArtifactFailed',
      message: /^Source is not ready, artifact not found, retrying in 30s$/,
    },
    requeueAfterMs: 30_000,
    events: [],
  },
  {
    name: 'an artifact that fails its digest check is still announced with a Warning ArtifactFailed Event',
    source: async (id) => {
      const art = await published(id);
      server.corrupt(`${id}.tar.gz`);
      await setGitSource(client, ns, `src-${id}`, art);
    },
    ready: { reason: 'ArtifactFailed', message: /^failed to verify archive: computed digest/ },
    requeueAfterMs: 600_000,
    events: [['Warning', 'ArtifactFailed']],
  },
  {
    name: 'a ready artifact records exactly Progressing (created) and ReconciliationSucceeded, as Flux',
    source: async (id) => setGitSource(client, ns, `src-${id}`, await published(id)),
    ready: { reason: 'ReconciliationSucceeded', message: /^Applied revision: main@sha1:a{40}$/ },
    events: [
      ['Normal', 'Progressing'],
      ['Normal', 'ReconciliationSucceeded'],
    ],
  },
];

before(async () => {
  const c = await getTestCluster();
  await ensureCrds();
  client = KubeClient.fromKubeConfig({ kubeconfigPath: c.kubeconfigPath });
  server = await startArtifactServer();
  ns = await createTestNamespace('ks-srcwait');
});

after(async () => {
  await releaseKustomizations(client, ns);
  await deleteTestNamespace(ns);
  await server.close();
  client.close();
});

describe('Kustomization events while waiting for the source (Flux parity)', () => {
  cases.forEach((tc, i) => {
    it(tc.name, async () => {
      const id = `c${i}`;
      await tc.source(id);
      await createKs(id);
      const events = memoryEvents();
      const res = await reconcileOnce(reconcilerWith(events), ns, `ks-${id}`);
      const ready = readyOf(await client.get(ksRef(`ks-${id}`)));
      assert.equal(ready?.reason, tc.ready.reason);
      assert.match(ready?.message ?? '', tc.ready.message);
      if (tc.requeueAfterMs !== undefined) assert.equal(res.requeueAfterMs, tc.requeueAfterMs);
      assert.deepEqual(
        events.list.map((e: RecordedEvent) => [e.type, e.reason]),
        tc.events,
      );
    });
  });

  it('a Kustomization reconciled before its source is ready ends with the same Events as Flux', async () => {
    const id = 'late';
    await createKs(id);
    const events = memoryEvents();
    const r = reconcilerWith(events);
    await reconcileOnce(r, ns, `ks-${id}`);
    await setGitSource(client, ns, `src-${id}`, undefined);
    await reconcileOnce(r, ns, `ks-${id}`);
    await setGitSource(client, ns, `src-${id}`, await published(id));
    await reconcileOnce(r, ns, `ks-${id}`);
    assert.deepEqual(
      events.list.map((e) => [e.type, e.reason]),
      [
        ['Normal', 'Progressing'],
        ['Normal', 'ReconciliationSucceeded'],
      ],
    );
    assert.equal(readyOf(await client.get(ksRef(`ks-${id}`)))?.status, 'True');
  });
});
