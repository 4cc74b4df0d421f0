/** Sprig v3.3 date and duration functions over Go `time` values (see ./gotime.ts). */
import { durationString, parseDuration } from '../gofmt/duration.js';
import { GoTyped, goFunc } from '../gotemplate/value.js';
import type { GoFuncValue, GoValue } from '../gotemplate/value.js';
import { strArg } from './args.js';
import {
  asTime,
  formatTime,
  loadLocation,
  parseTime,
  roundDuration,
  timeNow,
  timeUnix,
  timeValue,
  zeroTime,
} from './gotime.js';
import type { GoTime } from './gotime.js';

const NS = 1_000_000_000n;

/** The instant Sprig's `date` family reads from its argument: a time, unix seconds (int, int64, int32), else now. */
function instantOf(v: GoValue, allowInt32: boolean): GoTime {
  const t = asTime(v);
  if (t !== undefined) return t;
  if (typeof v === 'bigint') return timeUnix(v);
  if (
    v instanceof GoTyped &&
    typeof v.value === 'bigint' &&
    (v.type === 'int64' || (allowInt32 && v.type === 'int32'))
  ) {
    return timeUnix(v.value);
  }
  return timeNow();
}

function dateInZone(layout: string, date: GoValue, zone: string): string {
  const t = instantOf(date, true);
  const loc = loadLocation(zone) ?? 'UTC';
  return formatTime({ sec: t.sec, nsec: t.nsec, loc }, layout);
}

function sinceNs(t: GoTime): bigint {
  const now = timeNow();
  return (now.sec - t.sec) * NS + BigInt(now.nsec - t.nsec);
}

function tryParseDuration(s: string): bigint | undefined {
  try {
    return parseDuration(s);
  } catch {
    return undefined;
  }
}

function durationRound(v: GoValue): string {
  let d = 0n;
  if (typeof v === 'string') d = tryParseDuration(v) ?? 0n;
  else if (v instanceof GoTyped && v.type === 'int64' && typeof v.value === 'bigint') d = v.value;
  else {
    const t = asTime(v);
    if (t !== undefined) d = sinceNs(t);
  }
  const u = BigInt.asUintN(64, d < 0n ? -d : d);
  const hour = 3600n * NS;
  const units: [bigint, string][] = [
    [hour * 24n * 365n, 'y'],
    [hour * 24n * 30n, 'mo'],
    [hour * 24n, 'd'],
    [hour, 'h'],
    [60n * NS, 'm'],
    [NS, 's'],
  ];
  for (const [size, suffix] of units) if (u > size) return `${u / size}${suffix}`;
  return '0s';
}

/** The date functions of Sprig's function map. */
export function dateFuncs(): Record<string, GoFuncValue> {
  const s = strArg;
  const dateModify = (must: boolean) => (fmt: GoValue, date: GoValue) => {
    const t = asTime(date) ?? zeroTime();
    let d: bigint;
    try {
      d = parseDuration(s(fmt));
    } catch (err) {
      if (must) throw err;
      return date;
    }
    const total = BigInt(t.nsec) + d;
    let sec = t.sec + total / NS;
    let nsec = total % NS;
    if (nsec < 0n) {
      nsec += NS;
      sec -= 1n;
    }
    return timeValue({ sec, nsec: Number(nsec), loc: t.loc });
  };
  const toDate = (must: boolean) => (fmt: GoValue, str: GoValue) => {
    try {
      return timeValue(parseTime(s(fmt), s(str), 'Local'));
    } catch (err) {
      if (must) throw err;
      return timeValue(zeroTime());
    }
  };
  return {
    ago: goFunc('func(interface {}) string', (v) => {
      const t =
        asTime(v) ??
        (typeof v === 'bigint' || (v instanceof GoTyped && v.type === 'int64')
          ? instantOf(v, false)
          : timeNow());
      return durationString(roundDuration(sinceNs(t), NS));
    }),
    date: goFunc('func(string, interface {}) string', (f, d) => dateInZone(s(f), d, 'Local')),
    dateInZone: goFunc('func(string, interface {}, string) string', (f, d, z) => dateInZone(s(f), d, s(z))),
    date_in_zone: goFunc('func(string, interface {}, string) string', (f, d, z) => dateInZone(s(f), d, s(z))),
    dateModify: goFunc('func(string, time.Time) time.Time', dateModify(false)),
    date_modify: goFunc('func(string, time.Time) time.Time', dateModify(false)),
    mustDateModify: goFunc('func(string, time.Time) (time.Time, error)', dateModify(true)),
    must_date_modify: goFunc('func(string, time.Time) (time.Time, error)', dateModify(true)),
    duration: goFunc('func(interface {}) string', (v) => {
      let n = 0n;
      if (typeof v === 'string') n = /^[+-]?[0-9]+$/.test(v) ? BigInt(v) : 0n;
      else if (v instanceof GoTyped && v.type === 'int64' && typeof v.value === 'bigint') n = v.value;
      return durationString(BigInt.asIntN(64, n * NS));
    }),
    durationRound: goFunc('func(interface {}) string', (v) => durationRound(v)),
    htmlDate: goFunc('func(interface {}) string', (d) => dateInZone('2006-01-02', d, 'Local')),
    htmlDateInZone: goFunc('func(interface {}, string) string', (d, z) => dateInZone('2006-01-02', d, s(z))),
    now: goFunc('func() time.Time', () => timeValue(timeNow())),
    toDate: goFunc('func(string, string) time.Time', toDate(false)),
    mustToDate: goFunc('func(string, string) (time.Time, error)', toDate(true)),
    unixEpoch: goFunc('func(time.Time) string', (d) => String((asTime(d) ?? zeroTime()).sec)),
  };
}
