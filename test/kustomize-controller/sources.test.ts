/**
 * Every sourceRef kind end to end. The test is the source producer, as Flux's contract for a source is
 * its status.artifact: it creates an OCIRepository, a Bucket and an ExternalArtifact, serves their
 * tarballs from a loopback HTTP server and writes their status. A manager (ExternalArtifact gate on)
 * applies each to Ready, picks up a new revision from the source watch alone, and reports a digest
 * mismatch as ArtifactFailed. A second namespace, not watched by that manager, holds the objects
 * reconciled directly with `--no-cross-namespace-refs` and with the gate off (AccessDenied, stalled).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { nativeBuilder } from '../../controllers/kustomize/builder.js';
import { KustomizationReconciler } from '../../controllers/kustomize/reconciler.js';
import { watchedSourceKinds } from '../../controllers/kustomize/source-watches.js';
import type { SourceArtifact } from '../../controllers/kustomize/types.js';
import { artifactFetcher } from '../../controllers/kustomize/wiring.js';
import { KubeClient, type KubeObject } from '../../runtime/client/index.js';
import { assertStatus } from '../../runtime/conditions/index.js';
import {
  createTestNamespace,
  deleteTestNamespace,
  ensureCrds,
  getTestCluster,
  waitFor,
} from '../harness/index.js';
import {
  memoryEvents,
  releaseKustomizations,
  startArtifactServer,
  startKustomizeManager,
  type ArtifactServer,
} from './support.js';

const sourceApi = 'source.toolkit.fluxcd.io/v1';
const ksApi = 'kustomize.toolkit.fluxcd.io/v1';
const originKey = 'org.opencontainers.image.revision';

let client: KubeClient;
let server: ArtifactServer;
let ns: string;
let other: string;
let mgr: { stop(): Promise<void> };

interface Cond {
  type: string;
  status: string;
  reason: string;
  message: string;
}
interface KsStatus {
  conditions?: Cond[];
  lastAppliedRevision?: string;
  lastAppliedOriginRevision?: string;
  lastAttemptedRevision?: string;
  observedGeneration?: number;
}

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
const cm = (name: string, v: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  v: "${v}"\n`;

/** A spec each kind's CRD accepts (nothing reconciles these objects but the test). */
const specs: Readonly<Record<string, Record<string, unknown>>> = {
  OCIRepository: { url: 'oci://registry.invalid/app', interval: '10m', ref: { tag: 'latest' } },
  Bucket: { bucketName: 'app', endpoint: 'bucket.invalid', interval: '10m' },
  ExternalArtifact: { sourceRef: { apiVersion: 'example.com/v1', kind: 'Producer', name: 'p' } },
};

/** Creates the source if needed and writes its status artifact, as a producer does. */
async function produce(
  kind: string,
  namespace: string,
  name: string,
  artifact: SourceArtifact,
): Promise<void> {
  const ref = { apiVersion: sourceApi, kind, namespace, name };
  if (!(await client.getOrUndefined(ref)))
    await client.create({ ...ref, metadata: { name, namespace }, spec: specs[kind] });
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  await client.patchStatus(ref, 'merge', {
    status: {
      observedGeneration: 1,
      artifact: {
        path: `${kind.toLowerCase()}/${namespace}/${name}/x.tar.gz`,
        lastUpdateTime: now,
        ...artifact,
      },
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'Succeeded',
          message: 'stored artifact',
          lastTransitionTime: now,
        },
      ],
    },
  });
}

async function publish(
  path: string,
  namespace: string,
  value: string,
  revision: string,
  origin?: string,
): Promise<SourceArtifact> {
  const a = await server.publish(
    path,
    {
      'app/kustomization.yaml': `namespace: ${namespace}\nresources:\n- a.yaml\n`,
      'app/a.yaml': cm('a', value),
    },
    revision,
  );
  return origin ? { ...a, metadata: { [originKey]: origin } } : a;
}

function kustomization(namespace: string, name: string, sourceRef: Record<string, string>): KubeObject {
  return {
    apiVersion: ksApi,
    kind: 'Kustomization',
    metadata: { name, namespace },
    spec: { interval: '10m', prune: true, path: './app', sourceRef },
  };
}

async function statusOf(
  namespace: string,
  name: string,
): Promise<{ obj: KubeObject; st: KsStatus; ready?: Cond }> {
  const obj = await client.get({ apiVersion: ksApi, kind: 'Kustomization', namespace, name });
  const st = (obj['status'] ?? {}) as KsStatus;
  return { obj, st, ready: st.conditions?.find((c) => c.type === 'Ready') };
}

