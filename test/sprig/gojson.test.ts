/**
 * Go encoding/json fidelity. Inputs are our own; expectations are what Go 1.26's encoding/json printed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decode,
  marshal,
  marshalIndent,
  unmarshalArray,
  unmarshalObject,
} from '../../engines/gojson/index.js';
import {
  GoStruct,
  float32,
  int64,
  byteSlice,
  stringSlice,
  goFunc,
  typedNil,
} from '../../engines/gotemplate/value.js';
import type { GoValue } from '../../engines/gotemplate/value.js';

function roundTrip(text: string): string {
  try {
    const r = decode(text);
    if (r.error !== undefined) return `ERR ${r.error.message} | ${marshal(r.value)}`;
    return `${marshal(r.value)} | ${JSON.stringify(marshalIndent(r.value, '', '  '))}`;
  } catch (err) {
    return `ERR ${(err as Error).message}`;
  }
}

const decodeCases: [string, string, string][] = [
  [
    'objects come back with sorted keys',
    '{"b":1,"a":[true,null,"x"]}',
    '{"a":[true,null,"x"],"b":1} | "{\\n  \\"a\\": [\\n    true,\\n    null,\\n    \\"x\\"\\n  ],\\n  \\"b\\": 1\\n}"',
  ],
  ['a duplicate key keeps the last value', '{"a":1,"a":2}', '{"a":2} | "{\\n  \\"a\\": 2\\n}"'],
  [
    'a number beyond float64 is nil plus a deferred error',
    '[1e400, 2]',
    'ERR json: cannot unmarshal number 1e400 into Go value of type float64 | [null,2]',
  ],
  [
    'big integers lose precision as float64',
    '123456789012345678901',
    '123456789012345680000 | "123456789012345680000"',
  ],
  [
    'surrogate escapes pair up, a lone one becomes U+FFFD',
    '"\\ud83d\\ude00 \\ud800 \\u00e9"',
    '"😀 � é" | "\\"😀 � é\\""',
  ],
  ['empty containers stay compact when indented', '[[],{}]', '[[],{}] | "[\\n  [],\\n  {}\\n]"'],
  [
    'a truncated literal complains about the implied space',
    'nul',
    "ERR invalid character ' ' in literal null (expecting 'l')",
  ],
  ['a trailing comma in an array', '[1,]', "ERR invalid character ']' looking for beginning of value"],
  ['a missing colon', '{"a" 1}', "ERR invalid character '1' after object key"],
  ['a non-string key', '{1:2}', "ERR invalid character '1' looking for beginning of object key string"],
  ['a missing comma in an array', '[1 2]', "ERR invalid character '2' after array element"],
  ['a missing comma in an object', '{"a":1 "b":2}', `ERR invalid character '"' after object key:value pair`],
  ['an unknown escape', '"a\\qb"', "ERR invalid character 'q' in string escape code"],
  ['a bad hex escape', '"\\u12x4"', "ERR invalid character 'x' in \\u hexadecimal character escape"],
  ['a raw tab inside a string', '"a\tb"', "ERR invalid character '\\t' in string literal"],
  ['a leading zero', '01', "ERR invalid character '1' after top-level value"],
  ['a bare decimal point', '1.', "ERR invalid character ' ' after decimal point in numeric literal"],
  ['a lone minus', '-', "ERR invalid character ' ' in numeric literal"],
  ['an exponent without digits', '1e+', "ERR invalid character ' ' in exponent of numeric literal"],
  ['empty input', '', 'ERR unexpected end of JSON input'],
  ['whitespace only', '   ', 'ERR unexpected end of JSON input'],
  [
    'a non-ASCII start byte is named as a Latin-1 rune',
    'é',
    "ERR invalid character 'Ã' looking for beginning of value",
  ],
  ['garbage after the value', '{}x', "ERR invalid character 'x' after top-level value"],
  ['single quotes', "'a'", "ERR invalid character '\\'' looking for beginning of value"],
];

for (const [name, input, want] of decodeCases) {
  test(`decode: ${name}`, () => assert.equal(roundTrip(input), want));
}

const marshalCases: [string, GoValue, string][] = [
  [
    'HTML characters are escaped',
    '<a href="x">&amp;</a>',
    '"\\u003ca href=\\"x\\"\\u003e\\u0026amp;\\u003c/a\\u003e"',
  ],
  [
    'control characters, U+2028/2029 and DEL',
    'line\u2028sep\u2029 \x01\x1f\x7f \b\f\n\r\t \\',
    '"line\\u2028sep\\u2029 \\u0001\\u001f\x7f \\b\\f\\n\\r\\t \\\\"',
  ],
  ['a lone surrogate is invalid UTF-8', '\ud800', '"\\ufffd"'],
  ['float64 1 has no decimal point', 1, '1'],
  ['negative zero keeps its sign', -0, '-0'],
  ['float64 uses the shortest digits', 422507.3427197933, '422507.3427197933'],
  ['small float64 switch to exponent form without padding', 2.220446049250313e-16, '2.220446049250313e-16'],
  ['float64 from 1e21 use exponent form', 1e21, '1e+21'],
  ['float64 below 1e21 use fixed form', 1e20, '100000000000000000000'],
  ['float32 uses 32-bit shortest digits', float32(422507.3427197933), '422507.34'],
  ['float32 small values', float32(2.220446049250313e-16), '2.220446e-16'],
  ['int is exact', 9007199254740993n, '9007199254740993'],
  ['int64 is exact', int64(-5n), '-5'],
  ['[]byte is base64', byteSlice(new Uint8Array([1, 2, 250])), '"AQL6"'],
  ['[]string', stringSlice(['a', 'b']), '["a","b"]'],
  ['a nil map is null', typedNil('map[string]interface {}', 'map'), 'null'],
  ['a nil slice is null', typedNil('[]interface {}', 'slice'), 'null'],
  [
    'nested maps sort keys by bytes',
    new Map<string, GoValue>([
      ['b', [1n, 'x', null, true]],
      [
        'a',
        new Map<string, GoValue>([
          ['é', 1],
          ['z', 2],
        ]),
      ],
      ['B', 0.5],
    ]),
    '{"B":0.5,"a":{"z":2,"é":1},"b":[1,"x",null,true]}',
  ],
  [
    'structs keep field order',
    new GoStruct(
      'x.T',
      new Map<string, GoValue>([
        ['Z', 1n],
        ['A', 'a'],
      ]),
    ),
    '{"Z":1,"A":"a"}',
  ],
];

for (const [name, value, want] of marshalCases) {
  test(`marshal: ${name}`, () => assert.equal(marshal(value), want));
}

test('marshal: escapeHTML false leaves < > & alone but still escapes U+2028', () => {
  assert.equal(marshal('<&>\u2028', { escapeHTML: false }), '"<&>\\u2028"');
});

test('marshal: NaN, infinities and funcs are errors with Go texts', () => {
  assert.throws(() => marshal(NaN), { message: 'json: unsupported value: NaN' });
  assert.throws(() => marshal([Infinity]), { message: 'json: unsupported value: +Inf' });
  assert.throws(() => marshal(goFunc('func() string', () => 'x')), {
    message: 'json: unsupported type: func() string',
  });
});

test('marshalIndent nests with the given indent', () => {
  const v = new Map<string, GoValue>([
    ['a', [1n, new Map()]],
    ['b', 'x'],
  ]);
  assert.equal(marshalIndent(v, '', '  '), '{\n  "a": [\n    1,\n    {}\n  ],\n  "b": "x"\n}');
  assert.equal(marshalIndent(v, '>', '\t'), '{\n>\t"a": [\n>\t\t1,\n>\t\t{}\n>\t],\n>\t"b": "x"\n>}');
});

test('unmarshalObject and unmarshalArray name the mismatched JSON kind', () => {
  assert.throws(() => unmarshalObject('[1]'), {
    message: 'json: cannot unmarshal array into Go value of type map[string]interface {}',
  });
  assert.throws(() => unmarshalArray('{"a":1}'), {
    message: 'json: cannot unmarshal object into Go value of type []interface {}',
  });
  assert.equal(marshal(unmarshalObject('null')), 'null');
  assert.equal(marshal(unmarshalArray('[1,"a"]')), '[1,"a"]');
});
