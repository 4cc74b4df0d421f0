/**
 * Go's `time.Duration`: `String()` (`1h0m0s`, `1.5s`, `500ms`, `0s`) and `time.ParseDuration`.
 * A duration is an int64 count of nanoseconds, held as a bigint.
 * @module
 */
import { quote } from './quote.js';

const MAX_INT64 = (1n << 63n) - 1n;

function fmtFrac(v: bigint, prec: number): [string, bigint] {
  let digits = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const d = v % 10n;
    print = print || d !== 0n;
    if (print) digits = d.toString() + digits;
    v /= 10n;
  }
  return [print ? `.${digits}` : '', v];
}

/** `time.Duration(d).String()`. */
export function durationString(d: bigint): string {
  if (d === 0n) return '0s';
  const neg = d < 0n;
  const u = neg ? -d : d;
  const sign = neg ? '-' : '';
  if (u < 1_000_000_000n) {
    if (u < 1000n) return `${sign}${u}ns`;
    const [prec, unit] = u < 1_000_000n ? [3, 'µs'] : [6, 'ms'];
    const [frac, rest] = fmtFrac(u, prec);
    return `${sign}${rest}${frac}${unit}`;
  }
  const [frac, rest0] = fmtFrac(u, 9);
  let rest = rest0;
  let out = `${rest % 60n}${frac}s`;
  rest /= 60n;
  if (rest > 0n) {
    out = `${rest % 60n}m${out}`;
    rest /= 60n;
    if (rest > 0n) out = `${rest}h${out}`;
  }
  return sign + out;
}

const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1000n],
  ['µs', 1000n], // U+00B5
  ['μs', 1000n], // U+03BC
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
]);

/** Error thrown by {@link parseDuration}, with Go's message. */
export class DurationError extends Error {}

/**
 * `time.ParseDuration`: a signed sequence of decimal numbers with optional fraction and a unit
 * (`300ms`, `-1.5h`, `2h45m`). Units ns, us/µs/μs, ms, s, m, h; a bare `0` is allowed.
 * @returns nanoseconds.
 * @throws DurationError with Go's message (`time: invalid duration "x"`, `time: missing unit in duration "1"`,
 * `time: unknown unit "d" in duration "1d"`).
 */
export function parseDuration(s: string): bigint {
  const orig = s;
  const invalid = (): DurationError => new DurationError(`time: invalid duration ${quote(orig)}`);
  let d = 0n;
  let neg = false;
  if (s !== '') {
    const c = s[0];
    if (c === '-' || c === '+') {
      neg = c === '-';
      s = s.slice(1);
    }
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();
  while (s !== '') {
    let i = 0;
    if (!(s[0] === '.' || (s[0] as string) >= '0' && (s[0] as string) <= '9')) throw invalid();
    while (i < s.length && (s[i] as string) >= '0' && (s[i] as string) <= '9') i++;
    const pre = i !== 0;
    let v = i === 0 ? 0n : BigInt(s.slice(0, i));
    if (v > MAX_INT64) throw invalid();
    s = s.slice(i);
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s !== '' && s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      while (j < s.length && (s[j] as string) >= '0' && (s[j] as string) <= '9') {
        if (!overflow) {
          const nf = f * 10n + BigInt((s.charCodeAt(j) - 48));
          if (nf > MAX_INT64) overflow = true;
          else {
            f = nf;
            scale *= 10;
          }
        }
        j++;
      }
      post = j !== 0;
      s = s.slice(j);
    }
    if (!pre && !post) throw invalid();
    let k = 0;
    while (k < s.length && s[k] !== '.' && !((s[k] as string) >= '0' && (s[k] as string) <= '9')) k++;
    if (k === 0) throw new DurationError(`time: missing unit in duration ${quote(orig)}`);
    const u = s.slice(0, k);
    s = s.slice(k);
    const unit = UNITS.get(u);
    if (unit === undefined) throw new DurationError(`time: unknown unit ${quote(u)} in duration ${quote(orig)}`);
    if (v > MAX_INT64 / unit) throw invalid();
    v *= unit;
    if (f > 0n) {
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > MAX_INT64) throw invalid();
    }
    d += v;
    if (d > MAX_INT64 + (neg ? 1n : 0n)) throw invalid();
  }
  return neg ? -d : d;
}
