/**
 * The value model the kustomize engine works on: JSON-like data whose non-string scalars keep their YAML
 * source text (kustomize reads label/annotation values and names as the node's text, so `0777` must stay
 * "0777" there, while output decodes it as the integer 511 the way yaml.v3 does).
 */

export type ScalarTag = 'int' | 'float' | 'bool' | 'null' | 'timestamp';

/** A non-string scalar: its resolved tag plus the exact text it was written with. */
export class YScalar {
  constructor(
    readonly tag: ScalarTag,
    readonly text: string,
  ) {}
}

/**
 * A scalar written without a tag by kustomize itself (kyaml nodes it creates): it prints as the type
 * its text resolves to, but kyaml's IsYNodeString counts it as a string (so vars turn it into one).
 */
export class YUntaggedScalar extends YScalar {}

export type YMap = { [key: string]: YValue };
export type YValue = string | YScalar | YMap | YValue[] | null;

export function isMap(v: YValue | undefined): v is YMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof YScalar);
}

export function isSeq(v: YValue | undefined): v is YValue[] {
  return Array.isArray(v);
}

/** The text kustomize sees for a scalar node (strings as-is, other scalars by source text). */
export function scalarText(v: YValue | undefined): string | undefined {
  if (typeof v === 'string') return v;
  if (v instanceof YScalar) return v.text;
  if (v === null) return '';
  return undefined;
}

export function deepClone<T extends YValue>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => deepClone(x)) as T;
  if (isMap(v)) {
    const out: YMap = {};
    for (const k of Object.keys(v)) out[k] = deepClone(v[k] as YValue);
    return out as T;
  }
  return v;
}

export function deepEqual(a: YValue | undefined, b: YValue | undefined): boolean {
  if (a === b) return true;
  if (a instanceof YScalar || b instanceof YScalar) {
    return a instanceof YScalar && b instanceof YScalar && a.tag === b.tag && a.text === b.text;
  }
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

export const intScalar = (n: number): YScalar => new YScalar('int', String(n));
export const boolScalar = (b: boolean): YScalar => new YScalar('bool', b ? 'true' : 'false');
