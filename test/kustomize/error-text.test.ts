import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorTextsAgree, kustomizeErrorText } from './error-text.js';

describe('error texts compared with kustomize', () => {
  it('kustomize text loses Error:, warnings and the temporary directory', () => {
    const stderr = "# Warning: 'vars' is deprecated.\nError: security; file '/tmp/k1/x.txt' is not in or below '/tmp/k1/app'\n";
    assert.equal(kustomizeErrorText(stderr, '/tmp/k1'), "security; file '/x.txt' is not in or below '/app'");
  });
  const cases: Array<[string, string, string, boolean]> = [
    ['the same text agrees', 'kustomization.yaml is empty', 'kustomization.yaml is empty', true],
    ["ours holding kustomize's text and a file name agrees", 'testing value /a failed: test failed', '/k.yaml: testing value /a failed: test failed', true],
    ["ours without its file name inside kustomize's wrapped text agrees", "merging: may not add resource with an already registered id: X': more", "/k.yaml: may not add resource with an already registered id: X", true],
    ['ours with a trailing parenthesis of context agrees', "x: cycle detected: candidate root '/b' contains visited root '/b/o'", "cycle detected: candidate root '/b' contains visited root '/b/o' (/b/o -> /b)", true],
    ['a different reason does not agree', 'cycle detected: candidate root', 'missing file', false],
  ];
  for (const [name, k, ours, want] of cases) it(name, () => assert.equal(errorTextsAgree(k, ours), want));
});
