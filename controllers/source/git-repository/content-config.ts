import type { Artifact } from '../../../api/meta/types.js';
import type { GitRepository, GitRepositoryInclude } from '../../../api/source/v1/git-repository.js';
import { sameRevision } from '../../../runtime/artifact/index.js';

/** Normalised verification mode: `head` is accepted as an alias of `HEAD`. */
export function verificationMode(obj: GitRepository): 'HEAD' | 'Tag' | 'TagAndHEAD' | undefined {
  const m = obj.spec.verify?.mode;
  if (!obj.spec.verify) return undefined;
  if (m === 'Tag' || m === 'TagAndHEAD') return m;
  return 'HEAD';
}

/** Verification must run again: never observed, or the mode now asks for more than was verified. */
export function requiresVerification(obj: GitRepository): boolean {
  const mode = verificationMode(obj);
  if (!mode) return false;
  const observed = obj.status?.sourceVerificationMode;
  if (!observed) return true;
  if (observed === 'Tag' && (mode === 'HEAD' || mode === 'TagAndHEAD')) return true;
  if ((observed === 'HEAD' || observed === 'head') && (mode === 'Tag' || mode === 'TagAndHEAD')) return true;
  return false;
}

export function includeEqual(a: GitRepositoryInclude, b: GitRepositoryInclude | undefined): boolean {
  return !!b && a.repository.name === b.repository.name && a.fromPath === b.fromPath && a.toPath === b.toPath;
}

/** True when the included artifacts differ from the ones recorded in status (Flux artifactSet.Diff). */
export function includesDiffer(
  current: readonly Artifact[],
  observed: readonly Artifact[] | undefined,
): boolean {
  const prev = observed ?? [];
  if (current.length !== prev.length) return true;
  return current.some((a, i) => {
    const b = prev[i];
    return !b || a.path !== b.path || a.revision !== b.revision || a.digest !== b.digest;
  });
}

/**
 * Whether anything besides the revision that shapes the artifact changed since it was built
 * (Flux gitContentConfigChanged): ignore, submodules, includes (and their artifacts), sparse
 * checkout, or a needed verification.
 */
export function contentConfigChanged(obj: GitRepository, includes: readonly Artifact[]): boolean {
  const spec = obj.spec;
  const status = obj.status ?? {};
  if ((spec.ignore ?? undefined) !== (status.observedIgnore ?? undefined)) return true;
  if ((spec.recurseSubmodules ?? false) !== (status.observedRecurseSubmodules ?? false)) return true;
  const inc = spec.include ?? [];
  if (inc.length !== (status.observedInclude ?? []).length) return true;
  if (requiresVerification(obj)) return true;
  const sparse = spec.sparseCheckout ?? [];
  const observedSparse = status.observedSparseCheckout ?? [];
  if (sparse.length !== observedSparse.length || sparse.some((d, i) => d !== observedSparse[i])) return true;
  const observedArtifacts = status.includedArtifacts ?? [];
  if (inc.length !== includes.length || inc.length !== observedArtifacts.length) return true;
  return inc.some((incl, i) => {
    const cur = includes[i];
    const obs = observedArtifacts[i];
    if (!includeEqual(incl, status.observedInclude?.[i])) return true;
    return !cur || !obs || !sameRevision(obs.revision, cur.revision) || obs.digest !== cur.digest;
  });
}
