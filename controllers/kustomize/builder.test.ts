import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { KubeObject } from '../../runtime/client/index.js';
import { WorkerPool } from '../../runtime/workers/index.js';
import { generateKustomization, nativeBuilder, pooledBuilder } from './builder.js';

/** What the build step does: generate/patch kustomization.yaml, then build. */
async function build(root: string, path: string, spec: Record<string, unknown>): Promise<KubeObject[]> {
  generateKustomization(join(root, path), spec);
  return nativeBuilder().build({ root, path });
}

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'ks-builder-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

const cm = (name: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  replicas: "1"\n`;

describe('generateKustomization + nativeBuilder (Flux generator + native kustomize)', () => {
  it('loads are unrestricted within the artifact, as Flux builds (LoadRestrictionsNone): an overlay reads ../shared files', async () => {
    const root = tree({
      'shared/app.properties': 'mode=shared\n',
      'apps/kustomization.yaml': 'configMapGenerator:\n- name: cfg\n  files:\n  - ../shared/app.properties\n',
    });
    try {
      const out = await nativeBuilder().build({ root, path: 'apps' });
      assert.deepEqual(out.map((o) => o.data), [{ 'app.properties': 'mode=shared\n' }]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('nothing outside the artifact is readable, even with unrestricted loads', async () => {
    const outside = tree({ 'secret.properties': 'token=x\n' });
    const root = tree({ 'apps/kustomization.yaml': 'configMapGenerator:\n- name: cfg\n  files:\n  - ../../' + basename(outside) + '/secret.properties\n' });
    try {
      await assert.rejects(nativeBuilder().build({ root, path: 'apps' }), /no such file|not in or below/);
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('generates a kustomization for plain YAML, adding sub-kustomizations as resources', async () => {
    const root = tree({
      'apps/a.yaml': cm('a'),
      'apps/nested/b.yml': cm('b'),
      'apps/base/kustomization.yaml': 'resources:\n- c.yaml\n',
      'apps/base/c.yaml': cm('c'),
      'apps/README.md': 'not yaml',
    });
    try {
      const out = await build(root, 'apps', { targetNamespace: 'prod', namePrefix: 'p-' });
      assert.deepEqual(out.map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`).sort(), [
        'prod/p-a',
        'prod/p-b',
        'prod/p-c',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
  it('typed scalars come out as JSON numbers and booleans', async () => {
    const root = tree({
      'k/kustomization.yaml': 'resources:\n- s.yaml\n',
      'k/s.yaml':
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 80\n  publishNotReadyAddresses: true\n',
    });
    try {
      const [svc] = await build(root, 'k', {});
      assert.deepEqual(svc?.['spec'], { ports: [{ port: 80 }], publishNotReadyAddresses: true });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
  it('spec.images replaces an entry of the same name and spec.patches are appended', async () => {
    const root = tree({
      'k/kustomization.yaml': 'resources:\n- d.yaml\nimages:\n- name: nginx\n  newTag: "1.0"\n',
      'k/d.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: nginx\n',
    });
    try {
      const [d] = await build(root, 'k', {
        images: [{ name: 'nginx', newTag: '2.0' }],
        patches: [
          {
            patch: '- op: add\n  path: /metadata/labels\n  value: {patched: "yes"}\n',
            target: { kind: 'Deployment' },
          },
        ],
      });
      assert.equal(
        (d?.['spec'] as { template: { spec: { containers: { image: string }[] } } }).template.spec
          .containers[0]?.image,
        'nginx:2.0',
      );
      assert.deepEqual(d?.metadata.labels, { patched: 'yes' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
  it('a remote component is refused', async () => {
    const root = tree({ 'k/a.yaml': cm('a') });
    try {
      await assert.rejects(
        build(root, 'k', { components: ['https://example.com/c'] }),
        /component path 'https:\/\/example.com\/c' must be local and relative/,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/** Largest gap between 10 ms timer ticks while `work` runs: how long the event loop was blocked. */
async function maxLoopGap<T>(work: () => Promise<T>): Promise<{ value: T; gapMs: number }> {
  let last = Date.now();
  let gapMs = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    gapMs = Math.max(gapMs, now - last);
    last = now;
  }, 10);
  try {
    const value = await work();
    return { value, gapMs: Math.max(gapMs, Date.now() - last) };
  } finally {
    clearInterval(timer);
  }
}

describe('builds in the worker pool', () => {
  const big = (n: number): string => {
    let y = '';
    for (let i = 0; i < n; i++)
      y += `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  a: "${i}"\n`;
    return y;
  };

  it('a slow build neither blocks the event loop nor holds up a small build', async (t) => {
    const root = tree({
      'big/all.yaml': big(3000),
      'big/kustomization.yaml': 'namePrefix: p-\ncommonLabels:\n  layer: big\nresources:\n- all.yaml\n',
      'small/kustomization.yaml': 'resources:\n- a.yaml\n',
      'small/a.yaml': cm('a'),
    });
    const pool = new WorkerPool({ size: 2 });
    try {
      const builder = pooledBuilder(pool);
      const order: string[] = [];
      const { value, gapMs } = await maxLoopGap(() =>
        Promise.all([
          builder.build({ root, path: 'big' }).then((o) => (order.push('big'), o)),
          builder.build({ root, path: 'small' }).then((o) => (order.push('small'), o)),
        ]),
      );
      assert.deepEqual(order, ['small', 'big']);
      assert.equal(value[0].length, 3000);
      assert.equal(value[0][0]?.metadata.name, 'p-c0');
      assert.deepEqual(value[1], [
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { replicas: '1' } },
      ]);
      // The same build on the calling thread is what the pool avoids.
      const inline = await maxLoopGap(() => nativeBuilder().build({ root, path: 'big' }));
      t.diagnostic(`longest event-loop stall: pooled ${gapMs} ms, inline ${inline.gapMs} ms`);
      // Relative, so a loaded CI machine slows both sides alike.
      assert.ok(gapMs * 2 < inline.gapMs, `pooled ${gapMs} ms vs inline ${inline.gapMs} ms`);
    } finally {
      await pool.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a build error comes back from the worker with the engine text', async () => {
    const root = tree({ 'k/kustomization.yaml': 'resources:\n- missing.yaml\n' });
    const pool = new WorkerPool({ size: 1 });
    try {
      await assert.rejects(pooledBuilder(pool).build({ root, path: 'k' }), /missing\.yaml/);
    } finally {
      await pool.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
