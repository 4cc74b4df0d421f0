import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GoError, GoStruct, GoTyped, Template, fromJSONData, goFunc, int64, toJSONData, typeOf } from './index.js';
import type { GoValue } from './index.js';
import { parseTemplates } from './parse.js';
import { nodeString } from './node.js';

const data = fromJSONData({ n: 3, s: 'x', list: [1, 2], m: { a: 1 } });

test('parse trees print back as canonical source', () => {
  const src = '{{if .a}}x{{else if $.b}}y{{else}}z{{end}}{{range $i, $e := .l}}{{$e | printf "%d"}}{{break}}{{end}}{{with $x := (index .m "k").f}}{{template "t" .}}{{end}}';
  const trees = parseTemplates('t', src, '', '', { hasFunction: (n) => ['index', 'printf'].includes(n) });
  const root = trees.get('t')?.root;
  assert.ok(root);
  // `else if` is sugar for a nested if, and prints as one, as in Go.
  assert.equal(nodeString(root), src.replace('{{else if $.b}}y{{else}}z{{end}}', '{{else}}{{if $.b}}y{{else}}z{{end}}{{end}}'));
});

test('a compiled template executes many times with different data', () => {
  const t = new Template('t').parse('{{ .s }}-{{ len .list }}');
  assert.equal(t.execute(data), 'x-2');
  assert.equal(t.execute(fromJSONData({ s: 'y', list: [] })), 'y-0');
});

test('a function may execute another template of the set while executing (re-entrant, as Helm include)', () => {
  const t = new Template('main');
  t.funcs({ include: goFunc('func(string, interface {}) (string, error)', (name, d) => t.executeTemplate(name as string, d)) });
  t.parse('{{ define "inner" }}<{{ . }}>{{ end }}[{{ include "inner" .s | printf "%s!" }}]');
  assert.equal(t.execute(data), '[<x>!]');
});

test('functions declared with Go signatures get Go arity and type checks', () => {
  const t = new Template('t').funcs({
    rep: goFunc('func(int, string) string', (n, s) => (s as string).repeat(Number(n))),
    add64: goFunc('func(int64, int64) int64', (a, b) => int64((a as { value: bigint }).value + (b as { value: bigint }).value)),
    boom: goFunc('func() (string, error)', () => {
      throw new GoError('went wrong');
    }),
  });
  t.parse('{{ rep 2 .s }}|{{ add64 1 2 }}|{{ printf "%T" (add64 1 2) }}');
  assert.equal(t.execute(data), 'xx|3|int64');
  const err = (src: string): string => {
    try {
      t.new('e').parse(src);
      return t.executeTemplate('e', data);
    } catch (e) {
      return (e as Error).message;
    }
  };
  assert.equal(err('{{ rep 2 }}'), 'template: e:1:3: executing "e" at <rep>: wrong number of args for rep: want 2 got 1');
  assert.equal(err('{{ rep .n .s }}'), 'template: e:1:7: executing "e" at <.n>: wrong type for value; expected int; got float64');
  assert.equal(err('{{ rep "a" .s }}'), 'template: e:1:7: executing "e" at <"a">: expected integer; found "a"');
  assert.equal(err('{{ boom }}'), 'template: e:1:3: executing "e" at <boom>: error calling boom: went wrong');
});

test('deep template recursion ends in Go\'s depth error, not a crash', () => {
  const t = new Template('t').parse('{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}');
  assert.throws(() => t.execute(data), /executing "r" at <\{\{template "r" \.\}\}>: exceeded maximum template depth \(100000\)/);
});

test('a huge range ends in an error instead of hanging', () => {
  const t = new Template('t').limits({ maxSteps: 100_000 }).parse('{{ range 1000000000 }}{{ end }}');
  assert.throws(() => t.execute(data), /exceeded maximum number of execution steps \(100000\)/);
});

test('output beyond the limit ends in an error', () => {
  const t = new Template('t').limits({ maxOutput: 1000 }).parse('{{ range 100000 }}xxxxxxxxxx{{ end }}');
  assert.throws(() => t.execute(data), /exceeded maximum output size \(1000\)/);
});

