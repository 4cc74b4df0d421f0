/**
 * Argument and result helpers for functions declared with Go signatures: the executor has already
 * converted each argument to its parameter type, so an `int` parameter arrives as a `bigint`, a
 * `string` as a string, a `map[string]interface {}` as a Map.
 */
import { GoError, GoTyped, int64, mapEntries, stringSlice } from '../gotemplate/value.js';
import type { GoMap, GoValue } from '../gotemplate/value.js';

/** An `int` parameter as a JS number (Sprig's ints are small: counts, widths, indices). */
export function intArg(v: GoValue): number {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return Math.trunc(v);
  if (v instanceof GoTyped && typeof v.value === 'bigint') return Number(v.value);
  return 0;
}

/** A `string` parameter. */
export function strArg(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (v instanceof GoTyped && typeof v.value === 'string') return v.value;
  return '';
}

/** A `bool` parameter. */
export function boolArg(v: GoValue): boolean {
  if (typeof v === 'boolean') return v;
  if (v instanceof GoTyped && typeof v.value === 'boolean') return v.value;
  return false;
}

/** A `map[string]interface {}` parameter (a nil map reads as empty). */
export function mapArg(v: GoValue): GoMap {
  return mapEntries(v) ?? new Map();
}

/** Result `int`. */
export const intResult = (n: number | bigint): GoValue => (typeof n === 'bigint' ? n : BigInt(Math.trunc(n)));
/** Result `int64`. */
export const int64Result = (n: bigint): GoValue => int64(n);
/** Result `[]string`. */
export const stringsResult = (xs: readonly string[]): GoValue => stringSlice(xs);
/** Result `[]int`. */
export const intsResult = (xs: readonly bigint[]): GoValue =>
  new GoTyped('[]int', 'slice', [...xs], {}, 'int');
/** Result `map[string]string`. */
export function stringMapResult(m: ReadonlyMap<string, string>): GoValue {
  return new GoTyped('map[string]string', 'map', new Map(m), {}, 'string');
}
/** Result `[]interface {}` that Go leaves nil. */
export const nilList = (): GoValue => new GoTyped('[]interface {}', 'slice', null, {}, 'interface {}');

/** A Go `error` result with message `msg`. */
export function goErr(msg: string): GoError {
  return new GoError(msg);
}
