import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type KubeObject, mergeVariables, substituteResource, substituteResources } from './substitute.js';
import { resourceToYaml, yamlToJson } from './yaml-bridge.js';

const vars = (o: Record<string, string>): Map<string, string> => new Map(Object.entries(o));
const cm = (data: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'app', namespace: 'apps', ...meta },
  data,
});

// The typing of a substituted plain scalar, as sigs.k8s.io/yaml v1.6.0 YAMLToJSON (go-yaml v2)
// produced it for `v: <scalar>` (recorded with a Go program calling yaml.YAMLToJSON).
const yamlTyping: [string, { json?: string; error?: string }][] = [
  ['3', { json: '{"v":3}' }],
  ['-3', { json: '{"v":-3}' }],
  ['+3', { json: '{"v":3}' }],
  ['3.0', { json: '{"v":3}' }],
  ['1e3', { json: '{"v":1000}' }],
  ['1_000', { json: '{"v":1000}' }],
  ['0x1F', { json: '{"v":31}' }],
  ['017', { json: '{"v":15}' }],
  ['08', { json: '{"v":8}' }],
  ['0o17', { json: '{"v":15}' }],
  ['0b101', { json: '{"v":5}' }],
  ['-0b101', { json: '{"v":-5}' }],
  ['.5', { json: '{"v":0.5}' }],
  ['1.', { json: '{"v":1}' }],
  ['yes', { json: '{"v":true}' }],
  ['Yes', { json: '{"v":true}' }],
  ['y', { json: '{"v":true}' }],
  ['n', { json: '{"v":false}' }],
  ['on', { json: '{"v":true}' }],
  ['off', { json: '{"v":false}' }],
  ['OFF', { json: '{"v":false}' }],
  ['true', { json: '{"v":true}' }],
  ['~', { json: '{"v":null}' }],
  ['null', { json: '{"v":null}' }],
  ['', { json: '{"v":null}' }],
  ['2024-01-02', { json: '{"v":"2024-01-02"}' }],
  ['12:30', { json: '{"v":"12:30"}' }],
  ['1:20', { json: '{"v":"1:20"}' }],
  ['+.inf', { error: 'json: unsupported value: +Inf' }],
  ['.nan', { error: 'json: unsupported value: NaN' }],
  ['0.', { json: '{"v":0}' }],
  ['-.5', { json: '{"v":-0.5}' }],
  ['1e+3', { json: '{"v":1000}' }],
  ['abc', { json: '{"v":"abc"}' }],
  ['0', { json: '{"v":0}' }],
  ['00', { json: '{"v":0}' }],
  ['-0', { json: '{"v":0}' }],
  ['1__0', { json: '{"v":10}' }],
  ['_1', { json: '{"v":"_1"}' }],
  ["'quoted'", { json: '{"v":"quoted"}' }],
  ['"3"', { json: '{"v":"3"}' }],
];

for (const [scalar, want] of yamlTyping) {
  test(`a substituted plain scalar ${JSON.stringify(scalar)} is typed as go-yaml v2 types it`, () => {
    if (want.error !== undefined) {
      assert.throws(
        () => yamlToJson(`v: ${scalar}`),
        (e: Error) => e.message === want.error,
      );
    } else {
      assert.deepEqual(yamlToJson(`v: ${scalar}`), JSON.parse(want.json as string));
    }
  });
}

interface ResourceCase {
  name: string;
  in: KubeObject;
  vars: Record<string, string>;
  strict?: boolean;
  want?: KubeObject;
  error?: string;
}

