/**
 * Flux's generator (fluxcd/pkg kustomize Generator.WriteFile) on existing kustomization.yaml edge
 * cases, checked against the upstream kustomize-controller v1.7.3 binary: Flux reconciles first, then
 * Sluice's KustomizationReconciler reconciles the same objects from the same artifact, and both must
 * pass the same assertions on what is applied and on the Ready condition.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nativeBuilder } from '../../controllers/kustomize/builder.js';
import { KustomizationReconciler } from '../../controllers/kustomize/reconciler.js';
import { artifactFetcher } from '../../controllers/kustomize/wiring.js';
import { KubeClient, type KubeObject } from '../../runtime/client/index.js';
import {
  createTestNamespace,
  deleteTestNamespace,
  ensureCrds,
  getTestCluster,
  waitFor,
} from '../harness/index.js';
import {
  memoryEvents,
  reconcileOnce,
  releaseKustomizations,
  setGitSource,
  startArtifactServer,
  type ArtifactServer,
} from './support.js';
import { skipWithoutFlux, startFlux } from './upstream-flux.js';

const group = 'kustomize.toolkit.fluxcd.io';
const revision = 'main@sha1:2222222222222222222222222222222222222222';
const origin = 'config.kubernetes.io/origin';
const generatorOrigin =
  'configuredIn: kustomization.yaml\nconfiguredBy:\n  apiVersion: builtin\n  kind: ConfigMapGenerator\n';
const header = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';
const cm = (name: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  key: value\n`;

interface Ready {
  status?: string;
  reason?: string;
  message?: string;
}
/** What one controller did for one Kustomization: its Ready condition and the ConfigMaps it applied. */
interface Outcome {
  ready: Ready;
  configMaps: {
    name: string;
    data: unknown;
    annotations: Record<string, string>;
    labels: Record<string, string>;
  }[];
}

interface Case {
  readonly name: string;
  readonly spec: string;
  readonly files: Readonly<Record<string, string>>;
  readonly check: (o: Outcome) => void;
}

