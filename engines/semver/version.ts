/**
 * Semantic versions with the semantics of github.com/Masterminds/semver/v3 v3.4.0 — the library used by
 * Sprig v3.3 (`semver`, `semverCompare`), Helm v3.19 and Flux (GitRepository `ref.semver`, ImagePolicy).
 *
 * Parsing is the library's default `NewVersion`, which in v3.4 coerces: a `v` prefix, missing minor or
 * patch (`1.2` → 1.2.0) and leading zeros (`01.02.03`) are accepted; `original` keeps the input text.
 * `parseStrictVersion` is `StrictNewVersion` (exactly three numeric parts, no prefix, no leading zeros).
 * Segments are unsigned 64-bit integers, so they are held as `bigint`.
 */

/** An error from version parsing; `message` is the text Masterminds/semver produces. */
export class SemverError extends Error {
  override readonly name = 'SemverError';
}

export const ERR_INVALID_SEMVER = 'invalid semantic version';
export const ERR_EMPTY_STRING = 'version string empty';
export const ERR_INVALID_CHARACTERS = 'invalid characters in version';
export const ERR_SEGMENT_STARTS_ZERO = 'version segment starts with 0';
export const ERR_INVALID_METADATA = 'invalid metadata string';
export const ERR_INVALID_PRERELEASE = 'invalid prerelease string';

const UINT64_MAX = (1n << 64n) - 1n;

// The library's "loose" pattern, which v3.4's coercing NewVersion uses.
const LOOSE_VERSION =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;

const DIGITS = /^[0-9]*$/;
const IDENT_CHARS = /^[0-9A-Za-z-]*$/;

/** Go's strconv.ParseUint(s, 10, 64) for a string of ASCII digits. */
function parseUint64(s: string): bigint {
  const n = BigInt(s);
  if (n > UINT64_MAX) {
    throw new SemverError(`strconv.ParseUint: parsing ${goQuote(s)}: value out of range`);
  }
  return n;
}

function goQuote(s: string): string {
  return JSON.stringify(s);
}

function parseSegment(s: string): bigint {
  try {
    return parseUint64(s);
  } catch (err) {
    throw new SemverError(`error parsing version segment: ${(err as Error).message}`, { cause: err });
  }
}

function validatePrerelease(p: string): void {
  for (const part of p.split('.')) {
    if (part === '') throw new SemverError(ERR_INVALID_PRERELEASE);
    if (DIGITS.test(part)) {
      if (part.length > 1 && part[0] === '0') throw new SemverError(ERR_SEGMENT_STARTS_ZERO);
    } else if (!IDENT_CHARS.test(part)) {
      throw new SemverError(ERR_INVALID_PRERELEASE);
    }
  }
}

function validateMetadata(m: string): void {
  for (const part of m.split('.')) {
    if (part === '' || !IDENT_CHARS.test(part)) throw new SemverError(ERR_INVALID_METADATA);
  }
}

/** An immutable semantic version. */
export class Version {
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    /** Prerelease without the leading `-`; empty when none. */
    readonly prerelease: string = '',
    /** Build metadata without the leading `+`; empty when none. */
    readonly metadata: string = '',
    /** The text the version was parsed from (or its canonical form when built directly). */
    readonly original: string = '',
  ) {
    if (original === '') this.original = this.toString();
  }

  /** Canonical form `X.Y.Z[-pre][+meta]` (no `v` prefix, coerced segments). */
  toString(): string {
    let s = `${this.major}.${this.minor}.${this.patch}`;
    if (this.prerelease !== '') s += `-${this.prerelease}`;
    if (this.metadata !== '') s += `+${this.metadata}`;
    return s;
  }

  /** -1, 0 or 1; build metadata is ignored and a prerelease sorts before its release. */
  compare(o: Version): -1 | 0 | 1 {
    const d = cmpBig(this.major, o.major) || cmpBig(this.minor, o.minor) || cmpBig(this.patch, o.patch);
    if (d !== 0) return d;
    if (this.prerelease === '' && o.prerelease === '') return 0;
    if (this.prerelease === '') return 1;
    if (o.prerelease === '') return -1;
    return comparePrerelease(this.prerelease, o.prerelease);
  }

  lessThan(o: Version): boolean {
    return this.compare(o) < 0;
  }
  lessThanEqual(o: Version): boolean {
    return this.compare(o) <= 0;
  }
  greaterThan(o: Version): boolean {
    return this.compare(o) > 0;
  }
  greaterThanEqual(o: Version): boolean {
    return this.compare(o) >= 0;
  }
  equal(o: Version): boolean {
    return this.compare(o) === 0;
  }

  private vPrefix(): string {
    return this.original.startsWith('v') ? 'v' : '';
  }

  /** Next patch version; a prerelease just drops its prerelease (1.2.3-rc → 1.2.3). */
  incPatch(): Version {
    const patch = this.prerelease !== '' ? this.patch : this.patch + 1n;
    return this.derive(this.major, this.minor, patch, '', '');
  }
  incMinor(): Version {
    return this.derive(this.major, this.minor + 1n, 0n, '', '');
  }
  incMajor(): Version {
    return this.derive(this.major + 1n, 0n, 0n, '', '');
  }
  /** A copy with another prerelease (validated unless empty). */
  setPrerelease(pre: string): Version {
    if (pre !== '') validatePrerelease(pre);
    return this.derive(this.major, this.minor, this.patch, pre, this.metadata);
  }
  /** A copy with other build metadata (validated unless empty). */
  setMetadata(meta: string): Version {
    if (meta !== '') validateMetadata(meta);
    return this.derive(this.major, this.minor, this.patch, this.prerelease, meta);
  }

  private derive(major: bigint, minor: bigint, patch: bigint, pre: string, meta: string): Version {
    const canonical = new Version(major, minor, patch, pre, meta);
    return new Version(major, minor, patch, pre, meta, this.vPrefix() + canonical.toString());
  }
}

