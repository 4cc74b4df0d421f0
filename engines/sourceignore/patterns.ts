import ignore from 'ignore';
import type { Ignore } from 'ignore';

/** The name of the per-directory ignore file. */
export const ignoreFile = '.sourceignore';

/** Always excluded: version-control metadata. */
export const excludeVCS = '.git/,.gitignore,.gitmodules,.gitattributes';
/** Excluded only when no user pattern exists: common binary extensions. */
export const excludeExt = '*.jpg,*.jpeg,*.gif,*.png,*.wmv,*.flv,*.tar.gz,*.zip';
/** Excluded only when no user pattern exists: CI configuration. */
export const excludeCI =
  '.github/,.circleci/,.travis.yml,.gitlab-ci.yml,appveyor.yml,.drone.yml,cloudbuild.yaml,codeship-services.yml,codeship-steps.yml';
/** Excluded only when no user pattern exists: tool files that are never manifests. */
export const excludeExtra = '**/.goreleaser.yml,**/.sops.yaml,**/.flux.yaml';

/**
 * One gitignore line bound to its domain: the directory (slash path, '' for the root) whose
 * `.sourceignore` declared it. A pattern only ever applies to paths under its domain, and is read
 * relative to it (go-git gitignore semantics).
 */
export interface Pattern {
  readonly line: string;
  readonly domain: string;
}

/** Parses gitignore text: blank lines and lines starting with `#` are dropped, order kept. */
export function parsePatterns(text: string, domain = ''): Pattern[] {
  const out: Pattern[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (raw.startsWith('#') || raw.trim() === '') continue;
    out.push({ line: raw, domain });
  }
  return out;
}

function fromList(list: string, domain: string): Pattern[] {
  return list.split(',').map((line) => ({ line, domain }));
}

export function vcsPatterns(domain = ''): Pattern[] {
  return fromList(excludeVCS, domain);
}

/** VCS, extension, CI and extra exclusions: what applies when the user gave no pattern at all. */
export function defaultPatterns(domain = ''): Pattern[] {
  return [excludeVCS, excludeExt, excludeCI, excludeExtra].flatMap((l) => fromList(l, domain));
}

interface Compiled {
  readonly domain: string;
  readonly ig: Ignore;
}

/** A gitignore matcher over domain-scoped patterns. */
export class Matcher {
  private readonly compiled: readonly Compiled[];

  constructor(patterns: readonly Pattern[]) {
    this.compiled = patterns.map((p) => ({
      domain: p.domain,
      ig: ignore({ allowRelativePaths: true }).add(p.line),
    }));
  }

  /**
   * True when `path` (relative, slash-separated) is excluded. Like go-git, the last pattern that
   * says anything decides (so a later `!pattern` re-includes), and a pattern that matches a parent
   * directory matches everything below it.
   */
  match(path: string, isDir: boolean): boolean {
    for (let i = this.compiled.length - 1; i >= 0; i--) {
      const c = this.compiled[i];
      if (!c) continue;
      const verdict = decide(c, path, isDir);
      if (verdict !== undefined) return verdict;
    }
    return false;
  }
}

function decide(c: Compiled, path: string, isDir: boolean): boolean | undefined {
  let rel = path;
  if (c.domain !== '') {
    if (!path.startsWith(`${c.domain}/`)) return undefined;
    rel = path.slice(c.domain.length + 1);
  }
  if (rel === '') return undefined;
  const parts = rel.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const dir = i < parts.length || isDir;
    const r = c.ig.test(parts.slice(0, i).join('/') + (dir ? '/' : ''));
    if (r.ignored) return true;
    if (r.unignored) return false;
  }
  return undefined;
}

/**
 * The archive filter Flux uses for Git and OCI sources: with no user patterns, the default list;
 * otherwise the VCS exclusions followed by the user's patterns (which replace the defaults).
 */
export function sourceIgnoreFilter(
  patterns: readonly Pattern[],
  domain = '',
): (path: string, isDir: boolean) => boolean {
  const matcher =
    patterns.length === 0
      ? new Matcher(defaultPatterns(domain))
      : new Matcher([...vcsPatterns(domain), ...patterns]);
  return (path, isDir) => matcher.match(path, isDir);
}
