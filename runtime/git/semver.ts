import { parseConstraint, tryParseVersion } from '../../engines/semver/index.js';
import type { Version } from '../../engines/semver/index.js';
import { GitError } from './errors.js';

/**
 * The tags (names without `refs/tags/`) that are the highest versions matching `range`
 * (Masterminds semantics; names that are not versions are skipped). More than one tag is returned
 * only for equal versions (`v1.0.0` and `1.0.0`, or different build metadata): Flux then prefers
 * the newest tag, which needs their dates.
 */
export function highestMatching(range: string, tags: Iterable<string>): string[] {
  let constraint;
  try {
    constraint = parseConstraint(range);
  } catch (err) {
    throw new GitError('other', `semver parse error: ${(err as Error).message}`);
  }
  let best: Version | undefined;
  let names: string[] = [];
  for (const tag of tags) {
    const v = tryParseVersion(tag);
    if (!v || !constraint.check(v)) continue;
    const cmp = best ? v.compare(best) : 1;
    if (cmp > 0) {
      best = v;
      names = [tag];
    } else if (cmp === 0) {
      names.push(tag);
    }
  }
  if (names.length === 0) throw new GitError('notfound', `no match found for semver: ${range}`);
  return names.sort();
}
