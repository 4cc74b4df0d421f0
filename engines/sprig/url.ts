/**
 * The parts of Go's net/url that Sprig's `urlParse` and `urlJoin` use: Parse (scheme, opaque, authority
 * with userinfo and port checks, percent-decoding with Go's error texts) and URL.String (Go's escaping
 * per component).
 */

type Mode = 'path' | 'host' | 'userpass' | 'query' | 'fragment';

export interface GoUserinfo {
  readonly username: string;
  readonly password?: string;
}

export interface GoURL {
  scheme: string;
  opaque: string;
  user?: GoUserinfo;
  host: string;
  hostname: string;
  path: string;
  rawPath: string;
  rawQuery: string;
  fragment: string;
  rawFragment: string;
  forceQuery: boolean;
  omitHost: boolean;
}

const HOST_SUBDELIMS = `!$&'()*+,;=:[]<>"`;

function shouldEscape(c: number, mode: Mode): boolean {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9]/.test(ch) && c < 0x80) return false;
  if (mode === 'host' && HOST_SUBDELIMS.includes(ch) && c < 0x80) return false;
  switch (ch) {
    case '-':
    case '_':
    case '.':
    case '~':
      return false;
    case '$':
    case '&':
    case '+':
    case ',':
    case '/':
    case ':':
    case ';':
    case '=':
    case '?':
    case '@':
      switch (mode) {
        case 'path':
          return ch === '?';
        case 'userpass':
          return ch === '@' || ch === '/' || ch === '?' || ch === ':';
        case 'query':
          return true;
        case 'fragment':
          return false;
        default:
          return true;
      }
  }
  if (mode === 'fragment' && '!()*'.includes(ch)) return false;
  return true;
}

/** Go's url escape(s, mode). */
function escape(s: string, mode: Mode): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    if (shouldEscape(b, mode)) {
      if (b === 0x20 && mode === 'query') out += '+';
      else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
    } else out += String.fromCharCode(b);
  }
  return out;
}

const isHex = (c: number | undefined): boolean =>
  c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66));

class URLError extends Error {}

/** Go's unescape(s, mode). */
function unescape(s: string, mode: Mode): string {
  const b = Buffer.from(s, 'utf8');
  const out: number[] = [];
  for (let i = 0; i < b.length; i++) {
    const c = b[i] ?? 0;
    if (c === 0x25) {
      if (i + 2 >= b.length || !isHex(b[i + 1]) || !isHex(b[i + 2])) {
        const tail = b.subarray(i, Math.min(i + 3, b.length)).toString('latin1');
        throw new URLError(`invalid URL escape ${goQuote(tail)}`);
      }
      const v = parseInt(b.subarray(i + 1, i + 3).toString('latin1'), 16);
      if (mode === 'host' && v < 0x80 && b.subarray(i, i + 3).toString('latin1') !== '%25') {
        throw new URLError(`invalid URL escape ${goQuote(b.subarray(i, i + 3).toString('latin1'))}`);
      }
      out.push(v);
      i += 2;
      continue;
    }
    if (mode === 'host' && c < 0x80 && shouldEscape(c, mode)) {
      throw new URLError(`invalid character ${goQuote(String.fromCharCode(c))} in host name`);
    }
    out.push(c);
  }
  return Buffer.from(out).toString('utf8');
}

function goQuote(s: string): string {
  return JSON.stringify(s);
}

function validOptionalPort(port: string): boolean {
  if (port === '') return true;
  return /^:[0-9]*$/.test(port);
}

function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new URLError("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort)) throw new URLError(`invalid port ${goQuote(colonPort)} after host`);
  } else {
    const i = host.lastIndexOf(':');
    if (i >= 0) {
      const colonPort = host.slice(i);
      if (!validOptionalPort(colonPort)) throw new URLError(`invalid port ${goQuote(colonPort)} after host`);
    }
  }
  return unescape(host, 'host');
}

function validUserinfo(s: string): boolean {
  return /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(s) || /[^\x00-\x7f]/.test(s);
}

