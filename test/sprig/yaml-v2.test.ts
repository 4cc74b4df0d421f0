/**
 * sigs.k8s.io/yaml (yaml.v2) fidelity for Helm's toYaml/fromYaml. Expectations are what Helm v3.19
 * printed for the same inputs (`{{ toYaml .Values.v }}`, `{{ toJson (fromYaml .Values.s) }}`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { marshal } from '../../engines/gojson/index.js';
import { fromJSONData } from '../../engines/gotemplate/value.js';
import { marshalYAMLv2 } from '../../engines/yaml/go-yaml-v2-marshal.js';
import {
  resolveV2,
  unmarshalYAMLv2,
  unmarshalYAMLv2Array,
  unmarshalYAMLv2Object,
} from '../../engines/yaml/go-yaml-v2-unmarshal.js';

const marshalCases: [string, unknown, string][] = [
  [
    'keys sort naturally (k9 before k10) and strings that read as other types are quoted',
    { k10: 1, k9: 'yes', a: 'on', b: '0777', c: '', d: '~' },
    'a: "on"\nb: "0777"\nc: ""\nd: "~"\nk9: "yes"\nk10: 1\n',
  ],
  [
    'plain-illegal strings are single-quoted',
    { a: 'a: b', b: '- x', c: '#c', d: ' lead' },
    "a: 'a: b'\nb: '- x'\nc: '#c'\nd: ' lead'\n",
  ],
  [
    'multi-line strings become literal blocks',
    { s: 'x\ny\n', t: 'x\ny' },
    's: |\n  x\n  y\nt: |-\n  x\n  y\n',
  ],
  ['a multi-line string with a trailing space is double-quoted', { s: 'a \nb' }, 's: "a \\nb"\n'],
  [
    'floats use Go g formatting; integral floats print as ints',
    { a: 1.5, b: 1000000, c: 1e21, d: 0.000001 },
    'a: 1.5\nb: 1000000\nc: 1e+21\nd: 1e-06\n',
  ],
  [
    'sequences are not indented under keys; empty ones are flow',
    { l: [1, { a: 'x' }, []], e: {}, n: null },
    'e: {}\nl:\n- 1\n- a: x\n- []\n"n": null\n',
  ],
  ['a top-level string', 'hello', 'hello\n'],
];

for (const [name, input, want] of marshalCases) {
  test(`toYaml: ${name}`, () => assert.equal(marshalYAMLv2(fromJSONData(input)), want));
}

test('toYaml of NaN fails as encoding/json does', () => {
  assert.throws(() => marshalYAMLv2(NaN), { message: 'json: unsupported value: NaN' });
});

const resolveCases: [string, string][] = [
  ['yes', 'bool'],
  ['Off', 'bool'],
  ['y', 'bool'],
  ['~', 'null'],
  ['0777', 'int'],
  ['0x1F', 'int'],
  ['1_000', 'int'],
  ['-0b11', 'int'],
  ['1e3', 'float'],
  ['.5', 'float'],
  ['.inf', 'float'],
  ['1e400', 'str'],
  ['2001-12-14', 'timestamp'],
  ['12:30', 'str'],
  ['<<', 'merge'],
  ['hello', 'str'],
];

for (const [text, tag] of resolveCases) {
  test(`yaml.v2 resolves plain ${JSON.stringify(text)} as ${tag}`, () =>
    assert.equal(resolveV2(text).tag, tag));
}

const unmarshalCases: [string, string, string][] = [
  [
    'YAML 1.1 booleans, octal and underscores become JSON values',
    'a: yes\nb: 0777\nc: 1_000\nd: "yes"\ne: 2001-12-14\n',
    '{"a":true,"b":511,"c":1000,"d":"yes","e":"2001-12-14"}',
  ],
  [
    'non-string keys become strings',
    '1: a\n1.5: b\ntrue: c\n0x10: d\n',
    '{"1":"a","1.5":"b","16":"d","true":"c"}',
  ],
  [
    'merge keys and anchors (the key y is the boolean true in YAML 1.1)',
    'base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n',
    '{"base":{"true":2,"x":1},"m":{"true":3,"x":1}}',
  ],
  ['duplicate keys keep the last value', 'a: 1\na: 2\n', '{"a":2}'],
  ['only the first document is read', 'a: 1\n---\nb: 2\n', '{"a":1}'],
  ['tags are honoured', 'a: !!str 12\nb: !!float 3\n', '{"a":"12","b":3}'],
];

for (const [name, text, want] of unmarshalCases) {
  test(`fromYaml: ${name}`, () => assert.equal(marshal(unmarshalYAMLv2(text)), want));
}

test('fromYaml of a list into a map, and of a map into a list, fail with sigs.k8s.io/yaml texts', () => {
  assert.throws(() => unmarshalYAMLv2Object('- 1'), {
    message:
      'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}',
  });
  assert.throws(() => unmarshalYAMLv2Array('a: 1'), {
    message:
      'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}',
  });
});

test('an empty document is a nil map', () => assert.equal(marshal(unmarshalYAMLv2Object('')), 'null'));

test('a bad tag value is an error', () => {
  assert.throws(() => unmarshalYAMLv2('a: !!int x\n'), /cannot decode !!str `x` as a !!int/);
});
