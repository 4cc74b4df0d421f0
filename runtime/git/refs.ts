/** What to check out; precedence commit > name > semver > tag > branch (Flux). */
export interface CheckoutRef {
  readonly branch?: string;
  readonly tag?: string;
  readonly semver?: string;
  readonly name?: string;
  readonly commit?: string;
}

export type Strategy =
  | { readonly kind: 'branch'; readonly branch: string }
  | { readonly kind: 'tag'; readonly tag: string }
  | { readonly kind: 'semver'; readonly range: string }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'commit'; readonly commit: string; readonly branch?: string };

/** Picks the checkout strategy the way Flux does; no ref at all means branch `master`. */
export function strategyFor(ref: CheckoutRef | undefined): Strategy {
  if (ref?.commit)
    return { kind: 'commit', commit: ref.commit, ...(ref.branch ? { branch: ref.branch } : {}) };
  if (ref?.name) return { kind: 'name', name: ref.name };
  if (ref?.semver) return { kind: 'semver', range: ref.semver };
  if (ref?.tag) return { kind: 'tag', tag: ref.tag };
  return { kind: 'branch', branch: ref?.branch || 'master' };
}

/** Parses `git ls-remote` output into ref → hash (peeled `^{}` entries keep their suffix). */
export function parseLsRemote(out: string): Map<string, string> {
  const refs = new Map<string, string>();
  for (const line of out.split('\n')) {
    const m = /^([0-9a-f]{40,64})\t(.+)$/.exec(line.trim());
    if (m?.[1] && m[2]) refs.set(m[2], m[1]);
  }
  return refs;
}

/** The commit a tag points at: the peeled entry for annotated tags, else the tag's own hash. */
export function tagCommit(refs: ReadonlyMap<string, string>, tag: string): string | undefined {
  return refs.get(`refs/tags/${tag}^{}`) ?? refs.get(`refs/tags/${tag}`);
}
