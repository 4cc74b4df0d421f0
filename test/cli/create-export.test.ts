/**
 * `sluice create … --export` prints the YAML flux prints: keys sorted as sigs.k8s.io/yaml sorts them,
 * Go durations (1m → 1m0s), only apiVersion/kind/metadata/spec, each document after `---`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from './run-cli.js';

const sluiceOut = runCli;

const golden: Array<{ name: string; args: string[]; want: string }> = [
  {
    name: 'source git with a branch and a label',
    args: [
      'create',
      'source',
      'git',
      'podinfo',
      '--url=https://github.com/stefanprodan/podinfo',
      '--branch=main',
      '--label=env=dev',
      '--export',
    ],
    want: `---
apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  labels:
    env: dev
  name: podinfo
  namespace: flux-system
spec:
  interval: 1m0s
  ref:
    branch: main
  url: https://github.com/stefanprodan/podinfo
`,
  },
  {
    name: 'source git with a semver tag range takes the tag over the default branch',
    args: [
      'create',
      'source',
      'git',
      'podinfo',
      '--url=https://github.com/stefanprodan/podinfo',
      '--tag-semver=>=3.2.0 <3.3.0',
      '--interval=30s',
      '--export',
      '-n',
      'apps',
    ],
    want: `---
apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  name: podinfo
  namespace: apps
spec:
  interval: 30s
  ref:
    semver: '>=3.2.0 <3.3.0'
  url: https://github.com/stefanprodan/podinfo
`,
  },
  {
    name: 'source oci',
    args: [
      'create',
      'source',
      'oci',
      'podinfo',
      '--url=oci://ghcr.io/stefanprodan/manifests/podinfo',
      '--tag=6.6.2',
      '--interval=10m',
      '--export',
    ],
    want: `---
apiVersion: source.toolkit.fluxcd.io/v1
kind: OCIRepository
metadata:
  name: podinfo
  namespace: flux-system
spec:
  interval: 10m0s
  ref:
    tag: 6.6.2
  url: oci://ghcr.io/stefanprodan/manifests/podinfo
`,
  },
  {
    name: 'source helm over OCI gets type oci',
    args: ['create', 'source', 'helm', 'podinfo', '--url=oci://ghcr.io/stefanprodan/charts', '--export'],
    want: `---
apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmRepository
metadata:
  name: podinfo
  namespace: flux-system
spec:
  interval: 1m0s
  type: oci
  url: oci://ghcr.io/stefanprodan/charts
`,
  },
  {
    name: 'source bucket',
    args: [
      'create',
      'source',
      'bucket',
      'podinfo',
      '--bucket-name=podinfo',
      '--endpoint=minio.minio.svc.cluster.local:9000',
      '--insecure',
      '--secret-ref=minio',
      '--export',
    ],
    want: `---
apiVersion: source.toolkit.fluxcd.io/v1
kind: Bucket
metadata:
  name: podinfo
  namespace: flux-system
spec:
  bucketName: podinfo
  endpoint: minio.minio.svc.cluster.local:9000
  insecure: true
  interval: 1m0s
  provider: generic
  secretRef:
    name: minio
`,
  },
  {
    name: 'source chart',
    args: [
      'create',
      'source',
      'chart',
      'podinfo',
      '--source=HelmRepository/podinfo',
      '--chart=podinfo',
      '--chart-version=>=6.0.0',
      '--export',
    ],
    want: `---
apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmChart
metadata:
  name: podinfo
  namespace: flux-system
spec:
  chart: podinfo
  interval: 1m0s
  reconcileStrategy: ChartVersion
  sourceRef:
    kind: HelmRepository
    name: podinfo
  version: '>=6.0.0'
`,
  },
  {
    name: 'kustomization with a cross-namespace source, dependsOn and a target namespace',
    args: [
      'create',
      'ks',
      'apps',
      '--source=GitRepository/repo.flux-system',
      '--path=./deploy',
      '--prune=true',
      '--depends-on=infra,kube-system/metallb',
      '--target-namespace=default',
      '--wait',
      '--interval=5m',
      '--export',
    ],
    want: `---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: apps
  namespace: flux-system
spec:
  dependsOn:
  - name: infra
  - name: metallb
    namespace: kube-system
  interval: 5m0s
  path: ./deploy
  prune: true
  sourceRef:
    kind: GitRepository
    name: repo
    namespace: flux-system
  targetNamespace: default
  wait: true
`,
  },
  {
    name: 'helmrelease from a HelmRepository',
    args: [
      'create',
      'hr',
      'podinfo',
      '--source=HelmRepository/podinfo',
      '--chart=podinfo',
      '--chart-version=>4.0.0',
      '--target-namespace=default',
      '--create-target-namespace',
      '--export',
    ],
    want: `---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: podinfo
  namespace: flux-system
spec:
  chart:
    spec:
      chart: podinfo
      reconcileStrategy: ChartVersion
      sourceRef:
        kind: HelmRepository
        name: podinfo
      version: '>4.0.0'
  install:
    createNamespace: true
  interval: 1m0s
  targetNamespace: default
`,
  },
  {
    name: 'helmrelease from a chartRef',
    args: ['create', 'hr', 'podinfo', '--chart-ref=OCIRepository/podinfo.flux-system', '--export'],
    want: `---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: podinfo
  namespace: flux-system
spec:
  chartRef:
    kind: OCIRepository
    name: podinfo
    namespace: flux-system
  interval: 1m0s
`,
  },
  {
    name: 'alert, alert-provider and receiver',
    args: [
      'create',
      'alert',
      'on-call',
      '--provider-ref=slack',
      '--event-severity=error',
      '--event-source=Kustomization/*,GitRepository/flux-system',
      '--export',
    ],
    want: `---
apiVersion: notification.toolkit.fluxcd.io/v1beta3
kind: Alert
metadata:
  name: on-call
  namespace: flux-system
spec:
  eventSeverity: error
  eventSources:
  - kind: Kustomization
    name: '*'
  - kind: GitRepository
    name: flux-system
  providerRef:
    name: slack
`,
  },
  {
    name: 'alert-provider',
    args: [
      'create',
      'alert-provider',
      'slack',
      '--type=slack',
      '--channel=general',
      '--secret-ref=webhook-url',
      '--export',
    ],
    want: `---
apiVersion: notification.toolkit.fluxcd.io/v1beta3
kind: Provider
metadata:
  name: slack
  namespace: flux-system
spec:
  channel: general
  secretRef:
    name: webhook-url
  type: slack
`,
  },
  {
    name: 'receiver',
    args: [
      'create',
      'receiver',
      'gh',
      '--type=github',
      '--event=ping',
      '--event=push',
      '--secret-ref=token',
      '--resource=GitRepository/webapp',
      '--export',
    ],
    want: `---
apiVersion: notification.toolkit.fluxcd.io/v1
kind: Receiver
metadata:
  name: gh
  namespace: flux-system
spec:
  events:
  - ping
  - push
  resources:
  - kind: GitRepository
    name: webapp
  secretRef:
    name: token
  type: github
`,
  },
  {
    name: 'image repository, policy and update',
    args: [
      'create',
      'image',
      'repository',
      'podinfo',
      '--image=ghcr.io/stefanprodan/podinfo',
      '--interval=5m',
      '--export',
    ],
    want: `---
apiVersion: image.toolkit.fluxcd.io/v1
kind: ImageRepository
metadata:
  name: podinfo
  namespace: flux-system
spec:
  image: ghcr.io/stefanprodan/podinfo
  interval: 5m0s
`,
  },
  {
    name: 'image policy with a numeric order and a tag filter',
    args: [
      'create',
      'image',
      'policy',
      'podinfo',
      '--image-ref=podinfo',
      '--select-numeric=asc',
      '--filter-regex=^main-[a-f0-9]+-(?P<ts>[0-9]+)',
      '--filter-extract=$ts',
      '--export',
    ],
    want: `---
apiVersion: image.toolkit.fluxcd.io/v1
kind: ImagePolicy
metadata:
  name: podinfo
  namespace: flux-system
spec:
  filterTags:
    extract: $ts
    pattern: ^main-[a-f0-9]+-(?P<ts>[0-9]+)
  imageRepositoryRef:
    name: podinfo
  policy:
    numerical:
      order: asc
`,
  },
  {
    name: 'image update',
    args: [
      'create',
      'image',
      'update',
      'latest',
      '--git-repo-ref=flux-system',
      '--git-repo-path=./clusters/dev',
      '--checkout-branch=main',
      '--push-branch=main',
      '--author-name=flux',
      '--author-email=flux@example.com',
      '--export',
    ],
    want: `---
apiVersion: image.toolkit.fluxcd.io/v1
kind: ImageUpdateAutomation
metadata:
  name: latest
  namespace: flux-system
spec:
  git:
    checkout:
      ref:
        branch: main
    commit:
      author:
        email: flux@example.com
        name: flux
    push:
      branch: main
  interval: 1m0s
  sourceRef:
    kind: GitRepository
    name: flux-system
  update:
    path: ./clusters/dev
    strategy: Setters
`,
  },
  {
    name: 'secret git with basic auth prints stringData',
    args: [
      'create',
      'secret',
      'git',
      'podinfo-auth',
      '--url=https://github.com/stefanprodan/podinfo',
      '-p',
      's3cr3t',
      '--export',
    ],
    want: `---
apiVersion: v1
kind: Secret
metadata:
  name: podinfo-auth
  namespace: flux-system
stringData:
  password: s3cr3t
  username: git
`,
  },
];

for (const c of golden) {
  test(`create --export: ${c.name}`, async () => {
    const r = await sluiceOut(c.args);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, c.want);
    assert.equal(r.code, 0);
  });
}

const refused: Array<{ name: string; args: string[]; error: RegExp }> = [
  {
    name: 'a git source without --url says which flag to add',
    args: ['create', 'source', 'git', 'x', '--export'],
    error: /--url is required, e\.g\. --url=/,
  },
  {
    name: 'an unsupported git scheme names the supported ones',
    args: ['create', 'source', 'git', 'x', '--url=ftp://h/r', '--export'],
    error: /can only be: ssh, http and https/,
  },
  {
    name: 'a kustomization path must be relative',
    args: ['create', 'ks', 'x', '--source=GitRepository/x', '--path=/abs', '--export'],
    error: /must start with \.\//,
  },
  {
    name: 'a source kind the kustomization cannot use is named',
    args: ['create', 'ks', 'x', '--source=HelmRepository/x', '--export'],
    error: /kind 'HelmRepository' is not one of GitRepository, OCIRepository, Bucket/,
  },
  {
    name: 'an image policy needs exactly one selector',
    args: ['create', 'image', 'policy', 'x', '--image-ref=x', '--export'],
    error: /exactly one of --select-semver/,
  },
  {
    name: 'a bad interval shows a Go duration example',
    args: ['create', 'source', 'helm', 'x', '--url=https://h', '--interval=soon', '--export'],
    error: /use a Go duration such as 30s/,
  },
];

for (const c of refused) {
  test(`create refuses: ${c.name}`, async () => {
    const r = await sluiceOut(c.args);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, c.error);
  });
}
