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
import { fluxCompatVersion, sluiceVersion } from '../version.js';

/** The image repository the Deployments run; the tag is the sluice version. */
export const defaultRegistry = 'ghcr.io/sluice';

interface InstallFlags {
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
    .description('render the in-cluster install of the Flux controllers (CRDs, RBAC, Deployments)')
    .option('--export', 'print the install manifests to stdout instead of applying them')
    .option('-n, --namespace <name>', 'namespace the controllers run in', 'flux-system')
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
    .action((flags: InstallFlags) => {
      if (!flags.export) {
        process.stderr.write(
          '✗ applying the install is not available yet: run `sluice install --export | kubectl apply --server-side -f -`\n',
        );
        process.exitCode = 1;
        return;
      }
      const o = optionsFromFlags(flags);
      process.stdout.write(renderManifests(installHeader(o), installManifests(o)));
    });
}
