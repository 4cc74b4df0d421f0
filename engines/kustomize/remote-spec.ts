/**
 * Remote resource addresses, parsed the way kustomize v5.7.1 parses them (api/internal/git RepoSpec and
 * the loader's remote-file test): a git repository URL splits into what `git` clones (host + repo path)
 * and the kustomization directory inside the clone; a plain http(s) URL may also be a single file.
 */

/** A git repository and a kustomization directory in it. */
export interface RepoSpec {
  /** The address as written in the kustomization (kustomize's cycle check compares these). */
  readonly raw: string;
  /** Scheme, user and host, e.g. `https://github.com/`, `git@github.com:`, `file://`. */
  readonly host: string;
  /** Path of the repository on the host, e.g. `org/repo` or `org/repo.git`. */
  readonly repoPath: string;
  /** Directory of the kustomization inside the clone ("" for the repository root). */
  readonly kustRootPath: string;
  /** `?ref=` (or `?version=`; ref wins); "" means the remote HEAD. */
  readonly ref: string;
  /** `?submodules=`, @default true */
  readonly submodules: boolean;
  /** `?timeout=` in milliseconds (seconds or a Go duration), @default 27000 */
  readonly timeoutMs: number;
}

/** What `git remote add origin` is given: host + repository path. */
export function cloneSpec(spec: RepoSpec): string {
  return spec.host + spec.repoPath;
}

const DEFAULT_TIMEOUT_MS = 27_000;
const FILE_SCHEME = 'file://';
const SCHEMES = ['ssh://', 'https://', 'http://', FILE_SCHEME] as const;

/** kustomize's IsRemoteFile: a URL whose scheme is http or https (fetched with a GET before anything else). */
export function isRemoteFileUrl(path: string): boolean {
  return /^https?:/i.test(path);
}

/** Parses a git-like URL; returns the reason as a string when `n` is not one (then it is a local path). */
export function parseRepoSpec(n: string): RepoSpec | string {
  if (n.startsWith('/')) return `uri looks like abs path: ${n}`;
  const q = n.indexOf('?');
  const query = q >= 0 ? n.slice(q + 1) : '';
  let rest = q >= 0 ? n.slice(0, q) : n;
  const { ref, timeoutMs, submodules } = parseQuery(query);
  const host = extractHost(rest);
  if (typeof host === 'string') return host;
  rest = host.rest;
  const parts = parsePathParts(rest, host.host.startsWith(FILE_SCHEME) ? 'all' : 2);
  if (typeof parts === 'string') return parts;
  return { raw: n, host: host.host, repoPath: parts.repoPath, kustRootPath: parts.kustRootPath, ref, submodules, timeoutMs };
}

function parseQuery(query: string): { ref: string; timeoutMs: number; submodules: boolean } {
  const out = { ref: '', timeoutMs: DEFAULT_TIMEOUT_MS, submodules: true };
  const values = goParseQuery(query);
  if (!values) return out;
  out.ref = values.get('ref') || values.get('version') || '';
  const t = values.get('timeout') ?? '';
  if (t !== '') {
    const secs = /^[+-]?\d+$/.test(t) ? Number(t) : NaN;
    if (Number.isInteger(secs) && secs > 0) out.timeoutMs = secs * 1000;
    else {
      const d = parseGoDuration(t);
      if (d !== undefined && d > 0) out.timeoutMs = d;
    }
  }
  const s = values.get('submodules') ?? '';
  const b = parseGoBool(s);
  if (s !== '' && b !== undefined) out.submodules = b;
  return out;
}

/** net/url ParseQuery: `&`-separated, first value per key wins for Get; any bad escape or `;` fails it. */
function goParseQuery(query: string): Map<string, string> | undefined {
  const out = new Map<string, string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    if (pair.includes(';')) return undefined;
    const eq = pair.indexOf('=');
    const k = unescapeQuery(eq >= 0 ? pair.slice(0, eq) : pair);
    const v = unescapeQuery(eq >= 0 ? pair.slice(eq + 1) : '');
    if (k === undefined || v === undefined) return undefined;
    if (!out.has(k)) out.set(k, v);
  }
  return out;
}

