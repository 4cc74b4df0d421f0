import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../client/index.js';
import { ChangeSet, entryFor } from './changeset.js';
import { cleanupPatch, kustomizeCleanupOptions } from './cleanup.js';
import { hasDrifted } from './drift.js';
import { isImmutableError } from './errors.js';
import { anyInMetadata, exclusionSelector } from './metadata.js';
import { normalize } from './normalize.js';
import { isClusterDefinition, isKindClass, sortObjects } from './sort.js';

const o = (apiVersion: string, kind: string, name: string, namespace?: string): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name, ...(namespace ? { namespace } : {}) },
});

describe('apply order', () => {
  it("sorts known kinds in Flux's order, unknown kinds by group then kind, webhooks last", () => {
    const objs = [
      o('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', 'v'),
      o('networking.k8s.io/v1', 'Ingress', 'i', 'b'),
      o('apps/v1', 'Deployment', 'd', 'a'),
      o('v1', 'Service', 's', 'a'),
      o('example.com/v1', 'Widget', 'w', 'a'),
      o('v1', 'ConfigMap', 'c2', 'b'),
      o('v1', 'ConfigMap', 'c1', 'b'),
      o('v1', 'ConfigMap', 'c', 'a'),
      o('v1', 'Namespace', 'a'),
      o('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'widgets.example.com'),
      o('rbac.authorization.k8s.io/v1', 'ClusterRole', 'cr'),
      o('networking.k8s.io/v1', 'IngressClass', 'ic'),
      o('v1', 'ServiceAccount', 'sa', 'a'),
    ];
    assert.deepEqual(
      sortObjects(objs).map((x) => `${x.kind}/${x.metadata.namespace ?? ''}/${x.metadata.name ?? ''}`),
      [
        'CustomResourceDefinition//widgets.example.com',
        'Namespace//a',
        'ClusterRole//cr',
        'IngressClass//ic',
        'ServiceAccount/a/sa',
        'ConfigMap/a/c',
        'ConfigMap/b/c1',
        'ConfigMap/b/c2',
        'Service/a/s',
        'Deployment/a/d',
        'Widget/a/w',
        'Ingress/b/i',
        'ValidatingWebhookConfiguration//v',
      ],
    );
  });
  it('stage 1 holds CRDs, Namespaces and ClusterRoles; stage 2 every *Class kind', () => {
    assert.equal(isClusterDefinition(o('v1', 'Namespace', 'n')), true);
    assert.equal(isClusterDefinition(o('rbac.authorization.k8s.io/v1', 'ClusterRole', 'r')), true);
    assert.equal(isClusterDefinition(o('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'r')), false);
    assert.equal(isKindClass(o('gateway.networking.k8s.io/v1', 'GatewayClass', 'g')), true);
    assert.equal(isKindClass(o('v1', 'ConfigMap', 'c')), false);
  });
});

describe('change set', () => {
  it('prints one "<Kind>/<ns>/<name> <action>" line per entry, cluster-scoped without namespace', () => {
    const cs = new ChangeSet().add(
      entryFor(o('v1', 'Namespace', 'n'), 'created'),
      entryFor(o('apps/v1', 'Deployment', 'd', 'n'), 'configured'),
    );
    assert.equal(cs.toString(), 'Namespace/n created\nDeployment/n/d configured');
    assert.equal(cs.entries[1]?.group, 'apps');
    assert.equal(cs.entries[1]?.version, 'v1');
  });
});

describe('drift', () => {
  const live: KubeObject = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'c', resourceVersion: '5', labels: { a: '1', b: '2' } },
    data: { k: 'v' },
  };
  it('identical dry-run and live object is no drift', () =>
    assert.equal(hasDrifted(live, structuredClone(live)), false));
  it('a new object (no resourceVersion in the dry-run) is drift', () =>
    assert.equal(hasDrifted(undefined, { ...live, metadata: { name: 'c' } }), true));
  it('a changed data value is drift', () =>
    assert.equal(hasDrifted(live, { ...live, data: { k: 'w' } }), true));
  it('a changed label value is drift', () =>
    assert.equal(hasDrifted(live, { ...live, metadata: { ...live.metadata, labels: { a: 'x' } } }), true));
  it('labels the dry-run does not mention are not drift (DeepDerivative)', () =>
    assert.equal(hasDrifted(live, { ...live, metadata: { ...live.metadata, labels: { a: '1' } } }), false));
  it('status differences are not drift', () =>
    assert.equal(hasDrifted(live, { ...live, status: { x: 1 } }), false));
});

describe('metadata cleanup', () => {
  it('removes kubectl annotations and hands kubectl fields to our manager', () => {
    const obj: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'c',
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', keep: 'x' },
        labels: { 'fluxcd.io/sync-gc-mark': 'y' },
        managedFields: [
          { manager: 'kustomize-controller', operation: 'Apply', fieldsV1: { 'f:data': { 'f:a': {} } } },
          {
            manager: 'kubectl-client-side-apply',
            operation: 'Update',
            fieldsV1: { 'f:data': { 'f:b': {} } },
          },
          { manager: 'kube-controller-manager', operation: 'Update', fieldsV1: { 'f:x': {} } },
          { manager: 'kubectl', operation: 'Update', subresource: 'status', fieldsV1: {} },
        ],
      },
    };
    assert.deepEqual(
      cleanupPatch(obj, kustomizeCleanupOptions('kustomize-controller'), 'kustomize-controller'),
      [
        { op: 'remove', path: '/metadata/annotations/kubectl.kubernetes.io~1last-applied-configuration' },
        { op: 'remove', path: '/metadata/labels/fluxcd.io~1sync-gc-mark' },
        {
          op: 'replace',
          path: '/metadata/managedFields',
          value: [
            { manager: 'kube-controller-manager', operation: 'Update', fieldsV1: { 'f:x': {} } },
            { manager: 'kubectl', operation: 'Update', subresource: 'status', fieldsV1: {} },
            {
              manager: 'kustomize-controller',
              operation: 'Apply',
              fieldsV1: { 'f:data': { 'f:a': {}, 'f:b': {} } },
            },
          ],
        },
      ],
    );
  });
  it('nothing to clean up is an empty patch', () => {
    const obj: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', managedFields: [{ manager: 'kustomize-controller', operation: 'Apply' }] },
    };
    assert.deepEqual(
      cleanupPatch(obj, kustomizeCleanupOptions('kustomize-controller'), 'kustomize-controller'),
      [],
    );
  });
});