const cases: readonly Case[] = [
  {
    name: 'a kustomization.yaml with a configMapGenerator and no resources gets buildMetadata [originAnnotations]: the ConfigMap carries config.kubernetes.io/origin',
    spec: 'generated',
    files: {
      'generated/kustomization.yaml': `${header}configMapGenerator:\n- name: gen\n  literals:\n  - key=value\n`,
    },
    check: (o) => {
      assert.equal(o.ready.status, 'True', o.ready.message);
      assert.equal(o.configMaps.length, 1);
      assert.match(o.configMaps[0]?.name ?? '', /^gen-[a-z0-9]{10}$/);
      assert.deepEqual(o.configMaps[0]?.data, { key: 'value' });
      assert.deepEqual(o.configMaps[0]?.annotations, { [origin]: generatorOrigin });
    },
  },
  {
    name: 'an unknown top-level field in kustomization.yaml is dropped and the resources are applied',
    spec: 'unknown',
    files: {
      'unknown/kustomization.yaml': `${header}resources:\n- cm.yaml\nnotAKustomizeField:\n  x: 1\n`,
      'unknown/cm.yaml': cm('plain'),
    },
    check: (o) => {
      assert.equal(o.ready.status, 'True', o.ready.message);
      assert.deepEqual(
        o.configMaps.map((c) => [c.name, c.data]),
        [['plain', { key: 'value' }]],
      );
    },
  },
  {
    name: 'a kustomization.yaml with only apiVersion and kind is Ready and applies nothing (YAML beside it ignored)',
    spec: 'empty',
    files: { 'empty/kustomization.yaml': header, 'empty/ignored.yaml': cm('ignored') },
    check: (o) => {
      assert.equal(o.ready.status, 'True', o.ready.message);
      assert.equal(o.ready.reason, 'ReconciliationSucceeded');
      assert.equal(o.ready.message, `Applied revision: ${revision}`);
      assert.deepEqual(o.configMaps, []);
    },
  },
  {
    name: 'buildMetadata in a kustomization.yaml without resources is replaced by [originAnnotations] (no transformer annotations)',
    spec: 'metadata',
    files: {
      'metadata/kustomization.yaml': `${header}buildMetadata: [transformerAnnotations]\nconfigMapGenerator:\n- name: meta\n  literals:\n  - key=value\n`,
    },
    check: (o) => {
      assert.equal(o.ready.status, 'True', o.ready.message);
      assert.deepEqual(
        o.configMaps.map((c) => [c.data, c.annotations]),
        [[{ key: 'value' }, { [origin]: generatorOrigin }]],
      );
    },
  },
  {
    name: 'an unknown field inside a configMapGenerator entry is dropped too (non-strict decode at any depth)',
    spec: 'nested',
    files: {
      'nested/kustomization.yaml': `resources:\n- cm.yaml\nconfigMapGenerator:\n- name: nested\n  literals:\n  - key=value\n  bogus: 1\n`,
      'nested/cm.yaml': cm('plain-nested'),
    },
    check: (o) => {
      assert.equal(o.ready.status, 'True', o.ready.message);
      assert.deepEqual(
        o.configMaps.map((c) => [c.name.replace(/-[a-z0-9]{10}$/, '-<hash>'), c.data, c.annotations]),
        [
          ['nested-<hash>', { key: 'value' }, {}],
          ['plain-nested', { key: 'value' }, {}],
        ],
      );
    },
  },
  {
    name: 'field names match case-insensitively: `Resources:` is resources, so no origin annotations',
    spec: 'case',
    files: {
      'case/kustomization.yaml': `Resources:\n- cm.yaml\n`,
      'case/cm.yaml': cm('plain-case'),
    },
    check: (o) => {
      assert.equal(o.ready.status, 'True', o.ready.message);
      assert.deepEqual(
        o.configMaps.map((c) => [c.name, c.data, c.annotations]),
        [['plain-case', { key: 'value' }, {}]],
      );
    },
  },
  {
    name: 'a type mismatch (resources: a string) fails the generator with the YAML decoder text: BuildFailed',
    spec: 'mismatch',
    files: {
      'mismatch/kustomization.yaml': `resources: cm.yaml\n`,
      'mismatch/cm.yaml': cm('plain-mismatch'),
    },
    check: (o) => {
      assert.deepEqual(o.ready, {
        status: 'False',
        reason: 'BuildFailed',
        message:
          'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field Kustomization.resources of type []string <nil>',
      });
      assert.deepEqual(o.configMaps, []);
    },
  },
  {
    name: 'quoted YAML 1.1 look-alikes ("yes", "010") stay strings through the rewrite',
    spec: 'quoted',
    files: {
      'quoted/kustomization.yaml': `resources:\n- cm.yaml\ncommonLabels:\n  flag: "yes"\n  num: "010"\n`,
      'quoted/cm.yaml': cm('plain-quoted'),
    },
    check: (o) => {
      assert.equal(o.ready.status, 'True', o.ready.message);
      assert.deepEqual(
        o.configMaps.map((c) => [c.name, c.labels['flag'], c.labels['num']]),
        [['plain-quoted', 'yes', '010']],
      );
    },
  },
];

