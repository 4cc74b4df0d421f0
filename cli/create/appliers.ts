/** `create kustomization` and `create helmrelease`: the objects flux builds from its flags (pure). */
import type { KubeObject } from '../../runtime/client/index.js';
import { base, goDuration, parseCrossRef, parseDependsOn, requireFlag, type CommonFlags } from './common.js';

export interface KustomizationFlags extends CommonFlags {
  source?: string;
  path?: string;
  prune?: boolean;
  dependsOn?: string[];
  healthCheck?: string[];
  healthCheckTimeout?: string;
  wait?: boolean;
  targetNamespace?: string;
  serviceAccount?: string;
  decryptionProvider?: string;
  decryptionSecret?: string;
  kubeconfigSecretRef?: string;
  retryInterval?: string;
}

export const kustomizationSourceKinds = ['GitRepository', 'OCIRepository', 'Bucket'] as const;

export function kustomization(f: KustomizationFlags): KubeObject {
  const source = requireFlag('source', f.source, '--source=GitRepository/podinfo');
  const ref = parseCrossRef('source', source, kustomizationSourceKinds);
  const path = f.path ?? './';
  if (!path.startsWith('./') && path !== '.')
    throw new Error(`invalid --path '${path}': the path must start with ./`);
  const o = base('Kustomization', f);
  Object.assign(o.spec, {
    interval: goDuration('interval', f.interval ?? '1m'),
    path,
    prune: Boolean(f.prune),
    sourceRef: { kind: ref.kind, name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) },
  });
  if (f.dependsOn?.length) o.spec.dependsOn = f.dependsOn.map(parseDependsOn);
  if (f.healthCheck?.length) {
    o.spec.healthChecks = f.healthCheck.map((h) => {
      const m = /^([A-Za-z]+)\/([^.]+)\.(.+)$/.exec(h);
      if (!m)
        throw new Error(
          `invalid --health-check '${h}': use <kind>/<name>.<namespace>, e.g. Deployment/podinfo.default`,
        );
      const kind = m[1]!;
      const apiVersion =
        kind === 'HelmRelease'
          ? 'helm.toolkit.fluxcd.io/v2'
          : kind === 'Kustomization'
            ? 'kustomize.toolkit.fluxcd.io/v1'
            : 'apps/v1';
      return { apiVersion, kind, name: m[2]!, namespace: m[3]! };
    });
  }
  if (f.healthCheckTimeout) o.spec.timeout = goDuration('health-check-timeout', f.healthCheckTimeout);
  if (f.retryInterval) o.spec.retryInterval = goDuration('retry-interval', f.retryInterval);
  if (f.wait) o.spec.wait = true;
  if (f.targetNamespace) o.spec.targetNamespace = f.targetNamespace;
  if (f.serviceAccount) o.spec.serviceAccountName = f.serviceAccount;
  if (f.decryptionProvider) {
    if (f.decryptionProvider !== 'sops')
      throw new Error(`invalid --decryption-provider '${f.decryptionProvider}': only sops is supported`);
    o.spec.decryption = {
      provider: 'sops',
      ...(f.decryptionSecret ? { secretRef: { name: f.decryptionSecret } } : {}),
    };
  }
  if (f.kubeconfigSecretRef) o.spec.kubeConfig = { secretRef: { name: f.kubeconfigSecretRef } };
  return o;
}

export interface HelmReleaseFlags extends CommonFlags {
  source?: string;
  chart?: string;
  chartVersion?: string;
  chartRef?: string;
  releaseName?: string;
  targetNamespace?: string;
  storageNamespace?: string;
  createTargetNamespace?: boolean;
  dependsOn?: string[];
  serviceAccount?: string;
  reconcileStrategy?: string;
  chartInterval?: string;
  /** Already-parsed values (merged from --values files). */
  values?: Record<string, unknown>;
  valuesFrom?: string[];
  crds?: string;
  kubeconfigSecretRef?: string;
}

export const helmSourceKinds = ['HelmRepository', 'GitRepository', 'Bucket'] as const;

export function helmRelease(f: HelmReleaseFlags): KubeObject {
  const o = base('HelmRelease', f);
  o.spec.interval = goDuration('interval', f.interval ?? '1m');
  if (f.chartRef) {
    if (f.source || f.chart) throw new Error('--chart-ref cannot be combined with --source or --chart');
    const ref = parseCrossRef('chart-ref', f.chartRef, ['OCIRepository', 'HelmChart']);
    o.spec.chartRef = {
      kind: ref.kind,
      name: ref.name,
      ...(ref.namespace ? { namespace: ref.namespace } : {}),
    };
  } else {
    const source = requireFlag(
      'source',
      f.source,
      '--source=HelmRepository/podinfo (or --chart-ref=OCIRepository/podinfo)',
    );
    const chart = requireFlag('chart', f.chart, '--chart=podinfo');
    const ref = parseCrossRef('source', source, helmSourceKinds);
    const strategy = f.reconcileStrategy ?? 'ChartVersion';
    if (!['ChartVersion', 'Revision'].includes(strategy))
      throw new Error(`invalid --reconcile-strategy '${strategy}': use ChartVersion or Revision`);
    const spec: Record<string, unknown> = {
      chart,
      reconcileStrategy: strategy,
      sourceRef: { kind: ref.kind, name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) },
    };
    if (f.chartVersion) spec.version = f.chartVersion;
    if (f.chartInterval) spec.interval = goDuration('chart-interval', f.chartInterval);
    o.spec.chart = { spec };
  }
  if (f.releaseName) o.spec.releaseName = f.releaseName;
  if (f.targetNamespace) o.spec.targetNamespace = f.targetNamespace;
  if (f.storageNamespace) o.spec.storageNamespace = f.storageNamespace;
  if (f.createTargetNamespace || f.crds) {
    const install: Record<string, unknown> = {};
    if (f.createTargetNamespace) install.createNamespace = true;
    if (f.crds) install.crds = crdsPolicy(f.crds);
    o.spec.install = install;
    if (f.crds) o.spec.upgrade = { crds: crdsPolicy(f.crds) };
  }
  if (f.dependsOn?.length) o.spec.dependsOn = f.dependsOn.map(parseDependsOn);
  if (f.serviceAccount) o.spec.serviceAccountName = f.serviceAccount;
  if (f.values && Object.keys(f.values).length > 0) o.spec.values = f.values;
  if (f.valuesFrom?.length) {
    o.spec.valuesFrom = f.valuesFrom.map((v) => {
      const m = /^(Secret|ConfigMap)\/(.+)$/.exec(v);
      if (!m) throw new Error(`invalid --values-from '${v}': use Secret/<name> or ConfigMap/<name>`);
      return { kind: m[1]!, name: m[2]! };
    });
  }
  if (f.kubeconfigSecretRef) o.spec.kubeConfig = { secretRef: { name: f.kubeconfigSecretRef } };
  return o;
}

function crdsPolicy(v: string): string {
  if (!['Skip', 'Create', 'CreateReplace'].includes(v))
    throw new Error(`invalid --crds '${v}': use Skip, Create or CreateReplace`);
  return v;
}
