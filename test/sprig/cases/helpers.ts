/** Shorthand for Sprig differential cases (see test/gotemplate/oracle.ts for the case format). */
import type { OracleCase } from '../../gotemplate/oracle.js';

/** A Sprig-mode case. */
export function sc(
  name: string,
  template: string,
  data?: unknown,
  extra: Partial<OracleCase> = {},
): OracleCase {
  return { name, template, mode: 'sprig', ...(data === undefined ? {} : { data }), ...extra };
}

/** Same length and same character classes: for random output. */
export const sameShape = (a: string, b: string): boolean =>
  a.length === b.length &&
  a.replace(/[A-Za-z]/g, 'a').replace(/[0-9]/g, '0') === b.replace(/[A-Za-z]/g, 'a').replace(/[0-9]/g, '0');

/** Both outputs match a pattern. */
export const bothMatch =
  (re: RegExp) =>
  (a: string, b: string): boolean =>
    re.test(a) && re.test(b);

/** A seeded generator (mulberry32) for the generative suites: `int(n)` in [0, n) and `pick(xs)`. */
export function seededRandom(seed: number): { int: (n: number) => number; pick: <T>(xs: readonly T[]) => T } {
  let s = seed;
  const int = (n: number): number => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  return { int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)] as T };
}
