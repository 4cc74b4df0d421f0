import { join } from 'node:path';
import type { Artifact } from '../../../../api/meta/types.js';
import type { GitRepository } from '../../../../api/source/v1/git-repository.js';
import type { KubeObject } from '../../../../runtime/client/index.js';
import { gitRevision, sameRevision } from '../../../../runtime/artifact/index.js';
import { CheckoutCache, GitError, checkout, openAuth } from '../../../../runtime/git/index.js';
import type { CheckoutResult, GitAuth } from '../../../../runtime/git/index.js';
import { authFromSecret, decodeSecretData, proxyFromSecret } from '../auth.js';
import { contentConfigChanged, includesDiffer } from '../content-config.js';
import type { Step, StepContext } from '../context.js';
import { progressive } from '../context.js';
import { ReconcileError, generic, stalling, waiting } from '../errors.js';
import { verifySignature } from './verify.js';

/** The revision string Flux records for a checkout (absolute reference for ref.name). */
export function commitReference(obj: GitRepository, c: Pick<CheckoutResult, 'reference' | 'hash'>): string {
  return gitRevision(c.reference, c.hash, !!obj.spec.ref?.name);
}

/** Parses a Go duration like `60s`, `1m30s`, `500ms`. */
export function parseDuration(d: string | undefined, fallbackMs: number): number {
  if (!d) return fallbackMs;
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  for (const m of d.matchAll(/([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)/g))
    total += Number(m[1]) * (units[m[2] as string] ?? 0);
  return total || fallbackMs;
}

/**
 * Source: resolves proxy and auth Secrets, the include artifacts, then checks out the remote
 * (optimized: an unchanged remote revision with unchanged content config stops here with the
 * ignorable "no changes" error), validates sparse directories, verifies signatures, and notes a
 * new revision. Sets FetchFailed (URLInvalid, AuthenticationFailed, InvalidProviderConfiguration,
 * GitOperationFailed, EmptyGitRepository), IncludeUnavailable (NotFound, NoArtifact),
 * ArtifactOutdated (IncludeChange, NewRevision), SourceVerified, ArtifactInStorage (no-change path).
 */
export const reconcileSource: Step = async (ctx) => {
  const { obj, conditions } = ctx;
  if (conditions.isFalse('SourceVerified')) conditions.delete('SourceVerified');
  const proxyURL = await resolveProxy(ctx);
  let url: URL;
  try {
    url = new URL(obj.spec.url);
  } catch (err) {
    throw fetchFailed(
      ctx,
      stalling(`failed to parse url '${obj.spec.url}': ${(err as Error).message}`, 'URLInvalid'),
    );
  }
  const auth = await resolveAuth(ctx, url.toString(), proxyURL);
  ctx.includes = await fetchIncludes(ctx);
  if (includesDiffer(ctx.includes, obj.status?.includedArtifacts)) {
    const message = 'included artifacts differ from last observed includes';
    if (obj.status?.includedArtifacts) conditions.markTrue('ArtifactOutdated', 'IncludeChange', message);
    progressive(conditions, true, `building artifact: ${message}`);
    await ctx.patch();
  }
  conditions.delete('ArtifactOutdated');

  let commit = await gitCheckout(ctx, auth, true);
  if (commit.partial) {
    if (!contentConfigChanged(obj, ctx.includes)) {
      const rev = commitReference(obj, commit);
      const e = generic(
        `no changes since last reconcilation: observed revision '${rev}'`,
        'GitOperationSucceeded',
      );
      e.ignore = true;
      e.notification = false;
      e.event = 'Normal';
      conditions.delete('FetchFailed');
      conditions.markTrue('ArtifactInStorage', 'Succeeded', `stored artifact for revision '${rev}'`);
      ctx.commit = commit;
      throw e;
    }
    commit = await gitCheckout(ctx, auth, false);
  }
  ctx.commit = commit;
  conditions.delete('FetchFailed');
  await verifySignature(ctx);
  const rev = commitReference(obj, commit);
  if (!sameRevision(obj.status?.artifact?.revision, rev)) {
    const message = `new upstream revision '${rev}'`;
    if (obj.status?.artifact) conditions.markTrue('ArtifactOutdated', 'NewRevision', message);
    progressive(conditions, true, `building artifact: ${message}`);
    await ctx.patch();
  }
  return 'success';
};

function fetchFailed(ctx: StepContext, e: ReconcileError): ReconcileError {
  ctx.conditions.markTrue('FetchFailed', e.reason, e.message);
  return e;
}

async function getSecretData(ctx: StepContext, name: string): Promise<Record<string, string>> {
  const ns = ctx.obj.metadata.namespace ?? 'default';
  try {
    const s = await ctx.deps.client.get<{
      apiVersion: string;
      kind: string;
      metadata: { name: string };
      data?: Record<string, string>;
    }>({
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: ns,
      name,
    });
    return decodeSecretData(s.data);
  } catch (err) {
    throw new Error(`failed to get secret '${ns}/${name}': ${lowerFirst((err as Error).message)}`);
  }
}

async function resolveProxy(ctx: StepContext): Promise<string | undefined> {
  const ref = ctx.obj.spec.proxySecretRef;
  if (!ref) return undefined;
  try {
    const p = proxyFromSecret(await getSecretData(ctx, ref.name));
    if (typeof p !== 'string') throw new Error(p.error);
    return p;
  } catch (err) {
    throw fetchFailed(
      ctx,
      generic(`failed to configure proxy options: ${(err as Error).message}`, 'AuthenticationFailed'),
    );
  }
}

async function resolveAuth(ctx: StepContext, url: string, proxyURL: string | undefined): Promise<GitAuth> {
  const { obj } = ctx;
  const ns = obj.metadata.namespace ?? 'default';
  const provider = obj.spec.provider ?? 'generic';
  let data: Record<string, string> = {};
  if (obj.spec.secretRef) {
    try {
      data = await getSecretData(ctx, obj.spec.secretRef.name);
    } catch (err) {
      throw fetchFailed(ctx, generic((err as Error).message, 'AuthenticationFailed'));
    }
  }
  if (provider === 'github') {
    const msg = 'secretRef with github app data must be specified when provider is set to github';
    if (!obj.spec.secretRef) throw fetchFailed(ctx, stalling(msg, 'InvalidProviderConfiguration'));
    if (!data.githubAppID) throw fetchFailed(ctx, generic(msg, 'InvalidProviderConfiguration'));
    throw fetchFailed(
      ctx,
      stalling(
        "provider 'github' (GitHub App authentication) is not supported yet by Sluice",
        'InvalidProviderConfiguration',
      ),
    );
  }
  if (provider === 'azure') {
    if (obj.spec.serviceAccountName && !ctx.deps.featureGates?.ObjectLevelWorkloadIdentity) {
      throw fetchFailed(
        ctx,
        stalling(
          'to use spec.serviceAccountName for provider authentication please enable the ObjectLevelWorkloadIdentity feature gate in the controller',
          'FeatureGateDisabled',
        ),
      );
    }
    throw fetchFailed(
      ctx,
      stalling(
        "provider 'azure' (workload identity) is not supported yet by Sluice",
        'InvalidProviderConfiguration',
      ),
    );
  }
  if (data.githubAppID) {
    throw fetchFailed(
      ctx,
      generic(
        `secretRef '${ns}/${obj.spec.secretRef?.name ?? ''}' has github app data but provider is not set to github`,
        'InvalidProviderConfiguration',
      ),
    );
  }
  if (!obj.spec.secretRef) return proxyURL ? { proxyURL } : {};
  const auth = authFromSecret(url, data);
  if ('error' in auth)
    throw fetchFailed(
      ctx,
      generic(`failed to configure authentication options: ${auth.error}`, 'AuthenticationFailed'),
    );
  return proxyURL ? { ...auth, proxyURL } : auth;
}

async function fetchIncludes(ctx: StepContext): Promise<Artifact[]> {
  const { obj, deps, conditions } = ctx;
  const out: Artifact[] = [];
  const requeue = deps.requeueDependencyMs ?? 30_000;
  for (const incl of obj.spec.include ?? []) {
    const name = incl.repository.name;
    // From the informer cache when there is one (Flux reads GitRepositories through its cache).
    const ns = obj.metadata.namespace ?? 'default';
    const dep = deps.read
      ? ((await deps.read(ns, name)) as (GitRepository & KubeObject) | undefined)
      : await deps.client.getOrUndefined<GitRepository & KubeObject>({
          apiVersion: 'source.toolkit.fluxcd.io/v1',
          kind: 'GitRepository',
          namespace: ns,
          name,
        });
    if (!dep) {
      const e = waiting(
        `could not get resource for include '${name}': gitrepositories.source.toolkit.fluxcd.io "${name}" not found`,
        'NotFound',
        requeue,
      );
      conditions.markTrue('IncludeUnavailable', e.reason, e.message);
      throw e;
    }
    if (!dep.status?.artifact) {
      const e = waiting(`no artifact available for include '${name}'`, 'NoArtifact', requeue);
      conditions.markTrue('IncludeUnavailable', e.reason, e.message);
      throw e;
    }
    out.push(dep.status.artifact);
  }
  conditions.delete('IncludeUnavailable');
  return out;
}

async function gitCheckout(ctx: StepContext, auth: GitAuth, optimized: boolean): Promise<CheckoutResult> {
  const { obj, conditions, deps } = ctx;
  const session = await openAuth(obj.spec.url, auth);
  const last =
    optimized && conditions.isTrue('ArtifactInStorage') ? obj.status?.artifact?.revision : undefined;
  try {
    const res = await checkout({
      url: obj.spec.url,
      ref: obj.spec.ref,
      dir: join(ctx.dir, 'repo'),
      auth: session,
      timeoutMs: parseDuration(obj.spec.timeout, 60_000),
      recurseSubmodules: obj.spec.recurseSubmodules ?? false,
      ...(obj.spec.sparseCheckout ? { sparseCheckout: obj.spec.sparseCheckout } : {}),
      ...(last ? { lastObservedRevision: last } : {}),
      ...(deps.gitMaxBytes ? { maxBytes: deps.gitMaxBytes } : {}),
      ...(deps.checkoutCache
        ? { cache: { store: deps.checkoutCache, credentials: CheckoutCache.key({ ...auth }) } }
        : {}),
      needGitDir: !!obj.spec.verify,
    });
    if (!res) throw fetchFailed(ctx, generic('git repository is empty', 'EmptyGitRepository'));
    return res;
  } catch (err) {
    if (err instanceof ReconcileError) throw err;
    const msg = err instanceof GitError ? err.message : (err as Error).message;
    if (err instanceof GitError && err.code === 'sparse') {
      throw fetchFailed(ctx, generic(`failed to sparse checkout directories : ${msg}`, 'GitOperationFailed'));
    }
    throw fetchFailed(
      ctx,
      generic(`failed to checkout and determine revision: ${msg}`, 'GitOperationFailed'),
    );
  } finally {
    await session.close();
  }
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0]?.toLowerCase() + s.slice(1) : s;
}
