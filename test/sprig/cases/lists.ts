/** Sprig list functions against Go. */
import type { OracleCase } from '../../gotemplate/oracle.js';
import { sc } from './helpers.js';

const L = {
  l: [1, 'a', null, 2.5, true],
  e: [],
  s: { $strings: ['x', 'y', 'z'] },
  i: { $intslice: [3, 1, 2] },
  m: { a: 1 },
};

export const cases: OracleCase[] = [
  sc('list builds []interface {}', '{{ list 1 "a" nil 2.5 }} {{ list | len }} {{ list 1 | typeOf }}'),
  sc('tuple is list', '{{ tuple 1 2 }}'),
  sc(
    'append and push',
    '{{ append .l 9 }} {{ push .e "x" }} {{ append .s "w" }} {{ append .s "w" | typeOf }}',
    L,
  ),
  sc('append to a non-list fails', '{{ append "x" 1 }}'),
  sc('mustAppend to a map fails with an error', '{{ mustAppend .m 1 }}', L),
  sc('append to nil panics', '{{ append .missing 1 }}', L),
  sc('prepend', '{{ prepend .l 0 }} {{ mustPrepend .i 0 }}', L),
  sc('first, last, rest, initial', '{{ first .l }} {{ last .l }} {{ rest .l }} {{ initial .l }}', L),
  sc('first and last of an empty list', '{{ first .e }}|{{ last .e }}|{{ rest .e }}|{{ initial .e }}', L),
  sc('first of a string fails', '{{ first "abc" }}'),
  sc('mustFirst of a number fails', '{{ mustFirst 3 }}'),
  sc('last of typed slices', '{{ last .s }} {{ last .i }} {{ first .i | typeOf }}', L),
  sc('reverse', '{{ reverse .l }} {{ reverse .e }} {{ reverse .s }}', L),
  sc('reverse of a map fails', '{{ reverse .m }}', L),
  sc('compact drops empty values', '{{ compact (list 1 0 "" nil "a" false true (list) (dict)) }}'),
  sc('uniq keeps the first of each', '{{ uniq (list 1 1 "1" 2 1.0 "a" "a" (list 1) (list 1)) }}'),
  sc('without removes values', '{{ without (list 1 2 3 2 "2") 2 }} {{ without .l 1 "a" }}', L),
  sc(
    'has compares deeply',
    '{{ has 1 (list 1 2) }} {{ has "1" (list 1 2) }} {{ has 2.5 .l }} {{ has nil .l }} {{ has 1 nil }}',
    L,
  ),
  sc('has on a string fails', '{{ has "a" "abc" }}'),
  sc('mustHas', '{{ mustHas 4 (list 1 2) }}'),
  sc(
    'slice',
    '{{ slice .l 1 3 }} {{ slice .l 2 }} {{ slice .l }} {{ slice .s 1 }} {{ slice .s 1 | typeOf }}',
    L,
  ),
  sc('slice of an empty list is nil', '{{ slice .e }}|{{ slice .e | typeOf }}', L),
  sc('slice out of range fails', '{{ slice .l 2 10 }}', L),
  sc('slice of a string fails', '{{ slice "abc" 1 }}'),
  sc('concat', '{{ concat .l .s (list 9) }} {{ concat }} {{ concat .e .e }}', L),
  sc('concat of a non-list fails', '{{ concat .l 3 }}', L),
  sc('chunk splits into groups', '{{ chunk 2 .l }} {{ chunk 5 .l }} {{ chunk 3 .e }}', L),
  sc('chunk types', '{{ chunk 2 .l | typeOf }}', L),
  sc('chunk of a string fails', '{{ chunk 2 "abc" }}'),
  sc('sortAlpha of numbers sorts their text', '{{ sortAlpha (list 10 9 1 "b" "a") }}'),
  sc('range over a built list', '{{ range $i, $v := list "a" "b" }}{{ $i }}={{ $v }};{{ end }}'),
];
