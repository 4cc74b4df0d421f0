/** The `create` command tree: one subcommand per kind, each with flux's flags and examples. */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import type { KubeObject } from '../../runtime/client/index.js';
import { globalOptions, kubeClientFor } from '../kube/globals.js';
import { stderrLogger } from '../output/logger.js';
import { applyAndWait } from './apply.js';
import { helmRelease, kustomization } from './appliers.js';
import type { CommonFlags } from './common.js';
import { imagePolicy, imageRepository, imageUpdateAutomation } from './image.js';
import { scanKnownHosts } from './known-hosts.js';
import { alert, provider, receiver } from './notification.js';
import { gitSecret } from './secret.js';
import { bucket, gitRepository, helmChart, helmRepository, ociRepository } from './sources.js';
import { exportYaml } from './yaml.js';

type Flags = Record<string, unknown> & { export?: boolean; label?: string[]; interval?: string };

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];
const csv = (v: string, prev: string[] = []): string[] => [
  ...prev,
  ...v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

function leaf(parent: Command, name: string, description: string, examples: string[]): Command {
  return parent
    .command(name)
    .description(description)
    .argument('<name>', 'name of the object')
    .option('--export', 'export in YAML format to stdout', false)
    .option('--interval <duration>', 'source sync interval')
    .option('--label <key=value>', 'set labels on the resource (can be repeated)', collect)
    .addHelpText('after', `\nExamples:\n${examples.map((e) => `  ${e}`).join('\n')}\n`);
}

type Build = (f: Flags & CommonFlags, cmd: Command) => Promise<KubeObject[]> | KubeObject[];

function run(build: Build) {
  return async (name: string, flags: Flags, cmd: Command): Promise<void> => {
    const g = globalOptions(cmd);
    const common = {
      ...flags,
      name,
      namespace: g.namespace,
      labels: flags.label,
      interval: flags.interval,
    } as Flags & CommonFlags;
    const log = stderrLogger();
    if (!flags.export) log.generatef(`generating ${name}`);
    const objs = await build(common, cmd);
    if (flags.export) {
      process.stdout.write(exportYaml(objs));
      return;
    }
    await applyAndWait(kubeClientFor(g), objs, log, g.timeoutMs);
  };
}

async function readValues(files: string[] = []): Promise<Record<string, unknown> | undefined> {
  if (files.length === 0) return undefined;
  let out: Record<string, unknown> = {};
  for (const f of files) {
    const v = parseYaml(await readFile(f, 'utf8')) as unknown;
    if (v === null || v === undefined) continue;
    if (typeof v !== 'object' || Array.isArray(v))
      throw new Error(`--values file ${f} must hold a YAML mapping`);
    out = mergeValues(out, v as Record<string, unknown>);
  }
  return out;
}

function mergeValues(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] =
      prev &&
      typeof prev === 'object' &&
      !Array.isArray(prev) &&
      v &&
      typeof v === 'object' &&
      !Array.isArray(v)
        ? mergeValues(prev as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

function sourceCommands(create: Command): void {
  const source = create.command('source').description('create or update sources');
  leaf(source, 'git', 'create or update a GitRepository source', [
    'sluice create source git podinfo --url=https://github.com/stefanprodan/podinfo --branch=master',
    'sluice create source git podinfo --url=https://github.com/stefanprodan/podinfo --tag-semver=">=3.2.0 <3.3.0" --export',
  ])
    .option('--url <url>', 'git address, e.g. ssh://git@host/org/repository')
    .option('--branch <name>', 'git branch', 'master')
    .option('--tag <tag>', 'git tag')
    .option('--tag-semver <range>', 'git tag semver range')
    .option('--commit <sha>', 'git commit')
    .option('--ref-name <ref>', 'git reference name, e.g. refs/heads/main')
    .option('-u, --username <name>', 'basic authentication username')
    .option('-p, --password <password>', 'basic authentication password')
    .option('--secret-ref <name>', 'the name of an existing secret containing SSH or basic credentials')
    .option('--provider <name>', 'the Git provider: generic, azure or github', 'generic')
    .option('--recurse-submodules', 'include Git submodules in the artifact', false)
    .option('--ignore-paths <paths>', 'paths to ignore in the source (comma separated)', csv)
    .option('--sparse-checkout-paths <paths>', 'paths to check out (comma separated)', csv)
    .action(
      run(async (f) => {
        const git = gitRepository({ ...f, ignorePaths: f.ignorePaths as string[] | undefined });
        if (f.export) return [git];
        const url = new URL(String(f.url));
        const spec = (git as unknown as { spec: Record<string, unknown> }).spec;
        if (!f.secretRef && url.protocol === 'ssh:')
          throw new Error(
            `an ssh URL needs credentials: create them with \`sluice create secret git ${f.name} --url=${String(f.url)} --private-key-file=<key>\` and pass --secret-ref=${f.name}`,
          );
        if (!f.secretRef && f.username && f.password) {
          const secret = gitSecret({
            name: f.name,
            namespace: f.namespace,
            url: String(f.url),
            username: String(f.username),
            password: String(f.password),
          });
          spec.secretRef = { name: f.name };
          return [secret, git];
        }
        return [git];
      }),
    );
  leaf(source, 'oci', 'create or update an OCIRepository source', [
    'sluice create source oci podinfo --url=oci://ghcr.io/stefanprodan/manifests/podinfo --tag=6.6.2 --interval=10m',
  ])
    .option('--url <url>', 'the OCI repository URL')
    .option('--tag <tag>', 'the OCI artifact tag')
    .option('--tag-semver <range>', 'the OCI artifact tag semver range')
    .option('--digest <digest>', 'the OCI artifact digest')
    .option('--secret-ref <name>', 'the name of the Kubernetes image pull secret')
    .option('--cert-ref <name>', 'the name of a secret with TLS certificates')
    .option('--provider <name>', 'the OCI provider: generic, aws, azure or gcp', 'generic')
    .option('--insecure', 'allow connecting to an insecure (HTTP) registry', false)
    .option('--ignore-paths <paths>', 'paths to ignore (comma separated)', csv)
    .action(run((f) => [ociRepository(f)]));
  leaf(source, 'helm', 'create or update a HelmRepository source', [
    'sluice create source helm podinfo --url=https://stefanprodan.github.io/podinfo',
    'sluice create source helm podinfo --url=oci://ghcr.io/stefanprodan/charts/podinfo --export',
  ])
    .option('--url <url>', 'Helm repository address')
    .option('--secret-ref <name>', 'the name of an existing secret containing TLS or basic credentials')
    .option('--cert-ref <name>', 'the name of a secret with TLS certificates')
    .option('--pass-credentials', 'pass credentials to all domains', false)
    .option(
      '--oci-provider <name>',
      'the provider for OCI repositories: generic, aws, azure or gcp',
      'generic',
    )
    .action(run((f) => [helmRepository(f)]));
  leaf(source, 'bucket', 'create or update a Bucket source', [
    'sluice create source bucket podinfo --bucket-name=podinfo --endpoint=minio.minio.svc.cluster.local:9000 --insecure=true --secret-ref=minio-credentials',
  ])
    .option('--bucket-name <name>', 'the bucket name')
    .option('--endpoint <host>', 'the bucket endpoint address')
    .option('--provider <name>', 'the S3 compatible storage provider: generic, aws, gcp or azure', 'generic')
    .option('--region <region>', 'the bucket region')
    .option('--insecure', 'for when a secure connection is not required', false)
    .option('--secret-ref <name>', 'the name of an existing secret containing credentials')
    .option('--ignore-paths <paths>', 'paths to ignore (comma separated)', csv)
    .action(run((f) => [bucket(f)]));
  leaf(source, 'chart', 'create or update a HelmChart source', [
    'sluice create source chart podinfo --source=HelmRepository/podinfo --chart=podinfo --chart-version=">=6.0.0"',
  ])
    .option(
      '--source <kind/name>',
      'source that contains the chart: HelmRepository/<name>, GitRepository/<name> or Bucket/<name>',
    )
    .option('--chart <name>', 'Helm chart name or path')
    .option(
      '--chart-version <version>',
      'Helm chart version, accepts a semver range (ignored for charts from Git or Bucket)',
    )
    .option(
      '--reconcile-strategy <strategy>',
      'what enables a new artifact: ChartVersion or Revision',
      'ChartVersion',
    )
    .action(run((f) => [helmChart(f)]));
}

export function registerCreate(program: Command): void {
  const create = program
    .command('create')
    .description('create or update sources and resources')
    .addHelpText(
      'after',
      '\nExamples:\n  sluice create source git podinfo --url=https://github.com/stefanprodan/podinfo --export\n  sluice create kustomization podinfo --source=GitRepository/podinfo --path=./kustomize --prune=true\n',
    );
  sourceCommands(create);
  workloadCommands(create);
  notificationCommands(create);
  imageCommands(create);
  secretCommands(create);
}

const bool = (v: string): boolean => {
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new Error(`invalid boolean '${v}', want true or false`);
};

function workloadCommands(create: Command): void {
  leaf(create, 'kustomization', 'create or update a Kustomization resource', [
    'sluice create kustomization podinfo --source=GitRepository/podinfo --path="./kustomize" --prune=true --interval=5m',
    'sluice create ks podinfo --source=OCIRepository/podinfo.flux-system --target-namespace=default --export',
  ])
    .alias('ks')
    .option(
      '--source <kind/name.namespace>',
      'source that contains the Kubernetes manifests, e.g. GitRepository/podinfo',
    )
    .option('--path <path>', 'path to the directory containing a kustomization.yaml file', './')
    .option('--prune [bool]', 'enable garbage collection', (v: string) => bool(v), false)
    .option(
      '--depends-on <names>',
      'Kustomizations that must be ready before this one, namespace/name (comma separated)',
      csv,
    )
    .option(
      '--health-check <refs>',
      'workloads to be included in the health assessment, <kind>/<name>.<namespace>',
      csv,
    )
    .option('--health-check-timeout <duration>', 'timeout of the health checking operations')
    .option(
      '--wait [bool]',
      'enable health checking of all the applied resources',
      (v: string) => bool(v),
      false,
    )
    .option('--target-namespace <ns>', 'overrides the namespace of all Kustomization objects')
    .option('--service-account <name>', 'the name of the service account to impersonate')
    .option('--decryption-provider <name>', 'decryption provider: sops')
    .option(
      '--decryption-secret <name>',
      'the name of the Kubernetes secret that contains the decryption keys',
    )
    .option(
      '--kubeconfig-secret-ref <name>',
      'the name of the Kubernetes Secret holding a kubeconfig for a remote cluster',
    )
    .option(
      '--retry-interval <duration>',
      'the interval at which to retry a previously failed reconciliation',
    )
    .action(run((f) => [kustomization(f)]));
  leaf(create, 'helmrelease', 'create or update a HelmRelease resource', [
    'sluice create hr podinfo --source=HelmRepository/podinfo --chart=podinfo --chart-version=">4.0.0"',
    'sluice create hr podinfo --chart-ref=OCIRepository/podinfo.flux-system --target-namespace=default --export',
  ])
    .alias('hr')
    .option(
      '--source <kind/name.namespace>',
      'source that contains the chart: HelmRepository, GitRepository or Bucket',
    )
    .option('--chart <name>', 'Helm chart name or path')
    .option('--chart-version <version>', 'Helm chart version, accepts a semver range')
    .option(
      '--chart-ref <kind/name.namespace>',
      'Helm chart reference: OCIRepository/<name> or HelmChart/<name>',
    )
    .option(
      '--release-name <name>',
      'name used for the Helm release, defaults to a composition of [<target-namespace>-]<HelmRelease-name>',
    )
    .option('--target-namespace <ns>', 'namespace to install this release')
    .option('--storage-namespace <ns>', 'namespace to store the Helm release')
    .option('--create-target-namespace', 'create the target namespace if it does not exist', false)
    .option(
      '--depends-on <names>',
      'HelmReleases that must be ready before this one, namespace/name (comma separated)',
      csv,
    )
    .option('--service-account <name>', 'the name of the service account to impersonate')
    .option(
      '--reconcile-strategy <strategy>',
      'what enables a new chart artifact: ChartVersion or Revision',
      'ChartVersion',
    )
    .option('--chart-interval <duration>', 'the interval of which to check for new chart versions')
    .option('--values <files>', 'local path to values.yaml files (comma separated, merged in order)', csv)
    .option('--values-from <refs>', 'Secret/<name> or ConfigMap/<name> holding values (comma separated)', csv)
    .option('--crds <policy>', 'upgrade CRDs policy: Skip, Create or CreateReplace')
    .option(
      '--kubeconfig-secret-ref <name>',
      'the name of the Kubernetes Secret holding a kubeconfig for a remote cluster',
    )
    .action(
      run(async (f) => [helmRelease({ ...f, values: await readValues(f.values as string[] | undefined) })]),
    );
}

function notificationCommands(create: Command): void {
  leaf(create, 'alert', 'create or update an Alert resource', [
    'sluice create alert --event-severity info --event-source Kustomization/flux-system --provider-ref slack flux-system',
  ])
    .option('--provider-ref <name>', 'reference to the provider')
    .option('--event-severity <severity>', 'severity of events to send alerts for: info or error')
    .option(
      '--event-source <kind/name>',
      'sources that should generate alerts, <kind>/<name> (repeatable, comma separated)',
      csv,
    )
    .action(run((f) => [alert(f)]));
  leaf(create, 'alert-provider', 'create or update a Provider resource', [
    'sluice create alert-provider slack --type slack --channel general --address https://hooks.slack.com/services/… --secret-ref webhook-url',
  ])
    .option('--type <type>', 'type of provider, e.g. slack, msteams, generic')
    .option('--channel <channel>', 'channel to be used by the provider')
    .option('--username <name>', 'bot username used by the provider')
    .option('--address <url>', 'path to either the git repository, chat provider or webhook')
    .option('--secret-ref <name>', 'name of the secret containing the provider details')
    .action(run((f) => [provider(f)]));
  leaf(create, 'receiver', 'create or update a Receiver resource', [
    'sluice create receiver github-receiver --type github --event ping --event push --secret-ref webhook-token --resource GitRepository/webapp',
  ])
    .option('--type <type>', 'type of receiver, e.g. github, gitlab, generic')
    .option('--secret-ref <name>', 'name of the secret containing the token')
    .option('--event <events>', 'events the receiver accepts (repeatable, comma separated)', csv)
    .option(
      '--resource <kind/name>',
      'resources to annotate, <kind>/<name> (repeatable, comma separated)',
      csv,
    )
    .action(run((f) => [receiver(f)]));
}

function imageCommands(create: Command): void {
  const image = create
    .command('image')
    .description('create or update resources dealing with image automation');
  leaf(image, 'repository', 'create or update an ImageRepository object', [
    'sluice create image repository podinfo --image=ghcr.io/stefanprodan/podinfo --interval=1m',
  ])
    .option('--image <repository>', 'the image repository to scan, e.g. docker.io/library/alpine')
    .option('--secret-ref <name>', 'the name of a secret holding image registry credentials')
    .option('--cert-ref <name>', 'the name of a secret holding TLS certificates')
    .option('--scan-timeout <duration>', 'timeout for each scan')
    .action(run((f) => [imageRepository(f)]));
  leaf(image, 'policy', 'create or update an ImagePolicy object', [
    "sluice create image policy podinfo --image-ref=podinfo --select-semver='>=1.0.0' --filter-regex='^[0-9]+\\.[0-9]+\\.[0-9]+$'",
  ])
    .option('--image-ref <name>', 'the name of an image repository object')
    .option('--select-semver <range>', 'a semver range to apply to tags')
    .option('--select-alpha <order>', 'use alphabetical sorting to select an image: asc or desc')
    .option('--select-numeric <order>', 'use numeric sorting to select an image: asc or desc')
    .option('--filter-regex <regex>', 'regular expression pattern used to filter the image tags')
    .option(
      '--filter-extract <replacement>',
      'replacement pattern (using capture groups from --filter-regex) to use for sorting',
    )
    .option('--reflect-digest <policy>', 'the digest reflection policy: Never, IfNotPresent or Always')
    .action(run((f) => [imagePolicy(f)]));
  leaf(image, 'update', 'create or update an ImageUpdateAutomation object', [
    'sluice create image update latest-images --git-repo-ref=flux-system --git-repo-path="./clusters/my-cluster" --checkout-branch=main --author-name=flux --author-email=flux@example.com',
  ])
    .option(
      '--git-repo-ref <name>',
      'the name of a GitRepository resource with details of the upstream Git repository',
    )
    .option('--git-repo-namespace <ns>', 'the namespace of the GitRepository resource')
    .option('--git-repo-path <path>', 'path to the directory containing the manifests to be updated', './')
    .option('--checkout-branch <branch>', 'the branch to checkout')
    .option('--push-branch <branch>', 'the branch to push commits to')
    .option('--commit-template <template>', 'a template for commit messages')
    .option('--author-name <name>', 'the name to use for commit author')
    .option('--author-email <email>', 'the email to use for commit author')
    .action(run((f) => [imageUpdateAutomation(f)]));
}

function secretCommands(create: Command): void {
  const secret = create.command('secret').description('create or update Kubernetes secrets');
  leaf(secret, 'git', 'create or update a Kubernetes secret for Git authentication', [
    'sluice create secret git podinfo-auth --url=https://github.com/stefanprodan/podinfo --username=git --password=<token> --export',
    'sluice create secret git podinfo-auth --url=ssh://git@github.com/stefanprodan/podinfo --private-key-file=./id_ed25519',
  ])
    .option('--url <url>', 'git address, e.g. ssh://git@host/org/repository')
    .option('-u, --username <name>', 'basic authentication username', 'git')
    .option(
      '-p, --password <password>',
      'basic authentication password (or the passphrase of the private key)',
    )
    .option('--bearer-token <token>', 'bearer token used for authentication')
    .option('--ca-crt-file <path>', 'path to a TLS CA certificate file for HTTPS')
    .option(
      '--private-key-file <path>',
      'path to a passwordless private key file used for authenticating to the Git SSH server',
    )
    .action(
      run(async (f) => {
        const url = String(f.url ?? '');
        const ssh = url.startsWith('ssh://');
        const privateKey = f.privateKeyFile ? await readFile(String(f.privateKeyFile), 'utf8') : undefined;
        return [
          gitSecret({
            name: f.name,
            namespace: f.namespace,
            labels: f.labels,
            url,
            username: ssh ? undefined : (f.username as string | undefined),
            password: f.password as string | undefined,
            bearerToken: f.bearerToken as string | undefined,
            caCrt: f.caCrtFile ? await readFile(String(f.caCrtFile), 'utf8') : undefined,
            privateKey,
            knownHosts: ssh && privateKey ? await scanKnownHosts(url) : undefined,
          }),
        ];
      }),
    );
}
