import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluxEnvironment } from './environment.js';
import { CelError, CelExpression } from './expression.js';
import { StatusEvaluator, compileHealthCheckExprs } from './health.js';
import { evaluateReadyExpr } from './ready-expr.js';
import { rewriteMatches } from './rewrite.js';

const env = fluxEnvironment();
const evalExpr = (expr: string, vars: Record<string, unknown> = {}): unknown =>
  CelExpression.compile(env, expr).evaluate(vars);

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', generation: 2, labels: { 'app/version': 'v1' } },
  spec: { replicas: 3 },
  status: {
    observedGeneration: 2,
    replicas: 3,
    ratio: 0.5,
    conditions: [{ type: 'Available', status: 'True' }],
  },
};

const languageCases: [string, string, unknown][] = [
  ['integral JSON numbers are CEL ints, so integer division truncates', 'status.replicas / 2', 1n],
  ['fractional JSON numbers are CEL doubles', 'status.ratio * 2.0', 1],
  [
    'generation compares with observedGeneration as ints',
    'metadata.generation == status.observedGeneration',
    true,
  ],
  ['an int equals a double of the same value (heterogeneous equality)', '1 == 1.0', true],
  ['an int and a double compare across types', 'status.replicas < 3.5', true],
  ['an int field equals a double literal', 'spec.replicas == 3.0', true],
  [
    'an int does not equal a string (heterogeneous equality is false, not an error)',
    'status.replicas == "3"',
    false,
  ],
  ['has() reports a missing field as false', 'has(status.readyReplicas)', false],
  ['optional field selection falls back with orValue', 'status.?readyReplicas.orValue(0) == 0', true],
  [
    'exists over conditions',
    "status.conditions.exists(c, c.type == 'Available' && c.status == 'True')",
    true,
  ],
  ['filter then all', "status.conditions.filter(c, c.type == 'Ready').all(c, c.status == 'True')", true],
  ['map index with a key containing a slash', "metadata.labels['app/version'] == 'v1'", true],
  ['matches uses RE2 syntax: case-insensitive flag', "'Ready'.matches('(?i)^ready$')", true],
  ['matches uses RE2 syntax: \\z end of text', "'abc'.matches('c\\\\z')", true],
  ['matches is a partial match', "'xabcx'.matches('abc')", true],
  ['the global matches form', "matches('abc', '^a')", true],
  ['a string literal containing the word matches is untouched', "'matches'.size()", 7n],
  ['sets.contains', 'sets.contains([1, 2, 3], [3, 1])', true],
  ['sets.contains across numeric types', 'sets.contains([1, 2], [2.0])', true],
  ['sets.equivalent', 'sets.equivalent([1, 2], [2, 1, 1])', true],
  ['sets.intersects', 'sets.intersects([1, 2], [3])', false],
  ['base64.encode', "base64.encode(b'hello')", 'aGVsbG8='],
  ['base64.decode', "base64.decode('aGVsbG8=') == b'hello'", true],
  ['base64.decode without padding', "base64.decode('aGVsbG8') == b'hello'", true],
  ['strings.quote', "strings.quote('a\"b\\n')", '"a\\"b\\n"'],
  ['lowerAscii and upperAscii', "'AbC'.lowerAscii() + 'x'.upperAscii()", 'abcX'],
  ['charAt', "'héllo'.charAt(1)", 'é'],
  ['replace all', "'a-b-c'.replace('-', '+')", 'a+b+c'],
  ['replace with a limit', "'a-b-c'.replace('-', '+', 1)", 'a+b-c'],
  ['reverse', "'abc'.reverse()", 'cba'],
  ['split and join', "'a,b'.split(',').join('|')", 'a|b'],
  ['trim', "'  x '.trim()", 'x'],
  ['timestamps compare', "timestamp('2024-01-01T00:00:00Z') > timestamp('2023-12-31T23:59:59Z')", true],
  ['durations compare', "duration('1h') > duration('59m')", true],
];

for (const [name, expr, want] of languageCases) {
  test(name, () => assert.deepEqual(evalExpr(expr, deployment), want));
}

test('mixed-type list literals are rejected (homogeneous aggregate literals)', () => {
  assert.throws(() => evalExpr("[1, 'a']"), CelError);
});

test('selecting a missing field fails evaluation with a lower-case cel-go style message', () => {
  assert.throws(
    () => evalExpr('status.missing == 1', deployment),
    (e: Error) =>
      e.message === "failed to evaluate the CEL expression 'status.missing == 1': no such key: missing",
  );
});

test('a syntax error is reported as cel-go prints issues', () => {
  assert.throws(
    () => CelExpression.compile(env, 'status.x =='),
    (e: Error) =>
      e instanceof CelError &&
      e.code === 'CompileFailed' &&
      e.message.startsWith("failed to parse the CEL expression 'status.x ==': ERROR: <input>:1:"),
  );
});

test('rewriting matches skips string and bytes literals', () => {
  assert.equal(
    rewriteMatches(`x.matches("matches") && matches(r'matches', b"matches")`),
    `x.re2_matches__("matches") && re2_matches__(r'matches', b"matches")`,
  );
});

const sealed = {
  inProgress: undefined,
  failed: "status.conditions.filter(e, e.type == 'Synced').all(e, e.status == 'False')",
  current: "status.conditions.filter(e, e.type == 'Synced').all(e, e.status == 'True')",
};
const withSynced = (s: string, gen = 1, observed = 1): Record<string, unknown> => ({
  apiVersion: 'bitnami.com/v1alpha1',
  kind: 'SealedSecret',
  metadata: { name: 's', generation: gen },
  status: { observedGeneration: observed, conditions: [{ type: 'Synced', status: s }] },
});

