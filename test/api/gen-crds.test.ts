/**
 * The committed CRDs in config/crd/bases are exactly what api/ generates, and the registry matches Flux 2.7.5.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { staleFiles } from '../../scripts/gen-crds.js';
import { fluxKinds, kindRegistry, lookupKind, storageVersionOf } from '../../api/registry.js';
import { toCustomResourceDefinition } from '../../api/meta/crd.js';

describe('generated CRDs', () => {
  it('config/crd/bases is up to date with api/ (run npm run gen:crds when this fails)', () => {
    assert.deepEqual(staleFiles(), []);
  });

  it('serves 14 kinds in 27 (kind, version) pairs with Flux 2.7.5 storage versions', () => {
    assert.equal(fluxKinds.length, 14);
    assert.equal(kindRegistry.length, 27);
    const storage = Object.fromEntries(fluxKinds.map((k) => [k.kind, storageVersionOf(k.kind)?.version]));
    assert.deepEqual(storage, {
      HelmRelease: 'v2',
      ImagePolicy: 'v1',
      ImageRepository: 'v1',
      ImageUpdateAutomation: 'v1',
      Kustomization: 'v1',
      Alert: 'v1beta3',
      Provider: 'v1beta3',
      Receiver: 'v1',
      Bucket: 'v1',
      ExternalArtifact: 'v1',
      GitRepository: 'v1',
      HelmChart: 'v1',
      HelmRepository: 'v1',
      OCIRepository: 'v1',
    });
  });

  it('looks up a kind by apiVersion and kind, and not a removed version', () => {
    assert.equal(lookupKind('source.toolkit.fluxcd.io/v1', 'GitRepository')?.plural, 'gitrepositories');
    assert.equal(lookupKind('source.toolkit.fluxcd.io/v1beta1', 'GitRepository'), undefined);
    assert.equal(lookupKind('helm.toolkit.fluxcd.io/v2beta1', 'HelmRelease'), undefined);
  });

  it('defaults status to observedGeneration -1 except where Flux has no status (v1beta3 Alert and Provider)', () => {
    for (const k of fluxKinds) {
      const crd = toCustomResourceDefinition(k);
      for (const v of crd.spec.versions) {
        const status = v.schema.openAPIV3Schema.properties?.['status'];
        const stateless = k.group.startsWith('notification') && v.name === 'v1beta3' && k.kind !== 'Receiver';
        if (stateless) {
          assert.equal(status, undefined, `${k.kind}/${v.name} has no status`);
          assert.equal(v.subresources, undefined);
        } else if (k.kind !== 'ExternalArtifact') {
          assert.deepEqual(status?.default, { observedGeneration: -1 }, `${k.kind}/${v.name}`);
          assert.deepEqual(v.subresources, { status: {} });
        }
      }
    }
  });

  it('marks every non-storage version deprecated with a warning, as Flux does', () => {
    for (const e of kindRegistry)
      assert.equal(e.deprecated, !e.storage && e.kind !== 'Receiver' ? true : e.deprecated);
    assert.deepEqual(
      kindRegistry.filter((e) => e.storage === e.deprecated).map((e) => `${e.apiVersion}/${e.kind}`),
      [],
    );
  });
});
