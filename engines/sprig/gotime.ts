/**
 * Go `time` for Sprig's date functions: instants with a location, Go layouts (`2006-01-02T15:04:05Z07:00`)
 * for Format and Parse (with Go's parse error texts), Time.String, and `time.Time`/`time.Duration`
 * template values with their common methods. `Local` is UTC (the process time zone of a controller
 * container); other IANA zones resolve through Intl.
 */
import { durationString } from '../gofmt/duration.js';
import { GoError, GoStruct, GoTyped, goFunc } from '../gotemplate/value.js';
import type { GoFuncValue, GoValue } from '../gotemplate/value.js';

const NS = 1_000_000_000n;
/** Seconds from 0001-01-01 to 1970-01-01 (Go's zero time is year 1). */
const ZERO_UNIX = -62135596800n;

/** A Go time.Time: an instant plus the zone it displays in. */
export interface GoTime {
  /** Unix seconds. */
  readonly sec: bigint;
  /** Nanoseconds within the second, 0..999999999. */
  readonly nsec: number;
  /** Location name (`UTC`, `Local`, `Europe/Paris`). */
  readonly loc: string;
  /** Monotonic reading (seconds since start), only for `now`. */
  readonly mono?: number;
}

const START = performance.now();

export function timeNow(): GoTime {
  const ms = Date.now();
  const sec = BigInt(Math.floor(ms / 1000));
  const nsec = (ms % 1000) * 1_000_000;
  return { sec, nsec, loc: 'Local', mono: (performance.now() - START) / 1000 };
}

export const timeUnix = (sec: bigint, loc = 'Local'): GoTime => ({ sec, nsec: 0, loc });
export const zeroTime = (): GoTime => ({ sec: ZERO_UNIX, nsec: 0, loc: 'UTC' });

/** time.LoadLocation: the canonical name, or undefined when unknown. */
export function loadLocation(name: string): string | undefined {
  if (name === '' || name === 'UTC') return 'UTC';
  if (name === 'Local') return 'Local';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name;
  } catch {
    return undefined;
  }
}

/** The zone abbreviation and offset (seconds east of UTC) of `loc` at the instant. */
export function zoneAt(loc: string, sec: bigint): { name: string; offset: number } {
  if (loc === 'UTC' || loc === 'Local') return { name: 'UTC', offset: 0 };
  const ms = Number(sec) * 1000;
  const fmt = (locale: string): Intl.DateTimeFormatPart[] =>
    new Intl.DateTimeFormat(locale, {
      timeZone: loc,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      timeZoneName: 'short',
    }).formatToParts(new Date(ms));
  const parts = fmt('en-US');
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const offset = Math.round((wall - Math.floor(ms / 1000) * 1000) / 1000);
  const isNumeric = (n: string): boolean => /^(GMT|UTC)([+-]|$)/.test(n);
  // en-US knows only American abbreviations; tzdata's others (CET, IST, AEDT) come from other English locales.
  let name = 'GMT';
  for (const locale of ['en-US', 'en-GB', 'en-IN', 'en-AU']) {
    const n = fmt(locale).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    if (!isNumeric(n)) {
      name = n;
      break;
    }
  }
  if (isNumeric(name)) {
    // tzdata spells zones without an abbreviation as a numeric offset (-03, +0530).
    const sign = offset < 0 ? '-' : '+';
    const a = Math.abs(offset);
    const h = String(Math.floor(a / 3600)).padStart(2, '0');
    const m = Math.floor((a % 3600) / 60);
    name = offset === 0 ? 'GMT' : m === 0 ? `${sign}${h}` : `${sign}${h}${String(m).padStart(2, '0')}`;
  }
  return { name, offset };
}

interface Civil {
  year: number;
  month: number;
  day: number;
  hour: number;
  min: number;
  sec: number;
  nsec: number;
  weekday: number;
  yday: number;
  zone: string;
  offset: number;
}

