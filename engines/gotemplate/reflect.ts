/**
 * The executor's view of reflection: Go's invalid `reflect.Value` (a missing map key, nil data),
 * type-name kinds, zero values and assignability, over the value model of value.ts.
 * @module
 */
import { GoFuncValue, GoStruct, GoTyped, isIntKind, kindOf, typeOf, typedNil } from './value.js';
import type { GoKind, GoValue } from './value.js';

/** Go's invalid reflect.Value: a missing map key, nil data, a pipeline that produced a nil interface. */
export class Invalid {
  private readonly brand = 'invalid';
  toString(): string {
    return `<${this.brand} reflect.Value>`;
  }
}
/** The single invalid value. */
export const INVALID = new Invalid();

/**
 * A non-nil value whose static Go type is `interface {}`: an element of `[]interface {}` or a value
 * of `map[string]interface {}` before a pipeline unwraps it. Only error texts depend on it
 * (`can't evaluate field x in type interface {}`), as in Go.
 */
export class Iface {
  constructor(readonly v: GoValue) {}
}

/** A value inside the executor: a Go value, the invalid value, or an interface-typed value. */
export type Val = GoValue | Invalid | Iface;

/** Wraps an element read from an interface-typed slot (nil stays a plain nil interface). */
export function iface(v: GoValue): Val {
  return v === null ? null : new Iface(v);
}

/** The dynamic value of an interface-typed value. */
export function unwrap(v: Val): GoValue | Invalid {
  return v instanceof Iface ? v.v : v;
}

/** True for a stack overflow (deep recursion). */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && e.message.startsWith('Maximum call stack');
}

const BASIC: Readonly<Record<string, GoKind>> = {
  bool: 'bool',
  string: 'string',
  int: 'int',
  int8: 'int8',
  int16: 'int16',
  int32: 'int32',
  int64: 'int64',
  uint: 'uint',
  uint8: 'uint8',
  uint16: 'uint16',
  uint32: 'uint32',
  uint64: 'uint64',
  uintptr: 'uintptr',
  float32: 'float32',
  float64: 'float64',
  complex64: 'complex64',
  complex128: 'complex128',
  'time.Duration': 'int64',
  'time.Month': 'int',
  'time.Weekday': 'int',
};

/** The reflect kind of a Go type written as reflect prints it. Unknown named types are treated as structs. */
export function kindOfType(t: string): GoKind {
  const b = BASIC[t];
  if (b !== undefined) return b;
  if (t === 'interface {}' || t.startsWith('interface {') || t === 'error' || t === 'fmt.Stringer') return 'interface';
  if (t.startsWith('[]')) return 'slice';
  if (t.startsWith('[')) return 'array';
  if (t.startsWith('map[')) return 'map';
  if (t.startsWith('*')) return 'ptr';
  if (t.startsWith('func(')) return 'func';
  if (t.startsWith('chan ') || t.startsWith('<-chan') || t.startsWith('chan<-')) return 'chan';
  return 'struct';
}

/** Go's canBeNil for a parameter type. */
export function canBeNil(t: string): boolean {
  if (t === 'reflect.Value') return true;
  const k = kindOfType(t);
  return k === 'chan' || k === 'func' || k === 'interface' || k === 'map' || k === 'ptr' || k === 'slice';
}

/** reflect.Zero(t) for the types the executor needs (nil-able types and basic kinds). */
export function zeroOf(t: string): GoValue {
  const k = kindOfType(t);
  switch (k) {
    case 'interface':
      return null;
    case 'bool':
      return t === 'bool' ? false : new GoTyped(t, k, false);
    case 'string':
      return t === 'string' ? '' : new GoTyped(t, k, '');
    case 'float64':
      return t === 'float64' ? 0 : new GoTyped(t, k, 0);
    case 'float32':
      return new GoTyped(t, k, 0);
    case 'int':
      return t === 'int' ? 0n : new GoTyped(t, k, 0n);
    case 'complex64':
    case 'complex128':
      return new GoTyped(t, k, { re: 0, im: 0 });
  }
  if (isIntKind(k)) return new GoTyped(t, k, 0n);
  return typedNil(t, k);
}

/** True if a value of the executor may be passed where Go type `t` is expected without conversion. */
export function assignable(v: GoValue, t: string): boolean {
  if (t === 'interface {}') return true;
  if (v === null) return false;
  if (t === 'fmt.Stringer') return (v instanceof GoStruct || v instanceof GoTyped) && v.methods['String'] !== undefined;
  if (t === 'error') return (v instanceof GoStruct || v instanceof GoTyped) && v.methods['Error'] !== undefined;
  return typeOf(v) === t;
}

/** True for nil-able values holding nil (typed nil pointers, maps, slices). */
export function isNilValue(v: Val): boolean {
  if (v instanceof Iface) v = v.v;
  if (v instanceof Invalid || v === null) return true;
  return v instanceof GoTyped && v.value === null && ['ptr', 'map', 'slice', 'func', 'chan', 'interface'].includes(v.kind);
}

/** Go's indirect(): follows pointers to structs; reports nil pointers. */
export function indirect(v: Val): [GoValue | Invalid, boolean] {
  if (v instanceof Iface) v = v.v;
  if (v instanceof GoStruct && v.pointer) return [new GoStruct(v.typeName, v.fields, v.methods, false, v.native), false];
  if (v === null) return [v, true];
  if (v instanceof GoTyped && v.kind === 'ptr' && v.value === null) return [v, true];
  return [v, false];
}

/** reflect Kind of an executor value (`invalid` for the invalid value; `interface` for a nil interface). */
export function valKind(v: Val): GoKind {
  if (v instanceof Iface) return kindOf(v.v);
  if (v instanceof Invalid) return 'invalid';
  if (v === null) return 'interface';
  return kindOf(v);
}

/** reflect Type().String() of an executor value; a nil interface reports `interface {}`. */
export function valType(v: Val): string {
  if (v instanceof Iface) return typeOf(v.v);
  if (v instanceof Invalid) return '<invalid reflect.Value>';
  if (v === null) return 'interface {}';
  return typeOf(v);
}

/** True if v is a callable Go function value. */
export function isFunc(v: Val): v is GoFuncValue {
  return v instanceof GoFuncValue;
}
