import { join, relative, resolve, sep } from 'node:path';
import type { Step } from '../context.js';
import { generic } from '../errors.js';

/**
 * Include: copies each included artifact's fromPath subtree to toPath (default: the included
 * repository's name) inside the checkout. Sets StorageOperationFailed (IllegalPath, CopyFailure);
 * deletes IncludeUnavailable.
 */
export const reconcileInclude: Step = async (ctx) => {
  const { obj, conditions, deps } = ctx;
  const repo = join(ctx.dir, 'repo');
  for (const [i, incl] of (obj.spec.include ?? []).entries()) {
    const name = incl.repository.name;
    const toPath = incl.toPath ?? name;
    const fromPath = incl.fromPath ?? '';
    const target = resolve(repo, toPath.replace(/^\/+/, ''));
    const rel = relative(repo, target);
    if (rel === '' || rel.startsWith('..') || rel.startsWith(sep)) {
      const e = generic(
        `path calculation for include '${name}' failed: path '${toPath}' is outside the repository`,
        'IllegalPath',
      );
      conditions.markTrue('StorageOperationFailed', e.reason, e.message);
      throw e;
    }
    const artifact = ctx.includes[i];
    try {
      if (!artifact) throw new Error('no artifact');
      await deps.storage.copyToPath(artifact, fromPath, target);
    } catch (err) {
      const e = generic(
        `failed to copy '${name}' include from ${fromPath || '.'} to ${toPath}: ${(err as Error).message}`,
        'CopyFailure',
      );
      conditions.markTrue('StorageOperationFailed', e.reason, e.message);
      throw e;
    }
  }
  conditions.delete('IncludeUnavailable');
  return 'success';
};
