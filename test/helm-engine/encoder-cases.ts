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

const weird = `keys: {a10b: 1, a9b: 2, a1: 3, a01: 4, a1b: 15, a1_: 16, a1B: 17, "1b": 18, "1-": 19, "11": 20, x2y: 21, "x2-": 22, x22: 23, "1a": 5, "10a": 6, "9": 7, B: 8, b: 9, "é": 10, _x: 11, "-y": 12, "a 1": 13, "a.1": 14}
strs: ["yes", "on", "off", "n", "Y", "true", "False", "null", "~", "", "1_000", "0x1F", "0o17", "0b101", "1:20", "-1:20:30.5", "1e3", ".5", "-.inf", ".NaN", "<<", "2021-01-01", "2021-01-01T10:00:00Z", "-", "- x", "? x", ": x", "a: b", "a #b", "a#b", "#c", "[x]", "{x}", "*a", "&a", "!t", "|l", ">f", "%p", "@a", "\`b", "'q'", "\\"d\\"", "x,y", "tab\\there", "trail ", " lead", "bom\\ufeffmid", "nel\\u0085x", "ls\\u2028x", "emoji 😀", "é ü", "---", "...", "--- x", "a\\\\b", "ctrl\\x01"]
multi: ["a\\nb", "a\\nb\\n", "a\\nb\\n\\n", "\\n", "\\nlead", " sp\\nx", "trail \\nx", "x\\n y", "tab\\tin\\nlines", "\\n\\n"]
nums: [0, -0.0, 1.5, 1e6, 1e21, 1e-7, 123456789, 12345678901234567890]
nest: [[1, [2, []]], {}, {a: [{b: {c: [1]}}]}, [{x: 1, y: 2}], null]
"multi\\nline key": 1
"${'k'.repeat(130)}": long key
`;

export const yamlPrettyCases: ChartCase[] = [
  one('toYamlPretty of a whole values tree: yaml.v3 order, indented sequences, no folding', '{{ toYamlPretty .Values }}'),
  one('toYamlPretty of key orders, quoting, multi-line strings, numbers and nesting', '{{ toYamlPretty .Values }}', {
    values: weird,
  }),
  one('toYamlPretty of each string in a list', '{{ range .Values.strs }}{{ toYamlPretty . }}\n{{ end }}', { values: weird }),
  one('toYamlPretty of each multi-line string', '{{ range .Values.multi }}{{ toYamlPretty . }}\n---\n{{ end }}', {
    values: weird,
  }),
  one('toYamlPretty of nil, scalars, empty list and empty dict', '{{ toYamlPretty nil }}|{{ toYamlPretty 1 }}|{{ toYamlPretty 2.5 }}|{{ toYamlPretty true }}|{{ toYamlPretty list }}|{{ toYamlPretty dict }}|{{ toYamlPretty "" }}'),
  one(
    'toYamlPretty of typed Go values from Sprig (int64, []string, float64, nested dicts)',
    '{{ toYamlPretty (dict "i" (int64 3) "s" (splitList "," "a,b") "f" (float64 1) "d" (dict "z" (list 1 (dict)) "a" "x") "n" nil) }}',
  ),
  one(
    'toYamlPretty never folds long plain, single- or double-quoted strings',
    `{{ toYamlPretty (list (repeat 40 "ab " | trimSuffix " ") (printf "%s " (repeat 40 "cd ")) (printf "%s\\t" (repeat 40 "ef "))) }}`,
  ),
  one('toYamlPretty in a manifest under nindent', 'spec:\n  {{- toYamlPretty .Values.f | nindent 2 }}\n  e:\n  {{- toYamlPretty .Values.e | nindent 4 }}'),
  one('toYamlPretty of a time.Time and a duration', '{{ toYamlPretty (dict "t" (toDate "2006-01-02" "2021-03-04") "d" (.Values.a | int64 | mul 1000000000 | int64 | toString) ) }}'),
];
