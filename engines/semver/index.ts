/**
 * Masterminds/semver v3.4-compatible versions and constraints.
 *
 * ```ts
 * const c = parseConstraint('>= 1.2, < 3.0.0 || ^4');
 * c.check(parseVersion('v2.5')); // true
 * c.validate(parseVersion('3.1.0')).reasons; // ['3.1.0 is greater than or equal to 3.0.0', …]
 * ```
 */
export {
  SemverError,
  Version,
  comparePrerelease,
  parseStrictVersion,
  parseVersion,
  sortVersions,
  tryParseVersion,
  ERR_EMPTY_STRING,
  ERR_INVALID_CHARACTERS,
  ERR_INVALID_METADATA,
  ERR_INVALID_PRERELEASE,
  ERR_INVALID_SEMVER,
  ERR_SEGMENT_STARTS_ZERO,
} from './version.js';
export { Constraints, parseConstraint } from './constraints.js';
export type { ValidationResult } from './constraints.js';