async function configValue(namespace: string, name: string): Promise<string | undefined> {
  const o = await client.getOrUndefined({ apiVersion: 'v1', kind: 'ConfigMap', namespace, name });
  return (o?.['data'] as { v?: string } | undefined)?.v;
}

before(async () => {
  const c = await getTestCluster();
  await ensureCrds();
  client = KubeClient.fromKubeConfig({ kubeconfigPath: c.kubeconfigPath });
  server = await startArtifactServer();
  ns = await createTestNamespace('kssrc');
  other = await createTestNamespace('kssrcx');
  mgr = startKustomizeManager(client, ns, { featureGates: { ExternalArtifact: true } });
});

after(async () => {
  await mgr.stop();
  for (const n of [ns, other]) {
    await releaseKustomizations(client, n);
    await deleteTestNamespace(n);
  }
  await server.close();
  client.close();
});

interface KindCase {
  readonly kind: string;
  readonly revisions: readonly [string, string, string];
  /** The artifact's org.opencontainers.image.revision, if the producer sets one. */
  readonly origins?: readonly [string, string];
}

const kinds: readonly KindCase[] = [
  {
    kind: 'OCIRepository',
    revisions: [`latest@sha256:${sha('o1')}`, `latest@sha256:${sha('o2')}`, `latest@sha256:${sha('o3')}`],
    origins: [`main@sha1:${'1'.repeat(40)}`, `main@sha1:${'2'.repeat(40)}`],
  },
  { kind: 'Bucket', revisions: [`sha256:${sha('b1')}`, `sha256:${sha('b2')}`, `sha256:${sha('b3')}`] },
  {
    kind: 'ExternalArtifact',
    revisions: [`v1.0.0@sha256:${sha('e1')}`, `v1.0.1@sha256:${sha('e2')}`, `v1.0.2@sha256:${sha('e3')}`],
    origins: [`main@sha1:${'a'.repeat(40)}`, `main@sha1:${'b'.repeat(40)}`],
  },
];

describe('sourceRef kinds on a manager (the test produces the source status)', () => {
  for (const k of kinds) {
    const name = k.kind.toLowerCase();
    it(`${k.kind}: applied to Ready with Flux's revisions, a new revision arrives through the watch, a digest mismatch is ArtifactFailed`, async () => {
      const target = await createTestNamespace(`kst-${name.slice(0, 6)}`);
      try {
        await produce(
          k.kind,
          ns,
          name,
          await publish(`${name}/1.tar.gz`, target, '1', k.revisions[0], k.origins?.[0]),
        );
        await client.create(kustomization(ns, name, { kind: k.kind, name }));
        await waitFor(
          async () => (await statusOf(ns, name)).ready?.message === `Applied revision: ${k.revisions[0]}`,
          {
            what: `${k.kind} first revision applied`,
            timeoutMs: 30_000,
          },
        );
        let s = await statusOf(ns, name);
        assert.equal(s.ready?.reason, 'ReconciliationSucceeded');
        assert.equal(s.st.lastAppliedRevision, k.revisions[0]);
        assert.equal(s.st.lastAttemptedRevision, k.revisions[0]);
        assert.equal(s.st.lastAppliedOriginRevision, k.origins?.[0]);
        assert.equal(await configValue(target, 'a'), '1');
        assertStatus(s.obj as never);

        await produce(
          k.kind,
          ns,
          name,
          await publish(`${name}/2.tar.gz`, target, '2', k.revisions[1], k.origins?.[1]),
        );
        await waitFor(
          async () => (await statusOf(ns, name)).ready?.message === `Applied revision: ${k.revisions[1]}`,
          {
            what: `${k.kind} second revision applied via the source watch (interval is 10m)`,
            timeoutMs: 30_000,
          },
        );
        s = await statusOf(ns, name);
        assert.equal(s.st.lastAppliedOriginRevision, k.origins?.[1]);
        assert.equal(await configValue(target, 'a'), '2');

        const good = await publish(`${name}/3.tar.gz`, target, '3', k.revisions[2]);
        server.corrupt(`${name}/3.tar.gz`);
        await produce(k.kind, ns, name, good);
        const failed = await waitFor(
          async () => {
            const r = (await statusOf(ns, name)).ready;
            return r?.status === 'False' ? r : undefined;
          },
          { what: `${k.kind} digest mismatch reported`, timeoutMs: 30_000 },
        );
        assert.equal(failed.reason, 'ArtifactFailed');
        assert.match(failed.message, new RegExp(`computed digest doesn't match provided '${good.digest}'`));
        s = await statusOf(ns, name);
        assert.equal(s.st.lastAppliedRevision, k.revisions[1], 'the last applied revision is kept');
        assert.equal(await configValue(target, 'a'), '2', 'nothing from the corrupt artifact is applied');
        assertStatus(s.obj as never);
      } finally {
        await deleteTestNamespace(target);
      }
    });
  }

  it('watches ExternalArtifact only when its feature gate is on', () => {
    assert.deepEqual(watchedSourceKinds(false), ['GitRepository', 'OCIRepository', 'Bucket']);
    assert.deepEqual(watchedSourceKinds(true), [
      'GitRepository',
      'OCIRepository',
      'Bucket',
      'ExternalArtifact',
    ]);
  });
});