test('lookup, templates, delims and clone behave as in Go', () => {
  const t = new Template('root').delims('[[', ']]').parse('[[ define "a" ]]A[[ end ]]root{{ x }}');
  assert.deepEqual(t.templates().map((x) => x.name).sort(), ['a', 'root']);
  assert.equal(t.lookup('a')?.execute(), 'A');
  assert.equal(t.execute(), 'root{{ x }}');
  const c = t.clone();
  c.new('a').parse('B');
  assert.equal(c.executeTemplate('a'), 'B');
  assert.equal(t.executeTemplate('a'), 'A');
  assert.throws(() => t.executeTemplate('zz'), /template: no template "zz" associated with template "root"/);
});

test('unknown options and bad function names are rejected', () => {
  assert.throws(() => new Template('t').option('missingkey=maybe'), /unrecognized option: missingkey=maybe/);
  assert.throws(() => new Template('t').funcs({ 'a-b': () => null }), /function name "a-b" is not a valid identifier/);
});

test('values round-trip between JSON data and the Go model (numbers become float64)', () => {
  const v = fromJSONData({ a: [1, 'x', null, true], b: { c: 2.5 } });
  assert.equal(typeOf(v), 'map[string]interface {}');
  assert.deepEqual(toJSONData(v), { a: [1, 'x', null, true], b: { c: 2.5 } });
});

test('nesting deeper than the JS stack allows ends in a parse error, not a crash', () => {
  const parens = '{{' + '('.repeat(20000) + '1' + ')'.repeat(20000) + '}}';
  assert.throws(() => new Template('t').parse(parens), /^TemplateParseError: template: t: max expression depth exceeded$/);
  const ifs = '{{if 1}}'.repeat(20000) + 'x' + '{{end}}'.repeat(20000);
  assert.throws(() => new Template('t').parse(ifs), /max expression depth exceeded/);
  assert.equal(new Template('t').parse('{{if 1}}'.repeat(500) + 'x' + '{{end}}'.repeat(500)).execute(), 'x');
});

test('structs: fields, pointer printing and methods with arguments resolve as in Go', () => {
  const has = goFunc('func(string) bool', (v) => v === 'apps/v1');
  const versions = new GoTyped('chartutil.VersionSet', 'slice', ['apps/v1'], { Has: has }, 'string');
  const meta = new GoStruct('chart.Metadata', new Map<string, GoValue>([['Name', 'web'], ['Version', '1.0.0']]), {}, true);
  const caps = new GoStruct('chartutil.Capabilities', new Map<string, GoValue>([['APIVersions', versions]]), {}, true);
  const root = new Map<string, GoValue>([['Chart', meta], ['Capabilities', caps]]);
  const t = new Template('t').parse(
    '{{ .Chart.Name }}|{{ .Chart }}|{{ printf "%v %+v %T" .Chart .Chart .Chart }}|{{ .Capabilities.APIVersions.Has "apps/v1" }}|{{ .Capabilities.APIVersions.Has "x" }}',
  );
  assert.equal(t.execute(root), 'web|{web 1.0.0}|&{web 1.0.0} &{Name:web Version:1.0.0} *chart.Metadata|true|false');
  // Read from a map[string]interface{}, the receiver's static type is interface {} (as in Go and Helm).
  assert.throws(() => new Template('e').parse('{{ .Chart.Nope }}').execute(root), /can't evaluate field Nope in type interface \{\}/);
  assert.throws(() => new Template('e').parse('{{ .Nope }}').execute(meta), /can't evaluate field Nope in type \*chart.Metadata/);
  assert.throws(() => new Template('e').parse('{{ .Chart.Name 1 }}').execute(root), /Name has arguments but cannot be invoked as function/);
});

test('call invokes a function value with Go argument checks', () => {
  const add = goFunc('func(int, int) int', (a, b) => (a as bigint) + (b as bigint));
  const d = new Map<string, GoValue>([['add', add]]);
  assert.equal(new Template('t').parse('{{ call .add 1 2 }}').execute(d), '3');
  assert.throws(() => new Template('t').parse('{{ call .add 1 }}').execute(d), /error calling call: wrong number of args for .add: got 1 want 2/);
  assert.throws(() => new Template('t').parse('{{ call .add 1 "x" }}').execute(d), /error calling call: arg 1: value has type string; should be int/);
});
