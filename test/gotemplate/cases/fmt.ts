/**
 * Go fmt through printf/print/println: every verb against every kind of value, flags, widths,
 * precisions, argument indexes and the %!verb(...) diagnostics. Generated as a cross product.
 */
import type { OracleCase } from '../oracle.js';

/** Values as template expressions, with data for the ones that need typed Go values. */
const values: [string, string][] = [
  ['int', '42'],
  ['negative int', '-7'],
  ['zero int', '0'],
  ['float', '3.14159'],
  ['whole float', '.f'],
  ['big float', '1e21'],
  ['small float', '0.000012345'],
  ['string', '"héllo"'],
  ['empty string', '""'],
  ['bool', 'true'],
  ['nil', 'nil'],
  ['slice', '.l'],
  ['map', '.m'],
  ['missing key', '.nope'],
  ['int64', '.i64'],
  ['uint8', '.u8'],
  ['float32', '.f32'],
  ['[]string', '.ss'],
  ['[]byte', '.bs'],
  ['map[string]string', '.sm'],
  ['char', "'x'"],
  ['complex', '1+2i'],
];

const data = {
  f: 2,
  l: [1, 'a', null, 2.5, true],
  m: { b: 2, a: 'x', c: null, d: [1] },
  i64: { $int64: -12345 },
  u8: { $uint8: 200 },
  f32: { $float32: 0.1 },
  ss: { $strings: ['x', 'y z'] },
  bs: { $bytes: 'aGk=' },
  sm: { $stringmap: { k: 'v', a: 'b' } },
};

const verbs = ['%v', '%+v', '%#v', '%T', '%d', '%s', '%q', '%x', '%X', '%o', '%O', '%b', '%e', '%E', '%f', '%F', '%g', '%G', '%t', '%c', '%U', '%8.3v', '%-8v|', '%08d', '%+d', '% d', '%#x', '%#o', '%.2f', '%10.4e', '%.0f', '%.3g', '%#g', '%x', '% x', '%# x', '%.1q', '%5s|', '%-5s|', '%05s', '%.2s', '%#q', '%+q', '%#U'];

const generated: OracleCase[] = [];
for (const [vname, expr] of values) {
  for (const verb of [...new Set(verbs)]) {
    const template = expr === 'nil' ? `{{ printf ${JSON.stringify(verb)} nil }}` : `{{ printf ${JSON.stringify(verb)} ${expr} }}`;
    generated.push({ name: `printf ${verb} of ${vname}`, template, data });
  }
}

const t = (name: string, template: string, d?: unknown): OracleCase => ({ name, template, data: d ?? data });

