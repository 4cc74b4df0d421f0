/**
 * `flux bootstrap git` step by step: clone, write and commit the component manifests, push, install,
 * create the source Secret, write and commit the sync manifests, push, apply them and wait until the
 * GitRepository and the sync Kustomization are Ready. A re-run with nothing changed makes no commit.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installManifests, type InstallOptions } from '../../api/install/manifests.js';
import type { KubeClient, KubeObject } from '../../runtime/client/index.js';
import type { GitAuth } from '../../runtime/git/index.js';
import { redactURL } from '../../runtime/git/index.js';
import { upsert } from '../create/apply.js';
import { applyInstall, waitForDeployments } from '../install/apply.js';
import type { CliLogger } from '../output/logger.js';
import { refOf, requestReconcile, waitReady } from '../wait/ready.js';
import { componentsManifest, kustomizationManifest, syncManifest, syncObjects } from './layout.js';
import { BootstrapRepo, type Author } from './repo.js';

export interface BootstrapCredentials {
  readonly username?: string;
  readonly password?: string;
  readonly bearerToken?: string;
  readonly caCert?: string;
  readonly privateKey?: string;
  readonly knownHosts?: string;
}

export interface BootstrapGitOptions {
  readonly kube: KubeClient;
  readonly url: string;
  readonly branch: string;
  readonly path: string;
  /** GitRepository interval as Go prints it (1m0s). */
  readonly interval: string;
  readonly credentials: BootstrapCredentials;
  readonly install: InstallOptions;
  /**
   * `full` applies the whole install and waits for the Deployments (flux bootstrap); `crds` applies
   * only the namespace and CRDs, for controllers that run outside the cluster (`sluice up`).
   */
  readonly installMode: 'full' | 'crds';
  readonly secretName: string;
  readonly author: Author;
  readonly commitMessageAppendix?: string;
  readonly log: CliLogger;
  readonly timeoutMs: number;
}

export interface BootstrapResult {
  readonly componentsCommit?: string;
  readonly syncCommit?: string;
  readonly revision: string;
}

function gitAuth(c: BootstrapCredentials): GitAuth {
  return {
    ...(c.username !== undefined ? { username: c.username } : {}),
    ...(c.password !== undefined ? { password: c.password } : {}),
    ...(c.bearerToken ? { bearerToken: c.bearerToken } : {}),
    ...(c.caCert ? { caCert: c.caCert } : {}),
    ...(c.privateKey ? { sshIdentity: c.privateKey } : {}),
    ...(c.knownHosts ? { sshKnownHosts: c.knownHosts } : {}),
  };
}

/** The `flux-system` Secret the GitRepository authenticates with (never logged). */
export function sourceSecret(namespace: string, name: string, url: string, c: BootstrapCredentials): KubeObject {
  const data: Record<string, string> = {};
  if (url.startsWith('ssh://')) {
    if (c.privateKey) data.identity = c.privateKey;
    if (c.knownHosts) data.known_hosts = c.knownHosts;
    if (c.password) data.password = c.password;
  } else {
    if (c.bearerToken) data.bearerToken = c.bearerToken;
    else if (c.password) {
      data.username = c.username || 'git';
      data.password = c.password;
    }
    if (c.caCert) data['ca.crt'] = c.caCert;
  }
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace }, stringData: data } as KubeObject;
}