function unescapeQuery(s: string): string | undefined {
  if (/%(?![0-9a-fA-F]{2})/.test(s)) return undefined;
  try {
    return decodeURIComponent(s.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

/** strconv.ParseBool */
function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** time.ParseDuration, in milliseconds (undefined when Go would refuse it). */
function parseGoDuration(s: string): number | undefined {
  let rest = s;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest.startsWith('-')) sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  const re = /^(\d*\.?\d*)(ns|us|µs|μs|ms|s|m|h)/;
  while (rest !== '') {
    const m = re.exec(rest);
    if (!m || m[1] === '' || m[1] === '.') return undefined;
    total += Number(m[1]) * (DURATION_UNITS[m[2] as string] as number);
    rest = rest.slice(m[0].length);
  }
  return sign * total;
}

function trimPrefixIgnoreCase(s: string, prefix: string): string | undefined {
  return s.length >= prefix.length && s.slice(0, prefix.length).toLowerCase() === prefix ? s.slice(prefix.length) : undefined;
}

function extractHost(input: string): { host: string; rest: string } | string {
  let n = trimPrefixIgnoreCase(input, 'git::') ?? input;
  let scheme = '';
  for (const p of SCHEMES) {
    const r = trimPrefixIgnoreCase(n, p);
    if (r !== undefined) {
      scheme = p;
      n = r;
      break;
    }
  }
  let username = '';
  const um = /^([a-zA-Z][a-zA-Z0-9-]*)@/.exec(n);
  if (um) {
    username = `${um[1]}@`;
    n = n.slice(username.length);
  }
  const lower = n.toLowerCase();
  const stdGithub = lower.startsWith('github.com/') || lower.startsWith('github.com:');
  const acceptScp = scheme === '' && (username !== '' || stdGithub);
  if (scheme === '' && !acceptScp) return 'failed to parse scheme';
  if (scheme === FILE_SCHEME) return { host: scheme, rest: username + n };
  let host = n;
  let rest = '';
  const sep = findPathSeparator(n, acceptScp);
  if (sep >= 0) {
    host = n.slice(0, sep + 1);
    rest = n.slice(sep + 1);
  }
  if (stdGithub) {
    if (scheme.startsWith('ssh://') || username !== '') {
      scheme = '';
      host = 'github.com:';
    } else {
      scheme = 'https://';
      username = '';
      host = 'github.com/';
    }
  }
  if (host === '') return 'failed to parse host segment';
  return { host: scheme + username + host, rest };
}

function findPathSeparator(hostPath: string, acceptScp: boolean): number {
  let sep = hostPath.indexOf('/');
  if (acceptScp) {
    const colon = hostPath.indexOf(':');
    if (sep === -1 || (colon > 0 && colon < sep)) sep = colon;
  }
  return sep;
}

function parsePathParts(n: string, segments: number | 'all'): { repoPath: string; kustRootPath: string } | string {
  let split = explicitMarkerSplit(n);
  if (!split) {
    if (segments === 'all') split = [n, ''];
    else {
      const parts = n.split('/');
      if (parts.length >= segments) split = [parts.slice(0, segments).join('/'), parts.slice(segments).join('/')];
    }
  }
  if (!split || split[0] === '') return 'failed to parse repo path segment';
  if (exitsRepo(split[1])) return `url path exits repo: ${n}`;
  return { repoPath: split[0], kustRootPath: split[1].startsWith('/') ? split[1].slice(1) : split[1] };
}

function explicitMarkerSplit(n: string): [string, string] | undefined {
  const git = n.indexOf('_git/');
  if (git >= 0) {
    const sub = n.slice(git + 5).split('/');
    return [n.slice(0, git + 5) + (sub[0] as string), sub.slice(1).join('/')];
  }
  const dbl = n.indexOf('//');
  if (dbl >= 0) return [n.slice(0, dbl), n.slice(dbl + 2)];
  const dotGit = n.indexOf('.git');
  if (dotGit >= 0) return [n.slice(0, dotGit + 4), n.slice(dotGit + 4)];
  return undefined;
}

/** filepath.Clean of the path without a leading slash starts with `..`. */
function exitsRepo(p: string): boolean {
  const out: string[] = [];
  let up = 0;
  for (const part of p.replace(/^\//, '').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0) out.pop();
      else up++;
    } else out.push(part);
  }
  return up > 0;
}
