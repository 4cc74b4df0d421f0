/**
 * The acceptance scenario of the kustomize-controller: the kimawesome repository (examples/) served
 * by a smart-HTTP Git server, the real source-controller (GitRepository) and kustomize-controller on
 * one manager, bootstrapped by applying gotk-sync.yaml. Everything becomes Ready in dependency order;
 * a push is applied on the source interval; requestedAt corrects drift at once; a deleted file's
 * objects are pruned; invalid YAML and a failing patch leave the cluster as it was with BuildFailed;
 * reverting recovers.
 *
 * Isolation on the shared control plane: `flux-system` and `kube-system` become two test namespaces,
 * the Namespaces the overlays create get the test's prefix, and the manager only watches objects
 * carrying this run's shard label (`--watch-label-selector`), which gotk-sync's commonMetadata puts on
 * every Kustomization it applies. The metallb stand-in Deployment becomes a ConfigMap: this control
 * plane runs no Deployment controller, so kstatus would never see it Current (metallb has wait: true).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createWriteStream, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { setupGitRepositoryController } from '../../controllers/source/git-repository/setup.js';
import { setupKustomizationController } from '../../controllers/kustomize/setup.js';
import { artifactServerRunnable } from '../../server/artifact/index.js';
import { KubeClient, type KubeObject } from '../../runtime/client/index.js';
import { assertStatus } from '../../runtime/conditions/index.js';
import { createLogger } from '../../runtime/logging/index.js';
import { Manager, defaultManagerOptions } from '../../runtime/manager/index.js';
import { createRepoRoot, startGitHttpServer, TestRepo, type GitHttpServer } from '../fixtures/git/index.js';
import {
  createTestNamespace,
  deleteTestNamespace,
  ensureCrds,
  getTestCluster,
  waitFor,
} from '../harness/index.js';
import { freePort } from '../source/env.js';
import { releaseKustomizations } from './support.js';

const example = new URL('../../examples/kimawesome/', import.meta.url).pathname;
const ksApi = 'kustomize.toolkit.fluxcd.io/v1';

let client: KubeClient;
let git: GitHttpServer;
let repo: TestRepo;
let gitRoot: string;
let storagePath: string;
let fluxNs: string;
let sysNs: string;
let shard: string;
const ac = new AbortController();
let running: Promise<void>;
let files: Record<string, string> = {};

interface Cond {
  type: string;
  status: string;
  reason: string;
  message: string;
  lastTransitionTime: string;
}

async function ks(namespace: string, name: string): Promise<KubeObject | undefined> {
  return client.getOrUndefined({ apiVersion: ksApi, kind: 'Kustomization', namespace, name });
}

const readyOf = (o: KubeObject | undefined): Cond | undefined =>
  ((o?.['status'] as { conditions?: Cond[] } | undefined)?.conditions ?? []).find((c) => c.type === 'Ready');

async function waitApplied(
  namespace: string,
  name: string,
  revision: string,
  what: string,
): Promise<KubeObject> {
  try {
    return await waitFor(
      async () => {
        const o = await ks(namespace, name);
        const r = readyOf(o);
        return r?.status === 'True' && r.message === `Applied revision: ${revision}` ? o : undefined;
      },
      { what, timeoutMs: 60_000, intervalMs: 250 },
    );
  } catch (err) {
    // The statuses say why (source not ready, dependency, build error…).
    const src = await client.getOrUndefined({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      namespace: fluxNs,
      name: 'flux-system',
    });
    const detail = JSON.stringify({
      source: src?.['status'],
      kustomization: (await ks(namespace, name))?.['status'],
    });
    throw new Error(`${err instanceof Error ? err.message : String(err)}: ${detail}`, { cause: err });
  }
}

/** The example repository with the test's namespaces (see the file comment). */
function exampleFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (name.endsWith('.yaml')) out[relative(example, abs)] = readFileSync(abs, 'utf8');
    }
  };
  walk(example);
  for (const [k, v] of Object.entries(out)) {
    out[k] = v
      .replaceAll('namespace: flux-system', `namespace: ${fluxNs}`)
      .replaceAll('namespace: kube-system', `namespace: ${sysNs}`)
      .replaceAll('metallb-system', `${fluxNs}-metallb`)
      .replace(/^(\s*(?:namespace|name)): ingress-nginx$/gm, `$1: ${fluxNs}-ingress`);
  }
  out['overlays/kimawesome/metallb/controller.yaml'] =
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: controller\n  labels:\n    app.kubernetes.io/name: metallb\n    app.kubernetes.io/component: controller\ndata:\n  replicas: "0"\n';
  const sync = `apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  name: flux-system
  namespace: ${fluxNs}
  labels:
    sluice.test/shard: ${shard}
spec:
  interval: 2s
  ref:
    branch: main
  url: ${git.url}/kimbernetes.git
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: flux-system
  namespace: ${fluxNs}
  labels:
    sluice.test/shard: ${shard}
spec:
  interval: 10m
  path: ./cluster/kimawesome
  prune: true
  commonMetadata:
    labels:
      sluice.test/shard: ${shard}
  sourceRef:
    kind: GitRepository
    name: flux-system
`;
  out['cluster/kimawesome/flux-system/gotk-sync.yaml'] = sync;
  out['cluster/kimawesome/flux-system/kustomization.yaml'] =
    'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- gotk-sync.yaml\n';
  return out;
}

