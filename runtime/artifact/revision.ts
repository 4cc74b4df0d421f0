/**
 * Flux revision strings for Git: `<branch>@sha1:<hex>`, `<tag>@sha1:<hex>`, `refs/…@sha1:<hex>`
 * (ref.name keeps the absolute reference), `sha1:<hex>` for a bare commit. A hash of any length
 * other than 40 is labelled `<unknown>`.
 */
export function gitRevision(reference: string, hash: string, absolute = false): string {
  const digest = `${hash.length === 40 ? 'sha1' : '<unknown>'}:${hash}`;
  if (reference === '') return digest;
  const name = absolute ? reference : shortRef(reference);
  return `${name}@${digest}`;
}

/** `refs/heads/main` → `main`, `refs/tags/v1` → `v1`; anything else unchanged. */
export function shortRef(reference: string): string {
  for (const p of ['refs/heads/', 'refs/tags/'])
    if (reference.startsWith(p)) return reference.slice(p.length);
  return reference;
}

/**
 * Compares revisions the way Flux's Artifact.HasRevision does: exact match, or a legacy
 * `<ref>/<hex>` revision that names the same ref and commit.
 */
export function sameRevision(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return a === b || normalizeLegacy(a) === normalizeLegacy(b);
}

function normalizeLegacy(rev: string): string {
  if (rev.includes('@') || rev.includes(':')) return rev;
  const i = rev.lastIndexOf('/');
  if (i < 0) return /^[0-9a-f]{40}$/.test(rev) ? `sha1:${rev}` : rev;
  const hex = rev.slice(i + 1);
  return /^[0-9a-f]{40}$/.test(hex) ? `${rev.slice(0, i)}@sha1:${hex}` : rev;
}