function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] ?? '';
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === ':') {
      if (i === 0) throw new URLError('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

function hostnameOf(host: string): string {
  let h = host;
  const i = h.lastIndexOf(':');
  if (i >= 0 && validOptionalPort(h.slice(i)) && (!h.startsWith('[') || h.lastIndexOf(']') < i))
    h = h.slice(0, i);
  if (h.startsWith('[') && h.endsWith(']')) return h.slice(1, -1);
  return h;
}

function parseNoFragment(raw: string): GoURL {
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new URLError('net/url: invalid control character in URL');
  const u: GoURL = {
    scheme: '',
    opaque: '',
    host: '',
    hostname: '',
    path: '',
    rawPath: '',
    rawQuery: '',
    fragment: '',
    rawFragment: '',
    forceQuery: false,
    omitHost: false,
  };
  if (raw === '*') {
    u.path = '*';
    return u;
  }
  const [scheme, afterScheme] = getScheme(raw);
  u.scheme = scheme.toLowerCase();
  let rest = afterScheme;
  if (rest.endsWith('?') && rest.split('?').length === 2) {
    u.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      u.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith('/')) {
    if (u.scheme !== '') {
      u.opaque = rest;
      return u;
    }
    const segment = rest.split('/')[0] ?? '';
    if (segment.includes(':')) throw new URLError('first path segment in URL cannot contain colon');
  }
  if ((u.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const i = authority.indexOf('/');
    if (i >= 0) {
      rest = authority.slice(i);
      authority = authority.slice(0, i);
    }
    const at = authority.lastIndexOf('@');
    u.host = parseHost(at < 0 ? authority : authority.slice(at + 1));
    if (at >= 0) {
      const userinfo = authority.slice(0, at);
      if (!validUserinfo(userinfo)) throw new URLError('net/url: invalid userinfo');
      const colon = userinfo.indexOf(':');
      u.user =
        colon < 0
          ? { username: unescape(userinfo, 'userpass') }
          : {
              username: unescape(userinfo.slice(0, colon), 'userpass'),
              password: unescape(userinfo.slice(colon + 1), 'userpass'),
            };
    }
  } else if (u.scheme !== '' && rest.startsWith('/')) u.omitHost = true;
  u.path = unescape(rest, 'path');
  u.rawPath = escape(u.path, 'path') === rest ? '' : rest;
  u.hostname = hostnameOf(u.host);
  return u;
}

/** url.Parse: the URL, or Go's error text (`parse "x": …`). */
export function parseURL(raw: string): GoURL | string {
  const hash = raw.indexOf('#');
  const u0 = hash < 0 ? raw : raw.slice(0, hash);
  let u: GoURL;
  try {
    u = parseNoFragment(u0);
  } catch (err) {
    return `parse ${goQuote(u0)}: ${(err as Error).message}`;
  }
  if (hash < 0) return u;
  const frag = raw.slice(hash + 1);
  try {
    u.fragment = unescape(frag, 'fragment');
    u.rawFragment = escape(u.fragment, 'fragment') === frag ? '' : frag;
  } catch (err) {
    return `parse ${goQuote(raw)}: ${(err as Error).message}`;
  }
  return u;
}

/** Userinfo.String. */
export function userinfoString(u: GoUserinfo): string {
  let s = escape(u.username, 'userpass');
  if (u.password !== undefined) s += ':' + escape(u.password, 'userpass');
  return s;
}

/** The fields URL.String reads. */
export interface URLParts {
  readonly scheme: string;
  readonly opaque: string;
  readonly user?: GoUserinfo;
  readonly host: string;
  readonly path: string;
  readonly rawQuery: string;
  readonly fragment: string;
}

/** URL.String for a URL built from parts (no RawPath/RawFragment, as in Sprig's urlJoin). */
export function urlString(u: URLParts): string {
  let buf = '';
  if (u.scheme !== '') buf += u.scheme + ':';
  if (u.opaque !== '') buf += u.opaque;
  else {
    if (u.scheme !== '' || u.host !== '' || u.user !== undefined) {
      if (u.host !== '' || u.path !== '' || u.user !== undefined) buf += '//';
      if (u.user !== undefined) buf += userinfoString(u.user) + '@';
      if (u.host !== '') buf += escape(u.host, 'host');
    }
    const path = u.path === '*' ? '*' : escape(u.path, 'path');
    if (path !== '' && path[0] !== '/' && u.host !== '') buf += '/';
    if (buf === '') {
      const segment = path.split('/')[0] ?? '';
      if (segment.includes(':')) buf += './';
    }
    buf += path;
  }
  if (u.rawQuery !== '') buf += '?' + u.rawQuery;
  if (u.fragment !== '') buf += '#' + escape(u.fragment, 'fragment');
  return buf;
}
