/** Pure formatting of `events` (kubectl's LAST SEEN durations) and `logs` (flux's log lines and filters). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventRow, humanDuration } from '../../cli/events/format.js';
import { formatEntry, matches, parseLogLine } from '../../cli/logs/format.js';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

for (const [ms, want] of [
  [-5 * s, '<invalid>'],
  [-500, '0s'],
  [0, '0s'],
  [119 * s, '119s'],
  [2 * m, '2m'],
  [2 * m + 5 * s, '2m5s'],
  [10 * m + 30 * s, '10m'],
  [179 * m, '179m'],
  [3 * h + 20 * m, '3h20m'],
  [8 * h, '8h'],
  [47 * h, '47h'],
  [2 * d + 3 * h, '2d3h'],
  [9 * d, '9d'],
  [800 * d, '2y70d'],
  [9 * 365 * d, '9y'],
] as const) {
  test(`LAST SEEN of an event ${ms} ms old is ${want}`, () => assert.equal(humanDuration(ms), want));
}

test('an event row names the object Kind/name and puts the namespace first with -A', () => {
  const now = Date.parse('2026-01-01T00:10:00Z');
  const e = {
    metadata: { namespace: 'flux-system' },
    involvedObject: { kind: 'Kustomization', name: 'apps' },
    type: 'Normal',
    reason: 'ReconciliationSucceeded',
    message: 'Reconciliation finished\n',
    lastTimestamp: '2026-01-01T00:09:00Z',
  };
  assert.deepEqual(eventRow(e, now, false), ['60s', 'Normal', 'ReconciliationSucceeded', 'Kustomization/apps', 'Reconciliation finished']);
  assert.equal(eventRow(e, now, true)[0], 'flux-system');
  assert.equal(eventRow({ ...e, lastTimestamp: null, metadata: {} }, now, false)[0], '<unknown>');
});

test('a controller JSON log line is printed as flux logs prints it and filtered by kind, name, level and time', () => {
  const line = JSON.stringify({ level: 'error', ts: '2026-01-01T00:00:00.000Z', controllerKind: 'Kustomization', name: 'apps', namespace: 'flux-system', msg: 'Reconciliation failed', error: 'boom' });
  const e = parseLogLine(line)!;
  assert.equal(formatEntry(e), '2026-01-01T00:00:00.000Z error Kustomization/apps.flux-system - Reconciliation failed boom\n');
  assert.ok(matches(e, { kind: 'kustomization', name: 'apps', level: 'error', namespace: 'flux-system' }));
  assert.ok(!matches(e, { level: 'info' }));
  assert.ok(!matches(e, { name: 'infra' }));
  assert.ok(!matches(e, { sinceMs: Date.parse('2026-01-01T00:00:01Z') }));
  assert.equal(parseLogLine('not json'), undefined);
});
