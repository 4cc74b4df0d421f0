/**
 * Shell pattern matching for `${var#pattern}` and friends: Go's path.Match as forked by
 * fluxcd/pkg/envsubst, i.e. without path.Match's special treatment of `/` (`*` and `?` match it).
 * Operates on code points. A malformed pattern is a BadPatternError (the caller then leaves the
 * value unchanged, as upstream does).
 */
export class BadPatternError extends Error {
  constructor() {
    super('syntax error in pattern');
  }
}

export function match(pattern: string, name: string): boolean {
  let pat = [...pattern];
  let s = [...name];
  outer: while (pat.length > 0) {
    const { star, chunk, rest } = scanChunk(pat);
    pat = rest;
    if (star && chunk.length === 0) return true;
    const first = matchChunk(chunk, s);
    if (first.ok && (first.rest.length === 0 || pat.length > 0)) {
      s = first.rest;
      continue;
    }
    if (first.err) throw new BadPatternError();
    if (star) {
      for (let i = 0; i < s.length; i++) {
        const m = matchChunk(chunk, s.slice(i + 1));
        if (m.ok) {
          if (pat.length === 0 && m.rest.length > 0) continue;
          s = m.rest;
          continue outer;
        }
        if (m.err) throw new BadPatternError();
      }
    }
    return false;
  }
  return s.length === 0;
}

function scanChunk(pattern: string[]): { star: boolean; chunk: string[]; rest: string[] } {
  let star = false;
  let p = pattern;
  while (p.length > 0 && p[0] === '*') {
    p = p.slice(1);
    star = true;
  }
  let inRange = false;
  let i = 0;
  scan: for (; i < p.length; i++) {
    switch (p[i]) {
      case '\\':
        if (i + 1 < p.length) i++;
        break;
      case '[':
        inRange = true;
        break;
      case ']':
        inRange = false;
        break;
      case '*':
        if (!inRange) break scan;
        break;
    }
  }
  return { star, chunk: p.slice(0, i), rest: p.slice(i) };
}

interface ChunkResult {
  rest: string[];
  ok: boolean;
  err: boolean;
}

function matchChunk(chunkIn: string[], sIn: string[]): ChunkResult {
  let chunk = chunkIn;
  let s = sIn;
  const no = (err = false): ChunkResult => ({ rest: [], ok: false, err });
  while (chunk.length > 0) {
    if (s.length === 0) return no();
    const c = chunk[0] as string;
    if (c === '[') {
      const r = (s[0] as string).codePointAt(0) as number;
      s = s.slice(1);
      chunk = chunk.slice(1);
      let negated = false;
      if (chunk[0] === '^') {
        negated = true;
        chunk = chunk.slice(1);
      }
      let matched = false;
      let nrange = 0;
      for (;;) {
        if (chunk.length > 0 && chunk[0] === ']' && nrange > 0) {
          chunk = chunk.slice(1);
          break;
        }
        const lo = getEsc(chunk);
        if (!lo) return no(true);
        chunk = lo.rest;
        let hi = lo.r;
        if (chunk[0] === '-') {
          const h = getEsc(chunk.slice(1));
          if (!h) return no(true);
          chunk = h.rest;
          hi = h.r;
        }
        if (lo.r <= r && r <= hi) matched = true;
        nrange++;
      }
      if (matched === negated) return no();
      continue;
    }
    if (c === '?') {
      s = s.slice(1);
      chunk = chunk.slice(1);
      continue;
    }
    if (c === '\\') {
      chunk = chunk.slice(1);
      if (chunk.length === 0) return no(true);
    }
    if (chunk[0] !== s[0]) return no();
    s = s.slice(1);
    chunk = chunk.slice(1);
  }
  return { rest: s, ok: true, err: false };
}

function getEsc(chunkIn: string[]): { r: number; rest: string[] } | undefined {
  let chunk = chunkIn;
  if (chunk.length === 0 || chunk[0] === '-' || chunk[0] === ']') return undefined;
  if (chunk[0] === '\\') {
    chunk = chunk.slice(1);
    if (chunk.length === 0) return undefined;
  }
  const r = (chunk[0] as string).codePointAt(0) as number;
  chunk = chunk.slice(1);
  if (chunk.length === 0) return undefined;
  return { r, rest: chunk };
}
