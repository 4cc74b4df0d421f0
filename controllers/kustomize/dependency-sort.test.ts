import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CircularDependencyError, sortByDependencies, type Dependent } from './dependency-sort.js';

const ks = (ref: string, ...deps: string[]): Dependent => {
  const [namespace = '', name = ''] = ref.split('/');
  return {
    namespace,
    name,
    dependsOn: deps.map((d) => {
      const parts = d.split('/');
      return parts.length === 2 ? { namespace: parts[0], name: parts[1] ?? '' } : { name: d };
    }),
  };
};

const keys = (items: readonly Dependent[]): string[] =>
  sortByDependencies(items).map((r) => `${r.namespace}/${r.name}`);

interface Case {
  readonly name: string;
  readonly items: readonly Dependent[];
  readonly want?: readonly string[];
  readonly cycles?: readonly (readonly string[])[];
}

const cases: readonly Case[] = [
  { name: 'an empty list sorts to an empty list', items: [], want: [] },
  {
    name: 'independent objects keep their input order',
    items: [ks('ns/b'), ks('ns/a'), ks('ns/c')],
    want: ['ns/b', 'ns/a', 'ns/c'],
  },
  {
    name: 'a chain listed dependents-first comes out dependencies-first',
    items: [ks('ns/c', 'b'), ks('ns/b', 'a'), ks('ns/a')],
    want: ['ns/a', 'ns/b', 'ns/c'],
  },
  {
    name: 'a dependency in another namespace is ordered before its dependent',
    items: [
      ks('default/frontend', 'linkerd/linkerd', 'backend'),
      ks('linkerd/linkerd'),
      ks('default/backend', 'linkerd/linkerd'),
    ],
    want: ['linkerd/linkerd', 'default/backend', 'default/frontend'],
  },
  {
    name: 'a dependsOn without namespace means the dependent own namespace',
    items: [ks('app/frontend', 'backend'), ks('app/backend'), ks('other/backend')],
    want: ['app/backend', 'app/frontend', 'other/backend'],
  },
  {
    name: 'dependencies outside the list are not returned and do not block the others',
    items: [ks('ns/backend', 'common'), ks('ns/frontend', 'infra'), ks('ns/common')],
    want: ['ns/common', 'ns/backend', 'ns/frontend'],
  },
  {
    name: 'a diamond puts the shared dependency first and the join last',
    items: [ks('ns/top', 'left', 'right'), ks('ns/left', 'base'), ks('ns/right', 'base'), ks('ns/base')],
    want: ['ns/base', 'ns/left', 'ns/right', 'ns/top'],
  },
  {
    name: 'a self-dependency is not a cycle (as in Flux)',
    items: [ks('ns/a', 'a'), ks('ns/b', 'a')],
    want: ['ns/a', 'ns/b'],
  },
  {
    name: 'duplicate dependsOn entries count once',
    items: [ks('ns/b', 'a', 'a'), ks('ns/a')],
    want: ['ns/a', 'ns/b'],
  },
  {
    name: 'a three-object cycle fails the whole sort',
    items: [
      ks('default/dependency', 'endless'),
      ks('default/endless', 'circular'),
      ks('default/circular', 'dependency'),
      ks('default/free'),
    ],
    cycles: [['default/circular', 'default/endless', 'default/dependency']],
  },
  {
    name: 'two separate cycles are both reported',
    items: [ks('ns/a', 'b'), ks('ns/b', 'a'), ks('ns/c', 'd'), ks('ns/d', 'c')],
    cycles: [
      ['ns/d', 'ns/c'],
      ['ns/b', 'ns/a'],
    ],
  },
];

describe('sortByDependencies (Flux dependency.Sort)', () => {
  for (const c of cases) {
    it(c.name, () => {
      if (c.cycles) {
        assert.throws(
          () => sortByDependencies(c.items),
          (err: unknown) => {
            assert.ok(err instanceof CircularDependencyError);
            assert.deepEqual(err.cycles, c.cycles);
            assert.match(err.message, /^circular dependencies: \[\[/);
            return true;
          },
        );
        return;
      }
      assert.deepEqual(keys(c.items), c.want);
    });
  }

  it('a chain of 5000 objects sorts without exhausting the stack', () => {
    const n = 5000;
    const items = Array.from({ length: n }, (_, i) =>
      ks(`ns/k${n - 1 - i}`, ...(n - 1 - i > 0 ? [`k${n - 2 - i}`] : [])),
    );
    const got = keys(items);
    assert.equal(got.length, n);
    assert.deepEqual(got.slice(0, 3), ['ns/k0', 'ns/k1', 'ns/k2']);
    assert.equal(got[n - 1], `ns/k${n - 1}`);
  });
});
