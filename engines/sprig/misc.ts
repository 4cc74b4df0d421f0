/** Sprig v3.3 encoding, path, semver, URL and network functions. */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { quoteJSONString } from '../gojson/encode.js';
import { GoError, GoStruct, GoTyped, goFunc, kindOf } from '../gotemplate/value.js';
import type { GoFuncValue, GoMap, GoValue } from '../gotemplate/value.js';
import { Constraints, parseVersion } from '../semver/index.js';
import type { Version } from '../semver/index.js';
import { mapArg, strArg } from './args.js';
import { base32Decode, base32Encode, base64Decode } from './base-n.js';
import { parseURL, userinfoString, urlString } from './url.js';
import type { GoUserinfo } from './url.js';

function adler32(data: Buffer): number {
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

const hex = (alg: string, s: string): string => createHash(alg).update(s, 'utf8').digest('hex');

/** A `*semver.Version` template value with the library's exported methods. */
export function semverValue(v: Version): GoStruct {
  const self: { value?: GoStruct } = {};
  const other = (x: GoValue): Version => {
    if (x instanceof GoStruct && x.native !== undefined && isVersion(x.native)) return x.native;
    throw new GoError('invalid memory address or nil pointer dereference');
  };
  const u64 = (n: bigint): GoTyped => new GoTyped('uint64', 'uint64', n);
  const methods: Record<string, GoFuncValue> = {
    Major: goFunc('func() uint64', () => u64(v.major)),
    Minor: goFunc('func() uint64', () => u64(v.minor)),
    Patch: goFunc('func() uint64', () => u64(v.patch)),
    Prerelease: goFunc('func() string', () => v.prerelease),
    Metadata: goFunc('func() string', () => v.metadata),
    Original: goFunc('func() string', () => v.original),
    String: goFunc('func() string', () => v.toString()),
    IncMajor: goFunc('func() semver.Version', () => semverValue(v.incMajor())),
    IncMinor: goFunc('func() semver.Version', () => semverValue(v.incMinor())),
    IncPatch: goFunc('func() semver.Version', () => semverValue(v.incPatch())),
    LessThan: goFunc('func(*semver.Version) bool', (o) => v.lessThan(other(o))),
    LessThanEqual: goFunc('func(*semver.Version) bool', (o) => v.lessThanEqual(other(o))),
    GreaterThan: goFunc('func(*semver.Version) bool', (o) => v.greaterThan(other(o))),
    GreaterThanEqual: goFunc('func(*semver.Version) bool', (o) => v.greaterThanEqual(other(o))),
    Equal: goFunc('func(*semver.Version) bool', (o) => v.equal(other(o))),
    Compare: goFunc('func(*semver.Version) int', (o) => BigInt(v.compare(other(o)))),
  };
  const native = Object.assign(Object.create(v) as Version, {
    marshalGoJSON: () => quoteJSONString(v.toString()),
  });
  self.value = new GoStruct('semver.Version', new Map(), methods, true, native);
  return self.value;
}

function isVersion(x: unknown): x is Version {
  return typeof x === 'object' && x !== null && typeof (x as Version).compare === 'function';
}

/** Go's path.Ext. */
function ext(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
}

/** Go's path.Base. */
function base(p: string): string {
  if (p === '') return '.';
  p = p.replace(/\/+$/, '');
  if (p === '') return '/';
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Go's path.Clean. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/** Go's path.Dir. */
function dir(p: string): string {
  const i = p.lastIndexOf('/');
  return cleanPath(p.slice(0, i + 1));
}

function dictString(d: GoMap, key: string): string {
  if (!d.has(key)) return '';
  const v = d.get(key) ?? null;
  if (v === null) throw new GoError('runtime error: invalid memory address or nil pointer dereference');
  if (typeof v !== 'string') {
    throw new GoError(`unable to parse ${key} key, must be of type string, but ${kindOf(v)} found`);
  }
  return v;
}

/** Options of the function map that touch the outside world. */
export interface NetworkOptions {
  /** Resolve a host name (Sprig's getHostByName); when absent the function fails, as in Flux. */
  readonly lookupHost?: (name: string) => readonly string[];
}

/** Encoding, path, semver, URL and network functions of Sprig's function map. */
export function miscFuncs(options: NetworkOptions = {}): Record<string, GoFuncValue> {
  const s = strArg;
  return {
    b64enc: goFunc('func(string) string', (v) => Buffer.from(s(v), 'utf8').toString('base64')),
    b64dec: goFunc('func(string) string', (v) => base64Decode(s(v))),
    b32enc: goFunc('func(string) string', (v) => base32Encode(Buffer.from(s(v), 'utf8'))),
    b32dec: goFunc('func(string) string', (v) => base32Decode(s(v))),
    sha1sum: goFunc('func(string) string', (v) => hex('sha1', s(v))),
    sha256sum: goFunc('func(string) string', (v) => hex('sha256', s(v))),
    sha512sum: goFunc('func(string) string', (v) => hex('sha512', s(v))),
    adler32sum: goFunc('func(string) string', (v) => String(adler32(Buffer.from(s(v), 'utf8')))),
    base: goFunc('func(string) string', (p) => base(s(p))),
    dir: goFunc('func(string) string', (p) => dir(s(p))),
    clean: goFunc('func(string) string', (p) => cleanPath(s(p))),
    ext: goFunc('func(string) string', (p) => ext(s(p))),
    isAbs: goFunc('func(string) bool', (p) => s(p).startsWith('/')),
    // On Linux filepath is path.
    osBase: goFunc('func(string) string', (p) => base(s(p))),
    osClean: goFunc('func(string) string', (p) => cleanPath(s(p))),
    osDir: goFunc('func(string) string', (p) => dir(s(p))),
    osExt: goFunc('func(string) string', (p) => ext(s(p))),
    osIsAbs: goFunc('func(string) bool', (p) => posix.isAbsolute(s(p))),
    semver: goFunc('func(string) (*semver.Version, error)', (v) => semverValue(parseVersion(s(v)))),
    semverCompare: goFunc('func(string, string) (bool, error)', (c, v) =>
      Constraints.parse(s(c)).check(parseVersion(s(v))),
    ),
    urlParse: goFunc('func(string) map[string]interface {}', (v) => {
      const u = parseURL(s(v));
      if (typeof u === 'string') throw new GoError(`unable to parse url: ${u}`);
      const m: GoMap = new Map<string, GoValue>([
        ['scheme', u.scheme],
        ['host', u.host],
        ['hostname', u.hostname],
        ['path', u.path],
        ['query', u.rawQuery],
        ['opaque', u.opaque],
        ['fragment', u.fragment],
        ['userinfo', u.user === undefined ? '' : userinfoString(u.user)],
      ]);
      return m;
    }),
    urlJoin: goFunc('func(map[string]interface {}) string', (dv) => {
      const d = mapArg(dv);
      const userinfo = dictString(d, 'userinfo');
      let user: GoUserinfo | undefined;
      if (userinfo !== '') {
        const t = parseURL(`proto://${userinfo}@host`);
        if (typeof t === 'string') throw new GoError(`unable to parse userinfo in dict: ${t}`);
        user = t.user;
      }
      return urlString({
        scheme: dictString(d, 'scheme'),
        host: dictString(d, 'host'),
        path: dictString(d, 'path'),
        rawQuery: dictString(d, 'query'),
        opaque: dictString(d, 'opaque'),
        fragment: dictString(d, 'fragment'),
        user,
      });
    }),
    getHostByName: goFunc('func(string) string', (name) => {
      // Without a resolver the function is disabled and returns "", as Helm's engine does unless
      // DNS lookups are enabled (Flux never enables them).
      if (options.lookupHost === undefined) return '';
      const addrs = options.lookupHost(s(name));
      if (addrs.length === 0) throw new GoError('invalid argument to Intn');
      return addrs[Math.floor(Math.random() * addrs.length)] ?? '';
    }),
  };
}
