import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, mappingFor } from './eval.js';
import { parse, printNode } from './parse.js';

interface Case {
  name: string;
  template: string;
  vars: Record<string, string>;
  strict: boolean;
  want?: string;
  error?: string;
}

// Expected values were produced by fluxcd/pkg/envsubst v1.5.0 (the version kustomize-controller
// v1.7.3 links) through `envsubst.Eval(template, mapping)`, with Flux's mapping: strict → lookup
// reports absence; non-strict → every name exists (missing = "").
const cases: Case[] = [
  {
    name: 'a bare variable is replaced by its value',
    template: 'image: ${app}',
    vars: { app: 'podinfo' },
    strict: false,
    want: 'image: podinfo',
  },
  {
    name: 'several variables on one line are all replaced',
    template: '${a}-${b}:${c}',
    vars: { a: 'x', b: 'y', c: 'z' },
    strict: false,
    want: 'x-y:z',
  },
  {
    name: 'an undefined variable becomes empty outside strict mode',
    template: 'v=${missing}.',
    vars: { a: '1' },
    strict: false,
    want: 'v=.',
  },
  {
    name: 'strict mode rejects an undefined bare variable',
    template: 'v=${missing}',
    vars: { a: '1' },
    strict: true,
    error: 'variable not set (strict mode): "missing"',
  },
  {
    name: 'strict mode accepts a defined empty variable',
    template: 'v=[${e}]',
    vars: { e: '' },
    strict: true,
    want: 'v=[]',
  },
  {
    name: 'colon-equals uses the default when the variable is undefined',
    template: '${x:=dev}',
    vars: {},
    strict: false,
    want: 'dev',
  },
  {
    name: 'colon-equals uses the default when the variable is empty',
    template: '${x:=dev}',
    vars: { x: '' },
    strict: false,
    want: 'dev',
  },
  {
    name: 'colon-equals keeps a non-empty value',
    template: '${x:=dev}',
    vars: { x: 'prod' },
    strict: false,
    want: 'prod',
  },
  {
    name: 'colon-dash uses the default when the variable is undefined',
    template: '${x:-dev}',
    vars: {},
    strict: false,
    want: 'dev',
  },
  {
    name: 'colon-dash keeps a non-empty value',
    template: '${x:-dev}',
    vars: { x: 'prod' },
    strict: false,
    want: 'prod',
  },
  {
    name: 'equals uses the default when the variable is undefined',
    template: '${x=dev}',
    vars: {},
    strict: false,
    want: 'dev',
  },
  {
    name: 'equals uses the default when the variable is empty too',
    template: '${x=dev}',
    vars: { x: '' },
    strict: false,
    want: 'dev',
  },
  {
    name: 'colon-equals with an empty default yields empty',
    template: '[${x:=}]',
    vars: {},
    strict: false,
    want: '[]',
  },
  {
    name: 'colon-dash with an empty default yields empty',
    template: '[${x:-}]',
    vars: {},
    strict: false,
    want: '[]',
  },
  {
    name: 'strict mode lets colon-equals supply a default for an undefined variable',
    template: '${x:=dev}',
    vars: {},
    strict: true,
    want: 'dev',
  },
  {
    name: 'strict mode lets colon-dash supply a default for an undefined variable',
    template: '${x:-dev}',
    vars: {},
    strict: true,
    want: 'dev',
  },
  {
    name: 'strict mode treats an empty default of an undefined variable as empty',
    template: '[${x:=}]',
    vars: {},
    strict: true,
    want: '[]',
  },
  {
    name: 'colon-plus behaves as a default in fluxcd/pkg/envsubst',
    template: '${x:+alt}',
    vars: {},
    strict: false,
    want: 'alt',
  },
  { name: 'colon-plus keeps a set value', template: '${x:+alt}', vars: { x: 'v' }, strict: false, want: 'v' },
  {
    name: 'colon-question behaves as a default in fluxcd/pkg/envsubst',
    template: '${x:?msg}',
    vars: {},
    strict: false,
    want: 'msg',
  },
  {
    name: 'a default may contain spaces and punctuation',
    template: '${x:=a b,c=d}',
    vars: {},
    strict: false,
    want: 'a b,c=d',
  },
  {
    name: 'a default may contain a nested variable',
    template: '${x:=${y}-suffix}',
    vars: { y: 'inner' },
    strict: false,
    want: 'inner-suffix',
  },
  {
    name: 'a default may nest a default',
    template: '${x:=${y:=deep}}',
    vars: {},
    strict: false,
    want: 'deep',
  },
  {
    name: 'strict mode reports an undefined variable inside an unused default',
    template: '${x:=${y}}',
    vars: { x: 'set' },
    strict: true,
    error: 'variable not set (strict mode): "y"',
  },
  {
    name: 'dash without colon is not supported and reports a missing brace',
    template: '${x-dev}',
    vars: {},
    strict: false,
    error: 'missing closing brace',
  },
  {
    name: 'plus without colon is not supported and reports a missing brace',
    template: '${x+alt}',
    vars: {},
    strict: false,
    error: 'missing closing brace',
  },
  {
    name: 'question without colon is not supported and reports a missing brace',
    template: '${x?msg}',
    vars: {},
    strict: false,
    error: 'missing closing brace',
  },
  {
    name: 'dollar-dollar escapes a variable reference',
    template: 'keep $${var} as is',
    vars: { var: 'no' },
    strict: false,
    want: 'keep ${var} as is',
  },
  {
    name: 'dollar-dollar escapes even in strict mode',
    template: '$${undefined_one}',
    vars: { a: '1' },
    strict: true,
    want: '${undefined_one}',
  },
  {
    name: 'a single dollar without braces is left untouched',
    template: 'echo $HOME and $1',
    vars: { HOME: '/root' },
    strict: false,
    want: 'echo $HOME and $1',
  },
  {
    name: 'a lone dollar at the end is left untouched',
    template: 'cost: 5$',
    vars: { a: '1' },
    strict: false,
    want: 'cost: 5$',
  },
  {
    name: 'a dollar-dollar without braces collapses to one dollar',
    template: 'a $$ b',
    vars: { a: '1' },
    strict: false,
    want: 'a $ b',
  },
  {
    name: 'an unclosed reference is a missing closing brace error',
    template: '${x',
    vars: { x: '1' },
    strict: false,
    error: 'missing closing brace',
  },
  {
    name: 'an empty reference cannot parse a variable name',
    template: '${}',
    vars: { x: '1' },
    strict: false,
    error: 'unable to parse variable name',
  },
  {
    name: 'a reference starting with a dash cannot parse a variable name',
    template: '${-x}',
    vars: { x: '1' },
    strict: false,
    error: 'unable to parse variable name',
  },
  {
    name: 'a name with a dot reports a missing closing brace',
    template: '${a.b}',
    vars: { a: '1' },
    strict: false,
    error: 'missing closing brace',
  },
  {
    name: 'hash gives the length in bytes',
    template: '${#x}',
    vars: { x: 'héllo' },
    strict: false,
    want: '6',
  },
  { name: 'hash of an undefined variable is zero', template: '${#x}', vars: {}, strict: false, want: '0' },
  {
    name: 'strict mode allows the length of an undefined variable',
    template: '${#x}',
    vars: {},
    strict: true,
    want: '0',
  },
  {
    name: 'caret upper-cases the first character',
    template: '${x^}',
    vars: { x: 'hello world' },
    strict: false,
    want: 'Hello world',
  },
  {
    name: 'double caret upper-cases everything',
    template: '${x^^}',
    vars: { x: 'hello' },
    strict: false,
    want: 'HELLO',
  },
  {
    name: 'comma lower-cases the first character',
    template: '${x,}',
    vars: { x: 'HELLO' },
    strict: false,
    want: 'hELLO',
  },
  {
    name: 'double comma lower-cases everything',
    template: '${x,,}',
    vars: { x: 'HeLLo' },
    strict: false,
    want: 'hello',
  },
  {
    name: 'a mixed casing operator leaves the value unchanged',
    template: '${x^,}',
    vars: { x: 'hello' },
    strict: false,
    want: 'hello',
  },
  {
    name: 'an offset takes the rest of the value',
    template: '${x:2}',
    vars: { x: 'abcdef' },
    strict: false,
    want: 'cdef',
  },
  {
    name: 'an offset and length take a substring',
    template: '${x:1:3}',
    vars: { x: 'abcdef' },
    strict: false,
    want: 'bcd',
  },
  {
    name: 'an offset past the end yields empty',
    template: '${x:10}',
    vars: { x: 'abc' },
    strict: false,
    want: '',
  },
  {
    name: 'a length past the end takes the rest',
    template: '${x:1:10}',
    vars: { x: 'abc' },
    strict: false,
    want: 'bc',
  },
  {
    name: 'a space-separated negative offset is not a number and yields the value',
    template: '${x: -2}',
    vars: { x: 'abcdef' },
    strict: false,
    want: 'abcdef',
  },
  {
    name: 'an empty substring offset is a parse error',
    template: '${x:}',
    vars: { x: 'abc' },
    strict: false,
    error: 'unable to parse substitution within function',
  },
  {
    name: 'hash removes the shortest matching prefix',
    template: '${x#*/}',
    vars: { x: 'a/b/c' },
    strict: false,
    want: 'b/c',
  },
  {
    name: 'double hash removes the longest matching prefix',
    template: '${x##*/}',
    vars: { x: 'a/b/c' },
    strict: false,
    want: 'c',
  },
  {
    name: 'percent removes the shortest matching suffix',
    template: '${x%/*}',
    vars: { x: 'a/b/c' },
    strict: false,
    want: 'a/b',
  },
  {
    name: 'double percent removes the longest matching suffix',
    template: '${x%%/*}',
    vars: { x: 'a/b/c' },
    strict: false,
    want: 'a',
  },
  {
    name: 'a prefix pattern with a character class',
    template: '${x#[a-c]}',
    vars: { x: 'bcd' },
    strict: false,
    want: 'cd',
  },
  {
    name: 'a prefix pattern with a question mark',
    template: '${x#?}',
    vars: { x: 'xyz' },
    strict: false,
    want: 'yz',
  },
  {
    name: 'a non-matching prefix pattern keeps the value',
    template: '${x#zz}',
    vars: { x: 'abc' },
    strict: false,
    want: 'abc',
  },
  {
    name: 'a malformed pattern keeps the value',
    template: '${x#[}',
    vars: { x: 'abc' },
    strict: false,
    want: 'abc',
  },
  {
    name: 'slash replaces the first match',
    template: '${x/o/0}',
    vars: { x: 'foo boo' },
    strict: false,
    want: 'f0o boo',
  },
  {
    name: 'double slash replaces every match',
    template: '${x//o/0}',
    vars: { x: 'foo boo' },
    strict: false,
    want: 'f00 b00',
  },
  {
    name: 'slash-hash replaces a matching prefix',
    template: '${x/#foo/bar}',
    vars: { x: 'foofoo' },
    strict: false,
    want: 'barfoo',
  },
  {
    name: 'slash-hash leaves a non-matching prefix',
    template: '${x/#oo/bar}',
    vars: { x: 'foofoo' },
    strict: false,
    want: 'foofoo',
  },
  {
    name: 'slash-percent replaces a matching suffix',
    template: '${x/%foo/bar}',
    vars: { x: 'foofoo' },
    strict: false,
    want: 'foobar',
  },
  { name: 'a replacement may be empty', template: '${x//o/}', vars: { x: 'foo' }, strict: false, want: 'f' },
  {
    name: 'a backslash escapes a slash in the pattern',
    template: '${x/a\\/b/c}',
    vars: { x: 'a/b' },
    strict: false,
    want: 'c',
  },
  {
    name: 'a replacement may contain a variable',
    template: '${x/foo/${y}}',
    vars: { x: 'foo', y: 'bar' },
    strict: false,
    want: 'bar',
  },
  {
    name: 'a replace without its second slash is a bad substitution',
    template: '${x/foo}',
    vars: { x: 'foo' },
    strict: false,
    error: 'bad substitution',
  },
  {
    name: 'unicode letters are valid in a reference',
    template: '${café}',
    vars: { café: 'ok' },
    strict: false,
    want: 'ok',
  },
  {
    name: 'text around substitutions keeps newlines',
    template: 'a: ${x}\nb: ${y}\n',
    vars: { x: '1', y: '2' },
    strict: false,
    want: 'a: 1\nb: 2\n',
  },
  {
    name: 'a closing brace in plain text is text',
    template: 'a } b ${x} }',
    vars: { x: '1' },
    strict: false,
    want: 'a } b 1 }',
  },
  {
    name: 'a dollar before a reference stays',
    template: '$${x}${x}',
    vars: { x: 'v' },
    strict: false,
    want: '${x}v',
  },
  {
    name: 'three dollars give a dollar and an escaped reference',
    template: '$$${x}',
    vars: { x: 'v' },
    strict: false,
    want: '$v',
  },
];

for (const c of cases) {
  test(c.name, () => {
    const mapping = mappingFor(new Map(Object.entries(c.vars)), c.strict);
    if (c.error !== undefined) {
      assert.throws(
        () => evaluate(c.template, mapping),
        (e: Error) => e.message === c.error,
      );
    } else {
      assert.equal(evaluate(c.template, mapping), c.want);
    }
  });
}

test('a template with thousands of references parses without exhausting the stack', () => {
  const template = Array.from({ length: 20000 }, (_, i) => `k${i}: \${v}\n`).join('');
  const out = evaluate(template, mappingFor(new Map([['v', 'x']]), true));
  assert.equal(out.split('\n').filter((l) => l.endsWith(': x')).length, 20000);
});

test('a parsed tree prints back as its canonical source', () => {
  for (const src of ['a ${b} c', '${x:=d}', '${x:1:2}', '${x//a/b}', '${#x}', '${x%%.*}', '${x^^}']) {
    assert.equal(printNode(parse(src)), src);
  }
});
