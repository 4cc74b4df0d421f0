import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { GoValue } from '../gotemplate/value.js';
import { DurationError, durationString, formatFloat, parseDuration, quote, quoteToASCII, sprintf } from './index.js';

test('Duration.String prints Go units and drops zero fractions', () => {
  const cases: [bigint, string][] = [
    [0n, '0s'],
    [1n, '1ns'],
    [999n, '999ns'],
    [1000n, '1µs'],
    [1500n, '1.5µs'],
    [1_000_000n, '1ms'],
    [1_500_000n, '1.5ms'],
    [1_000_000_000n, '1s'],
    [1_500_000_000n, '1.5s'],
    [60_000_000_000n, '1m0s'],
    [90_000_000_000n, '1m30s'],
    [3_600_000_000_000n, '1h0m0s'],
    [5_400_000_000_000n, '1h30m0s'],
    [-1_500_000_000n, '-1.5s'],
    [(1n << 63n) - 1n, '2562047h47m16.854775807s'],
    [-(1n << 63n), '-2562047h47m16.854775808s'],
  ];
  for (const [d, s] of cases) assert.equal(durationString(d), s, String(d));
});

test('ParseDuration accepts Go syntax and round-trips through String', () => {
  const cases: [string, bigint][] = [
    ['0', 0n],
    ['5s', 5_000_000_000n],
    ['1.5h', 5_400_000_000_000n],
    ['-1m30s', -90_000_000_000n],
    ['+2h45m', 9_900_000_000_000n],
    ['300ms', 300_000_000n],
    ['1us', 1000n],
    ['1µs', 1000n],
    ['1μs', 1000n],
    ['.5s', 500_000_000n],
    ['1.s', 1_000_000_000n],
    ['10ns', 10n],
  ];
  for (const [s, d] of cases) assert.equal(parseDuration(s), d, s);
});

test('ParseDuration rejects what Go rejects, with Go messages', () => {
  const cases: [string, string][] = [
    ['', 'time: invalid duration ""'],
    ['1', 'time: missing unit in duration "1"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['.s', 'time: invalid duration ".s"'],
    ['-', 'time: invalid duration "-"'],
    ['1 h', 'time: unknown unit " h" in duration "1 h"'],
    ['9999999999999999999h', 'time: invalid duration "9999999999999999999h"'],
  ];
  for (const [s, msg] of cases) assert.throws(() => parseDuration(s), (e: unknown) => e instanceof DurationError && e.message === msg, s);
});

test('FormatFloat shortest and fixed forms match strconv', () => {
  const cases: [number, string, number, number, string][] = [
    [1e6, 'g', -1, 64, '1e+06'],
    [123456, 'g', -1, 64, '123456'],
    [1e21, 'g', -1, 64, '1e+21'],
    [0.0001, 'g', -1, 64, '0.0001'],
    [0.00001, 'g', -1, 64, '1e-05'],
    [0.1, 'f', -1, 64, '0.1'],
    [2.5, 'f', 0, 64, '2'],
    [3.5, 'f', 0, 64, '4'],
    [1.005, 'f', 2, 64, '1.00'],
    [5e-324, 'g', -1, 64, '5e-324'],
    [1.7976931348623157e308, 'e', -1, 64, '1.7976931348623157e+308'],
    [Math.fround(0.1), 'g', -1, 32, '0.1'],
    [Math.fround(0.1), 'g', -1, 64, '0.10000000149011612'],
    [-0, 'g', -1, 64, '-0'],
    [NaN, 'g', -1, 64, 'NaN'],
    [-Infinity, 'f', 2, 64, '-Inf'],
    [1, 'x', -1, 64, '0x1p+00'],
    [1, 'b', -1, 64, '4503599627370496p-52'],
  ];
  for (const [x, f, p, b, want] of cases) assert.equal(formatFloat(x, f, p, b), want, `${x} ${f} ${p} ${b}`);
});

test('Quote escapes like strconv.Quote', () => {
  assert.equal(quote('a"b\\c\n\t\x00é😀\u2028'), '"a\\"b\\\\c\\n\\t\\x00é😀\\u2028"');
  assert.equal(quoteToASCII('é😀'), '"\\u00e9\\U0001f600"');
});

test('Sprintf handles widths, flags and diagnostics', () => {
  assert.equal(sprintf('%5.1f|%-5d|%05d|%x|%X', 3.14159, 42n, -42n, 'hi', 255n), '  3.1|42   |-0042|6869|FF');
  assert.equal(sprintf('%d %d', 1n), '1 %!d(MISSING)');
  assert.equal(sprintf('%d', 1n, 'x'), '1%!(EXTRA string=x)');
  assert.equal(sprintf('%'), '%!(NOVERB)');
  assert.equal(sprintf('%v', new Map<string, GoValue>([['b', 2n], ['a', [1n, null]]])), 'map[a:[1 <nil>] b:2]');
});
