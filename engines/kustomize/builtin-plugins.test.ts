/**
 * What the differential scenarios cannot show: plugin kinds kustomize runs but this engine refuses, with
 * code 'not-supported' (Helm, external plugins, value-add list paths), and buildMetadata over remotes.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryFileSystem } from '../fs/index.js';
import { Kustomizer, KustomizeError, type RemoteFetcher } from './index.js';

const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: v\n';
const deploy = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: nginx\n';
const inline = (cfg: string): string => '- |-\n' + cfg.trimEnd().split('\n').map((l) => '  ' + l).join('\n') + '\n';

const notSupported = (pattern: RegExp) => (err: unknown): boolean =>
  err instanceof KustomizeError && err.code === 'not-supported' && pattern.test(err.message);

describe('plugin kinds refused with not-supported', () => {
  const cases: { name: string; field: string; config: string; message: RegExp }[] = [
    {
      name: 'an exec plugin (Flux never enables alpha plugins)',
      field: 'transformers',
      config: 'apiVersion: example.com/v1\nkind: Script\nmetadata:\n  name: s\n  annotations:\n    config.kubernetes.io/function: |\n      exec:\n        path: ./run.sh\n',
      message: /external plugins disabled/,
    },
    {
      name: 'a plugin whose apiVersion has a group besides builtin',
      field: 'generators',
      config: 'apiVersion: builtin/v1\nkind: ConfigMapGenerator\nmetadata:\n  name: g\n',
      message: /external plugins disabled/,
    },
    {
      name: 'HelmChartInflationGenerator (Flux builds without Helm)',
      field: 'generators',
      config: 'apiVersion: builtin\nkind: HelmChartInflationGenerator\nmetadata:\n  name: h\nname: chart\n',
      message: /helm charts are not supported/,
    },
    {
      name: 'a ValueAddTransformer path through a list element',
      field: 'transformers',
      config: 'apiVersion: builtin\nkind: ValueAddTransformer\nmetadata:\n  name: v\nvalue: x\ntargets:\n- fieldPath: spec/template/spec/containers/[name=app]/image\n',
      message: /list element paths/,
    },
  ];
  for (const c of cases) {
    test(`${c.name} is refused`, () => {
      const fs = MemoryFileSystem.fromFiles({ 'kustomization.yaml': `resources:\n- cm.yaml\n- d.yaml\n${c.field}:\n${inline(c.config)}`, 'cm.yaml': cm, 'd.yaml': deploy });
      assert.throws(() => Kustomizer.run(fs, '/'), notSupported(c.message));
    });
  }
});

describe('buildMetadata and remote resources', () => {
  const url = 'https://example.com/cm.yaml';
  const fetcher: RemoteFetcher = {
    cloneRepo: () => {
      throw new Error('no clones in this test');
    },
    getFile: () => ({ status: 200, statusText: 'OK', body: new TextEncoder().encode(cm) }),
  };
  test('a remote file builds without buildMetadata', () => {
    const fs = MemoryFileSystem.fromFiles({ 'kustomization.yaml': `resources:\n- ${url}\n` });
    assert.match(Kustomizer.run(fs, '/', { fetcher }).yaml, /name: c/);
  });
  test('a remote file with buildMetadata is refused rather than given a wrong origin', () => {
    const fs = MemoryFileSystem.fromFiles({ 'kustomization.yaml': `buildMetadata: [originAnnotations]\nresources:\n- ${url}\n` });
    assert.throws(() => Kustomizer.run(fs, '/', { fetcher }), notSupported(/buildMetadata with the remote/));
  });
  test('a remote component with buildMetadata is refused before it is fetched', () => {
    const fs = MemoryFileSystem.fromFiles({
      'kustomization.yaml': 'buildMetadata: [managedByLabel]\nresources:\n- cm.yaml\ncomponents:\n- https://github.com/example/repo//comp?ref=v1\n',
      'cm.yaml': cm,
    });
    assert.throws(() => Kustomizer.run(fs, '/', { fetcher }), notSupported(/buildMetadata with the remote/));
  });
  test('a remote transformer config with buildMetadata is refused before it is fetched', () => {
    const fs = MemoryFileSystem.fromFiles({
      'kustomization.yaml': 'buildMetadata: [originAnnotations]\nresources:\n- cm.yaml\ntransformers:\n- https://example.com/label.yaml\n',
      'cm.yaml': cm,
    });
    let fetched = 0;
    const counting: RemoteFetcher = { ...fetcher, getFile: (u) => (fetched++, fetcher.getFile(u)) };
    assert.throws(() => Kustomizer.run(fs, '/', { fetcher: counting }), notSupported(/buildMetadata with the remote/));
    assert.equal(fetched, 0);
  });
  test('local bases and components with buildMetadata build', () => {
    const fs = MemoryFileSystem.fromFiles({
      'app/kustomization.yaml': 'buildMetadata: [originAnnotations]\nresources:\n- ../base\ncomponents:\n- ../comp\n',
      'base/kustomization.yaml': 'resources:\n- cm.yaml\n',
      'base/cm.yaml': cm,
      'comp/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ncommonLabels:\n  c: d\n',
    });
    assert.match(Kustomizer.run(fs, '/app').yaml, /path: \.\.\/base\/cm\.yaml/);
  });
});
