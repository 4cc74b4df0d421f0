/**
 * `sluice bootstrap git`: flux bootstrap against any Git server over http(s) (basic or bearer token) or ssh.
 * Writes <path>/flux-system/{gotk-components,gotk-sync,kustomization}.yaml, commits, pushes, installs,
 * creates the `flux-system` Secret and waits for the sync Kustomization; re-runs are idempotent.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { defaultComponents, defaultComponentsExtra } from '../../api/install/components.js';
import { bootstrapGit, type BootstrapCredentials } from '../bootstrap/run.js';
import { goDuration } from '../create/common.js';
import { scanKnownHosts } from '../create/known-hosts.js';
import { globalOptions, kubeClientFor } from '../kube/globals.js';
import { stderrLogger } from '../output/logger.js';
import { defaultRegistry, optionsFromFlags } from './install.js';

interface BootstrapFlags {
  url?: string;
  branch: string;
  path: string;
  interval: string;
  username: string;
  password?: string;
  withBearerToken: boolean;
  allowInsecureHttp: boolean;
  silent: boolean;
  privateKeyFile?: string;
  caFile?: string;
  secretName: string;
  authorName: string;
  authorEmail: string;
  commitMessageAppendix?: string;
  components: string[];
  componentsExtra: string[];
  registry: string;
  imagePullSecret?: string;
  watchAllNamespaces: boolean;
  networkPolicy: boolean;
  logLevel: string;
  clusterDomain: string;
}

const list = (v: string): string[] => v.split(',').map((s) => s.trim()).filter(Boolean);
const bool = (v: string): boolean => {
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new Error(`invalid boolean '${v}', want true or false`);
};

async function credentials(f: BootstrapFlags, url: URL): Promise<BootstrapCredentials> {
  const password = f.password ?? process.env.GIT_PASSWORD;
  const caCert = f.caFile ? await readFile(f.caFile, 'utf8') : undefined;
  if (url.protocol === 'ssh:') {
    if (!f.privateKeyFile)
      throw new Error('an ssh URL needs --private-key-file=<path> with a key that has write access to the repository');
    return {
      privateKey: await readFile(f.privateKeyFile, 'utf8'),
      knownHosts: await scanKnownHosts(url.href),
      ...(password ? { password } : {}),
    };
  }
  if (url.protocol === 'http:' && !f.allowInsecureHttp)
    throw new Error(`scheme "http" is insecure: pass --allow-insecure-http=true to use ${url.host} without TLS`);
  if (!password) throw new Error('--password (or $GIT_PASSWORD) is required for http(s) URLs: a password or an access token with write access');
  return {
    ...(f.withBearerToken ? { bearerToken: password } : { username: f.username, password }),
    ...(caCert ? { caCert } : {}),
  };
}

export function register(program: Command): void {
  const bootstrap = program
    .command('bootstrap')
    .description('deploy Flux on a cluster the GitOps way: the install is committed to a Git repository');
  bootstrap
    .command('git')
    .description('deploy Flux on a cluster connected to a Git repository')
    .option('--url <url>', 'Git repository URL: ssh://, http:// or https://')
    .option('--branch <name>', 'Git branch', 'main')
    .option('--path <path>', 'path relative to the repository root, when specified the cluster sync will be scoped to this path', '')
    .option('--interval <duration>', 'sync interval', '1m0s')
    .option('-u, --username <name>', 'basic authentication username', 'git')
    .option('-p, --password <password>', 'basic authentication password or token (or $GIT_PASSWORD)')
    .option('--with-bearer-token', 'use the password as a bearer token for Git authentication', false)
    .option('--allow-insecure-http [bool]', 'allows insecure HTTP connections', (v: string) => bool(v), false)
    .option('-s, --silent', 'assume yes to all questions', false)
    .option('--private-key-file <path>', 'path to a private key file used for authenticating to the Git SSH server')
    .option('--ca-file <path>', 'path to a TLS CA file used for validating self-signed certificates')
    .option('--secret-name <name>', 'name of the secret the sync credentials can be found in or stored to', 'flux-system')
    .option('--author-name <name>', 'author name for Git commits', 'Flux')
    .option('--author-email <email>', 'author email for Git commits', '')
    .option('--commit-message-appendix <text>', 'string to add to the commit messages, e.g. [ci skip]')
    .option('--components <list>', 'list of components', list, [...defaultComponents])
    .option('--components-extra <list>', 'list of components in addition to those supplied or defaulted', list, [...defaultComponentsExtra])
    .option('--registry <url>', 'container registry where the sluice image is published', defaultRegistry)
    .option('--image-pull-secret <name>', 'Kubernetes secret name used for pulling the controller image')
    .option('--watch-all-namespaces <bool>', 'watch for custom resources in all namespaces', bool, true)
    .option('--network-policy <bool>', 'setup Kubernetes network policies to deny ingress access to the controllers from other namespaces', bool, true)
    .option('--log-level <level>', 'log level: debug, info or error', 'info')
    .option('--cluster-domain <domain>', 'internal cluster domain', 'cluster.local')
    .addHelpText(
      'after',
      `
Examples:
  # Bootstrap over HTTPS with a token (read from $GIT_PASSWORD rather than the command line)
  GIT_PASSWORD=<token> sluice bootstrap git --url=https://example.com/org/fleet --branch=main --path=clusters/my-cluster

  # Bootstrap with a bearer token
  sluice bootstrap git --url=https://example.com/org/fleet --password=<token> --with-bearer-token --path=clusters/my-cluster

  # Bootstrap over SSH with an existing deploy key
  sluice bootstrap git --url=ssh://git@example.com/org/fleet --private-key-file=./id_ed25519 --path=clusters/my-cluster
`,
    )
    .action(async (f: BootstrapFlags, cmd: Command) => {
      if (!f.url) throw new Error('--url is required, e.g. --url=https://example.com/org/fleet');
      let url: URL;
      try {
        url = new URL(f.url);
      } catch {
        throw new Error(`invalid --url '${f.url}': use ssh://, http:// or https://`);
      }
      if (!['ssh:', 'http:', 'https:'].includes(url.protocol))
        throw new Error(`git URL scheme '${url.protocol.slice(0, -1)}' not supported, can only be: ssh, http and https`);
      const g = globalOptions(cmd);
      const install = optionsFromFlags({ ...f, namespace: g.namespace });
      const log = stderrLogger();
      log.actionf(`connecting to ${url.protocol}//${url.host}`);
      await bootstrapGit({
        kube: kubeClientFor(g),
        url: f.url,
        branch: f.branch,
        path: f.path,
        interval: goDuration('interval', f.interval),
        credentials: await credentials(f, url),
        install,
        installMode: 'full',
        secretName: f.secretName,
        author: { name: f.authorName, email: f.authorEmail },
        ...(f.commitMessageAppendix ? { commitMessageAppendix: f.commitMessageAppendix } : {}),
        log,
        timeoutMs: g.timeoutMs,
      });
      log.successf('bootstrap finished');
    });
}
