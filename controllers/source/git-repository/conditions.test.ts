import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Conditions } from './conditions.js';
import type { Condition } from './conditions.js';
import { readySummary } from './reconciler.js';

const at = '2026-01-01T00:00:00Z';
const c = (type: string, status: Condition['status'], reason: string, observedGeneration = 2): Condition => ({
  type,
  status,
  reason,
  message: `${type} ${reason}`,
  observedGeneration,
  lastTransitionTime: at,
});

describe('GitRepository Ready summary (runtime/conditions summarizer over readySummary)', () => {
  const cases: ReadonlyArray<{ name: string; given: Condition[]; ready: [string, string] | undefined }> = [
    { name: 'ArtifactInStorage=True alone gives Ready=True with its reason', given: [c('ArtifactInStorage', 'True', 'Succeeded')], ready: ['True', 'Succeeded'] },
    {
      name: 'a negative condition that is True wins over ArtifactInStorage=True',
      given: [c('ArtifactInStorage', 'True', 'Succeeded'), c('FetchFailed', 'True', 'GitOperationFailed')],
      ready: ['False', 'GitOperationFailed'],
    },
    {
      name: 'StorageOperationFailed ranks before FetchFailed',
      given: [c('FetchFailed', 'True', 'GitOperationFailed'), c('StorageOperationFailed', 'True', 'ArchiveOperationFailed')],
      ready: ['False', 'ArchiveOperationFailed'],
    },
    {
      name: 'SourceVerified=False overrides everything',
      given: [c('ArtifactInStorage', 'True', 'Succeeded'), c('FetchFailed', 'True', 'GitOperationFailed'), c('SourceVerified', 'False', 'InvalidCommitSignature')],
      ready: ['False', 'InvalidCommitSignature'],
    },
    {
      name: 'Reconciling=True is not summarized into Ready',
      given: [c('Reconciling', 'True', 'Progressing'), c('ArtifactInStorage', 'True', 'Succeeded')],
      ready: ['True', 'Succeeded'],
    },
    { name: 'no owned condition leaves Ready unset', given: [c('Reconciling', 'True', 'Progressing')], ready: undefined },
  ];
  for (const t of cases) {
    it(t.name, () => {
      const conds = new Conditions(t.given, 2);
      conds.summarize(readySummary);
      const ready = conds.get('Ready');
      assert.deepEqual(ready ? [ready.status, ready.reason] : undefined, t.ready);
    });
  }
});

describe('GitRepository condition bookkeeping', () => {
  it('keeps fluxcd/pkg order: Stalled, Reconciling, Ready, then newest observedGeneration, then type', () => {
    const conds = new Conditions([c('SourceVerified', 'True', 'Succeeded', 1), c('ArtifactInStorage', 'True', 'Succeeded', 1)], 2);
    conds.markTrue('FetchFailed', 'GitOperationFailed', 'x');
    conds.set('Ready', 'False', 'GitOperationFailed', 'x');
    conds.markTrue('Reconciling', 'ProgressingWithRetry', 'x');
    conds.markTrue('Stalled', 'URLInvalid', 'x');
    assert.deepEqual(
      conds.list.map((x) => x.type),
      ['Stalled', 'Reconciling', 'Ready', 'FetchFailed', 'ArtifactInStorage', 'SourceVerified'],
    );
  });

  it('moves lastTransitionTime only on a status change and stamps the generation', () => {
    const conds = new Conditions([c('ArtifactInStorage', 'True', 'Succeeded', 1)], 3);
    conds.markTrue('ArtifactInStorage', 'Succeeded', 'again');
    assert.equal(conds.get('ArtifactInStorage')?.lastTransitionTime, at);
    assert.equal(conds.get('ArtifactInStorage')?.observedGeneration, 3);
    conds.markFalse('ArtifactInStorage', 'Failed', 'now false');
    assert.notEqual(conds.get('ArtifactInStorage')?.lastTransitionTime, at);
  });

  it('does not mutate the conditions it was built from; delete removes a type', () => {
    const given = [c('FetchFailed', 'True', 'GitOperationFailed')];
    const conds = new Conditions(given, 2);
    conds.markTrue('FetchFailed', 'AuthenticationFailed', 'y');
    conds.delete('FetchFailed');
    assert.equal(conds.get('FetchFailed'), undefined);
    assert.equal(given[0]?.reason, 'GitOperationFailed');
  });
});
