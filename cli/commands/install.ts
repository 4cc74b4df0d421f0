/**
 * `sluice install --export`: prints the in-cluster install (namespace, CRDs, RBAC, Services, NetworkPolicies and
 * six Deployments of one image), the equivalent of `flux install --export`.
 */
import type { Command } from 'commander';
import { stringify } from 'yaml';
import {
  defaultInstallOptions,
  installHeader,
  installManifests,
  type InstallOptions,
  type Manifest,
} from '../../api/install/manifests.js';
import { defaultComponents, defaultComponentsExtra } from '../../api/install/components.js';
import type { KubeObject } from '../../runtime/client/index.js';
import { applyInstall, waitForDeployments } from '../install/apply.js';
import { globalOptions, kubeClientFor } from '../kube/globals.js';
import { stderrLogger } from '../output/logger.js';
import { fluxCompatVersion, sluiceVersion } from '../version.js';

/** The image repository the Deployments run; the tag is the sluice version. */
export const defaultRegistry = 'ghcr.io/sluice';

export interface InstallFlags {
  export?: boolean;
  namespace: string;
  components: string[];
  componentsExtra: string[];
  registry: string;
  image?: string;
  imagePullSecret?: string;
  watchAllNamespaces: boolean;
  logLevel: string;
  networkPolicy: boolean;
  clusterDomain: string;
}

const list = (v: string): string[] =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

function bool(v: string): boolean {
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new Error(`invalid boolean '${v}', want true or false`);
}

/** Multi-document YAML with `---` separators, as `flux install --export` prints it. */
export function renderManifests(header: string, manifests: readonly Manifest[]): string {
  return (
    header +
    manifests.map((m) => '---\n' + stringify(m, { lineWidth: 0, aliasDuplicateObjects: false })).join('')
  );
}

export function optionsFromFlags(f: InstallFlags): InstallOptions {
  const image = f.image ?? `${f.registry}/sluice:v${sluiceVersion}`;
  return {
    ...defaultInstallOptions(image, fluxCompatVersion),
    namespace: f.namespace,
    components: f.components,
    componentsExtra: f.componentsExtra,
    logLevel: f.logLevel,
    watchAllNamespaces: f.watchAllNamespaces,
    networkPolicy: f.networkPolicy,
    clusterDomain: f.clusterDomain,
    ...(f.imagePullSecret ? { imagePullSecret: f.imagePullSecret } : {}),
  };
}

export function register(program: Command): void {
  program
    .command('install')
    .description('install or upgrade Flux: CRDs, RBAC and the controller Deployments (server-side apply)')
    .option('--export', 'print the install manifests to stdout instead of applying them')
    .option('--components <list>', 'controllers to install', list, [...defaultComponents])
    .option('--components-extra <list>', 'additional controllers to install', list, [
      ...defaultComponentsExtra,
    ])
    .option('--registry <url>', 'image repository prefix of the sluice image', defaultRegistry)
    .option('--image <ref>', 'full image reference, overriding --registry')
    .option('--image-pull-secret <name>', 'Secret the Deployments pull the image with')
    .option('--watch-all-namespaces <bool>', 'watch objects in all namespaces', bool, true)
    .option('--log-level <level>', 'controllers log level: debug, info or error', 'info')
    .option('--network-policy <bool>', 'restrict traffic to and from the controllers', bool, true)
    .option('--cluster-domain <domain>', 'internal cluster domain', 'cluster.local')
    .addHelpText(
      'after',
      '\nExamples:\n  sluice install\n  sluice install --components-extra= --network-policy=false\n  sluice install --export > gotk-components.yaml\n',
    )
    .action(async (flags: InstallFlags, cmd: Command) => {
      // --namespace is the global flag (as in flux): the namespace the controllers run in.
      const o = optionsFromFlags({ ...flags, namespace: globalOptions(cmd).namespace });
      if (flags.export) {
        process.stdout.write(renderManifests(installHeader(o), installManifests(o)));
        return;
      }
      await runInstall(cmd, o);
    });
}

/** `flux install` without --export: staged server-side apply, then wait for the Deployments. */
async function runInstall(cmd: Command, o: InstallOptions): Promise<void> {
  const g = globalOptions(cmd);
  const log = stderrLogger();
  log.generatef('generating manifests');
  const objects = installManifests(o) as unknown as KubeObject[];
  log.successf('manifests build completed');
  log.actionf(`installing components in ${o.namespace} namespace`);
  const kube = kubeClientFor(g);
  const changes = await applyInstall(kube, objects, { timeoutMs: g.timeoutMs });
  for (const e of changes.entries) process.stderr.write(`${e.subject} ${e.action}\n`);
  log.waitingf('verifying installation');
  await waitForDeployments(kube, objects, { timeoutMs: g.timeoutMs });
  for (const d of objects.filter((x) => x.kind === 'Deployment')) log.successf(`${d.metadata.name ?? ''}: deployment ready`);
  log.successf('install finished');
}
