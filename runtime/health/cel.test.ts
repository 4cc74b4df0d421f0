import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '@marcbachmann/cel-js';
import { celStatusReader, InvalidHealthCheckExprError, type CelCompiler } from './cel.js';
import { computeStatus } from './compute.js';

const compiler: CelCompiler = (expr) => {
  const program = parse(expr);
  return { evaluate: (vars) => program(vars as Record<string, unknown>) };
};

const exprs = [
  {
    apiVersion: 'bitnami.com/v1alpha1',
    kind: 'SealedSecret',
    failed: "status.conditions.filter(e, e.type == 'Synced').all(e, e.status == 'False')",
    current: "status.conditions.filter(e, e.type == 'Synced').all(e, e.status == 'True')",
  },
];

const sealed = (synced: string, gen = 1, observed = 1): Record<string, unknown> => ({
  apiVersion: 'bitnami.com/v1alpha1',
  kind: 'SealedSecret',
  metadata: { name: 's', generation: gen },
  status: { observedGeneration: observed, conditions: [{ type: 'Synced', status: synced }] },
});

describe('healthCheckExprs', () => {
  const reader = celStatusReader(exprs, compiler);
  const table = [
    { name: 'current expression true makes the object Current', obj: sealed('True'), status: 'Current' },
    { name: 'failed expression true makes the object Failed', obj: sealed('False'), status: 'Failed' },
    { name: 'no expression true leaves the object InProgress', obj: sealed('Unknown'), status: 'InProgress' },
    {
      name: 'an unobserved generation is InProgress before any expression runs',
      obj: sealed('True', 2, 1),
      status: 'InProgress',
    },
    {
      name: 'the version in apiVersion does not matter (GroupKind match)',
      obj: { ...sealed('True'), apiVersion: 'bitnami.com/v1' },
      status: 'Current',
    },
  ] as const;
  for (const c of table) {
    it(c.name, () => assert.equal(computeStatus(c.obj, { readers: [reader] }).status, c.status));
  }
  it('other kinds fall back to kstatus', () => {
    assert.equal(reader({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }), undefined);
  });
  it('a syntax error is a configuration error naming the expression', () => {
    assert.throws(
      () => celStatusReader([{ apiVersion: 'a/v1', kind: 'K', current: 'status ==' }], compiler),
      (e: unknown) =>
        e instanceof InvalidHealthCheckExprError && /failed to parse the expression Current/.test(e.message),
    );
  });
  it('inProgress is evaluated before failed and current', () => {
    const r = celStatusReader(
      [{ apiVersion: 'a/v1', kind: 'K', current: 'true', failed: 'true', inProgress: 'true' }],
      compiler,
    );
    assert.equal(r({ apiVersion: 'a/v1', kind: 'K', metadata: { name: 'x' } })?.status, 'InProgress');
  });
});
