import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KustomizeError } from './errors.js';
import type { FieldSpec, TransformerConfigData } from './field-spec.js';
import { compareGvk, mergeConfigs, mergeFieldSpecs, parseTransformerConfig } from './transformer-config.js';

const fs = (path: string, kind?: string, create?: boolean): FieldSpec => ({ path, ...(kind ? { kind } : {}), ...(create ? { create } : {}) });

test('field specs merge as kustomize FsSlice.MergeAll', async (t) => {
  const cases: { name: string; base: FieldSpec[]; add: FieldSpec[]; want: FieldSpec[] | 'conflict' }[] = [
    { name: 'a new path is appended', base: [fs('a')], add: [fs('b')], want: [fs('a'), fs('b')] },
    { name: 'an equal spec is dropped', base: [fs('a', 'X')], add: [fs('a', 'X')], want: [fs('a', 'X')] },
    {
      name: 'a general spec is dropped after a kind-specific one of the same path (the specific one is selected by it)',
      base: [fs('a', 'X')], add: [fs('a')], want: [fs('a', 'X')],
    },
    {
      name: 'a kind-specific spec is kept after a general one (the general one is not selected by its kind)',
      base: [fs('a')], add: [fs('a', 'X')], want: [fs('a'), fs('a', 'X')],
    },
    { name: 'a different create on a matched spec is a conflict', base: [fs('a', 'X')], add: [fs('a', 'X', true)], want: 'conflict' },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      if (c.want === 'conflict') assert.throws(() => mergeFieldSpecs(c.base, c.add), /conflicting fieldspecs/);
      else assert.deepEqual(mergeFieldSpecs(c.base, c.add), c.want);
    });
  }
});

test('GVKs sort by kind priority, then by group_version_kind with empty parts last', () => {
  const list = [{ kind: '' }, { kind: 'Deployment' }, { kind: 'Namespace' }, { kind: 'App' }, { kind: 'ValidatingWebhookConfiguration' }, { group: 'apps', kind: 'App' }];
  assert.deepEqual([...list].sort(compareGvk), [
    { kind: 'Namespace' }, { kind: 'Deployment' }, { group: 'apps', kind: 'App' }, { kind: 'App' }, { kind: '' }, { kind: 'ValidatingWebhookConfiguration' },
  ]);
});

test('config merges', async (t) => {
  await t.test('merging a config that adds nothing returns the first config itself', () => {
    const a: TransformerConfigData = { commonLabels: [fs('a')] };
    assert.equal(mergeConfigs(a, { commonLabels: [fs('a')] }), a);
  });
  await t.test('name back-references of an equal GVK merge their field specs', () => {
    const got = mergeConfigs(
      { nameReference: [{ kind: 'Secret', version: 'v1', fieldSpecs: [fs('x', 'A')] }] },
      { nameReference: [{ kind: 'Secret', version: 'v1', fieldSpecs: [fs('y', 'A')] }, { kind: 'Secret', fieldSpecs: [fs('z', 'A')] }] },
    );
    assert.deepEqual(got.nameReference, [
      { kind: 'Secret', version: 'v1', fieldSpecs: [fs('x', 'A'), fs('y', 'A')] },
      { kind: 'Secret', fieldSpecs: [fs('z', 'A')] },
    ]);
  });
  await t.test('a conflict names the failing list as kustomize does', () => {
    assert.throws(() => mergeConfigs({ images: [fs('a', 'X')] }, { images: [fs('a', 'X', true)] }),
      (e: unknown) => e instanceof KustomizeError && /failed to merge Images fieldSpec: conflicting fieldspecs/.test(e.message));
  });
});

test('configuration files are read strictly', async (t) => {
  const cases: { name: string; text: string; want: TransformerConfigData | RegExp }[] = [
    { name: 'an empty file is an empty config', text: '', want: {} },
    { name: 'field names match case-insensitively', text: 'CommonLabels:\n- path: a\n  Kind: X\n', want: { commonLabels: [fs('a', 'X')] } },
    { name: 'YAML 1.1 yes is a true create', text: 'images:\n- path: a\n  create: yes\n', want: { images: [fs('a', undefined, true)] } },
    { name: 'an unknown field is refused', text: 'image:\n- path: a\n', want: /unknown field "image"/ },
    { name: 'a quoted create is refused', text: 'images:\n- path: a\n  create: "true"\n', want: /create/ },
    { name: 'a number where a kind is expected is refused', text: 'images:\n- path: a\n  kind: 1\n', want: /kind/ },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      if (c.want instanceof RegExp) assert.throws(() => parseTransformerConfig(c.text, '/c.yaml'), c.want);
      else assert.deepEqual(parseTransformerConfig(c.text, '/c.yaml'), c.want);
    });
  }
});
