/**
 * runtime/ssa ResourceManager on the real control plane: the behaviours of fluxcd/pkg ssa that
 * kustomize-controller relies on (staged apply, drift, skip annotations, force, takeover, prune).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KubeClient, type KubeObject } from '../../runtime/client/index.js';
import {
  ApplyError,
  DryRunError,
  ResourceManager,
  exclusionSelector,
  forceSelector,
  ifNotPresentSelector,
  kustomizeCleanupOptions,
  mergeSelector,
  normalize,
  ownerLabels,
  pruneSkipSelector,
  type ApplyOptions,
} from '../../runtime/ssa/index.js';
import {
  createTestNamespace,
  deleteTestNamespace,
  getTestCluster,
  kubectl,
  kubectlJson,
} from '../harness/index.js';

let client: KubeClient;
let rm: ResourceManager;
let ns: string;

const opts: ApplyOptions = {
  exclusionSelector,
  ifNotPresentSelector,
  forceSelector,
  cleanup: kustomizeCleanupOptions('kustomize-controller'),
  cleanupExclusions: mergeSelector,
  waitIntervalMs: 200,
  waitTimeoutMs: 30_000,
};

const cm = (
  name: string,
  data: Record<string, string>,
  meta: Partial<KubeObject['metadata']> = {},
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: ns, labels: ownerLabels('app', ns), ...meta },
  data,
});

before(async () => {
  const c = await getTestCluster();
  client = KubeClient.fromKubeConfig({ kubeconfigPath: c.kubeconfigPath });
  rm = new ResourceManager(client);
  ns = await createTestNamespace('ssa');
});

after(async () => {
  await deleteTestNamespace(ns);
  client.close();
});

describe('ResourceManager.applyAll', () => {
  it('creates new objects, then reports them unchanged without writing', async () => {
    const objs = [
      cm('one', { a: '1' }),
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'sa', namespace: ns } },
    ];
    const first = await rm.applyAll(objs, opts);
    assert.equal(first.toString(), `ServiceAccount/${ns}/sa created\nConfigMap/${ns}/one created`);
    const live = await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'one' });
    const second = await rm.applyAll(objs, opts);
    assert.equal(second.toString(), `ServiceAccount/${ns}/sa unchanged\nConfigMap/${ns}/one unchanged`);
    const again = await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'one' });
    assert.equal(
      again.metadata.resourceVersion,
      live.metadata.resourceVersion,
      'an unchanged object is not written',
    );
    const managers = (again.metadata.managedFields as { manager: string; operation: string }[]).map(
      (m) => `${m.manager}/${m.operation}`,
    );
    assert.deepEqual(managers, ['kustomize-controller/Apply']);
  });

  it('corrects drift made in the cluster', async () => {
    await rm.applyAll([cm('drift', { a: '1' })], opts);
    await kubectl([
      '-n',
      ns,
      'patch',
      'configmap',
      'drift',
      '--type=merge',
      '-p',
      '{"data":{"a":"changed"}}',
    ]);
    const cs = await rm.applyAll([cm('drift', { a: '1' })], opts);
    assert.equal(cs.toString(), `ConfigMap/${ns}/drift configured`);
    const live = await kubectlJson<{ data: Record<string, string> }>(['-n', ns, 'get', 'configmap', 'drift']);
    assert.deepEqual(live.data, { a: '1' });
  });

  it('takes over fields written by kubectl and removes what kubectl added', async () => {
    await rm.applyAll([cm('takeover', { a: '1' })], opts);
    // kubectl edit-style change with its own field manager adds a key we do not declare.
    await kubectl([
      '-n',
      ns,
      'patch',
      'configmap',
      'takeover',
      '--type=merge',
      '-p',
      '{"data":{"extra":"x"}}',
      '--field-manager=kubectl-edit',
    ]);
    const cs = await rm.applyAll([cm('takeover', { a: '1' })], opts);
    assert.equal(cs.toString(), `ConfigMap/${ns}/takeover configured`);
    const live = await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'takeover' });
    assert.deepEqual(live['data'], { a: '1' });
    const managers = (live.metadata.managedFields as { manager: string }[]).map((m) => m.manager);
    assert.deepEqual(managers, ['kustomize-controller']);
  });

  it('ssa: Merge keeps fields written by other managers', async () => {
    await rm.applyAll(
      [cm('merge', { a: '1' }, { annotations: { 'kustomize.toolkit.fluxcd.io/ssa': 'merge' } })],
      opts,
    );
    await kubectl([
      '-n',
      ns,
      'patch',
      'configmap',
      'merge',
      '--type=merge',
      '-p',
      '{"data":{"extra":"x"}}',
      '--field-manager=kubectl-edit',
    ]);
    const cs = await rm.applyAll(
      [cm('merge', { a: '1' }, { annotations: { 'kustomize.toolkit.fluxcd.io/ssa': 'merge' } })],
      opts,
    );
    assert.equal(cs.toString(), `ConfigMap/${ns}/merge unchanged`);
    const live = await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'merge' });
    assert.deepEqual(live['data'], { a: '1', extra: 'x' });
  });

  it('skips objects annotated ssa: Ignore and, once they exist, ssa: IfNotPresent', async () => {
    const ignored = cm(
      'ignored',
      { a: '1' },
      { annotations: { 'kustomize.toolkit.fluxcd.io/ssa': 'ignore' } },
    );
    const once = cm(
      'once',
      { a: '1' },
      { annotations: { 'kustomize.toolkit.fluxcd.io/ssa': 'IfNotPresent' } },
    );
    const first = await rm.applyAll([ignored, once], opts);
    assert.deepEqual(first.toMap(), {
      [`ConfigMap/${ns}/ignored`]: 'skipped',
      [`ConfigMap/${ns}/once`]: 'created',
    });
    assert.equal(
      await client.getOrUndefined({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'ignored' }),
      undefined,
    );
    const second = await rm.applyAll([{ ...once, data: { a: '2' } }], opts);
    assert.equal(second.toString(), `ConfigMap/${ns}/once skipped`);
    const live = await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'once' });
    assert.deepEqual(live['data'], { a: '1' });
  });

  it("an invalid object fails the dry-run with Flux's message and nothing is applied", async () => {
    const bad: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'bad', namespace: ns },
      spec: { ports: [{ port: 700000 }] },
    };
    await assert.rejects(rm.applyAll([cm('valid-but-blocked', { a: '1' }), bad], opts), (err: unknown) => {
      assert.ok(err instanceof DryRunError);
      assert.match(err.message, new RegExp(`^Service/${ns}/bad dry-run failed \\(Invalid\\): `));
      return true;
    });
    assert.equal(
      await client.getOrUndefined({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace: ns,
        name: 'valid-but-blocked',
      }),
      undefined,
    );
  });

  it('fails on an immutable field change, and recreates the object when forced', async () => {
    const secret = (v: string): KubeObject =>
      normalize({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'imm', namespace: ns },
        immutable: true,
        stringData: { k: v },
      });
    await rm.applyAll([secret('a')], opts);
    await assert.rejects(rm.applyAll([secret('b')], opts), /Secret\/.*\/imm dry-run failed \(Invalid\)/);
    const cs = await rm.applyAll([secret('b')], { ...opts, force: true });
    assert.equal(cs.toString(), `Secret/${ns}/imm created`);
    const forcedByAnnotation = {
      ...secret('c'),
      metadata: {
        name: 'imm',
        namespace: ns,
        annotations: { 'kustomize.toolkit.fluxcd.io/force': 'enabled' },
      },
    };
    const cs2 = await rm.applyAll([forcedByAnnotation], opts);
    assert.equal(cs2.toString(), `Secret/${ns}/imm created`);
    const live = await client.get({ apiVersion: 'v1', kind: 'Secret', namespace: ns, name: 'imm' });
    assert.deepEqual(live['data'], { k: Buffer.from('c').toString('base64') });
  });
});

describe('ResourceManager.applyAllStaged', () => {
  it('applies a Namespace and a CRD before the objects that need them', async () => {
    const group = `${ns}.sluice.test`;
    const other = `${ns}-other`;
    const objs: KubeObject[] = [
      {
        apiVersion: `${group}/v1`,
        kind: 'Widget',
        metadata: { name: 'w', namespace: other },
        spec: { size: 1 },
      },
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'in-new-ns', namespace: other },
        data: { a: '1' },
      },
      {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: `widgets.${group}` },
        spec: {
          group,
          scope: 'Namespaced',
          names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
          versions: [
            {
              name: 'v1',
              served: true,
              storage: true,
              schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
            },
          ],
        },
      },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: other } },
    ];
    try {
      const cs = await rm.applyAllStaged(objs, opts);
      assert.equal(
        cs.toString(),
        [
          `CustomResourceDefinition/widgets.${group} created`,
          `Namespace/${other} created`,
          `ConfigMap/${other}/in-new-ns created`,
          `Widget/${other}/w created`,
        ].join('\n'),
      );
    } finally {
      await kubectl(['delete', 'namespace', other, '--wait=false', '--ignore-not-found']);
      await kubectl(['delete', 'crd', `widgets.${group}`, '--wait=false', '--ignore-not-found']);
    }
  });

  it('a failing later stage keeps the earlier stages in the error', async () => {
    const other = `${ns}-partial`;
    const objs: KubeObject[] = [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: other } },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'bad', namespace: other },
        spec: { ports: [{ port: 700000 }] },
      },
    ];
    try {
      await assert.rejects(rm.applyAllStaged(objs, opts), (err: unknown) => {
        assert.ok(err instanceof ApplyError);
        assert.ok(err.cause instanceof DryRunError);
        assert.match(err.message, new RegExp(`^Service/${other}/bad dry-run failed \\(Invalid\\)`));
        assert.equal(err.changeSet.toString(), `Namespace/${other} created`);
        return true;
      });
    } finally {
      await kubectl(['delete', 'namespace', other, '--wait=false', '--ignore-not-found']);
    }
  });
});

describe('ResourceManager.deleteAll', () => {
  it('deletes owned objects, skips protected or foreign ones, counts missing ones as deleted', async () => {
    const owned = cm('owned', { a: '1' });
    const kept = cm('kept', { a: '1' }, { annotations: { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' } });
    const foreign = cm('foreign', { a: '1' }, { labels: ownerLabels('someone-else', ns) });
    await rm.applyAll([owned, kept, foreign], opts);
    const gone = cm('never-existed', {});
    const { changeSet, error } = await rm.deleteAll([owned, kept, foreign, gone], {
      selector: ownerLabels('app', ns),
      skipFor: pruneSkipSelector,
    });
    assert.equal(error, undefined);
    assert.deepEqual(changeSet.toMap(), {
      [`ConfigMap/${ns}/owned`]: 'deleted',
      [`ConfigMap/${ns}/kept`]: 'skipped',
      [`ConfigMap/${ns}/foreign`]: 'skipped',
      [`ConfigMap/${ns}/never-existed`]: 'deleted',
    });
    assert.equal(
      (await client.getOrUndefined({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'kept' })) !==
        undefined,
      true,
    );
    assert.equal(
      (await client.getOrUndefined({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace: ns,
        name: 'foreign',
      })) !== undefined,
      true,
    );
  });
});