describe('Flux generator parity on existing kustomization.yaml edge cases', () => {
  let client: KubeClient;
  let ns: string;
  let dir: string;
  let server: ArtifactServer;
  const ksRef = (name: string) => ({
    apiVersion: `${group}/v1`,
    kind: 'Kustomization',
    namespace: ns,
    name,
  });
  const readyOf = async (name: string): Promise<Ready> => {
    const st = (await client.get(ksRef(name)))['status'] as { conditions?: (Ready & { type: string })[] } | undefined;
    const c = st?.conditions?.find((x) => x.type === 'Ready');
    return c ? { status: c.status, reason: c.reason, message: c.message } : {};
  };
  const appliedBy = async (name: string): Promise<Outcome['configMaps']> => {
    const list = await client.list('v1', 'ConfigMap', {
      namespace: ns,
      labelSelector: `${group}/name=${name}`,
    });
    return list.items
      .map((o: KubeObject) => ({
        name: o.metadata.name ?? '',
        data: o['data'],
        annotations: { ...(o.metadata.annotations ?? {}) },
        labels: { ...(o.metadata.labels ?? {}) },
      }))
      .sort((x, y) => x.name.localeCompare(y.name));
  };
  const outcome = async (name: string): Promise<Outcome> => ({
    ready: await readyOf(name),
    configMaps: await appliedBy(name),
  });

  before(async () => {
    const c = await getTestCluster();
    await ensureCrds();
    client = KubeClient.fromKubeConfig({ kubeconfigPath: c.kubeconfigPath });
    ns = await createTestNamespace('ksgenparity');
    dir = mkdtempSync(join(tmpdir(), 'sluice-genparity-'));
    server = await startArtifactServer();
    const files: Record<string, string> = {};
    for (const k of cases) Object.assign(files, k.files);
    const artifact = await server.publish(
      'generator.tar.gz',
      files,
      revision,
    );
    await setGitSource(client, ns, 'src', artifact);
    for (const k of cases) {
      await client.create({
        ...ksRef(k.spec),
        metadata: { name: k.spec, namespace: ns },
        spec: {
          interval: '10m',
          prune: false,
          path: `./${k.spec}`,
          targetNamespace: ns,
          sourceRef: { kind: 'GitRepository', name: 'src' },
        },
      });
    }
  });

  after(async () => {
    await releaseKustomizations(client, ns);
    await deleteTestNamespace(ns);
    await server.close();
    client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const settled = (r: Ready) => r.status === 'True' || (r.status === 'False' && r.reason !== 'Progressing');

  const fluxResults = new Map<string, Outcome>();
  describe('upstream Flux 2.7 (kustomize-controller v1.7.3)', { skip: skipWithoutFlux }, () => {
    const results = fluxResults;
    before(async () => {
      const c = await getTestCluster();
      const flux = await startFlux(c.kubeconfigPath, ns, dir);
      try {
        await waitFor(
          async () => {
            for (const k of cases) if (!settled(await readyOf(k.spec))) return false;
            return true;
          },
          { timeoutMs: 90_000 },
        ).catch((err: unknown) => {
          throw new Error(`${(err as Error).message}; log:\n${flux.logTail(20)}`, { cause: err });
        });
      } finally {
        await flux.stop();
      }
      for (const k of cases) results.set(k.spec, await outcome(k.spec));
      // Start Sluice from nothing: what is on the cluster afterwards is its own apply.
      for (const k of cases)
        for (const m of results.get(k.spec)?.configMaps ?? [])
          await client.delete({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: m.name });
    }, { timeout: 120_000 });
    for (const k of cases) it(k.name, () => k.check(results.get(k.spec) ?? { ready: {}, configMaps: [] }));
  });

  describe('Sluice', () => {
    const results = new Map<string, Outcome>();
    before(async () => {
      const reconciler = new KustomizationReconciler({
        client,
        fetcher: artifactFetcher({ retries: 0 }),
        builder: nativeBuilder(),
        events: memoryEvents(),
      });
      for (const k of cases) {
        await reconcileOnce(reconciler, ns, k.spec);
        results.set(k.spec, await outcome(k.spec));
      }
    });
    for (const k of cases) it(k.name, () => k.check(results.get(k.spec) ?? { ready: {}, configMaps: [] }));
    it('applies exactly what Flux applied (names, data, annotations) with the same Ready condition', (t) => {
      if (fluxResults.size === 0) return t.skip('upstream Flux did not run');
      for (const k of cases) assert.deepEqual(results.get(k.spec), fluxResults.get(k.spec), k.spec);
    });
  });
});