function push(change: Record<string, string | null>, message: string): string {
  const next = { ...files };
  for (const [k, v] of Object.entries(change)) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  files = next;
  return `main@sha1:${repo.commit(next, message, { replace: true })}`;
}

before(async () => {
  const c = await getTestCluster();
  await ensureCrds();
  client = KubeClient.fromKubeConfig({ kubeconfigPath: c.kubeconfigPath });
  fluxNs = await createTestNamespace('ksacc');
  sysNs = await createTestNamespace('ksacc-sys');
  shard = fluxNs;
  gitRoot = createRepoRoot();
  repo = new TestRepo(gitRoot, 'kimbernetes');
  git = await startGitHttpServer({ root: gitRoot });
  storagePath = await mkdtemp(join(tmpdir(), 'sluice-ksacc-storage-'));
  const quiet = process.env.SLUICE_TEST_LOGS
    ? createLogger({ level: 'debug', destination: createWriteStream(process.env.SLUICE_TEST_LOGS) })
    : createLogger({ destination: { write: () => undefined } });
  const mgr = new Manager({
    kube: client,
    log: quiet,
    options: {
      ...defaultManagerOptions(),
      healthAddr: '127.0.0.1:0',
      metricsAddr: '127.0.0.1:0',
      runtimeNamespace: fluxNs,
      watchLabelSelector: `sluice.test/shard=${shard}`,
      requeueDependencyMs: 1000,
      minRetryDelayMs: 100,
      maxRetryDelayMs: 2000,
    },
  });
  const storageAddr = `127.0.0.1:${await freePort()}`;
  const { storage, leaseId } = setupGitRepositoryController(mgr, { storagePath, storageAddr });
  mgr.add(artifactServerRunnable(storage, storageAddr, leaseId));
  setupKustomizationController(mgr, { healthPollMs: 250 });
  running = mgr.start(ac.signal);
});

after(async () => {
  // Deleting flux-system prunes everything it applied (MirrorPrune), Kustomizations included.
  await client
    .delete({ apiVersion: ksApi, kind: 'Kustomization', namespace: fluxNs, name: 'flux-system' })
    .catch(() => undefined);
  await waitFor(async () => !(await ks(sysNs, 'metallb')) && !(await ks(fluxNs, 'flux-system')), {
    what: 'Kustomizations finalized',
    timeoutMs: 30_000,
  }).catch(() => undefined);
  ac.abort();
  await running.catch(() => undefined);
  await releaseKustomizations(client, sysNs);
  await releaseKustomizations(client, fluxNs);
  await deleteTestNamespace(sysNs);
  await deleteTestNamespace(fluxNs);
  await git.close();
  repo.remove();
  await rm(gitRoot, { recursive: true, force: true });
  await rm(storagePath, { recursive: true, force: true });
  client.close();
});