export async function bootstrapGit(o: BootstrapGitOptions): Promise<BootstrapResult> {
  const { log } = o;
  const ns = o.install.namespace;
  const shownUrl = redactURL(o.url);
  const work = await mkdtemp(join(tmpdir(), 'sluice-bootstrap-'));
  let repo: BootstrapRepo | undefined;
  try {
    log.actionf(`cloning branch "${o.branch}" from Git repository "${shownUrl}"`);
    repo = await BootstrapRepo.clone(o.url, o.branch, join(work, 'repo'), gitAuth(o.credentials));
    log.successf('cloned repository');

    const base = `${o.path.replace(/^\.?\/+/, '').replace(/\/+$/, '')}/${ns}`.replace(/^\//, '');
    const appendix = o.commitMessageAppendix ? `\n\n${o.commitMessageAppendix}` : '';
    log.actionf('generating component manifests');
    await repo.writeFile(`${base}/gotk-components.yaml`, componentsManifest(o.install));
    log.successf('generated component manifests');
    const publish = async (what: string, files: string[], message: string): Promise<string | undefined> => {
      const sha = await repo!.commit(files, `${message}${appendix}`, o.author);
      if (!sha) {
        log.successf(`${what} manifests are up to date`);
        return undefined;
      }
      log.successf(`committed ${what} manifests to "${o.branch}" ("${sha}")`);
      log.actionf(`pushing ${what} manifests to "${shownUrl}"`);
      await repo!.push();
      return sha;
    };
    const componentsCommit = await publish('component', [`${base}/gotk-components.yaml`], `Add Flux ${o.install.version} component manifests`);

    log.actionf(`installing components in "${ns}" namespace`);
    const all = installManifests(o.install) as unknown as KubeObject[];
    const objects = o.installMode === 'full' ? all : all.filter((x) => x.kind === 'Namespace' || x.kind === 'CustomResourceDefinition');
    await applyInstall(o.kube, objects, { timeoutMs: o.timeoutMs });
    log.successf('installed components');
    if (o.installMode === 'full') {
      await waitForDeployments(o.kube, objects, { timeoutMs: o.timeoutMs });
      log.successf('reconciled components');
    }

    log.actionf(`determining if source secret "${ns}/${o.secretName}" exists`);
    log.actionf('generating source secret');
    log.actionf(`applying source secret "${ns}/${o.secretName}"`);
    await upsert(o.kube, sourceSecret(ns, o.secretName, o.url, o.credentials));
    log.successf('reconciled source secret');

    const sync = { namespace: ns, url: o.url, branch: o.branch, path: o.path, interval: o.interval, secretName: o.secretName };
    log.actionf('generating sync manifests');
    await repo.writeFile(`${base}/gotk-sync.yaml`, syncManifest(sync));
    await repo.writeFile(`${base}/kustomization.yaml`, kustomizationManifest);
    log.successf('generated sync manifests');
    const syncCommit = await publish('sync', [`${base}/gotk-sync.yaml`, `${base}/kustomization.yaml`], 'Add Flux sync manifests');

    log.actionf('applying sync manifests');
    const [gitRepo, ks] = syncObjects(sync) as [KubeObject, KubeObject];
    for (const obj of [gitRepo, ks]) await o.kube.apply(obj, { force: true, fieldManager: 'flux' });
    log.successf('reconciled sync configuration');
    log.waitingf(`waiting for GitRepository "${ns}/${ns}" to be reconciled`);
    const repoAt = await requestReconcile(o.kube, refOf(gitRepo));
    await waitReady(o.kube, refOf(gitRepo), { timeoutMs: o.timeoutMs, intervalMs: 1000, requestedAt: repoAt });
    log.successf('GitRepository reconciled successfully');
    log.waitingf(`waiting for Kustomization "${ns}/${ns}" to be reconciled`);
    const ksAt = await requestReconcile(o.kube, refOf(ks));
    const ready = await waitReady(o.kube, refOf(ks), { timeoutMs: o.timeoutMs, intervalMs: 1000, requestedAt: ksAt });
    log.successf('Kustomization reconciled successfully');
    const revision = (ready as { status?: { lastAppliedRevision?: string } }).status?.lastAppliedRevision ?? '';
    return { ...(componentsCommit ? { componentsCommit } : {}), ...(syncCommit ? { syncCommit } : {}), revision };
  } finally {
    await repo?.close();
    await rm(work, { recursive: true, force: true });
  }
}
