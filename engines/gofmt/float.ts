/**
 * Go's `strconv.FormatFloat`: formats 'e', 'E', 'f', 'g', 'G', 'b', 'x', 'X' with precision -1
 * (the shortest digits that read back to the same float) or a fixed precision rounded
 * half-to-even on the exact binary value, as Go does.
 * @module
 */

/** A decimal: value = 0.d1d2d3... × 10^dp (no leading or trailing zero digits; zero has d = ''). */
interface Decimal {
  d: string;
  dp: number;
}

const pow5Cache: bigint[] = [1n];
function pow5(k: number): bigint {
  for (let i = pow5Cache.length; i <= k; i++) pow5Cache.push((pow5Cache[i - 1] as bigint) * 5n);
  return pow5Cache[k] as bigint;
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** Mantissa and binary exponent of a finite non-negative double: x = mant × 2^exp. */
function decompose(x: number): { mant: bigint; exp: number } {
  f64[0] = x;
  const bits = u64[0] as bigint;
  const e = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & 0xfffffffffffffn;
  if (e === 0) return { mant, exp: -1074 };
  mant |= 1n << 52n;
  return { mant, exp: e - 1075 };
}

/** The exact decimal expansion of a finite non-negative double. */
function exactDecimal(x: number): Decimal {
  if (x === 0) return { d: '', dp: 0 };
  const { mant, exp } = decompose(x);
  let s: string;
  let dp: number;
  if (exp >= 0) {
    s = (mant << BigInt(exp)).toString();
    dp = s.length;
  } else {
    s = (mant * pow5(-exp)).toString();
    dp = s.length + exp;
  }
  return trimDecimal(s, dp);
}

function trimDecimal(s: string, dp: number): Decimal {
  let start = 0;
  while (start < s.length && s[start] === '0') {
    start++;
    dp--;
  }
  let end = s.length;
  while (end > start && s[end - 1] === '0') end--;
  if (start === end) return { d: '', dp: 0 };
  return { d: s.slice(start, end), dp };
}

/** Rounds an exact decimal to nd digits, half to even (Go's decimal.Round). nd < 0 leaves it. */
function roundDecimal(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  const c = a.d.charCodeAt(nd);
  let up: boolean;
  if (c === 53 /* '5' */ && nd + 1 === a.d.length) up = nd > 0 && (a.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  else up = c >= 53;
  if (!up) return trimDecimal(a.d.slice(0, nd), a.dp);
  let i = nd - 1;
  while (i >= 0 && a.d[i] === '9') i--;
  if (i < 0) return { d: '1', dp: a.dp + 1 };
  const head = a.d.slice(0, i) + String.fromCharCode(a.d.charCodeAt(i) + 1);
  return { d: head, dp: a.dp };
}

/** Shortest decimal that reads back to x at the given bit size. */
function shortestDecimal(x: number, bitSize: number): Decimal {
  if (x === 0) return { d: '', dp: 0 };
  if (bitSize === 32) {
    for (let p = 1; p <= 9; p++) {
      const s = x.toExponential(p - 1);
      if (Math.fround(Number(s)) === x) return parseExponential(s);
    }
  }
  return parseExponential(x.toExponential());
}

function parseExponential(s: string): Decimal {
  const e = s.indexOf('e');
  const mant = s.slice(0, e).replace('.', '');
  return trimDecimal(mant, Number(s.slice(e + 1)) + 1);
}

function digitAt(d: Decimal, i: number): string {
  return i >= 0 && i < d.d.length ? (d.d[i] as string) : '0';
}

function fmtE(neg: boolean, d: Decimal, prec: number, fmt: string): string {
  let out = neg ? '-' : '';
  out += d.d.length === 0 ? '0' : d.d[0];
  if (prec > 0) {
    out += '.';
    let i = 1;
    const m = Math.min(d.d.length, prec + 1);
    if (i < m) {
      out += d.d.slice(i, m);
      i = m;
    }
    for (; i <= prec; i++) out += '0';
  }
  out += fmt;
  let exp = d.dp - 1;
  if (d.d.length === 0) exp = 0;
  out += exp < 0 ? '-' : '+';
  const ae = Math.abs(exp);
  out += ae < 10 ? `0${ae}` : String(ae);
  return out;
}

function fmtF(neg: boolean, d: Decimal, prec: number): string {
  let out = neg ? '-' : '';
  if (d.dp > 0) {
    const m = Math.min(d.d.length, d.dp);
    out += d.d.slice(0, m);
    for (let i = m; i < d.dp; i++) out += '0';
  } else out += '0';
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) out += digitAt(d, d.dp + i - 1);
  }
  return out;
}

