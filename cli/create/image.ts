/** `create image repository|policy|update`: the objects flux builds from its flags (pure). */
import type { KubeObject } from '../../runtime/client/index.js';
import { base, goDuration, requireFlag, type CommonFlags } from './common.js';

export interface ImageRepositoryFlags extends CommonFlags {
  image?: string;
  secretRef?: string;
  certRef?: string;
  scanTimeout?: string;
}

export function imageRepository(f: ImageRepositoryFlags): KubeObject {
  const image = requireFlag('image', f.image, '--image=ghcr.io/stefanprodan/podinfo');
  if (/[:@]/.test(image.split('/').pop() ?? ''))
    throw new Error(`invalid --image '${image}': give the repository without a tag or digest`);
  const o = base('ImageRepository', f);
  if (f.certRef) o.spec.certSecretRef = { name: f.certRef };
  o.spec.image = image;
  o.spec.interval = goDuration('interval', f.interval ?? '1m');
  if (f.secretRef) o.spec.secretRef = { name: f.secretRef };
  if (f.scanTimeout) o.spec.timeout = goDuration('scan-timeout', f.scanTimeout);
  return o;
}

export interface ImagePolicyFlags extends CommonFlags {
  imageRef?: string;
  selectSemver?: string;
  selectAlpha?: string;
  selectNumeric?: string;
  filterRegex?: string;
  filterExtract?: string;
  reflectDigest?: string;
}

export function imagePolicy(f: ImagePolicyFlags): KubeObject {
  const ref = requireFlag('image-ref', f.imageRef, '--image-ref=podinfo');
  const chosen = [f.selectSemver, f.selectAlpha, f.selectNumeric].filter((x) => x !== undefined).length;
  if (chosen !== 1)
    throw new Error('give exactly one of --select-semver, --select-alpha or --select-numeric');
  const o = base('ImagePolicy', f);
  if (f.reflectDigest) {
    if (!['Never', 'IfNotPresent', 'Always'].includes(f.reflectDigest))
      throw new Error(`invalid --reflect-digest '${f.reflectDigest}': use Never, IfNotPresent or Always`);
    o.spec.digestReflectionPolicy = f.reflectDigest;
  }
  if (f.filterRegex)
    o.spec.filterTags = { pattern: f.filterRegex, ...(f.filterExtract ? { extract: f.filterExtract } : {}) };
  else if (f.filterExtract) throw new Error('--filter-extract needs --filter-regex');
  o.spec.imageRepositoryRef = { name: ref };
  if (f.interval) o.spec.interval = goDuration('interval', f.interval);
  const order = (flag: string, v: string): string => {
    if (v !== 'asc' && v !== 'desc') throw new Error(`invalid --${flag} '${v}': use asc or desc`);
    return v;
  };
  if (f.selectSemver !== undefined) o.spec.policy = { semver: { range: f.selectSemver } };
  else if (f.selectAlpha !== undefined)
    o.spec.policy = { alphabetical: { order: order('select-alpha', f.selectAlpha) } };
  else o.spec.policy = { numerical: { order: order('select-numeric', f.selectNumeric!) } };
  return o;
}

export interface ImageUpdateFlags extends CommonFlags {
  gitRepoRef?: string;
  gitRepoNamespace?: string;
  gitRepoPath?: string;
  checkoutBranch?: string;
  pushBranch?: string;
  commitTemplate?: string;
  authorName?: string;
  authorEmail?: string;
}

export function imageUpdateAutomation(f: ImageUpdateFlags): KubeObject {
  const repo = requireFlag('git-repo-ref', f.gitRepoRef, '--git-repo-ref=flux-system');
  const authorName = requireFlag('author-name', f.authorName, '--author-name=fluxbot');
  const authorEmail = requireFlag('author-email', f.authorEmail, '--author-email=fluxbot@example.com');
  const o = base('ImageUpdateAutomation', f);
  const git: Record<string, unknown> = {};
  if (f.checkoutBranch) git.checkout = { ref: { branch: f.checkoutBranch } };
  git.commit = {
    author: { email: authorEmail, name: authorName },
    ...(f.commitTemplate ? { messageTemplate: f.commitTemplate } : {}),
  };
  if (f.pushBranch) git.push = { branch: f.pushBranch };
  o.spec.git = git;
  o.spec.interval = goDuration('interval', f.interval ?? '1m');
  o.spec.sourceRef = {
    kind: 'GitRepository',
    name: repo,
    ...(f.gitRepoNamespace ? { namespace: f.gitRepoNamespace } : {}),
  };
  o.spec.update = { path: f.gitRepoPath ?? './', strategy: 'Setters' };
  return o;
}
