/**
 * Version constraints with the semantics of Masterminds/semver/v3 v3.4.0 `NewConstraint`:
 * `||` separates OR groups; within a group, comparators are ANDed when separated by spaces or commas.
 * Operators: `=` (or none), `!=`, `>`, `<`, `>=`/`=>`, `<=`/`=<`, `~`/`~>`, `^`; x-ranges (`1.x`, `1.2.*`,
 * `*`), partial versions (`>1.2`) and hyphen ranges (`1.2 - 1.4.5`).
 *
 * Prereleases: a prerelease version satisfies a group only when some comparator of that group carries a
 * prerelease, or when `includePrerelease` is set.
 */
import { SemverError, comparePrerelease, parseVersion } from './version.js';
import type { Version } from './version.js';

// Go's \s is [\t\n\f\r ]; spelled out so the JavaScript patterns match exactly what Go's do.
const S = '[\\t\\n\\f\\r ]';
const OPS = '=||!=|>|<|>=|=>|<=|=<|~|~>|\\^';
// The version part of a comparator; `|` inside the classes is a literal, as in the Go source.
const CV =
  'v?([0-9|xX*]+)(\\.[0-9|xX*]+)?(\\.[0-9|xX*]+)?' +
  '(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?' +
  '(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?';

const CONSTRAINT = new RegExp(`^${S}*(${OPS})${S}*(${CV})${S}*$`);
const CONSTRAINT_RANGE = new RegExp(`${S}*(${CV})${S}+-${S}+(${CV})${S}*`, 'g');
const FIND_CONSTRAINT = new RegExp(`(${OPS})${S}*(${CV})`, 'g');
const VALID_CONSTRAINT = new RegExp(
  `^(${S}*(${OPS})${S}*(${CV})${S}*)((?:${S}+|,${S}*)(${OPS})${S}*(${CV})${S}*)*$`,
);

type Operator = '' | '=' | '!=' | '>' | '<' | '>=' | '=>' | '<=' | '=<' | '~' | '~>' | '^';

interface Comparator {
  readonly op: Operator;
  /** The version text as written (`4.x` in `!= 4.x`). */
  readonly orig: string;
  readonly con: Version;
  readonly dirty: boolean;
  readonly minorDirty: boolean;
  readonly patchDirty: boolean;
}

/** The result of {@link Constraints.validate}: the reasons are Masterminds' messages. */
export interface ValidationResult {
  readonly ok: boolean;
  readonly reasons: readonly string[];
}

function isX(s: string): boolean {
  return s === 'x' || s === '*' || s === 'X';
}

function rewriteRange(c: string): string {
  let out = c;
  for (const m of c.matchAll(CONSTRAINT_RANGE)) {
    out = out.replace(m[0], `>= ${m[1]}, <= ${m[11]} `);
  }
  return out;
}

function parseComparator(text: string): Comparator {
  const m = CONSTRAINT.exec(text);
  if (m === null) throw new SemverError(`improper constraint: ${text}`);
  const op = (m[1] ?? '') as Operator;
  const orig = m[2] ?? '';
  const major = m[3] ?? '';
  const minor = m[4] ?? '';
  const patch = m[5] ?? '';
  const pre = m[6] ?? '';
  let ver = orig;
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isX(major) || major === '') {
    ver = `0.0.0${pre}`;
    dirty = true;
  } else if (isX(minor.slice(1)) || minor === '') {
    ver = `${major}.0.0${pre}`;
    dirty = minorDirty = true;
  } else if (isX(patch.slice(1)) || patch === '') {
    ver = `${major}${minor}.0${pre}`;
    dirty = patchDirty = true;
  }
  let con: Version;
  try {
    con = parseVersion(ver);
  } catch {
    throw new SemverError('constraint parser error');
  }
  return { op, orig, con, dirty, minorDirty, patchDirty };
}

type CheckResult = string | undefined;

function preGate(v: Version, includePre: boolean): CheckResult {
  return v.prerelease !== '' && !includePre
    ? `${v} is a prerelease version and the constraint is only looking for release versions`
    : undefined;
}

function checkNotEqual(v: Version, c: Comparator): CheckResult {
  const same = `${v} is equal to ${c.orig}`;
  if (c.dirty) {
    if (c.con.major !== v.major) return undefined;
    if (c.con.minor !== v.minor && !c.minorDirty) return undefined;
    if (c.minorDirty) return same;
    if (c.con.patch !== v.patch && !c.patchDirty) return undefined;
    if (c.patchDirty) {
      if (v.prerelease !== '' || c.con.prerelease !== '') {
        return comparePrerelease(v.prerelease, c.con.prerelease) !== 0 ? undefined : same;
      }
      return same;
    }
  }
  return v.equal(c.con) ? same : undefined;
}

function checkGreaterThan(v: Version, c: Comparator): CheckResult {
  const fail = `${v} is less than or equal to ${c.orig}`;
  if (!c.dirty) return v.compare(c.con) === 1 ? undefined : fail;
  if (v.major > c.con.major) return undefined;
  if (v.major < c.con.major) return fail;
  if (c.minorDirty) return fail;
  if (c.patchDirty) return v.minor > c.con.minor ? undefined : fail;
  return v.compare(c.con) === 1 ? undefined : fail;
}

