/**
 * Compares an error message of ours with kustomize's for the same input. Our messages name the file
 * (`/path: …`) and put other context in a trailing parenthesis (`… (in /path)`, a cycle's chain, a
 * remote URL), and leave out kustomize's Go struct dumps, so "agree" means one text holds the other once
 * kustomize's `Error: ` prefix, deprecation warnings and temporary directory are removed and our leading
 * file name and trailing parenthesis are set aside.
 */
export function kustomizeErrorText(stderr: string, tmpDir: string): string {
  return stderr
    .split('\n')
    .filter((l) => !l.startsWith('# Warning'))
    .join('\n')
    .trim()
    .replace(/^Error: /, '')
    .split(tmpDir)
    .join('');
}

export function errorTextsAgree(kustomize: string, ours: string): boolean {
  if (kustomize === ours || ours.includes(kustomize)) return true;
  const core = ours.replace(/ \([^()]*\)$/, '').replace(/^\/[^ :]*: /, '');
  return kustomize.includes(core);
}
