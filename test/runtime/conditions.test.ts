import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkStatus, get, markFalse, markReconciling, markStalled, markTrue, remove, summarize } from '../../runtime/conditions/index.js';
import type { Condition, SummaryTable } from '../../runtime/conditions/index.js';

/** source-controller's GitRepository table (priority order as in the reference). */
const gitTable: SummaryTable = {
  owned: ['StorageOperationFailed', 'FetchFailed', 'IncludeUnavailable', 'ArtifactOutdated', 'ArtifactInStorage', 'SourceVerified', 'Stalled', 'Reconciling'],
  negativePolarity: ['StorageOperationFailed', 'FetchFailed', 'IncludeUnavailable', 'ArtifactOutdated', 'Stalled', 'Reconciling'],
  bipolar: ['SourceVerified'],
};

interface Obj {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace: string; generation: number };
  status: { conditions?: Condition[]; observedGeneration?: number };
}

function obj(generation = 1, observedGeneration = -1): Obj {
  return { apiVersion: 'x/v1', kind: 'X', metadata: { name: 'a', namespace: 'n', generation }, status: { observedGeneration } };
}

describe('condition setters', () => {
  test('lastTransitionTime only changes when the status changes', async () => {
    const o = obj();
    markTrue(o, 'ArtifactInStorage', 'Succeeded', 'stored');
    const t1 = get(o, 'ArtifactInStorage')?.lastTransitionTime;
    (o.status.conditions ?? [])[0]!.lastTransitionTime = '2020-01-01T00:00:00Z';
    markTrue(o, 'ArtifactInStorage', 'Succeeded', 'stored again');
    assert.equal(get(o, 'ArtifactInStorage')?.lastTransitionTime, '2020-01-01T00:00:00Z');
    assert.equal(get(o, 'ArtifactInStorage')?.message, 'stored again');
    markFalse(o, 'ArtifactInStorage', 'Failed', 'gone');
    assert.notEqual(get(o, 'ArtifactInStorage')?.lastTransitionTime, '2020-01-01T00:00:00Z');
    assert.match(t1 ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  test('every set stamps observedGeneration with metadata.generation', () => {
    const o = obj(7);
    markTrue(o, 'Ready', 'Succeeded', 'ok');
    assert.equal(get(o, 'Ready')?.observedGeneration, 7);
  });

  test('conditions are ordered Stalled, Reconciling, Ready, then by type', () => {
    const o = obj();
    markTrue(o, 'FetchFailed', 'GitOperationFailed', 'x');
    markTrue(o, 'ArtifactInStorage', 'Succeeded', 'x');
    markFalse(o, 'Ready', 'Failed', 'x');
    markReconciling(o, 'Progressing', 'x');
    markStalled(o, 'InvalidURL', 'x');
    assert.deepEqual(o.status.conditions?.map((c) => c.type), ['Stalled', 'Reconciling', 'Ready', 'ArtifactInStorage', 'FetchFailed']);
  });
});

describe('Ready summary (GitRepository table)', () => {
  const cases: { name: string; set: (o: Obj) => void; want: [string, string] | undefined }[] = [
    { name: 'no owned condition gives no summary', set: () => undefined, want: undefined },
    { name: 'ArtifactInStorage=True alone makes Ready=True with its reason', set: (o) => markTrue(o, 'ArtifactInStorage', 'Succeeded', 'stored'), want: ['True', 'Succeeded'] },
    {
      name: 'FetchFailed=True outranks ArtifactInStorage=True: Ready=False with the fetch reason',
      set: (o) => {
        markTrue(o, 'ArtifactInStorage', 'Succeeded', 'stored');
        markTrue(o, 'FetchFailed', 'GitOperationFailed', 'fetch failed');
      },
      want: ['False', 'GitOperationFailed'],
    },
    {
      name: 'the first abnormal condition in table order wins (StorageOperationFailed before FetchFailed)',
      set: (o) => {
        markTrue(o, 'FetchFailed', 'GitOperationFailed', 'f');
        markTrue(o, 'StorageOperationFailed', 'ArchiveOperationFailed', 's');
      },
      want: ['False', 'ArchiveOperationFailed'],
    },
    {
      name: 'SourceVerified=False overrides everything',
      set: (o) => {
        markTrue(o, 'ArtifactInStorage', 'Succeeded', 'stored');
        markFalse(o, 'SourceVerified', 'InvalidCommitSignature', 'bad signature');
      },
      want: ['False', 'InvalidCommitSignature'],
    },
    {
      name: 'Reconciling=True alone makes Ready=Unknown (work in progress, nothing failed)',
      set: (o) => markReconciling(o, 'Progressing', 'reconciliation in progress'),
      want: ['Unknown', 'Progressing'],
    },
    {
      name: 'ArtifactInStorage=False makes Ready=False',
      set: (o) => markFalse(o, 'ArtifactInStorage', 'NoArtifact', 'none'),
      want: ['False', 'NoArtifact'],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const o = obj();
      c.set(o);
      const s = summarize(o, gitTable);
      assert.deepEqual(s ? [s.status, s.reason] : undefined, c.want);
    });
  }
});

describe('checkStatus (kstatus invariants)', () => {
  const ok = (): Obj => {
    const o = obj(3, 3);
    markTrue(o, 'Ready', 'Succeeded', 'ok');
    return o;
  };
  const cases: { name: string; make: () => Obj; violation?: RegExp; summary?: SummaryTable }[] = [
    { name: 'a freshly created object (observedGeneration -1, no conditions) is fine', make: () => obj(1, -1) },
    { name: 'Ready=True at the current generation is fine', make: ok },
    { name: 'a reconciled object without Ready is reported', make: () => obj(2, 2), violation: /Ready condition is missing/ },
    {
      name: 'Reconciling=False is reported (present only when True)',
      make: () => {
        const o = ok();
        markFalse(o, 'Reconciling', 'Progressing', 'x');
        return o;
      },
      violation: /Reconciling must only be present when True/,
    },
    {
      name: 'Stalled=Unknown is reported',
      make: () => {
        const o = obj(1, 1);
        markFalse(o, 'Ready', 'Failed', 'x');
        (o.status.conditions ?? []).push({ type: 'Stalled', status: 'Unknown', reason: 'X', message: '', lastTransitionTime: '2024-01-01T00:00:00Z' });
        return o;
      },
      violation: /Stalled must only be present when True/,
    },
    {
      name: 'Ready=True with a stale observedGeneration is reported',
      make: () => {
        const o = ok();
        o.metadata.generation = 4;
        return o;
      },
      violation: /requires status.observedGeneration \(3\) to equal metadata.generation \(4\)/,
    },
    {
      name: 'Ready=True alongside Reconciling is reported',
      make: () => {
        const o = ok();
        markReconciling(o, 'Progressing', 'x');
        return o;
      },
      violation: /must not coexist with Reconciling/,
    },
    {
      name: 'Reconciling and Stalled both True is reported',
      make: () => {
        const o = obj(1, 1);
        markFalse(o, 'Ready', 'Failed', 'x');
        markReconciling(o, 'Progressing', 'x');
        markStalled(o, 'InvalidURL', 'x');
        return o;
      },
      violation: /must not both be True/,
    },
    {
      name: 'a condition observedGeneration ahead of metadata.generation is reported',
      make: () => {
        const o = ok();
        o.status.conditions![0]!.observedGeneration = 9;
        return o;
      },
      violation: /observedGeneration 9 is ahead/,
    },
    {
      name: 'an empty reason is reported',
      make: () => {
        const o = ok();
        o.status.conditions![0]!.reason = '';
        return o;
      },
      violation: /invalid or empty reason/,
    },
    {
      name: 'Ready that is not the summary of the owned conditions is reported',
      make: () => {
        const o = ok();
        markTrue(o, 'FetchFailed', 'GitOperationFailed', 'x');
        return o;
      },
      summary: gitTable,
      violation: /is not the summary of the owned conditions \(False\/GitOperationFailed\)/,
    },
    {
      name: 'a negative-polarity condition set to False is reported',
      make: () => {
        const o = ok();
        markFalse(o, 'FetchFailed', 'Succeeded', 'x');
        return o;
      },
      summary: gitTable,
      violation: /negative-polarity condition FetchFailed must only be present when True/,
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const v = checkStatus(c.make(), { summary: c.summary });
      if (c.violation) assert.match(v.join('\n'), c.violation);
      else assert.deepEqual(v, []);
    });
  }
  test('remove drops a condition', () => {
    const o = ok();
    remove(o, 'Ready');
    assert.equal(get(o, 'Ready'), undefined);
  });
});
