/**
 * Sprig v3.3 integer and float math. Integer functions cast every operand with cast.ToInt64 (so `add 1
 * "2" 3.9` is 6); the `…f` functions go through shopspring/decimal as Sprig does (`addf 0.1 0.2` is 0.3,
 * `divf` rounds to 16 decimal places, half away from zero).
 */
import { sprint } from '../gofmt/printf.js';
import { GoError, goFunc } from '../gotemplate/value.js';
import type { GoFuncValue, GoValue } from '../gotemplate/value.js';
import { intArg, int64Result, intsResult } from './args.js';
import { toFloat64, toInt64 } from './cast.js';

const MIN_INT64 = -(1n << 63n);

/** A decimal as coefficient × 10^exp. */
interface Dec {
  readonly c: bigint;
  readonly e: number;
}

/** decimal.NewFromFloat: the shortest decimal that round-trips. */
function decFromFloat(f: number): Dec {
  if (!Number.isFinite(f))
    throw new GoError(`Cannot create a Decimal from ${Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf'}`);
  const [mant = '0', exp = '0'] = f.toExponential().split('e');
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  const c = BigInt(digits) * (neg ? -1n : 1n);
  return { c, e: Number(exp) - (digits.length - 1) };
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const e = Math.min(a.e, b.e);
  return [a.c * 10n ** BigInt(a.e - e), b.c * 10n ** BigInt(b.e - e), e];
}

const decAdd = (a: Dec, b: Dec): Dec => {
  const [x, y, e] = align(a, b);
  return { c: x + y, e };
};
const decSub = (a: Dec, b: Dec): Dec => {
  const [x, y, e] = align(a, b);
  return { c: x - y, e };
};
const decMul = (a: Dec, b: Dec): Dec => ({ c: a.c * b.c, e: a.e + b.e });

/** Decimal.Div: DivRound to 16 places, rounding half away from zero. */
function decDiv(a: Dec, b: Dec): Dec {
  if (b.c === 0n) throw new GoError('decimal division by 0');
  const prec = 16;
  // q = trunc(a / b) at 10^-prec; r is the remainder scaled to compare with b/2.
  const shift = a.e - b.e + prec;
  let num = a.c;
  let den = b.c;
  if (shift >= 0) num *= 10n ** BigInt(shift);
  else den *= 10n ** BigInt(-shift);
  let q = num / den;
  const r = num % den;
  const absR2 = (r < 0n ? -r : r) * 2n;
  const absDen = den < 0n ? -den : den;
  if (absR2 >= absDen) q += num < 0n !== den < 0n ? -1n : 1n;
  return { c: q, e: -prec };
}

/** Decimal.Float64: the float64 nearest to the exact decimal. */
function decToFloat(d: Dec): number {
  return Number(`${d.c}e${d.e}`);
}

function decimalOp(first: GoValue, rest: readonly GoValue[], op: (a: Dec, b: Dec) => Dec): number {
  let acc = decFromFloat(toFloat64(first));
  for (const x of rest) acc = op(acc, decFromFloat(toFloat64(x)));
  return decToFloat(acc);
}

/** The most elements `until`/`untilStep`/`seq` build (Go has no cap and would allocate gigabytes). */
export const MAX_SEQUENCE = 10_000_000;

/** Sprig's untilStep. */
export function untilStep(start: bigint, stop: bigint, step: bigint): bigint[] {
  const v: bigint[] = [];
  if (step !== 0n && (stop - start) / step > BigInt(MAX_SEQUENCE)) {
    throw new GoError(`sequence of more than ${MAX_SEQUENCE} elements`);
  }
  if (stop < start) {
    if (step >= 0n) return v;
    for (let i = start; i > stop; i += step) v.push(i);
    return v;
  }
  if (step <= 0n) return v;
  for (let i = start; i < stop; i += step) v.push(i);
  return v;
}

