/** Sprig math functions against Go. */
import type { OracleCase } from '../../gotemplate/oracle.js';
import { sc } from './helpers.js';

export const cases: OracleCase[] = [
  sc('add casts every operand to int64', '{{ add 1 "2" 3.9 nil true }}'),
  sc('add of nothing is zero', '{{ add }}'),
  sc('add of values from YAML floats truncates', '{{ add .a .b }}', { a: 1.9, b: 2.9 }),
  sc('add1', '{{ add1 41 }} {{ add1 "x" }} {{ add1 -1.5 }}'),
  sc('sub', '{{ sub 10 3 }} {{ sub "5" 7 }}'),
  sc('div truncates toward zero', '{{ div 7 2 }} {{ div -7 2 }} {{ div 7.9 2 }}'),
  sc('div by zero fails', '{{ div 7 0 }}'),
  sc('mod', '{{ mod 7 3 }} {{ mod -7 3 }}'),
  sc('mod by zero fails', '{{ mod 1 0 }}'),
  sc('mul', '{{ mul 2 3 4 }} {{ mul 5 }} {{ mul "3" 1.5 }}'),
  sc('max and min', '{{ max 1 5 3 }} {{ min 4 -2 9 }} {{ biggest 1 "9" }} {{ max 3 }}'),
  sc('maxf and minf', '{{ maxf 1 5.5 3 }} {{ minf 4 -2.25 9 }} {{ maxf "x" -1 }}'),
  sc(
    'floor, ceil, round',
    '{{ floor 1.5 }} {{ ceil 1.2 }} {{ round 3.14159 2 }} {{ round 2.5 0 }} {{ round -2.5 0 }} {{ round 1.15 1 0.6 }}',
  ),
  sc('floor of a string', '{{ floor "3.7" }} {{ ceil "-3.7" }} {{ floor "x" }}'),
  sc(
    'int64 conversions',
    '{{ int64 "42" }} {{ int64 "0x1F" }} {{ int64 "017" }} {{ int64 "1.00" }} {{ int64 "1.5" }} {{ int64 1e20 }} {{ int64 true }} {{ int64 nil }}',
  ),
  sc('int conversions', '{{ int "1_000" }} {{ int "-0b101" }} {{ int 3.99 }} {{ int "  4" }} {{ int .f }}', {
    f: -2.7,
  }),
  sc(
    'float64 conversions',
    '{{ float64 "1.5" }} {{ float64 "1e3" }} {{ float64 "inf" }} {{ float64 "-Infinity" }} {{ float64 "nan" }} {{ float64 "x" }} {{ float64 3 }} {{ float64 "0x1p-2" }} {{ float64 "1e400" }}',
  ),
  sc('typed ints cast', '{{ add .a .b .c }}', { a: { $int64: 5 }, b: { $uint8: 250 }, c: { $float32: 1.5 } }),
  sc('atoi versus int', '{{ atoi "3.0" }} {{ int "3.0" }}'),
  sc('addf is decimal exact', '{{ addf 0.1 0.2 }} {{ addf 1 2 3.5 }} {{ addf }}'),
  sc('add1f', '{{ add1f 0.1 }} {{ add1f "x" }}'),
  sc('subf', '{{ subf 1 0.9 }} {{ subf 10 1 2 3 }}'),
  sc('mulf', '{{ mulf 1.1 3 }} {{ mulf 0.1 0.1 }}'),
  sc('divf rounds to sixteen places', '{{ divf 1 3 }} {{ divf 2 3 }} {{ divf 10 4 }} {{ divf -2 3 }}'),
  sc('divf by zero fails', '{{ divf 1 0 }}'),
  sc(
    'toDecimal reads octal',
    '{{ toDecimal "0777" }} {{ toDecimal 777 }} {{ toDecimal "8" }} {{ toDecimal "-10" }}',
  ),
  sc(
    'seq counts',
    '{{ seq 5 }}|{{ seq -3 }}|{{ seq 2 5 }}|{{ seq 5 2 }}|{{ seq 0 2 10 }}|{{ seq 10 -3 1 }}|{{ seq 1 2 -3 }}|{{ seq }}|{{ seq 1 2 3 4 }}|{{ seq 0 }}',
  ),
  sc(
    'until and untilStep',
    '{{ until 5 }} {{ until -3 }} {{ until 0 }} {{ untilStep 0 10 3 }} {{ untilStep 10 0 -4 }} {{ untilStep 0 10 -1 }}',
  ),
  sc('until makes []int', '{{ until 2 | typeOf }}'),
  sc('range over until', '{{ range $i := until 3 }}[{{ $i }}]{{ end }}'),
  sc('randInt stays in range', '{{ $r := randInt 5 6 }}{{ $r }}'),
];
