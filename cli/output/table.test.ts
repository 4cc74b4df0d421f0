import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderTable, shortenHashes } from './table.js';

// Expected bytes were produced by olekukonko/tablewriter v0.0.5 configured as flux2 configures it.
test('a table is byte-identical to flux get output: padded cells, tab separators, no tab after the last header', () => {
  const out = renderTable(
    ['Name', 'Revision', 'Suspended', 'Ready', 'Message'],
    [
      [
        'flux-system',
        'main@sha1:0123abcd',
        'False',
        'True',
        "stored artifact for revision 'main@sha1:0123abcd'",
      ],
      ['a', '', 'True', 'False', 'waiting to be reconciled'],
      ['ünïcode-名前', 'x', 'False', 'Unknown', ''],
    ],
  );
  const expected = [
    'NAME        \tREVISION          \tSUSPENDED\tREADY  \tMESSAGE                                           ',
    "flux-system \tmain@sha1:0123abcd\tFalse    \tTrue   \tstored artifact for revision 'main@sha1:0123abcd'\t",
    'a           \t                  \tTrue     \tFalse  \twaiting to be reconciled                         \t',
    'ünïcode-名前\tx                 \tFalse    \tUnknown\t                                                 \t',
    '',
  ].join('\n');
  assert.equal(out, expected);
});

test('hex digests of 40 to 128 characters are shortened to 8, shorter ones are kept', () => {
  const sha1 = 'a'.repeat(40);
  assert.equal(shortenHashes(`main@sha1:${sha1}`), 'main@sha1:aaaaaaaa');
  assert.equal(shortenHashes('sha256:' + 'b'.repeat(64)), 'sha256:bbbbbbbb');
  assert.equal(shortenHashes('v1.2.3@sha1:abc123'), 'v1.2.3@sha1:abc123');
});