describe('normalize', () => {
  it('folds Secret stringData into base64 data', () => {
    const s = normalize({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data: { a: 'eA==' },
      stringData: { b: 'y' },
    });
    assert.deepEqual(s['data'], { a: 'eA==', b: 'eQ==' });
    assert.equal('stringData' in s, false);
  });
  it('defaults port protocols to TCP on workloads and Services, and drops status', () => {
    const d = normalize({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd', creationTimestamp: null as unknown as string },
      spec: { template: { spec: { containers: [{ name: 'c', ports: [{ containerPort: 80 }] }] } } },
      status: { replicas: 1 },
    });
    assert.deepEqual(d['spec'], {
      template: { spec: { containers: [{ name: 'c', ports: [{ containerPort: 80, protocol: 'TCP' }] }] } },
    });
    assert.equal('status' in d, false);
    assert.equal('creationTimestamp' in d.metadata, false);
    const svc = normalize({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: { ports: [{ port: 53, protocol: 'UDP' }, { port: 80 }] },
    });
    assert.deepEqual(svc['spec'], {
      ports: [
        { port: 53, protocol: 'UDP' },
        { port: 80, protocol: 'TCP' },
      ],
    });
  });
});

describe('selectors and errors', () => {
  it('match labels or annotations case-insensitively', () => {
    assert.equal(
      anyInMetadata(
        { metadata: { labels: { 'kustomize.toolkit.fluxcd.io/reconcile': 'disabled' } } },
        exclusionSelector,
      ),
      true,
    );
    assert.equal(
      anyInMetadata(
        { metadata: { annotations: { 'kustomize.toolkit.fluxcd.io/ssa': 'IGNORE' } } },
        exclusionSelector,
      ),
      true,
    );
    assert.equal(
      anyInMetadata(
        { metadata: { annotations: { 'kustomize.toolkit.fluxcd.io/ssa': 'Merge' } } },
        exclusionSelector,
      ),
      false,
    );
  });
  it('immutable errors are recognised by wording too', () => {
    assert.equal(isImmutableError(new Error('spec.selector: field is immutable')), true);
    assert.equal(isImmutableError(new Error('forbidden')), false);
  });
});