function checkLessThanEqual(v: Version, c: Comparator): CheckResult {
  const fail = `${v} is greater than ${c.orig}`;
  if (!c.dirty) return v.compare(c.con) <= 0 ? undefined : fail;
  if (v.major > c.con.major) return fail;
  if (v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty) return fail;
  return undefined;
}

function checkTilde(v: Version, c: Comparator): CheckResult {
  if (v.lessThan(c.con)) return `${v} is less than ${c.orig}`;
  // ~0.0.0 accepts everything (>= 0.0.0).
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty) {
    return undefined;
  }
  if (v.major !== c.con.major) return `${v} does not have same major version as ${c.orig}`;
  if (v.minor !== c.con.minor && !c.minorDirty) {
    return `${v} does not have same major and minor version as ${c.orig}`;
  }
  return undefined;
}

function checkCaret(v: Version, c: Comparator): CheckResult {
  if (v.lessThan(c.con)) return `${v} is less than ${c.orig}`;
  const sameMajor = `${v} does not have same major version as ${c.orig}`;
  if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major ? undefined : sameMajor;
  if (v.major > 0n) return sameMajor;
  if (c.con.minor > 0n || c.patchDirty) {
    return v.minor === c.con.minor
      ? undefined
      : `${v} does not have same minor version as ${c.orig}. Expected minor versions to match when constraint major version is 0`;
  }
  if (v.minor > 0n) return `${v} does not have same minor version as ${c.orig}`;
  return c.con.patch === v.patch
    ? undefined
    : `${v} does not equal ${c.orig}. Expect version and constraint to equal when major and minor versions are 0`;
}

/** One comparator against a version: `undefined` when satisfied, else Masterminds' reason. */
function checkComparator(v: Version, c: Comparator, includePre: boolean): CheckResult {
  const gate = preGate(v, includePre);
  if (gate !== undefined) return gate;
  switch (c.op) {
    case '':
    case '=':
      if (c.dirty) return checkTilde(v, c);
      return v.equal(c.con) ? undefined : `${v} is not equal to ${c.orig}`;
    case '!=':
      return checkNotEqual(v, c);
    case '>':
      return checkGreaterThan(v, c);
    case '<':
      return v.compare(c.con) < 0 ? undefined : `${v} is greater than or equal to ${c.orig}`;
    case '>=':
    case '=>':
      return v.compare(c.con) >= 0 ? undefined : `${v} is less than ${c.orig}`;
    case '<=':
    case '=<':
      return checkLessThanEqual(v, c);
    case '~':
    case '~>':
      return checkTilde(v, c);
    case '^':
      return checkCaret(v, c);
  }
}

/** A parsed constraint expression (an OR of AND groups). */
export class Constraints {
  private constructor(
    private readonly groups: readonly (readonly Comparator[])[],
    private readonly groupHasPrerelease: readonly boolean[],
    /** Treat every group as if it mentioned a prerelease. @default false */
    readonly includePrerelease: boolean,
  ) {}

  /**
   * Parses like Masterminds `NewConstraint`.
   * @throws SemverError `improper constraint: <group>` or `constraint parser error`
   */
  static parse(text: string, options: { readonly includePrerelease?: boolean } = {}): Constraints {
    const rewritten = rewriteRange(text);
    const groups: Comparator[][] = [];
    const hasPre: boolean[] = [];
    for (const segment of rewritten.split('||')) {
      if (!VALID_CONSTRAINT.test(segment)) throw new SemverError(`improper constraint: ${segment}`);
      const found = [...segment.matchAll(FIND_CONSTRAINT)].map((m) => m[0]);
      const texts = found.length > 0 ? found : [segment];
      const group = texts.map(parseComparator);
      groups.push(group);
      hasPre.push(group.some((c) => c.con.prerelease !== ''));
    }
    return new Constraints(groups, hasPre, options.includePrerelease ?? false);
  }

  /** Whether `v` satisfies some OR group. */
  check(v: Version): boolean {
    return this.groups.some((group, i) => {
      const includePre = this.includePrerelease || (this.groupHasPrerelease[i] ?? false);
      return group.every((c) => checkComparator(v, c, includePre) === undefined);
    });
  }

  /** Like {@link check}, with the reasons for a failure (Masterminds `Validate`). */
  validate(v: Version): ValidationResult {
    const reasons: string[] = [];
    let preReported = false;
    for (const [i, group] of this.groups.entries()) {
      const includePre = this.includePrerelease || (this.groupHasPrerelease[i] ?? false);
      let ok = true;
      for (const c of group) {
        if (!includePre && v.prerelease !== '') {
          if (!preReported) {
            reasons.push(
              `${v} is a prerelease version and the constraint is only looking for release versions`,
            );
            preReported = true;
          }
          ok = false;
          continue;
        }
        const reason = checkComparator(v, c, includePre);
        if (reason !== undefined) {
          reasons.push(reason);
          ok = false;
        }
      }
      if (ok) return { ok: true, reasons: [] };
    }
    return { ok: false, reasons };
  }

  /** Canonical text: comparators joined by spaces, groups by ` || `. */
  toString(): string {
    return this.groups.map((g) => g.map((c) => c.op + c.orig).join(' ')).join(' || ');
  }
}

/** Parses a constraint string; see {@link Constraints.parse}. */
export function parseConstraint(
  text: string,
  options?: { readonly includePrerelease?: boolean },
): Constraints {
  return Constraints.parse(text, options);
}