function seq(params: bigint[]): string {
  let start: bigint;
  let end: bigint;
  let step: bigint;
  switch (params.length) {
    case 1: {
      start = 1n;
      end = params[0] ?? 0n;
      const inc = end < start ? -1n : 1n;
      return untilStep(start, end + inc, inc).join(' ');
    }
    case 2: {
      start = params[0] ?? 0n;
      end = params[1] ?? 0n;
      step = end < start ? -1n : 1n;
      return untilStep(start, end + step, step).join(' ');
    }
    case 3: {
      start = params[0] ?? 0n;
      step = params[1] ?? 0n;
      end = params[2] ?? 0n;
      let inc = 1n;
      if (end < start) {
        inc = -1n;
        if (step > 0n) return '';
      }
      return untilStep(start, end + inc, step).join(' ');
    }
    default:
      return '';
  }
}

function wrapInt64(n: bigint): bigint {
  return BigInt.asIntN(64, n);
}

function intDiv(a: bigint, b: bigint, rem: boolean): bigint {
  if (b === 0n) throw new GoError('runtime error: integer divide by zero');
  // Go: MinInt64 / -1 overflows to MinInt64, and the remainder is 0.
  if (a === MIN_INT64 && b === -1n) return rem ? 0n : MIN_INT64;
  return rem ? a % b : a / b;
}

function round(a: GoValue, p: bigint, rOpt: GoValue[]): number {
  const roundOn = rOpt.length > 0 ? toFloat64(rOpt[0] ?? null) : 0.5;
  const val = toFloat64(a);
  const pow = goPowInt(10, Number(p));
  const digit = pow * val;
  const frac = digit - Math.trunc(digit);
  const r = frac >= roundOn ? Math.ceil(digit) : Math.floor(digit);
  return r / pow;
}

/** The math functions of Sprig's function map. */
export function numericFuncs(): Record<string, GoFuncValue> {
  const i64 = (x: bigint): GoValue => int64Result(wrapInt64(x));
  const biggest = goFunc('func(interface {}, ...interface {}) int64', (a, ...rest) =>
    i64(rest.reduce<bigint>((m, x) => (toInt64(x) > m ? toInt64(x) : m), toInt64(a))),
  );
  return {
    int64: goFunc('func(interface {}) int64', (v) => i64(toInt64(v))),
    int: goFunc('func(interface {}) int', (v) => toInt64(v)),
    float64: goFunc('func(interface {}) float64', (v) => toFloat64(v)),
    toDecimal: goFunc('func(interface {}) int64', (v) => i64(parseOctal(sprint(v)))),
    seq: goFunc('func(...int) string', (...ps) => seq(ps.map((p) => BigInt(intArg(p))))),
    until: goFunc('func(int) []int', (c) => {
      const count = BigInt(intArg(c));
      return intsResult(untilStep(0n, count, count < 0n ? -1n : 1n));
    }),
    untilStep: goFunc('func(int, int, int) []int', (a, b, c) =>
      intsResult(untilStep(BigInt(intArg(a)), BigInt(intArg(b)), BigInt(intArg(c)))),
    ),
    add1: goFunc('func(interface {}) int64', (v) => i64(toInt64(v) + 1n)),
    add: goFunc('func(...interface {}) int64', (...xs) =>
      i64(xs.reduce<bigint>((s, x) => wrapInt64(s + toInt64(x)), 0n)),
    ),
    sub: goFunc('func(interface {}, interface {}) int64', (a, b) => i64(toInt64(a) - toInt64(b))),
    div: goFunc('func(interface {}, interface {}) int64', (a, b) =>
      i64(intDiv(toInt64(a), toInt64(b), false)),
    ),
    mod: goFunc('func(interface {}, interface {}) int64', (a, b) =>
      i64(intDiv(toInt64(a), toInt64(b), true)),
    ),
    mul: goFunc('func(interface {}, ...interface {}) int64', (a, ...rest) =>
      i64(rest.reduce<bigint>((m, x) => wrapInt64(m * toInt64(x)), toInt64(a))),
    ),
    randInt: goFunc('func(int, int) int', (lo, hi) => {
      const min = intArg(lo);
      const span = intArg(hi) - min;
      if (span <= 0) throw new GoError('invalid argument to Intn');
      return BigInt(min + Math.floor(Math.random() * span));
    }),
    add1f: goFunc('func(interface {}) float64', (v) => decimalOp(v, [1n], decAdd)),
    addf: goFunc('func(...interface {}) float64', (...xs) => decimalOp(0, xs, decAdd)),
    subf: goFunc('func(interface {}, ...interface {}) float64', (a, ...xs) => decimalOp(a, xs, decSub)),
    divf: goFunc('func(interface {}, ...interface {}) float64', (a, ...xs) => decimalOp(a, xs, decDiv)),
    mulf: goFunc('func(interface {}, ...interface {}) float64', (a, ...xs) => decimalOp(a, xs, decMul)),
    biggest,
    max: biggest,
    min: goFunc('func(interface {}, ...interface {}) int64', (a, ...rest) =>
      i64(rest.reduce<bigint>((m, x) => (toInt64(x) < m ? toInt64(x) : m), toInt64(a))),
    ),
    maxf: goFunc('func(interface {}, ...interface {}) float64', (a, ...rest) =>
      rest.reduce<number>((m, x) => goMax(m, toFloat64(x)), toFloat64(a)),
    ),
    minf: goFunc('func(interface {}, ...interface {}) float64', (a, ...rest) =>
      rest.reduce<number>((m, x) => goMin(m, toFloat64(x)), toFloat64(a)),
    ),
    ceil: goFunc('func(interface {}) float64', (a) => Math.ceil(toFloat64(a))),
    floor: goFunc('func(interface {}) float64', (a) => Math.floor(toFloat64(a))),
    round: goFunc('func(interface {}, int, ...float64) float64', (a, p, ...r) =>
      round(a, BigInt(intArg(p)), r),
    ),
  };
}