export const cases: OracleCase[] = [
  ...generated,
  t('printf with too few arguments reports MISSING', '{{ printf "%d %d" 1 }}'),
  t('printf with extra arguments reports EXTRA', '{{ printf "%d" 1 2 "x" }}'),
  t('printf extra nil argument', '{{ printf "x" nil }}'),
  t('printf with no verb at end', '{{ printf "abc%" }}'),
  t('printf percent literal', '{{ printf "100%%" }}'),
  t('printf argument index', '{{ printf "%[2]d %[1]d" 1 2 }}'),
  t('printf bad argument index', '{{ printf "%[3]d" 1 2 }}'),
  t('printf argument index reused', '{{ printf "%[1]d %[1]x %d" 10 11 }}'),
  t('printf star width', '{{ printf "%*d|" 5 42 }}'),
  t('printf negative star width left-aligns', '{{ printf "%*d|" -5 42 }}'),
  t('printf star precision', '{{ printf "%.*f" 2 3.14159 }}'),
  t('printf bad star width', '{{ printf "%*d" "x" 42 }}'),
  t('printf bad star precision', '{{ printf "%.*d" "x" 42 }}'),
  t('printf star from float is bad', '{{ printf "%*d" 5.0 42 }}'),
  t('printf index then star', '{{ printf "%[2]*[1]d|" 42 6 }}'),
  t('printf unknown verb', '{{ printf "%z" 1 }}'),
  t('printf %!verb on string', '{{ printf "%d" "s" }}'),
  t('printf huge width is ignored', '{{ printf "%1000000000d" 1 }}'),
  t('print adds spaces between non-strings', '{{ print 1 2 "a" "b" 3 nil 4 }}'),
  t('println spaces everything and ends with newline', '{{ println 1 "a" nil .m }}'),
  t('print of no arguments', '{{ print }}'),
  t('floats print in shortest form', '{{ 0.1 }} {{ 100000.0 }} {{ 1000000.0 }} {{ 1e20 }} {{ 1e21 }} {{ 0.0001 }} {{ 0.00001 }} {{ 123456789.0 }}'),
  t('values from JSON are float64', '{{ .a }} {{ .b }} {{ .c }} {{ .d }}', { a: 1, b: 1000000, c: 1.5, d: -0.5 }),
  t('negative zero', '{{ printf "%v %f %g" .z .z .z }}', { z: -0 }),
  t('map printing sorts keys', '{{ .m }}', { m: { zeta: 1, alpha: 2, Beta: 3, _u: 4, '1': 5 } }),
  t('nested map and slice printing', '{{ . }}', { a: [{ x: 1 }, [2, 3]], b: {} }),
  t('empty slice and map', '{{ .l }} {{ .m }}', { l: [], m: {} }),
  t('%v of nested nil', '{{ printf "%v" .l }}', { l: [null, [null]] }),
  t('%d of a slice of floats', '{{ printf "%d" .l }}', { l: [1, 2] }),
  t('%s of a map', '{{ printf "%s" .m }}', { m: { a: 'x', b: 1 } }),
  t('%x of a string slice', '{{ printf "%x" .ss }}'),
  t('%q of a string slice', '{{ printf "%q" .ss }}'),
  t('%5.1f of a slice', '{{ printf "%5.1f" .l }}', { l: [1.25, 2.35] }),
  t('rounding half to even', '{{ printf "%.0f %.0f %.0f %.1f %.1f %.2f" 0.5 1.5 2.5 0.25 0.35 1.005 }}'),
  t('%e rounding', '{{ printf "%.2e %.0e %e" 1.235 15.0 123456.789 }}'),
  t('%g precision', '{{ printf "%.1g %.2g %.10g %g" 123.0 0.000123 3.0 1e-7 }}'),
  t('%#v of floats', '{{ printf "%#v %#v %#v" 1.0 1e6 0.5 }}'),
  t('%#g keeps zeros', '{{ printf "%#g %#.3g %#e %#.0f" 1.0 2.0 3.0 4.0 }}'),
  t('%x of floats', '{{ printf "%x %X %.2x" 1.0 -0.1 3.0 }}'),
  t('%b of float', '{{ printf "%b" 1.0 }}'),
  t('%c of large code point', '{{ printf "%c|%c" 1114112 65 }}'),
  t('%U with precision', '{{ printf "%.6U" 65 }}'),
  t('%q of control and unicode characters', '{{ printf "%q %+q %#q" "a\\tb\\u00e9\\u0001" "é" "x`y" }}'),
  t('%q of rune', "{{ printf \"%q %+q\" 'é' 0x1F600 }}"),
  t('width counts runes', '{{ printf "%6s|%-6s|" "héé" "ü" }}'),
  t('precision truncates runes', '{{ printf "%.2s" "éàü" }}'),
  t('zero flag on negative numbers', '{{ printf "%06d %06.2f %+06d" -42 -3.5 7 }}'),
  t('space flag with floats', '{{ printf "% f % .1e" 1.5 -2.0 }}'),
  t('infinity and NaN formatting', '{{ printf "%f %5.1f %+f %06f" .inf .ninf .inf .ninf }}', {}),
  t('%v of bool and strings mixed', '{{ printf "%v|%v|%5t" true "s" false }}'),
  t('%T of everything', '{{ printf "%T %T %T %T %T %T %T %T" 1 1.5 "s" true nil .l .m .i64 }}'),
  t('%p of a non-pointer', '{{ printf "%p" 1 }}'),
  t('large int formats', '{{ printf "%d %x %o %b" 9223372036854775807 -9223372036854775808 8 5 }}'),
  t('uint8 formats', '{{ printf "%d %x %c %v %#v" .u8 .u8 .u8 .u8 .u8 }}'),
  t('int64 %#v', '{{ printf "%#v %#x" .i64 .i64 }}'),
  t('float32 formats', '{{ printf "%v %g %.3f %e" .f32 .f32 .f32 .f32 }}'),
  t('[]byte formats', '{{ printf "%v %s %q %x %X %d" .bs .bs .bs .bs .bs .bs }}'),
  t('%#v of a nested structure', '{{ printf "%#v" .m }}'),
  t('%+v of a map', '{{ printf "%+v" .m }}'),
  t('%#v of string map', '{{ printf "%#v" .sm }}'),
  t('%#v of string slice', '{{ printf "%#v" .ss }}'),
  t('%v of complex with flags', '{{ printf "%.2f %+v %8.1f" 1+2i 3-4i 1+1i }}'),
  t('format string from data', '{{ printf .f "a" 1 }}', { f: '%s-%v' }),
  t('printf with non-string format is a type error', '{{ printf 1 2 }}'),
  t('printf format from float value is a type error', '{{ printf .f }}', { f: 1 }),
];
