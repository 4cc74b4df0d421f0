import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeObject } from '../../runtime/client/index.js';
import { generateKustomization, nativeBuilder } from './builder.js';

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
