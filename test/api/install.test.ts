/**
 * `sluice install --export`: the rendered install has Flux's shape, and it applies with server-side apply on the
 * real control plane, after which the six controller Deployments exist.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { defaultInstallOptions, installManifests, type Manifest } from '../../api/install/manifests.js';
import { kubectl, kubectlJson } from '../harness/index.js';

const run = promisify(execFile);
const cliMain = fileURLToPath(new URL('../../cli/main.ts', import.meta.url));
const six = [
  'source-controller',
  'kustomize-controller',
  'helm-controller',
  'notification-controller',
  'image-reflector-controller',
  'image-automation-controller',
];

async function exportInstall(args: readonly string[]): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', cliMain, 'install', '--export', ...args],
    {
      maxBuffer: 32 * 1024 * 1024,
    },
  );
  return stdout;
}

const byKind = (ms: readonly Manifest[], kind: string): Manifest[] => ms.filter((m) => m.kind === kind);
const named = (ms: readonly Manifest[], kind: string, name: string): Manifest | undefined =>
  byKind(ms, kind).find((m) => m.metadata['name'] === name);

interface Container {
  args: string[];
  securityContext: Record<string, unknown>;
  livenessProbe?: unknown;
  readinessProbe?: unknown;
  resources: { limits: Record<string, string>; requests: Record<string, string> };
  image: string;
}
const containerOf = (d: Manifest): Container =>
  (d as unknown as { spec: { template: { spec: { containers: Container[] } } } }).spec.template.spec
    .containers[0]!;

describe('install manifests', () => {
  const ms = installManifests(defaultInstallOptions('example.invalid/sluice:v0', 'v2.7.5'));

  it('creates flux-system with the restricted pod-security warning labels', () => {
    const ns = named(ms, 'Namespace', 'flux-system');
    assert.deepEqual(
      (ns?.metadata['labels'] as Record<string, string>)['pod-security.kubernetes.io/warn'],
      'restricted',
    );
    assert.equal(
      (ns?.metadata['labels'] as Record<string, string>)['pod-security.kubernetes.io/warn-version'],
      'latest',
    );
  });

  it('has the 14 CRDs, the six ServiceAccounts and the six Deployments of one image', () => {
    assert.equal(byKind(ms, 'CustomResourceDefinition').length, 14);
    assert.deepEqual(
      byKind(ms, 'ServiceAccount').map((m) => m.metadata['name']),
      six,
    );
    const deployments = byKind(ms, 'Deployment');
    assert.deepEqual(
      deployments.map((m) => m.metadata['name']),
      six,
    );
    assert.equal(new Set(deployments.map((d) => containerOf(d).image)).size, 1);
  });

  it('runs each Deployment with its own --controllers, a restricted security context, probes and resources', () => {
    for (const d of byKind(ms, 'Deployment')) {
      const c = containerOf(d);
      const name = String(d.metadata['name']);
      assert.ok(
        c.args.includes(`--controllers=${name.replace(/-controller$/, '')}`),
        `${name}: ${c.args.join(' ')}`,
      );
      assert.deepEqual(c.securityContext, {
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      assert.ok(c.livenessProbe && c.readinessProbe);
      assert.deepEqual(c.resources.limits, { cpu: '1000m', memory: '1Gi' });
      assert.equal((d.metadata['labels'] as Record<string, string>)['app.kubernetes.io/part-of'], 'flux');
      assert.equal((d.metadata['labels'] as Record<string, string>)['app.kubernetes.io/component'], name);
    }
  });

  it('binds cluster-admin to kustomize-controller and helm-controller only, as the seed describes', () => {
    const crb = named(ms, 'ClusterRoleBinding', 'cluster-reconciler-flux-system') as unknown as {
      roleRef: unknown;
      subjects: unknown[];
    };
    assert.deepEqual(crb.roleRef, {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'cluster-admin',
    });
    assert.deepEqual(crb.subjects, [
      { kind: 'ServiceAccount', name: 'kustomize-controller', namespace: 'flux-system' },
      { kind: 'ServiceAccount', name: 'helm-controller', namespace: 'flux-system' },
    ]);
    assert.ok(named(ms, 'ClusterRole', 'crd-controller-flux-system'));
  });

  it('exposes source-controller :80 → http, notification-controller and webhook-receiver, and three NetworkPolicies', () => {
    const svc = named(ms, 'Service', 'source-controller') as unknown as { spec: { ports: unknown[] } };
    assert.deepEqual(svc.spec.ports, [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }]);
    assert.ok(named(ms, 'Service', 'notification-controller'));
    const wh = named(ms, 'Service', 'webhook-receiver') as unknown as {
      spec: { ports: Array<{ targetPort: string }> };
    };
    assert.equal(wh.spec.ports[0]?.targetPort, 'http-webhook');
    assert.deepEqual(
      byKind(ms, 'NetworkPolicy').map((m) => m.metadata['name']),
      ['allow-egress', 'allow-scraping', 'allow-webhooks'],
    );
  });

  it('drops the image controllers and their CRDs with an empty --components-extra', async () => {
    const docs = parseAllDocuments(await exportInstall(['--components-extra', ''])).map(
      (d) => d.toJS() as Manifest,
    );
    assert.equal(byKind(docs, 'Deployment').length, 4);
    assert.equal(byKind(docs, 'CustomResourceDefinition').length, 11);
  });

  it('rejects an unknown component', async () => {
    await assert.rejects(exportInstall(['--components', 'source-controller,tf-controller']), /tf-controller/);
  });
});

describe('install manifests on the real control plane', () => {
  const ns = `sluice-install-${randomBytes(3).toString('hex')}`;
  after(async () => {
    await kubectl(['delete', 'namespace', ns, '--wait=false', '--ignore-not-found']);
    for (const n of [`crd-controller-${ns}`, `flux-edit-${ns}`, `flux-view-${ns}`])
      await kubectl(['delete', 'clusterrole', n, '--ignore-not-found']);
    for (const n of [`crd-controller-${ns}`, `cluster-reconciler-${ns}`])
      await kubectl(['delete', 'clusterrolebinding', n, '--ignore-not-found']);
  });

  it('applies with kubectl apply --server-side and the six Deployments exist', async () => {
    const yaml = await exportInstall(['--namespace', ns]);
    await kubectl(['apply', '--server-side', '--force-conflicts', '-f', '-'], { input: yaml });
    const list = await kubectlJson<{ items: Array<{ metadata: { name: string } }> }>([
      'get',
      'deployments',
      '-n',
      ns,
    ]);
    assert.deepEqual(list.items.map((d) => d.metadata.name).sort(), [...six].sort());
  });
});
