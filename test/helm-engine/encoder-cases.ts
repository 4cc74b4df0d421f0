/** Helm engine cases for `toToml` (BurntSushi/toml's encoder) and `toYamlPretty` (yaml.v3, indent 2). */
import type { ChartCase } from './harness.js';

const values = `a: 1
b: 1.5
c: "true"
d: hello world
e: [1, 2, {x: y}]
f: {g: {h: 1e6, i: null}, j: []}
k: {}
s10: 1
s2: 2
a10b: 1
a9b: 2
"needs quote": "multi\\nline\\n"
long: "${'word '.repeat(30)}"
t: "  lead"
n: "123"
bin: "a:b"
em: ""
tab: "a\\tb"
arr: [[1,2],[3]]
tbls: [{a: 1}, {b: 2}]
dt: 2020-01-01
big: 12345678901234567890
neg: -0.0000012
small: 0.1
huge: 1e21
frac: 123456789.125
ctrl: "bell\\x07 del\\x7f"
uni: "héllo ✓ 😀"
"": empty key
"key.with.dots": 1
"-dash_ok": 2
nested: {deep: {deeper: {deepest: [{a: 1, b: [{c: 2}]}]}}}
`;

const one = (name: string, template: string, extra: Partial<ChartCase> = {}): ChartCase => ({
  name,
  templates: { 'templates/c.yaml': template },
  values,
  ...extra,
});

export const tomlCases: ChartCase[] = [
  one('toToml of a whole values tree: plain keys first, then tables and arrays of tables', '{{ toToml .Values }}'),
  one('toToml of an integer literal writes the bare value', '{{ toToml 1 }}'),
  one('toToml of a string literal writes a quoted TOML string', '{{ toToml "a\\"b" }}'),
  one('toToml of a list of scalars writes an inline array', '{{ toToml (list 1 "x" true 2.5) }}'),
  one('toToml of a list of maps at top level returns the encoder error', '{{ toToml (list (dict "a" 1)) }}'),
  one('toToml of a list with a nil element returns the encoder error', '{{ toToml (list 1 nil) }}'),
  one('toToml of a map with a nested nil in an array returns the encoder error', '{{ toToml (dict "a" (list (list nil))) }}'),
  one('toToml of nil fails like Go reflection', '{{ toToml nil }}', { errors: 'exact' }),
  one(
    'toToml inline tables skip nil values but keep the separator before sub-tables',
    '{{ toToml (dict "a" (list 1 (dict "b" nil "c" 2 "d" (dict)))) }}',
  ),
  one('toToml of a table with only a nil value writes the header', '{{ toToml (dict "t" (dict "a" nil)) }}'),
  one('toToml quotes keys that are not bare', '{{ toToml (dict "x.y" "q\\"\\\\" "b c" (dict "d e" (dict "f" 1))) }}'),
  one(
    'toToml nests arrays of tables inside arrays of tables with indentation',
    '{{ toToml (dict "t" (list (dict "a" (list (dict "b" 1)) "c" 1))) }}',
  ),
  one('toToml of arrays of arrays of maps writes them inline', '{{ toToml (dict "e" (list (list (dict "x" 1)))) }}'),
  one(
    'toToml of typed Go values: int, float64, int64, []string, named strings',
    '{{ toToml (dict "i" (int 3) "f" (float64 3) "u" (toDecimal "0777") "s" (splitList "," "a,b") "l" (int64 -5)) }}',
  ),
  one('toToml of floats uses fixed notation with a decimal point', '{{ toToml (dict "f" 0.1 "g" 1e21 "h" 123456789.125 "i" -0.0) }}'),
  one('toToml of an empty map is empty', '{{ toToml dict | quote }}'),
  one('toToml of a values sub-tree', '{{ toToml .Values.nested }}'),
  one('toToml of a dict holding values tables and scalars', '{{ toToml (dict "f" .Values.f "z" 1 "e" .Values.e) }}'),
  one('toToml of a time.Time value writes RFC 3339', '{{ toToml (dict "t" (toDate "2006-01-02" "2021-03-04")) }}'),
];
