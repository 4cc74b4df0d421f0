import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryFileSystem } from '../fs/index.js';
import { Kustomizer, KustomizeError } from './index.js';
import { loadAllScenarios } from '../../test/kustomize/scenario-modules.js';

const scenarios = await loadAllScenarios();

for (const s of scenarios) {
  test(`kustomize scenario: ${s.name}`, () => {
    const fs = MemoryFileSystem.fromFiles(s.files);
    const opts = s.loadRestrictor === 'none' ? { loadRestrictions: 'none' as const } : {};
    const build = (): string => Kustomizer.run(fs, '/' + (s.dir ?? ''), opts).yaml;
    if (s.error) {
      assert.throws(build, (err: unknown) => err instanceof KustomizeError && (s.error as RegExp).test(err.message));
      return;
    }
    const out = build();
    const expected = s.expected ?? s.recorded;
    assert.ok(expected !== undefined, `no expected output: run node --import tsx test/kustomize/record-expected.ts ${s.module}`);
    assert.equal(out, expected);
  });
}

test('helmCharts is refused with a clear not-supported error', () => {
  const fs = MemoryFileSystem.fromFiles({ 'kustomization.yaml': 'helmCharts:\n- name: x\n' });
  assert.throws(() => Kustomizer.run(fs, '/'), /helmCharts are not supported/);
});

test('a symlink that leaves the root is refused', () => {
  const fs = MemoryFileSystem.fromFiles({ 'app/kustomization.yaml': 'resources:\n- link.yaml\n', 'secret.yaml': 'x: 1\n' });
  fs.symlink('../../secret.yaml', '/app/link.yaml');
  assert.throws(() => Kustomizer.run(fs, '/app'), (err: unknown) => err instanceof KustomizeError && err.code === 'security');
});

test('reads are bounded by maxFileBytes', () => {
  const fs = MemoryFileSystem.fromFiles({ 'kustomization.yaml': 'resources:\n- big.yaml\n', 'big.yaml': 'a: ' + 'x'.repeat(2000) });
  assert.throws(() => Kustomizer.run(fs, '/', { maxFileBytes: 1000 }), /larger than 1000 bytes/);
});
