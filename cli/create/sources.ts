/** `create source git|oci|helm|bucket|chart`: the objects flux builds from its flags (pure). */
import type { KubeObject } from '../../runtime/client/index.js';
import { base, goDuration, parseCrossRef, requireFlag, type CommonFlags } from './common.js';

export interface SourceGitFlags extends CommonFlags {
  url?: string;
  branch?: string;
  tag?: string;
  tagSemver?: string;
  commit?: string;
  refName?: string;
  secretRef?: string;
  provider?: string;
  recurseSubmodules?: boolean;
  ignorePaths?: string[];
  sparseCheckoutPaths?: string[];
}

export function gitRepository(f: SourceGitFlags): KubeObject {
  const url = requireFlag('url', f.url, '--url=https://github.com/stefanprodan/podinfo');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`invalid --url '${url}': use http(s)://… or ssh://…`);
  }
  if (!['http:', 'https:', 'ssh:'].includes(parsed.protocol))
    throw new Error(
      `git URL scheme '${parsed.protocol.slice(0, -1)}' not supported, can only be: ssh, http and https`,
    );
  const o = base('GitRepository', f);
  const ref: Record<string, string> = {};
  if (f.commit) ref.commit = f.commit;
  if (f.refName) ref.name = f.refName;
  if (f.tagSemver) ref.semver = f.tagSemver;
  else if (f.tag) ref.tag = f.tag;
  else if (f.branch) ref.branch = f.branch;
  if (f.branch && f.commit) ref.branch = f.branch;
  Object.assign(o.spec, {
    interval: goDuration('interval', f.interval ?? '1m'),
    ref,
    url,
  });
  if (f.secretRef) o.spec.secretRef = { name: f.secretRef };
  if (f.provider && f.provider !== 'generic') o.spec.provider = f.provider;
  if (f.recurseSubmodules) o.spec.recurseSubmodules = true;
  if (f.ignorePaths?.length) o.spec.ignore = f.ignorePaths.join('\n');
  if (f.sparseCheckoutPaths?.length) o.spec.sparseCheckout = f.sparseCheckoutPaths;
  return o;
}

export interface SourceOciFlags extends CommonFlags {
  url?: string;
  tag?: string;
  tagSemver?: string;
  digest?: string;
  secretRef?: string;
  provider?: string;
  certRef?: string;
  insecure?: boolean;
  ignorePaths?: string[];
}

export function ociRepository(f: SourceOciFlags): KubeObject {
  const url = requireFlag('url', f.url, '--url=oci://ghcr.io/stefanprodan/manifests/podinfo');
  if (!url.startsWith('oci://')) throw new Error(`invalid --url '${url}': an OCI URL starts with oci://`);
  if (!f.tag && !f.tagSemver && !f.digest)
    throw new Error('one of --tag, --tag-semver or --digest is required');
  const o = base('OCIRepository', f);
  const ref: Record<string, string> = {};
  if (f.digest) ref.digest = f.digest;
  if (f.tagSemver) ref.semver = f.tagSemver;
  if (f.tag) ref.tag = f.tag;
  Object.assign(o.spec, { interval: goDuration('interval', f.interval ?? '1m'), ref, url });
  if (f.provider && f.provider !== 'generic') o.spec.provider = f.provider;
  if (f.secretRef) o.spec.secretRef = { name: f.secretRef };
  if (f.certRef) o.spec.certSecretRef = { name: f.certRef };
  if (f.insecure) o.spec.insecure = true;
  if (f.ignorePaths?.length) o.spec.ignore = f.ignorePaths.join('\n');
  return o;
}

export interface SourceHelmFlags extends CommonFlags {
  url?: string;
  secretRef?: string;
  passCredentials?: boolean;
  ociProvider?: string;
  certRef?: string;
}

export function helmRepository(f: SourceHelmFlags): KubeObject {
  const url = requireFlag('url', f.url, '--url=https://stefanprodan.github.io/podinfo');
  if (!/^(https?|oci):\/\//.test(url)) throw new Error(`invalid --url '${url}': use http(s)://… or oci://…`);
  const o = base('HelmRepository', f);
  Object.assign(o.spec, { interval: goDuration('interval', f.interval ?? '1m'), url });
  if (url.startsWith('oci://')) {
    o.spec.type = 'oci';
    if (f.ociProvider && f.ociProvider !== 'generic') o.spec.provider = f.ociProvider;
  }
  if (f.secretRef) o.spec.secretRef = { name: f.secretRef };
  if (f.certRef) o.spec.certSecretRef = { name: f.certRef };
  if (f.passCredentials) o.spec.passCredentials = true;
  return o;
}

export interface SourceBucketFlags extends CommonFlags {
  bucketName?: string;
  endpoint?: string;
  provider?: string;
  region?: string;
  insecure?: boolean;
  secretRef?: string;
  ignorePaths?: string[];
}

export function bucket(f: SourceBucketFlags): KubeObject {
  const bucketName = requireFlag('bucket-name', f.bucketName, '--bucket-name=podinfo');
  const endpoint = requireFlag('endpoint', f.endpoint, '--endpoint=minio.minio.svc.cluster.local:9000');
  const provider = f.provider ?? 'generic';
  if (!['generic', 'aws', 'gcp', 'azure'].includes(provider))
    throw new Error(`invalid --provider '${provider}': use generic, aws, gcp or azure`);
  const o = base('Bucket', f);
  Object.assign(o.spec, {
    bucketName,
    endpoint,
    interval: goDuration('interval', f.interval ?? '1m'),
    provider,
  });
  if (f.insecure) o.spec.insecure = true;
  if (f.region) o.spec.region = f.region;
  if (f.secretRef) o.spec.secretRef = { name: f.secretRef };
  if (f.ignorePaths?.length) o.spec.ignore = f.ignorePaths.join('\n');
  return o;
}

export interface SourceChartFlags extends CommonFlags {
  source?: string;
  chart?: string;
  chartVersion?: string;
  reconcileStrategy?: string;
}

export const chartSourceKinds = ['HelmRepository', 'GitRepository', 'Bucket'] as const;

export function helmChart(f: SourceChartFlags): KubeObject {
  const source = requireFlag('source', f.source, '--source=HelmRepository/podinfo');
  const chart = requireFlag('chart', f.chart, '--chart=podinfo');
  const ref = parseCrossRef('source', source, chartSourceKinds);
  const strategy = f.reconcileStrategy ?? 'ChartVersion';
  if (!['ChartVersion', 'Revision'].includes(strategy))
    throw new Error(`invalid --reconcile-strategy '${strategy}': use ChartVersion or Revision`);
  const o = base('HelmChart', f);
  Object.assign(o.spec, {
    chart,
    interval: goDuration('interval', f.interval ?? '1m'),
    reconcileStrategy: strategy,
    sourceRef: { kind: ref.kind, name: ref.name },
  });
  if (f.chartVersion) o.spec.version = f.chartVersion;
  return o;
}