const resourceCases: ResourceCase[] = [
  {
    name: 'a variable in a string field is substituted',
    in: cm({ image: 'ghcr.io/org/app:${tag}' }),
    vars: { tag: 'v1.2.3' },
    want: cm({ image: 'ghcr.io/org/app:v1.2.3' }),
  },
  {
    name: 'a substituted number becomes a JSON number',
    in: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { replicas: '${replicas}' },
    },
    vars: { replicas: '3' },
    want: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 3 } },
  },
  {
    name: 'a substituted yes becomes a boolean (YAML 1.1)',
    in: cm({ flag: '${enabled}' }),
    vars: { enabled: 'yes' },
    want: cm({ flag: true }),
  },
  {
    name: 'the quote-variable trick keeps a number a string',
    in: cm({ id: '${quote}${id}${quote}' }),
    vars: { quote: '"', id: '123' },
    want: cm({ id: '123' }),
  },
  {
    name: 'strings that read as YAML 1.1 booleans or numbers survive the round trip untouched',
    in: cm(
      { a: 'yes', b: 'on', c: '0x1F', d: '017', e: '1_000', f: '', g: 'null', h: '3' },
      { labels: { on: 'y' } },
    ),
    vars: { unused: 'x' },
    want: cm(
      { a: 'yes', b: 'on', c: '0x1F', d: '017', e: '1_000', f: '', g: 'null', h: '3' },
      { labels: { on: 'y' } },
    ),
  },
  {
    name: 'numbers, booleans and nulls in the input keep their types',
    in: { ...cm({}), spec: { n: 1, f: 1.5, b: true, z: null, l: [0, false] } },
    vars: { unused: 'x' },
    want: { ...cm({}), spec: { n: 1, f: 1.5, b: true, z: null, l: [0, false] } },
  },
  {
    name: 'multi-line strings survive and are substituted inside',
    in: cm({ script: 'echo ${greeting}\necho $HOME\n' }),
    vars: { greeting: 'hi' },
    want: cm({ script: 'echo hi\necho $HOME\n' }),
  },
  {
    name: 'an escaped reference is emitted literally',
    in: cm({ tpl: '$${name}' }),
    vars: { name: 'x' },
    want: cm({ tpl: '${name}' }),
  },
  {
    name: 'a default applies when the variable is not defined',
    in: cm({ env: '${cluster_env:=dev}' }),
    vars: { other: 'x' },
    want: cm({ env: 'dev' }),
  },
  {
    name: 'a variable in a map key is substituted',
    in: cm({ '${k}': 'v' }),
    vars: { k: 'key' },
    want: cm({ key: 'v' }),
  },
  {
    name: 'an object labelled substitute: disabled is returned unchanged',
    in: cm({ v: '${x}' }, { labels: { 'kustomize.toolkit.fluxcd.io/substitute': 'disabled' } }),
    vars: { x: '1' },
    strict: true,
    want: cm({ v: '${x}' }, { labels: { 'kustomize.toolkit.fluxcd.io/substitute': 'disabled' } }),
  },
  {
    name: 'an object annotated substitute: disabled is returned unchanged',
    in: cm({ v: '${x' }, { annotations: { 'kustomize.toolkit.fluxcd.io/substitute': 'disabled' } }),
    vars: { x: '1' },
    want: cm({ v: '${x' }, { annotations: { 'kustomize.toolkit.fluxcd.io/substitute': 'disabled' } }),
  },
  {
    name: 'without any variable nothing is substituted, not even defaults, and bad syntax is not an error',
    in: cm({ a: '${x:=dev}', b: '${broken' }),
    vars: {},
    strict: true,
    want: cm({ a: '${x:=dev}', b: '${broken' }),
  },
  {
    name: 'strict mode fails on a missing variable with the Flux message',
    in: cm({ v: '${app}' }),
    vars: { other: 'x' },
    strict: true,
    error: `post build failed for 'ConfigMap.v1.[noGrp]/app': envsubst error: variable substitution failed: variable not set (strict mode): "app"`,
  },
  {
    name: 'a grouped kind is named Kind.version.group in the error',
    in: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { x: '${nope}' } },
    vars: { other: 'x' },
    strict: true,
    error: `post build failed for 'Deployment.v1.apps/web': envsubst error: variable substitution failed: variable not set (strict mode): "nope"`,
  },
  {
    name: 'an invalid variable name is rejected with the validation pattern',
    in: cm({ v: 'x' }),
    vars: { 'bad-name': 'x' },
    error: `post build failed for 'ConfigMap.v1.[noGrp]/app': envsubst error: 'bad-name' var name is invalid, must match '^[_[:alpha:]][_[:alpha:][:digit:]]*$'`,
  },
  {
    name: 'an unclosed reference fails with missing closing brace',
    in: cm({ v: '${x' }),
    vars: { x: '1' },
    error: `post build failed for 'ConfigMap.v1.[noGrp]/app': envsubst error: variable substitution failed: missing closing brace`,
  },
  {
    name: 'a value that breaks the YAML fails the conversion back to JSON',
    in: cm({ v: '${x}' }),
    vars: { x: 'a: b: c' },
    error: `post build failed for 'ConfigMap.v1.[noGrp]/app': envsubst error: YAMLToJSON: `,
  },
];

for (const c of resourceCases) {
  test(c.name, () => {
    const res = substituteResource(c.in, vars(c.vars), { strict: c.strict === true });
    if (c.error !== undefined) {
      assert.equal(res.ok, false);
      if (!res.ok) assert.ok(res.error.message.startsWith(c.error), res.error.message);
    } else {
      assert.equal(res.ok, true);
      if (res.ok) assert.deepEqual(res.value, c.want);
    }
  });
}

test('variables merge in substituteFrom order, inline substitute wins, and newlines are removed', () => {
  const merged = mergeVariables([{ a: '1', b: 'one\ntwo\n' }, { a: '2' }], { c: 'x\n', a: '3' });
  assert.deepEqual(
    [...merged],
    [
      ['a', '3'],
      ['b', 'onetwo'],
      ['c', 'x'],
    ],
  );
});

test('substituting a list stops at the first failing resource and names it', () => {
  const res = substituteResources(
    [cm({ v: '${a}' }), { ...cm({ v: '${b}' }), metadata: { name: 'second' } }],
    vars({ a: '1' }),
    {
      strict: true,
    },
  );
  assert.equal(res.ok, false);
  if (!res.ok) {
    assert.equal(res.error.code, 'VariableNotSet');
    assert.equal(res.error.variable, 'b');
    assert.equal(res.error.resource.name, 'second');
  }
});

test('an error message never contains a variable value', () => {
  const res = substituteResource(cm({ v: '${token}', w: '${missing}' }), vars({ token: 's3cr3t-value' }), {
    strict: true,
  });
  assert.equal(res.ok, false);
  if (!res.ok) assert.ok(!res.error.message.includes('s3cr3t-value'));
});

test('the serialized YAML uses block style with unindented sequences and double-quotes YAML 1.1 look-alikes', () => {
  assert.equal(
    resourceToYaml({ a: ['x', 'yes'], b: { c: '${v}', d: 'off', e: 2 } }),
    'a:\n- x\n- "yes"\nb:\n  c: ${v}\n  d: "off"\n  e: 2\n',
  );
});