/** math.Max: NaN wins, +0 beats -0. */
function goMax(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (a === 0 && b === 0) return Object.is(a, -0) ? b : a;
  return a > b ? a : b;
}

/** math.Min: NaN wins, -0 beats +0. */
function goMin(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (a === 0 && b === 0) return Object.is(a, -0) ? a : b;
  return a < b ? a : b;
}

/** strconv.ParseInt(s, 8, 64), 0 on error (Sprig's toDecimal). */
function parseOctal(s: string): bigint {
  const m = /^([+-]?)([0-7]+)$/.exec(s);
  if (!m) return 0n;
  const v = BigInt(`0o${m[2]}`) * (m[1] === '-' ? -1n : 1n);
  return v < MIN_INT64 || v > -MIN_INT64 - 1n ? 0n : v;
}

/** math.Frexp: x = frac × 2^exp with |frac| in [0.5, 1). */
function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let e = Math.max(-1073, Math.floor(Math.log2(Math.abs(x))) + 1);
  let f = x * 2 ** -e;
  while (Math.abs(f) < 0.5) {
    f *= 2;
    e--;
  }
  while (Math.abs(f) >= 1) {
    f /= 2;
    e++;
  }
  return [f, e];
}

/** math.Ldexp. */
function ldexp(frac: number, exp: number): number {
  if (exp > 1023) return frac * 2 ** 1023 * 2 ** (exp - 1023);
  if (exp < -1022) return frac * 2 ** (exp + 1022) * 2 ** -1022;
  return frac * 2 ** exp;
}

/** Go's math.Pow for an integral exponent (repeated squaring on Frexp parts), bit for bit. */
export function goPowInt(x: number, y: number): number {
  if (y === 0) return 1;
  if (y === 1) return x;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === 0) return y < 0 ? Infinity : 0;
  if (!Number.isFinite(y) || !Number.isFinite(x)) return Math.pow(x, y);
  let a1 = 1;
  let ae = 0;
  let [x1, xe] = frexp(x);
  for (let i = BigInt(Math.abs(Math.trunc(y))); i !== 0n; i >>= 1n) {
    if (xe < -(1 << 12) || 1 << 12 < xe) {
      ae += xe;
      break;
    }
    if ((i & 1n) === 1n) {
      a1 *= x1;
      ae += xe;
    }
    x1 *= x1;
    xe <<= 1;
    if (x1 < 0.5) {
      x1 += x1;
      xe--;
    }
  }
  if (y < 0) {
    a1 = 1 / a1;
    ae = -ae;
  }
  return ldexp(a1, ae);
}