const healthCases: [string, Record<string, unknown>, string][] = [
  ['a resource whose current expression is true is Current', withSynced('True'), 'Current'],
  ['a resource whose failed expression is true is Failed', withSynced('False'), 'Failed'],
  ['a resource matching no expression is InProgress', withSynced('Unknown'), 'InProgress'],
  [
    'a stale observedGeneration is InProgress before any expression runs',
    withSynced('True', 2, 1),
    'InProgress',
  ],
];
for (const [name, obj, want] of healthCases) {
  test(name, () => assert.equal(StatusEvaluator.compile(sealed).evaluate(obj), want));
}

test('inProgress is evaluated before failed and current', () => {
  const ev = StatusEvaluator.compile({ inProgress: 'true', failed: 'true', current: 'true' });
  assert.equal(ev.evaluate({ metadata: {} }), 'InProgress');
});

test('health expressions see the object fields as variables, not self', () => {
  assert.throws(
    () => StatusEvaluator.compile({ current: 'self.status.ready' }).evaluate({ status: { ready: true } }),
    CelError,
  );
  assert.equal(
    StatusEvaluator.compile({ current: 'status.ready' }).evaluate({ status: { ready: true } }),
    'Current',
  );
});

test('a non-boolean health expression result is an error', () => {
  assert.throws(
    () => StatusEvaluator.compile({ current: 'status.replicas' }).evaluate({ status: { replicas: 1 } }),
    (e: Error) => e.message === "failed to evaluate CEL expression as boolean: 'status.replicas'",
  );
});

test('compiling health checks reports the index and which expression failed', () => {
  assert.throws(
    () =>
      compileHealthCheckExprs([
        { apiVersion: 'a/v1', kind: 'A', current: 'true' },
        { apiVersion: 'b/v1', kind: 'B', current: 'true', failed: 'status.(' },
      ]),
    (e: Error) =>
      e.message.startsWith(
        "failed to create custom status evaluator for healthchecks[1]: failed to parse the expression Failed: failed to parse the CEL expression 'status.(': ERROR: <input>:1:",
      ),
  );
  assert.throws(
    () => compileHealthCheckExprs([{ apiVersion: 'a/v1', kind: 'A', current: '' }]),
    (e: Error) =>
      e.message ===
      'failed to create custom status evaluator for healthchecks[0]: expression Current not specified',
  );
});

test('the first health check per group and kind wins; later duplicates are not compiled', () => {
  const m = compileHealthCheckExprs([
    { apiVersion: 'a/v1', kind: 'A', current: 'true' },
    { apiVersion: 'a/v2', kind: 'A', current: 'not valid (' },
    { apiVersion: 'v1', kind: 'ConfigMap', current: 'true' },
  ]);
  assert.deepEqual([...m.keys()], ['a/A', '/ConfigMap']);
});

const self = {
  apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
  kind: 'Kustomization',
  metadata: { name: 'front', labels: { 'app/version': 'v1.2.3' } },
};
const dep = {
  apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
  kind: 'Kustomization',
  metadata: { name: 'back', generation: 3, labels: { 'app/version': 'v1.2.3' } },
  status: { observedGeneration: 3, conditions: [{ type: 'Ready', status: 'True' }] },
};
const lockstep = `dep.metadata.labels['app/version'] == self.metadata.labels['app/version'] &&
  dep.status.conditions.filter(e, e.type == 'Ready').all(e, e.status == 'True') &&
  dep.metadata.generation == dep.status.observedGeneration`;

test('a readyExpr over self and dep that holds reports ready', () => {
  assert.deepEqual(evaluateReadyExpr(lockstep, self, dep), { ready: true });
});

test('a readyExpr that does not hold reports not ready', () => {
  const older = { ...dep, metadata: { ...dep.metadata, labels: { 'app/version': 'v1.2.2' } } };
  assert.deepEqual(evaluateReadyExpr(lockstep, self, older), { ready: false });
});

test('a readyExpr whose type is not bool is a terminal output-type mismatch', () => {
  assert.deepEqual(evaluateReadyExpr('dep.status.ready', self, dep), {
    error: 'failed to evaluate dependency back: CEL expression output type mismatch: expected bool, got dyn',
    terminal: true,
  });
});

test('a readyExpr naming an undeclared variable is a terminal compile error', () => {
  const r = evaluateReadyExpr('other.ready == true', self, dep);
  assert.ok('error' in r && r.terminal);
  if ('error' in r)
    assert.match(
      r.error,
      /^failed to evaluate dependency back: failed to parse the CEL expression 'other.ready == true': ERROR: <input>:1:1: undeclared reference to 'other'/,
    );
});

test('a readyExpr failing at evaluation is a retryable error', () => {
  const r = evaluateReadyExpr('dep.status.missing == 1', self, dep);
  assert.deepEqual(r, {
    error: "failed to evaluate the CEL expression 'dep.status.missing == 1': no such key: missing",
    terminal: false,
  });
});

test('a compiled expression evaluates many objects quickly', () => {
  const ev = StatusEvaluator.compile(sealed);
  const start = performance.now();
  for (let i = 0; i < 10000; i++) ev.evaluate(withSynced(i % 2 ? 'True' : 'False'));
  assert.ok(performance.now() - start < 5000);
});