function cmpBig(a: bigint, b: bigint): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Prerelease precedence: dot-separated parts, numeric parts numerically and below alphanumeric ones. */
export function comparePrerelease(a: string, b: string): -1 | 0 | 1 {
  const as = a.split('.');
  const bs = b.split('.');
  const n = Math.max(as.length, bs.length);
  for (let i = 0; i < n; i++) {
    const d = comparePrePart(as[i] ?? '', bs[i] ?? '');
    if (d !== 0) return d;
  }
  return 0;
}

function asUint(s: string): bigint | undefined {
  if (s === '' || !DIGITS.test(s)) return undefined;
  const n = BigInt(s);
  return n > UINT64_MAX ? undefined : n;
}

function comparePrePart(s: string, o: string): -1 | 0 | 1 {
  if (s === o) return 0;
  if (s === '') return -1;
  if (o === '') return 1;
  const si = asUint(s);
  const oi = asUint(o);
  if (si === undefined && oi === undefined) return s > o ? 1 : -1;
  if (oi === undefined) return -1;
  if (si === undefined) return 1;
  return si > oi ? 1 : -1;
}

/**
 * Masterminds `NewVersion` (coercing, the v3.4 default): accepts `v1`, `1.2`, `01.2.3`, `1.2.3-rc.1+b`.
 * @throws SemverError with the library's message (`invalid semantic version`, `invalid prerelease string`, …)
 */
export function parseVersion(v: string): Version {
  const m = LOOSE_VERSION.exec(v);
  if (m === null) throw new SemverError(ERR_INVALID_SEMVER);
  const major = parseSegment(m[1] ?? '');
  const minor = m[2] ? parseSegment(m[2].slice(1)) : 0n;
  const patch = m[3] ? parseSegment(m[3].slice(1)) : 0n;
  const pre = m[5] ?? '';
  const meta = m[8] ?? '';
  if (pre !== '') validatePrerelease(pre);
  if (meta !== '') validateMetadata(meta);
  return new Version(major, minor, patch, pre, meta, v);
}

/** Like {@link parseVersion} but returns `undefined` instead of throwing. */
export function tryParseVersion(v: string): Version | undefined {
  try {
    return parseVersion(v);
  } catch {
    return undefined;
  }
}

/**
 * Masterminds `StrictNewVersion`: exactly `X.Y.Z[-pre][+meta]`, no `v`, no leading zeros.
 * @throws SemverError with the library's message
 */
export function parseStrictVersion(v: string): Version {
  if (v.length === 0) throw new SemverError(ERR_EMPTY_STRING);
  const first = v.indexOf('.');
  const second = first < 0 ? -1 : v.indexOf('.', first + 1);
  if (second < 0) throw new SemverError(ERR_INVALID_SEMVER);
  const parts = [v.slice(0, first), v.slice(first + 1, second), v.slice(second + 1)];
  let meta = '';
  let pre = '';
  let last = parts[2] ?? '';
  const plus = last.indexOf('+');
  if (plus >= 0) {
    meta = last.slice(plus + 1);
    last = last.slice(0, plus);
    validateMetadata(meta);
  }
  const dash = last.indexOf('-');
  if (dash >= 0) {
    pre = last.slice(dash + 1);
    last = last.slice(0, dash);
    validatePrerelease(pre);
  }
  parts[2] = last;
  for (const p of parts) {
    if (!DIGITS.test(p)) throw new SemverError(ERR_INVALID_CHARACTERS);
    if (p.length > 1 && p[0] === '0') throw new SemverError(ERR_SEGMENT_STARTS_ZERO);
  }
  // An empty segment (`1..2`) passes the checks above and fails in ParseUint, as in Go.
  const seg = (p: string): bigint => {
    if (p === '') throw new SemverError(`strconv.ParseUint: parsing "": invalid syntax`);
    return parseUint64(p);
  };
  return new Version(seg(parts[0] ?? ''), seg(parts[1] ?? ''), seg(last), pre, meta, v);
}

/** Sorts ascending by precedence (a stable copy), like sort.Sort(semver.Collection). */
export function sortVersions(vs: readonly Version[]): Version[] {
  return [...vs].sort((a, b) => a.compare(b));
}