function daysFromCivil(y: number, m: number, d: number): bigint {
  const yy = BigInt(m <= 2 ? y - 1 : y);
  const era = (yy >= 0n ? yy : yy - 399n) / 400n;
  const yoe = yy - era * 400n;
  const mp = BigInt((m + 9) % 12);
  const doy = (153n * mp + 2n) / 5n + BigInt(d) - 1n;
  const doe = yoe * 365n + yoe / 4n - yoe / 100n + doy;
  return era * 146097n + doe - 719468n;
}

function civil(t: GoTime): Civil {
  const { name, offset } = zoneAt(t.loc, t.sec);
  const local = t.sec + BigInt(offset);
  let days = local / 86400n;
  let rem = local % 86400n;
  if (rem < 0n) {
    rem += 86400n;
    days -= 1n;
  }
  const z = days + 719468n;
  const era = (z >= 0n ? z : z - 146096n) / 146097n;
  const doe = z - era * 146097n;
  const yoe = (doe - doe / 1460n + doe / 36524n - doe / 146096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const day = Number(doy - (153n * mp + 2n) / 5n + 1n);
  const month = Number(mp < 10n ? mp + 3n : mp - 9n);
  const year = Number(yoe + era * 400n + (month <= 2 ? 1n : 0n));
  const r = Number(rem);
  const wd = Number((((days + 4n) % 7n) + 7n) % 7n);
  const yday = Number(days - daysFromCivil(year, 1, 1)) + 1;
  return {
    year,
    month,
    day,
    hour: Math.floor(r / 3600),
    min: Math.floor((r % 3600) / 60),
    sec: r % 60,
    nsec: t.nsec,
    weekday: wd,
    yday,
    zone: name,
    offset,
  };
}

const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Chunk =
  | { k: 'lit'; v: string }
  | { k: 'std'; v: string }
  | { k: 'frac'; v: string; digits: number; nines: boolean; sep: string };

/** Splits a Go layout into literal text and std chunks, as time.nextStdChunk does. */
function chunks(layout: string): Chunk[] {
  const out: Chunk[] = [];
  // Longest alternatives first, as time.nextStdChunk tests them.
  const STD = [
    'January',
    'Jan',
    'Monday',
    'Mon',
    'MST',
    '2006',
    '__2',
    '_2',
    '002',
    '01',
    '02',
    '03',
    '04',
    '05',
    '06',
    '15',
    '1',
    '2',
    '3',
    '4',
    '5',
    'PM',
    'pm',
    'Z070000',
    'Z07:00:00',
    'Z0700',
    'Z07:00',
    'Z07',
    '-070000',
    '-07:00:00',
    '-0700',
    '-07:00',
    '-07',
  ];
  let lit = '';
  let i = 0;
  const flush = (): void => {
    if (lit !== '') out.push({ k: 'lit', v: lit });
    lit = '';
  };
  while (i < layout.length) {
    const rest = layout.slice(i);
    const c = layout[i] ?? '';
    // Fractional seconds: .000 or ,999 not followed by another digit.
    const frac = /^([.,])(0+|9+)(?![0-9])/.exec(rest);
    if (frac) {
      flush();
      const digits = frac[2] ?? '';
      out.push({
        k: 'frac',
        v: frac[0],
        digits: digits.length,
        nines: digits[0] === '9',
        sep: frac[1] ?? '.',
      });
      i += frac[0].length;
      continue;
    }
    if (rest.startsWith('_2006')) {
      lit += '_';
      i++;
      continue;
    }
    const matched = STD.find((std) => {
      if (!rest.startsWith(std)) return false;
      // "Jan" and "Mon" are words only when no lower-case letter follows ("Janet" is text).
      if ((std === 'Jan' || std === 'Mon') && /^[a-z]/.test(rest.slice(3))) return false;
      return true;
    });
    if (matched !== undefined) {
      flush();
      out.push({ k: 'std', v: matched });
      i += matched.length;
      continue;
    }
    lit += c;
    i++;
  }
  flush();
  return out;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

function zoneOffset(offset: number, style: string): string {
  const z = style.startsWith('Z');
  if (z && offset === 0) return 'Z';
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  const h = pad(Math.floor(a / 3600), 2);
  const m = pad(Math.floor((a % 3600) / 60), 2);
  const s = pad(a % 60, 2);
  const body = style.replace(/^Z/, '-');
  switch (body) {
    case '-07':
      return `${sign}${h}`;
    case '-0700':
      return `${sign}${h}${m}`;
    case '-07:00':
      return `${sign}${h}:${m}`;
    case '-070000':
      return `${sign}${h}${m}${s}`;
    default:
      return `${sign}${h}:${m}:${s}`;
  }
}

/** time.Time.Format. */
export function formatTime(t: GoTime, layout: string): string {
  const c = civil(t);
  let out = '';
  for (const ch of chunks(layout)) {
    if (ch.k === 'lit') {
      out += ch.v;
      continue;
    }
    if (ch.k === 'frac') {
      const digits = pad(c.nsec, 9).slice(0, ch.digits);
      if (ch.nines) {
        const trimmed = digits.replace(/0+$/, '');
        if (trimmed !== '') out += ch.sep + trimmed;
      } else out += ch.sep + digits;
      continue;
    }
    const h12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
    switch (ch.v) {
      case 'January':
        out += LONG_MONTHS[c.month - 1];
        break;
      case 'Jan':
        out += (LONG_MONTHS[c.month - 1] ?? '').slice(0, 3);
        break;
      case 'Monday':
        out += LONG_DAYS[c.weekday];
        break;
      case 'Mon':
        out += (LONG_DAYS[c.weekday] ?? '').slice(0, 3);
        break;
      case 'MST':
        out += c.zone;
        break;
      case '2006':
        out += c.year < 0 ? `-${pad(-c.year, 4)}` : pad(c.year, 4);
        break;
      case '06':
        out += pad(((c.year % 100) + 100) % 100, 2);
        break;
      case '01':
        out += pad(c.month, 2);
        break;
      case '1':
        out += String(c.month);
        break;
      case '02':
        out += pad(c.day, 2);
        break;
      case '_2':
        out += String(c.day).padStart(2, ' ');
        break;
      case '2':
        out += String(c.day);
        break;
      case '__2':
        out += String(c.yday).padStart(3, ' ');
        break;
      case '002':
        out += pad(c.yday, 3);
        break;
      case '15':
        out += pad(c.hour, 2);
        break;
      case '03':
        out += pad(h12, 2);
        break;
      case '3':
        out += String(h12);
        break;
      case '04':
        out += pad(c.min, 2);
        break;
      case '4':
        out += String(c.min);
        break;
      case '05':
        out += pad(c.sec, 2);
        break;
      case '5':
        out += String(c.sec);
        break;
      case 'PM':
        out += c.hour >= 12 ? 'PM' : 'AM';
        break;
      case 'pm':
        out += c.hour >= 12 ? 'pm' : 'am';
        break;
      default:
        out += zoneOffset(c.offset, ch.v);
    }
  }
  return out;
}

/** Time.String: `2006-01-02 15:04:05.999999999 -0700 MST`, plus ` m=+…` for a monotonic reading. */
export function timeString(t: GoTime): string {
  const s = formatTime(t, '2006-01-02 15:04:05.999999999 -0700 MST');
  return t.mono === undefined ? s : `${s} m=+${t.mono.toFixed(9)}`;
}

function quoteGo(s: string): string {
  return JSON.stringify(s);
}

class ParseFail extends Error {
  constructor(
    readonly elem: string,
    readonly value: string,
    readonly msg = '',
  ) {
    super(msg);
  }
}

/** time.ParseInLocation(layout, value, loc). Throws GoError with Go's message. */
export function parseTime(layout: string, value: string, loc = 'Local'): GoTime {
  let year = 1;
  let month = 1;
  let day = 1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0;
  let pm: boolean | undefined;
  let offset: number | undefined;
  let v = value;
  const num = (elem: string, min: number, max: number): number => {
    const m = new RegExp(`^[0-9]{${min},${max}}`).exec(v);
    if (!m) throw new ParseFail(elem, v);
    v = v.slice(m[0].length);
    return Number(m[0]);
  };
  try {
    for (const ch of chunks(layout)) {
      if (ch.k === 'lit') {
        const lit = ch.v;
        if (!v.startsWith(lit)) throw new ParseFail(lit, v);
        v = v.slice(lit.length);
        continue;
      }
      if (ch.k === 'frac') {
        const m = /^[.,]([0-9]+)/.exec(v);
        if (ch.nines) {
          if (!m) continue;
        } else if (!m || (m[1] ?? '').length !== ch.digits) throw new ParseFail(ch.v, v);
        const digits = (m[1] ?? '').slice(0, 9);
        nsec = Number(digits.padEnd(9, '0'));
        v = v.slice((m[0] ?? '').length);
        continue;
      }
      const elem = ch.v;
      switch (elem) {
        case '2006': {
          const m = /^[0-9]{4}/.exec(v);
          if (!m) throw new ParseFail(elem, v);
          year = Number(m[0]);
          v = v.slice(4);
          break;
        }
        case '06': {
          const y = num(elem, 2, 2);
          year = y >= 69 ? 1900 + y : 2000 + y;
          break;
        }
        case '01':
        case '1': {
          month = elem === '01' ? num(elem, 2, 2) : num(elem, 1, 2);
          if (month < 1 || month > 12) throw new ParseFail(elem, v, ': month out of range');
          break;
        }
        case 'January':
        case 'Jan': {
          const names = elem === 'January' ? LONG_MONTHS : LONG_MONTHS.map((x) => x.slice(0, 3));
          const i = names.findIndex((n) => v.toLowerCase().startsWith(n.toLowerCase()));
          if (i < 0) throw new ParseFail(elem, v);
          month = i + 1;
          v = v.slice((names[i] ?? '').length);
          break;
        }
        case 'Monday':
        case 'Mon': {
          const names = elem === 'Monday' ? LONG_DAYS : LONG_DAYS.map((x) => x.slice(0, 3));
          const i = names.findIndex((n) => v.toLowerCase().startsWith(n.toLowerCase()));
          if (i < 0) throw new ParseFail(elem, v);
          v = v.slice((names[i] ?? '').length);
          break;
        }
        case '02':
        case '2':
        case '_2':
          if (elem === '_2' && v.startsWith(' ')) v = v.slice(1);
          day = elem === '02' ? num(elem, 2, 2) : num(elem, 1, 2);
          break;
        case '002':
        case '__2':
          num(elem, elem === '002' ? 3 : 1, 3);
          break;
        case '15':
          hour = num(elem, 2, 2);
          if (hour > 23) throw new ParseFail(elem, v, ': hour out of range');
          break;
        case '03':
        case '3':
          hour = elem === '03' ? num(elem, 2, 2) : num(elem, 1, 2);
          if (hour > 12) throw new ParseFail(elem, v, ': hour out of range');
          break;
        case '04':
        case '4':
          min = elem === '04' ? num(elem, 2, 2) : num(elem, 1, 2);
          if (min > 59) throw new ParseFail(elem, v, ': minute out of range');
          break;
        case '05':
        case '5':
          sec = elem === '05' ? num(elem, 2, 2) : num(elem, 1, 2);
          if (sec > 59) throw new ParseFail(elem, v, ': second out of range');
          {
            // A fractional second may follow even when the layout has none.
            const m = /^[.,]([0-9]+)/.exec(v);
            if (m && !layout.slice(layout.indexOf(elem) + elem.length).match(/^[.,][09]/)) {
              nsec = Number((m[1] ?? '').slice(0, 9).padEnd(9, '0'));
              v = v.slice((m[0] ?? '').length);
            }
          }
          break;
        case 'PM':
        case 'pm': {
          const p = v.slice(0, 2);
          if (p.toUpperCase() === 'PM') pm = true;
          else if (p.toUpperCase() === 'AM') pm = false;
          else throw new ParseFail(elem, v);
          v = v.slice(2);
          break;
        }
        case 'MST': {
          const m = /^(UTC|GMT|[A-Z]{3,5})/.exec(v);
          if (!m) throw new ParseFail(elem, v);
          v = v.slice((m[0] ?? '').length);
          break;
        }
        default: {
          if (elem.startsWith('Z') && v.startsWith('Z')) {
            v = v.slice(1);
            offset = 0;
            break;
          }
          const re =
            elem.endsWith('07') || elem === '-07'
              ? /^([+-])([0-9]{2})/
              : elem.includes(':00:00')
                ? /^([+-])([0-9]{2}):([0-9]{2}):([0-9]{2})/
                : elem.includes(':')
                  ? /^([+-])([0-9]{2}):([0-9]{2})/
                  : elem.endsWith('0000')
                    ? /^([+-])([0-9]{2})([0-9]{2})([0-9]{2})/
                    : /^([+-])([0-9]{2})([0-9]{2})/;
          const m = re.exec(v);
          if (!m) throw new ParseFail(elem, v);
          const secs = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
          offset = m[1] === '-' ? -secs : secs;
          v = v.slice((m[0] ?? '').length);
        }
      }
    }
    if (v !== '') throw new ParseFail('', v, `: extra text: ${quoteGo(v)}`);
  } catch (err) {
    if (!(err instanceof ParseFail)) throw err;
    const base = `parsing time ${quoteGo(value)}`;
    if (err.msg.startsWith(': extra text')) throw new GoError(`${base}${err.msg}`);
    if (err.msg !== '') throw new GoError(`${base}${err.msg}`);
    throw new GoError(
      `${base} as ${quoteGo(layout)}: cannot parse ${quoteGo(err.value)} as ${quoteGo(err.elem)}`,
    );
  }
  if (pm === true && hour < 12) hour += 12;
  if (pm === false && hour === 12) hour = 0;
  const dim = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  if (day < 1 || day > (dim[month - 1] ?? 31))
    throw new GoError(`parsing time ${quoteGo(value)}: day out of range`);
  const wall = daysFromCivil(year, month, day) * 86400n + BigInt(hour * 3600 + min * 60 + sec);
  if (offset !== undefined) return { sec: wall - BigInt(offset), nsec, loc: offset === 0 ? 'UTC' : loc };
  return { sec: wall - BigInt(zoneAt(loc, wall).offset), nsec, loc };
}

/** A `time.Duration` template value. */
export function durationValue(ns: bigint): GoTyped {
  return new GoTyped('time.Duration', 'int64', BigInt.asIntN(64, ns), {
    String: goFunc('func() string', () => durationString(BigInt.asIntN(64, ns))),
    Seconds: goFunc('func() float64', () => Number(ns) / 1e9),
    Minutes: goFunc('func() float64', () => Number(ns) / 6e10),
    Hours: goFunc('func() float64', () => Number(ns) / 3.6e12),
    Milliseconds: goFunc('func() int64', () => new GoTyped('int64', 'int64', ns / 1_000_000n)),
    Nanoseconds: goFunc('func() int64', () => new GoTyped('int64', 'int64', ns)),
  });
}

/** The time.Time held by a template value, if it is one. */
export function asTime(v: GoValue): GoTime | undefined {
  if (v instanceof GoStruct && v.typeName === 'time.Time')
    return (v.native as { time?: GoTime } | undefined)?.time;
  return undefined;
}

function addNs(t: GoTime, ns: bigint): GoTime {
  const total = BigInt(t.nsec) + ns;
  let s = t.sec + total / NS;
  let n = total % NS;
  if (n < 0n) {
    n += NS;
    s -= 1n;
  }
  return { sec: s, nsec: Number(n), loc: t.loc };
}

/** A `time.Time` template value with Go's common methods. */
export function timeValue(t: GoTime): GoStruct {
  const c = (): Civil => civil(t);
  const i = (n: number | bigint): GoValue => BigInt(n);
  const methods: Record<string, GoFuncValue> = {
    String: goFunc('func() string', () => timeString(t)),
    Format: goFunc('func(string) string', (l) => formatTime(t, typeof l === 'string' ? l : '')),
    Unix: goFunc('func() int64', () => new GoTyped('int64', 'int64', t.sec)),
    UnixMilli: goFunc(
      'func() int64',
      () => new GoTyped('int64', 'int64', t.sec * 1000n + BigInt(Math.floor(t.nsec / 1e6))),
    ),
    UnixNano: goFunc(
      'func() int64',
      () => new GoTyped('int64', 'int64', BigInt.asIntN(64, t.sec * NS + BigInt(t.nsec))),
    ),
    Year: goFunc('func() int', () => i(c().year)),
    Month: goFunc('func() time.Month', () => {
      const m = c().month;
      return new GoTyped('time.Month', 'int', BigInt(m), {
        String: goFunc('func() string', () => LONG_MONTHS[m - 1] ?? ''),
      });
    }),
    Day: goFunc('func() int', () => i(c().day)),
    Hour: goFunc('func() int', () => i(c().hour)),
    Minute: goFunc('func() int', () => i(c().min)),
    Second: goFunc('func() int', () => i(c().sec)),
    Nanosecond: goFunc('func() int', () => i(t.nsec)),
    YearDay: goFunc('func() int', () => i(c().yday)),
    Weekday: goFunc('func() time.Weekday', () => {
      const d = c().weekday;
      return new GoTyped('time.Weekday', 'int', BigInt(d), {
        String: goFunc('func() string', () => LONG_DAYS[d] ?? ''),
      });
    }),
    UTC: goFunc('func() time.Time', () => timeValue({ sec: t.sec, nsec: t.nsec, loc: 'UTC' })),
    Local: goFunc('func() time.Time', () => timeValue({ sec: t.sec, nsec: t.nsec, loc: 'Local' })),
    IsZero: goFunc('func() bool', () => t.sec === ZERO_UNIX && t.nsec === 0),
    Add: goFunc('func(time.Duration) time.Time', (d) => timeValue(addNs(t, durationNs(d)))),
    AddDate: goFunc('func(int, int, int) time.Time', (y, m, d) => {
      const cv = c();
      const wall = daysFromCivil(cv.year + Number(y), 1, 1);
      // Normalise month overflow the way time.Date does.
      const totalMonths = cv.month - 1 + Number(m);
      const yy = cv.year + Number(y) + Math.floor(totalMonths / 12);
      const mm = (((totalMonths % 12) + 12) % 12) + 1;
      void wall;
      const days = daysFromCivil(yy, mm, 1) + BigInt(cv.day - 1 + Number(d));
      const local = days * 86400n + BigInt(cv.hour * 3600 + cv.min * 60 + cv.sec);
      return timeValue({ sec: local - BigInt(cv.offset), nsec: t.nsec, loc: t.loc });
    }),
    Sub: goFunc('func(time.Time) time.Duration', (o) => {
      const u = asTime(o) ?? zeroTime();
      return durationValue((t.sec - u.sec) * NS + BigInt(t.nsec - u.nsec));
    }),
    Before: goFunc('func(time.Time) bool', (o) => cmpTime(t, asTime(o) ?? zeroTime()) < 0),
    After: goFunc('func(time.Time) bool', (o) => cmpTime(t, asTime(o) ?? zeroTime()) > 0),
    Equal: goFunc('func(time.Time) bool', (o) => cmpTime(t, asTime(o) ?? zeroTime()) === 0),
  };
  const native = {
    time: t,
    marshalGoJSON: (): string => JSON.stringify(formatTime(t, '2006-01-02T15:04:05.999999999Z07:00')),
  };
  return new GoStruct('time.Time', new Map(), methods, false, native);
}

function cmpTime(a: GoTime, b: GoTime): number {
  if (a.sec !== b.sec) return a.sec < b.sec ? -1 : 1;
  return a.nsec - b.nsec;
}

/** Nanoseconds of a time.Duration (or any integer) value. */
export function durationNs(v: GoValue): bigint {
  if (typeof v === 'bigint') return v;
  if (v instanceof GoTyped && typeof v.value === 'bigint') return v.value;
  return 0n;
}

/** Rounds a duration to a multiple of `m` (halfway values away from zero), as Duration.Round. */
export function roundDuration(d: bigint, m: bigint): bigint {
  if (m <= 0n) return d;
  let r = d % m;
  if (d < 0n) {
    r = -r;
    if (r + r < m) return d + r;
    return d - m + r;
  }
  if (r + r < m) return d - r;
  return d + m - r;
}
