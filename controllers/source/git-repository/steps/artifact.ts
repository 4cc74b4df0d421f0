import { readdir, readlink } from 'node:fs/promises';
import { join, relative, resolve, sep, dirname } from 'node:path';
import { sameRevision } from '../../../../runtime/artifact/index.js';
import { contentConfigChanged, includesDiffer } from '../content-config.js';
import type { Step, StepContext } from '../context.js';
import { generic } from '../errors.js';
import { commitReference } from './source.js';

/**
 * Artifact: unless revision, includes and content config are unchanged (Trace ArtifactUpToDate),
 * archives the checkout with .sourceignore files and spec.ignore applied (in the archive worker
 * pool when there is one) and records artifact,
 * includedArtifacts and the observed* fields. Sets ArtifactInStorage (Succeeded) and
 * StorageOperationFailed (ArchiveOperationFailed, SourceIgnoreError, …); deletes ArtifactOutdated.
 */
export const reconcileArtifact: Step = async (ctx) => {
  const { obj, deps, conditions } = ctx;
  const status = (obj.status ??= {});
  const commit = ctx.commit;
  if (!commit) throw generic('no commit to archive', 'ArchiveOperationFailed');
  const ns = obj.metadata.namespace ?? 'default';
  const rev = commitReference(obj, commit);
  const artifact = deps.storage.newArtifactFor(
    'GitRepository',
    ns,
    obj.metadata.name ?? '',
    rev,
    `${commit.hash}.tar.gz`,
  );
  const upToDate = (): boolean =>
    sameRevision(status.artifact?.revision, artifact.revision) &&
    !includesDiffer(ctx.includes, status.includedArtifacts) &&
    !contentConfigChanged(obj, ctx.includes);
  try {
    if (upToDate()) {
      await deps.recordEvent(
        obj,
        'Trace',
        'ArtifactUpToDate',
        `artifact up-to-date with remote revision: '${status.artifact?.revision ?? ''}'`,
      );
      return 'success';
    }
    const repo = join(ctx.dir, 'repo');
    const fail = (message: string, reason: string): Error => {
      const e = generic(message, reason);
      conditions.markTrue('StorageOperationFailed', e.reason, e.message);
      return e;
    };
    const escaping = await findEscapingSymlink(repo);
    if (escaping)
      throw fail(
        `unable to archive artifact to storage: symlink '${escaping}' points outside the repository`,
        'ArchiveOperationFailed',
      );
    let ignoreError: string | undefined;
    try {
      ({ ignoreError } = await deps.storage.archiveIgnoring(artifact, repo, obj.spec.ignore, deps.archivePool));
    } catch (err) {
      throw fail(
        `unable to archive artifact to storage: ${(err as Error).message}`,
        'ArchiveOperationFailed',
      );
    }
    if (ignoreError !== undefined)
      throw generic(`failed to load source ignore patterns from repository: ${ignoreError}`, 'SourceIgnoreError');
    record(ctx, artifact);
    conditions.delete('StorageOperationFailed');
    return 'success';
  } finally {
    if (upToDate()) {
      conditions.delete('ArtifactOutdated');
      conditions.markTrue(
        'ArtifactInStorage',
        'Succeeded',
        `stored artifact for revision '${status.artifact?.revision ?? ''}'`,
      );
    }
  }
};

function record(
  ctx: StepContext,
  artifact: NonNullable<NonNullable<StepContext['obj']['status']>['artifact']>,
): void {
  const { obj } = ctx;
  const status = (obj.status ??= {});
  status.artifact = artifact;
  status.includedArtifacts = ctx.includes;
  if (obj.spec.ignore !== undefined) status.observedIgnore = obj.spec.ignore;
  else delete status.observedIgnore;
  status.observedRecurseSubmodules = obj.spec.recurseSubmodules ?? false;
  if (obj.spec.include) status.observedInclude = obj.spec.include;
  else delete status.observedInclude;
  if (obj.spec.sparseCheckout) status.observedSparseCheckout = obj.spec.sparseCheckout;
  else delete status.observedSparseCheckout;
}

/** The first symlink (outside .git) whose target resolves outside `root`, as a relative path. */
async function findEscapingSymlink(root: string, dir = root): Promise<string | undefined> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (dir === root && e.name === '.git') continue;
    if (e.isSymbolicLink()) {
      const target = resolve(dirname(p), await readlink(p));
      const rel = relative(root, target);
      if (rel.startsWith('..') || rel.startsWith(sep) || target === '/') return relative(root, p);
    } else if (e.isDirectory()) {
      const found = await findEscapingSymlink(root, p);
      if (found) return found;
    }
  }
  return undefined;
}