describe('acceptance: the kimawesome repository', () => {
  let rev1: string;

  it('bootstraps from gotk-sync and becomes Ready in dependency order', async () => {
    files = exampleFiles();
    rev1 = `main@sha1:${repo.commit(files, 'initial')}`;
    for (const doc of (files['cluster/kimawesome/flux-system/gotk-sync.yaml'] ?? '').split('\n---\n')) {
      const { parse } = await import('yaml');
      await client.apply(parse(doc) as KubeObject, { fieldManager: 'sluice-bootstrap' });
    }
    const root = await waitApplied(fluxNs, 'flux-system', rev1, 'flux-system Ready');
    const metallb = await waitApplied(sysNs, 'metallb', rev1, 'metallb Ready');
    const infra = await waitApplied(fluxNs, 'infrastructure', rev1, 'infrastructure Ready');
    for (const o of [root, metallb, infra]) assertStatus(o as never);
    const ingressNs = await client.get({ apiVersion: 'v1', kind: 'Namespace', name: `${fluxNs}-ingress` });
    assert.ok(
      (ingressNs.metadata.creationTimestamp ?? '') >= (readyOf(metallb)?.lastTransitionTime ?? '~'),
      'infrastructure applied its objects only after metallb was Ready',
    );
    const cms = await client.list('v1', 'ConfigMap', { namespace: `${fluxNs}-metallb` });
    assert.deepEqual(
      cms.items
        .map((o) => o.metadata.name ?? '')
        .filter((n) => n.startsWith('metallb-config') || n === 'controller')
        .map((n) => n.replace(/-[a-z0-9]{10}$/, '-<hash>'))
        .sort(),
      ['controller', 'metallb-config-<hash>'],
    );
    const inventory = (metallb['status'] as { inventory: { entries: { id: string }[] } }).inventory.entries;
    assert.ok(inventory.some((e) => e.id === `_${fluxNs}-metallb__Namespace`));
  });

  it('a pushed change is applied on the next source interval', async () => {
    const rev2 = push(
      {
        'overlays/kimawesome/metallb/kustomization.yaml': (
          files['overlays/kimawesome/metallb/kustomization.yaml'] ?? ''
        ).replace('pool=homelab', 'pool=homelab-v2'),
      },
      'metallb: new pool',
    );
    await waitApplied(sysNs, 'metallb', rev2, 'metallb applies the pushed revision');
    const cms = await client.list('v1', 'ConfigMap', { namespace: `${fluxNs}-metallb` });
    const generated = cms.items.filter((o) => (o.metadata.name ?? '').startsWith('metallb-config'));
    assert.equal(generated.length, 1, 'the old generated ConfigMap was pruned');
    assert.deepEqual(generated[0]?.['data'], { pool: 'homelab-v2' });
  });

  it('requestedAt corrects drift at once', async () => {
    await client.delete({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      namespace: `${fluxNs}-metallb`,
      name: 'controller',
    });
    const token = `now-${Date.now()}`;
    await client.patch(
      { apiVersion: ksApi, kind: 'Kustomization', namespace: sysNs, name: 'metallb' },
      'merge',
      {
        metadata: { annotations: { 'reconcile.fluxcd.io/requestedAt': token } },
      },
    );
    await waitFor(
      async () =>
        ((await ks(sysNs, 'metallb'))?.['status'] as { lastHandledReconcileAt?: string })
          .lastHandledReconcileAt === token,
      { what: 'requestedAt handled', timeoutMs: 20_000 },
    );
    const cm = await client.get({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      namespace: `${fluxNs}-metallb`,
      name: 'controller',
    });
    assert.equal(cm.metadata.labels?.['kustomize.toolkit.fluxcd.io/name'], 'metallb');
  });

  it("a deleted file's objects are pruned", async () => {
    const kpath = 'overlays/kimawesome/infrastructure/kustomization.yaml';
    const rev = push(
      {
        'overlays/kimawesome/infrastructure/ingress-nginx.yaml': null,
        [kpath]: (files[kpath] ?? '').replace(/\n\s+- ingress-nginx\.yaml/, ''),
      },
      'infrastructure: drop the ingress controller',
    );
    await waitApplied(fluxNs, 'infrastructure', rev, 'infrastructure applies the deletion');
    for (const kind of ['ConfigMap', 'Deployment']) {
      const apiVersion = kind === 'Deployment' ? 'apps/v1' : 'v1';
      assert.equal(
        await client.getOrUndefined({
          apiVersion,
          kind,
          namespace: `${fluxNs}-ingress`,
          name: 'ingress-nginx-controller',
        }),
        undefined,
        `${kind} pruned`,
      );
    }
  });

  it('invalid YAML leaves the cluster as it was with BuildFailed; a failing patch upstream holds dependents; reverting recovers', async () => {
    const good = { ...files };
    const nsBefore = await client.get({ apiVersion: 'v1', kind: 'Namespace', name: `${fluxNs}-ingress` });
    const failedOn = async (ns: string, name: string, revision: string): Promise<Cond> =>
      waitFor(
        async () => {
          const o = await ks(ns, name);
          const r = readyOf(o);
          const attempted = (o?.['status'] as { lastAttemptedRevision?: string } | undefined)
            ?.lastAttemptedRevision;
          return r?.status === 'False' && attempted === revision ? r : undefined;
        },
        { what: `${name} fails on ${revision}`, timeoutMs: 60_000, intervalMs: 250 },
      );

    const invalid = push(
      {
        'overlays/kimawesome/infrastructure/namespace.yaml':
          'apiVersion: v1\nkind: Namespace\nmetadata: [unclosed\n',
      },
      'infrastructure: invalid YAML',
    );
    const infraCond = await failedOn(fluxNs, 'infrastructure', invalid);
    assert.equal(infraCond.reason, 'BuildFailed');
    assert.match(infraCond.message, /^kustomize build failed: /);
    const infra = await ks(fluxNs, 'infrastructure');
    assertStatus(infra as never);
    assert.notEqual((infra?.['status'] as { lastAppliedRevision?: string }).lastAppliedRevision, invalid);
    const nsAfter = await client.get({ apiVersion: 'v1', kind: 'Namespace', name: `${fluxNs}-ingress` });
    assert.equal(nsAfter.metadata.resourceVersion, nsBefore.metadata.resourceVersion, 'namespace untouched');

    files = { ...good };
    const metallbK = 'overlays/kimawesome/metallb/kustomization.yaml';
    const badPatch = push(
      {
        [metallbK]: `${files[metallbK] ?? ''}patches:\n  - target:\n      kind: ConfigMap\n      name: controller\n    patch: |\n      - op: replace\n        path: /spec/missing\n        value: x\n`,
      },
      'metallb: failing patch',
    );
    const metallbCond = await failedOn(sysNs, 'metallb', badPatch);
    assert.equal(metallbCond.reason, 'BuildFailed');
    assert.match(metallbCond.message, /^kustomize build failed: /);
    assertStatus((await ks(sysNs, 'metallb')) as never);
    const cm = await client.get({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      namespace: `${fluxNs}-metallb`,
      name: 'controller',
    });
    assert.deepEqual(cm['data'], { replicas: '0' }, 'metallb objects untouched');
    await waitFor(
      async () => {
        const r = readyOf(await ks(fluxNs, 'infrastructure'));
        return r?.reason === 'DependencyNotReady' ? r : undefined;
      },
      { what: 'infrastructure waits for metallb', timeoutMs: 30_000, intervalMs: 250 },
    );

    files = good;
    const fixed = push({}, 'revert');
    await waitApplied(sysNs, 'metallb', fixed, 'metallb recovers');
    await waitApplied(fluxNs, 'infrastructure', fixed, 'infrastructure recovers');
  });
});