describe('source access rules (reconciled directly, in a namespace no manager watches)', () => {
  const events = memoryEvents();
  const reconcilerWith = (options: { noCrossNamespaceRefs?: boolean; externalArtifact?: boolean }) =>
    new KustomizationReconciler({
      client,
      fetcher: artifactFetcher({ retries: 0 }),
      builder: nativeBuilder(),
      events,
      options: { healthPollMs: 200, ...options },
    });

  async function reconcileTwice(
    r: KustomizationReconciler,
    name: string,
  ): Promise<{ requeueAfterMs?: number }> {
    await r.reconcile(other, name); // adds the finalizer
    return r.reconcile(other, name);
  }

  interface AccessCase {
    readonly name: string;
    readonly kind: string;
    readonly sourceNamespace: () => string;
    readonly options: { noCrossNamespaceRefs?: boolean; externalArtifact?: boolean };
    readonly message?: (sourceNs: string) => string;
  }
  const cases: readonly AccessCase[] = [
    {
      name: 'a cross-namespace OCIRepository with --no-cross-namespace-refs is AccessDenied and stalled',
      kind: 'OCIRepository',
      sourceNamespace: () => ns,
      options: { noCrossNamespaceRefs: true, externalArtifact: true },
      message: (s) => `can't access 'OCIRepository/${s}/xsrc', cross-namespace references have been blocked`,
    },
    {
      name: 'a cross-namespace Bucket without the flag is applied',
      kind: 'Bucket',
      sourceNamespace: () => ns,
      options: {},
    },
    {
      name: 'an ExternalArtifact with the gate off is AccessDenied and stalled',
      kind: 'ExternalArtifact',
      sourceNamespace: () => other,
      options: { externalArtifact: false },
      message: (s) => `can't access 'ExternalArtifact/${s}/xsrc', ExternalArtifact feature gate is disabled`,
    },
    {
      name: 'a same-namespace OCIRepository with --no-cross-namespace-refs is applied',
      kind: 'OCIRepository',
      sourceNamespace: () => other,
      options: { noCrossNamespaceRefs: true },
    },
  ];

  for (const [i, c] of cases.entries()) {
    it(c.name, async () => {
      const srcNs = c.sourceNamespace();
      const ksName = `access-${i}`;
      const rev = `sha256:${sha(`access-${i}`)}`;
      await produce(c.kind, srcNs, 'xsrc', await publish(`access/${i}.tar.gz`, other, `x${i}`, rev));
      await client.create(kustomization(other, ksName, { kind: c.kind, name: 'xsrc', namespace: srcNs }));
      events.list.length = 0;
      const res = await reconcileTwice(reconcilerWith(c.options), ksName);
      const s = await statusOf(other, ksName);
      if (c.message) {
        const msg = c.message(srcNs);
        assert.deepEqual(
          { status: s.ready?.status, reason: s.ready?.reason, message: s.ready?.message },
          { status: 'False', reason: 'AccessDenied', message: msg },
        );
        const stalled = s.st.conditions?.find((x) => x.type === 'Stalled');
        assert.deepEqual(
          { status: stalled?.status, reason: stalled?.reason },
          { status: 'True', reason: 'AccessDenied' },
        );
        assert.equal(
          res.requeueAfterMs,
          undefined,
          'a terminal error is not retried until the object changes',
        );
        assert.equal(s.st.lastAttemptedRevision, undefined, 'nothing was fetched');
        assert.deepEqual(
          events.list.map((e) => ({ type: e.type, reason: e.reason, message: e.message })),
          [{ type: 'Warning', reason: 'AccessDenied', message: msg }],
          'one Warning event carrying the refusal',
        );
      } else {
        assert.equal(s.ready?.message, `Applied revision: ${rev}`);
        assert.equal(s.st.lastAppliedRevision, rev);
      }
      assertStatus(s.obj as never);
    });
  }
});