function fmtB(neg: boolean, x: number, bitSize: number): string {
  if (bitSize === 32) {
    const b = new Float32Array([x]);
    const bits = new Uint32Array(b.buffer)[0] as number;
    let e = (bits >>> 23) & 0xff;
    let mant = bits & 0x7fffff;
    if (e === 0) e++;
    else mant |= 0x800000;
    e += -127 - 23;
    return `${neg ? '-' : ''}${mant}p${e >= 0 ? '+' : ''}${e}`;
  }
  const { mant, exp } = decompose(x);
  return `${neg ? '-' : ''}${mant}p${exp >= 0 ? '+' : ''}${exp}`;
}

/** %x / %X: -0x1.23abcp+20 (Go's fmtX). */
function fmtX(neg: boolean, x: number, prec: number, fmt: string): string {
  const M60 = 1n << 60n;
  const MASK64 = (1n << 64n) - 1n;
  let mant = 0n;
  let exp = 0;
  if (x !== 0) {
    f64[0] = x;
    const bits = u64[0] as bigint;
    const e = Number((bits >> 52n) & 0x7ffn);
    mant = bits & 0xfffffffffffffn;
    if (e === 0) exp = 1 - 1023;
    else {
      mant |= 1n << 52n;
      exp = e - 1023;
    }
    mant <<= 8n;
    while (mant !== 0n && (mant & M60) === 0n) {
      mant <<= 1n;
      exp--;
    }
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & (M60 - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = fmt === 'X' ? '0123456789ABCDEF' : '0123456789abcdef';
  let out = neg ? '-' : '';
  out += `0${fmt}${Number((mant >> 60n) & 1n)}`;
  mant = (mant << 4n) & MASK64;
  if (prec < 0 && mant !== 0n) {
    out += '.';
    while (mant !== 0n) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & MASK64;
    }
  } else if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & MASK64;
    }
  }
  out += fmt === 'X' ? 'P' : 'p';
  out += exp < 0 ? '-' : '+';
  const ae = Math.abs(exp);
  out += ae < 10 ? `0${ae}` : String(ae);
  return out;
}

/**
 * `strconv.FormatFloat(x, fmt, prec, bitSize)`.
 * @param fmt one of 'e', 'E', 'f', 'g', 'G', 'b', 'x', 'X'.
 * @param prec digits (after the point for e/f, significant for g); -1 for the shortest exact form.
 * @param bitSize 64, or 32 to format as a float32.
 */
export function formatFloat(x: number, fmt: string, prec: number, bitSize = 64): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  // Fast path: %v of a float64 in [1e-4, 1e6) is plain decimal with the shortest digits, which is
  // exactly JS's Number#toString there.
  if (fmt === 'g' && prec < 0 && bitSize === 64 && ((ax >= 1e-4 && ax < 1e6) || x === 0) && !Object.is(x, -0)) return String(x);
  if (fmt === 'b') return fmtB(neg, ax, bitSize);
  if (fmt === 'x' || fmt === 'X') return fmtX(neg, ax, prec, fmt);
  const shortest = prec < 0;
  let d: Decimal;
  if (shortest) {
    d = shortestDecimal(ax, bitSize);
    if (fmt === 'e' || fmt === 'E') prec = Math.max(d.d.length - 1, 0);
    else if (fmt === 'f') prec = Math.max(d.d.length - d.dp, 0);
    else prec = d.d.length;
  } else {
    const exact = exactDecimal(ax);
    if (fmt === 'e' || fmt === 'E') d = roundDecimal(exact, prec + 1);
    else if (fmt === 'f') d = roundDecimal(exact, exact.dp + prec);
    else {
      if (prec === 0) prec = 1;
      d = roundDecimal(exact, prec);
    }
  }
  switch (fmt) {
    case 'e':
    case 'E':
      return fmtE(neg, d, prec, fmt);
    case 'f':
      return fmtF(neg, d, prec);
    case 'g':
    case 'G': {
      let eprec = prec;
      if (eprec > d.d.length && d.d.length >= d.dp) eprec = d.d.length;
      if (shortest) eprec = 6;
      const exp = d.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > d.d.length) prec = d.d.length;
        return fmtE(neg, d, prec - 1, fmt === 'g' ? 'e' : 'E');
      }
      if (prec > d.dp) prec = d.d.length;
      return fmtF(neg, d, Math.max(prec - d.dp, 0));
    }
  }
  return `%${fmt}`;
}
