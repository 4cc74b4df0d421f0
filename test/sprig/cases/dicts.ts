/** Sprig dict, defaults, reflection and JSON functions against Go. */
import type { OracleCase } from '../../gotemplate/oracle.js';
import { sc } from './helpers.js';

const D = {
  d: { a: 1, b: { c: 'x', e: [] }, z: null, s: '', l: [1, 2] },
  e: {},
  sm: { $stringmap: { k: 'v' } },
};

export const cases: OracleCase[] = [
  sc(
    'dict pairs keys and values',
    '{{ dict "a" 1 "b" "two" }} {{ dict }} {{ dict "odd" }} {{ dict 1 2 nil 3 }}',
  ),
  sc('dict keys go through toString', '{{ dict 1.5 "x" true "y" }}'),
  sc('get returns "" for a missing key', '{{ get .d "a" }}|{{ get .d "missing" }}|{{ get .d "z" }}', D),
  sc('get on a string map fails to convert', '{{ get .sm "k" }}', D),
  sc('set mutates and returns the map', '{{ $x := set .d "n" 5 }}{{ .d.n }} {{ $x.n }}', D),
  sc('unset removes a key', '{{ $_ := unset .d "a" }}{{ hasKey .d "a" }} {{ keys .d | sortAlpha }}', D),
  sc('hasKey', '{{ hasKey .d "a" }} {{ hasKey .d "nope" }} {{ hasKey .d "z" }}', D),
  sc('pluck collects a key from many dicts', '{{ pluck "a" .d (dict "a" 9) (dict "b" 1) }}', D),
  sc('keys of several dicts', '{{ keys .d .e (dict "q" 1) | sortAlpha }}', D),
  sc('pick and omit', '{{ pick .d "a" "s" "nope" }} {{ omit .d "b" "l" }}', D),
  sc('values', '{{ values (dict "a" 1) }} {{ values .e }}', D),
  sc(
    'merge keeps destination values',
    '{{ merge (dict "a" 1 "b" (dict "x" 1)) (dict "a" 2 "b" (dict "x" 2 "y" 3) "c" 4) }}',
  ),
  sc(
    'merge replaces empty destination values',
    '{{ merge (dict "a" "" "b" 0 "c" false "d" nil "e" (list)) (dict "a" "A" "b" 2 "c" true "d" "D" "e" (list 1)) }}',
  ),
  sc('merge does not merge lists', '{{ merge (dict "l" (list 1)) (dict "l" (list 2 3)) }}'),
  sc('merge with several sources', '{{ merge (dict) (dict "a" 1) (dict "a" 2 "b" 2) }}'),
  sc('merge ignores nil sources values', '{{ merge (dict "a" 1) (dict "a" nil "b" nil) }}'),
  sc('merge mutates the destination', '{{ $d := dict "a" 1 }}{{ $_ := merge $d (dict "b" 2) }}{{ $d }}'),
  sc(
    'mergeOverwrite takes source values',
    '{{ mergeOverwrite (dict "a" 1 "b" (dict "x" 1 "k" 0)) (dict "a" 2 "b" (dict "x" 2 "y" 3) "c" 4) }}',
  ),
  sc(
    'mergeOverwrite with empty and nil sources',
    '{{ mergeOverwrite (dict "a" 1 "b" 2 "c" (list 1)) (dict "a" "" "b" nil "c" (list)) }}',
  ),
  sc(
    'mergeOverwrite a map over a scalar',
    '{{ mergeOverwrite (dict "a" 1) (dict "a" (dict "x" 1)) }} {{ merge (dict "a" 1) (dict "a" (dict "x" 1)) }}',
  ),
  sc('merge of values data', '{{ merge .d (dict "b" (dict "c" "y" "new" 1) "s" "filled") }}', D),
  sc(
    'mustMerge and mustMergeOverwrite',
    '{{ mustMerge (dict "a" 1) (dict "b" 2) }} {{ mustMergeOverwrite (dict "a" 1) (dict "a" 2) }}',
  ),
  sc(
    'deepCopy is independent',
    '{{ $c := deepCopy .d }}{{ $_ := set $c "a" 99 }}{{ .d.a }} {{ $c.a }} {{ deepCopy 5 }} {{ mustDeepCopy (list 1 (dict "x" 2)) }}',
    D,
  ),
  sc(
    'dig walks nested maps',
    '{{ dig "b" "c" "def" .d }} {{ dig "b" "q" "def" .d }} {{ dig "a" "def" .d }} {{ dig "nope" "x" "def" .d }}',
    D,
  ),
  sc('dig through a non-map fails', '{{ dig "a" "x" "def" .d }}', D),
  sc('dig needs three arguments', '{{ dig "a" .d }}', D),
  sc(
    'default picks the fallback for empty values',
    '{{ default "x" "" }} {{ default "x" 0 }} {{ default "x" false }} {{ default "x" nil }} {{ default "x" (list) }} {{ default "x" .missing }} {{ default "x" "y" }} {{ default "x" }}',
    D,
  ),
  sc('default in a pipeline', '{{ .missing | default "fallback" }} {{ .d.a | default 5 }}', D),
  sc(
    'empty',
    '{{ empty "" }} {{ empty 0 }} {{ empty 0.0 }} {{ empty .d }} {{ empty .e }} {{ empty nil }} {{ empty .d.z }} {{ empty false }} {{ empty "0" }}',
    D,
  ),
  sc(
    'coalesce, all, any',
    '{{ coalesce 0 "" "x" "y" }} {{ coalesce 0 "" }} {{ all 1 "a" true }} {{ all 1 "" }} {{ any 0 "" nil }} {{ any 0 "a" }} {{ all }} {{ any }}',
  ),
  sc('ternary', '{{ ternary "yes" "no" true }} {{ ternary 1 2 false }} {{ true | ternary "a" "b" }}'),
  sc('ternary needs a bool', '{{ ternary 1 2 "true" }}'),
  sc('fail stops rendering', 'before {{ fail "custom failure" }} after'),
  sc(
    'typeOf',
    '{{ typeOf 1 }} {{ typeOf 1.5 }} {{ typeOf "s" }} {{ typeOf nil }} {{ typeOf .d }} {{ typeOf .d.l }} {{ typeOf .sm }} {{ typeOf (list) }} {{ typeOf true }}',
    D,
  ),
  sc(
    'kindOf',
    '{{ kindOf 1 }} {{ kindOf 1.5 }} {{ kindOf "s" }} {{ kindOf nil }} {{ kindOf .d }} {{ kindOf .d.l }} {{ kindOf .sm }} {{ kindOf true }}',
    D,
  ),
  sc(
    'kindIs and typeIs',
    '{{ kindIs "map" .d }} {{ kindIs "slice" .d }} {{ typeIs "int" 1 }} {{ typeIs "float64" .d.a }} {{ typeIsLike "int" 1 }} {{ kindIs "invalid" nil }}',
    D,
  ),
  sc(
    'deepEqual',
    '{{ deepEqual 1 1 }} {{ deepEqual 1 1.0 }} {{ deepEqual (list 1 (dict "a" 1)) (list 1 (dict "a" 1)) }} {{ deepEqual .d .d }} {{ deepEqual nil nil }} {{ deepEqual "a" "b" }}',
    D,
  ),
  sc(
    'toJson escapes HTML and sorts keys',
    '{{ toJson .d }} {{ toJson "<a&b>" }} {{ toJson nil }} {{ toJson 1.5 }} {{ toJson (list 1 "x") }}',
    D,
  ),
  sc('toPrettyJson indents', '{{ toPrettyJson .d }}', D),
  sc('toRawJson keeps HTML characters', '{{ toRawJson (dict "h" "<b>&</b>") }}'),
  sc(
    'mustToJson',
    '{{ mustToJson (dict "a" (list 1 2)) }} {{ mustToPrettyJson (list) }} {{ mustToRawJson "<" }}',
  ),
  sc(
    'fromJson reads floats and maps',
    '{{ $x := fromJson "{\\"a\\":[1,2.5,\\"x\\"],\\"b\\":{\\"c\\":null}}" }}{{ $x.a }} {{ $x.b }} {{ typeOf $x }}',
  ),
  sc(
    'fromJson of invalid text gives nil',
    '{{ fromJson "{bad" }}|{{ fromJson "3" }}|{{ fromJson "\\"s\\"" }}',
  ),
  sc('mustFromJson reports the syntax error', '{{ mustFromJson "{\\"a\\":}" }}'),
  sc('mustFromJson of trailing garbage', '{{ mustFromJson "[1] x" }}'),
  sc(
    'toJson of typed values',
    '{{ toJson .sm }} {{ toJson (until 3) }} {{ toJson (splitList "," "a,b") }} {{ toJson (int64 5) }}',
    D,
  ),
];
