/**
 * Sprig v3.3 certificate functions (genCA, genCAWithKey, genSelfSignedCert(WithKey),
 * genSignedCert(WithKey), buildCustomCert). Certificates are built the way Go's x509.CreateCertificate
 * lays them out for Sprig's template (v3, random 128-bit serial, CN-only names, KeyUsage, ExtKeyUsage
 * server+client auth, BasicConstraints, SubjectKeyId for CAs, AuthorityKeyId from the signer, SANs) and
 * signed synchronously with node:crypto (SHA-256 for RSA and ECDSA keys, pure Ed25519).
 */
import {
  X509Certificate,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { GoError, GoStruct, goFunc, sliceElems } from '../gotemplate/value.js';
import type { GoFuncValue, GoValue } from '../gotemplate/value.js';
import { sprintf } from '../gofmt/printf.js';
import { intArg, strArg } from './args.js';
import { base64Decode } from './base-n.js';
import { pemEncode } from './crypto.js';
import {
  bitString,
  bool,
  derParse,
  derTime,
  explicit,
  integer,
  octets,
  oid,
  printable,
  seq,
  set,
  tlv,
  utf8,
} from './der.js';

const CERT_TYPE = 'sprig.certificate';

/** A Sprig `certificate` struct value: `.Cert` and `.Key` PEM strings. */
export function certificateValue(cert: string, key: string): GoStruct {
  return new GoStruct(
    CERT_TYPE,
    new Map<string, GoValue>([
      ['Cert', cert],
      ['Key', key],
    ]),
  );
}

function field(v: GoValue, name: string): string {
  if (v instanceof GoStruct) {
    const f = v.fields.get(name);
    if (typeof f === 'string') return f;
  }
  return '';
}

/** pem.Decode's first block: type and bytes, or undefined. */
function pemDecode(text: string): { type: string; bytes: Buffer } | undefined {
  const m = /-----BEGIN ([^-\n]+)-----\r?\n([\s\S]*?)-----END \1-----/.exec(text);
  if (!m) return undefined;
  const body = (m[2] ?? '').split(/\r?\n/).filter((l) => l.trim() !== '' && !l.includes(':'));
  return { type: m[1] ?? '', bytes: Buffer.from(body.join(''), 'base64') };
}

/** Sprig's parsePrivateKeyPEM with its error texts (the inner x509 wording is Node's). */
function parsePrivateKeyPEM(pem: string): KeyObject {
  const block = pemDecode(pem);
  if (block === undefined) throw new GoError('no PEM data in input');
  const fail = (what: string, err: unknown): never => {
    throw new GoError(`${what}: ${(err as Error).message}`);
  };
  if (block.type === 'PRIVATE KEY') {
    try {
      return createPrivateKey({ key: block.bytes, format: 'der', type: 'pkcs8' });
    } catch (err) {
      return fail('decoding PEM as PKCS#8', err);
    }
  }
  if (!block.type.endsWith(' PRIVATE KEY'))
    throw new GoError(`no private key data in PEM block of type ${block.type}`);
  const kind = block.type.slice(0, -12);
  try {
    switch (kind) {
      case 'RSA':
        return createPrivateKey({ key: block.bytes, format: 'der', type: 'pkcs1' });
      case 'EC':
        return createPrivateKey({ key: block.bytes, format: 'der', type: 'sec1' });
      case 'DSA':
        return createPrivateKey({ key: pemEncode('DSA PRIVATE KEY', block.bytes), format: 'pem' });
    }
  } catch (err) {
    return fail(`parsing ${kind} private key from PEM`, err);
  }
  throw new GoError(`invalid private key type ${block.type}`);
}

/** pemBlockForKey: the PEM Sprig writes for a key. */
function keyPem(k: KeyObject): string {
  switch (k.asymmetricKeyType) {
    case 'rsa':
      return pemEncode('RSA PRIVATE KEY', k.export({ type: 'pkcs1', format: 'der' }));
    case 'ec':
      return pemEncode('EC PRIVATE KEY', k.export({ type: 'sec1', format: 'der' }));
    default:
      return pemEncode('PRIVATE KEY', k.export({ type: 'pkcs8', format: 'der' }));
  }
}

function printableOK(s: string): boolean {
  return /^[A-Za-z0-9 '()+,\-./:=?*&]*$/.test(s);
}

function name(cn: string): Buffer {
  if (cn === '') return seq();
  const value = printableOK(cn) ? printable(cn) : utf8(cn);
  return seq(set(seq(oid('2.5.4.3'), value)));
}

function sigAlgorithm(k: KeyObject): { alg: Buffer; hash: string | null } {
  switch (k.asymmetricKeyType) {
    case 'rsa':
      return { alg: seq(oid('1.2.840.113549.1.1.11'), tlv(0x05)), hash: 'sha256' };
    case 'ec':
      return { alg: seq(oid('1.2.840.10045.4.3.2')), hash: 'sha256' };
    case 'ed25519':
      return { alg: seq(oid('1.3.101.112')), hash: null };
    default:
      throw new GoError('error creating certificate: x509: only RSA, ECDSA and Ed25519 keys supported');
  }
}

function ext(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

function keyUsageBits(ca: boolean): Buffer {
  // digitalSignature(0) | keyEncipherment(2) [| keyCertSign(5)], minimal BIT STRING as Go writes it.
  return ca ? Buffer.from([0x03, 0x02, 0x02, 0xa4]) : Buffer.from([0x03, 0x02, 0x05, 0xa0]);
}

function parseIPv4(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    // Go's ParseIP rejects empty parts, leading zeros and values over 255.
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255) return undefined;
    out.push(Number(p));
  }
  return out;
}

/** Go's net.ParseIP followed by To4() where possible: 4 bytes for IPv4 (and IPv4-mapped), else 16. */
export function parseIP(s: string): Buffer | undefined {
  const v4 = parseIPv4(s);
  if (v4 !== undefined) return Buffer.from(v4);
  if (!s.includes(':')) return undefined;
  let tail: number[] = [];
  let text = s;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    const t = parseIPv4(text.slice(lastColon + 1));
    if (t === undefined) return undefined;
    tail = t;
    text = text.slice(0, lastColon + 1) + '0:0';
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const group = (h: string): number[] | undefined => {
    if (h === '') return [];
    const gs = h.split(':');
    if (gs.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
    return gs.flatMap((g) => {
      const n = parseInt(g, 16);
      return [n >> 8, n & 0xff];
    });
  };
  const left = group(halves[0] ?? '');
  const right = halves.length === 2 ? group(halves[1] ?? '') : [];
  if (left === undefined || right === undefined) return undefined;
  let bytes: number[];
  if (halves.length === 2) {
    const fill = 16 - left.length - right.length;
    if (fill < 2) return undefined;
    bytes = [...left, ...Array<number>(fill).fill(0), ...right];
  } else bytes = left;
  if (bytes.length !== 16) return undefined;
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  const b = Buffer.from(bytes);
  const mapped = b.subarray(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;
  return mapped ? b.subarray(12) : b;
}

function stringsOf(v: GoValue, what: 'ip' | 'dns'): string[] {
  if (v === null) return [];
  const elems = sliceElems(v) ?? [];
  return elems.map((e) => {
    if (typeof e !== 'string') {
      throw new GoError(
        what === 'ip'
          ? `error parsing ip: ${sprintf('%v', e)} is not a string`
          : `error processing alternate dns name: ${sprintf('%v', e)} is not a string`,
      );
    }
    if (what === 'ip' && parseIP(e) === undefined) throw new GoError(`error parsing ip: ${e}`);
    return e;
  });
}

interface Template {
  cn: string;
  ips: string[];
  dns: string[];
  days: number;
  ca: boolean;
}

function spkiOf(k: KeyObject): Buffer {
  return createPublicKey(k).export({ type: 'spki', format: 'der' });
}

function subjectKeyId(spki: Buffer): Buffer {
  const bits = derParse(spki)[0]?.children[1]?.body.subarray(1) ?? Buffer.alloc(0);
  return createHash('sha1').update(bits).digest();
}

/** x509.CreateCertificate for Sprig's template; returns the PEM certificate. */
function createCertificate(
  t: Template,
  signee: KeyObject,
  signer: KeyObject,
  parent?: { subject: Buffer; ski?: Buffer },
): string {
  const serial = BigInt('0x' + randomBytes(16).toString('hex'));
  const now = new Date();
  const notAfter = new Date(now.getTime() + t.days * 24 * 3600 * 1000);
  const spki = spkiOf(signee);
  const subject = name(t.cn);
  const issuer = parent?.subject ?? subject;
  const exts: Buffer[] = [
    ext('2.5.29.15', true, keyUsageBits(t.ca)),
    ext('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2'))),
    ext('2.5.29.19', true, t.ca ? seq(bool(true)) : seq()),
  ];
  if (t.ca) exts.push(ext('2.5.29.14', false, octets(subjectKeyId(spki))));
  if (parent?.ski !== undefined && !issuer.equals(subject))
    exts.push(ext('2.5.29.35', false, seq(tlv(0x80, parent.ski))));
  if (t.dns.length > 0 || t.ips.length > 0) {
    const names = [
      ...t.dns.map((d) => tlv(0x82, Buffer.from(d, 'utf8'))),
      ...t.ips.map((ip) => tlv(0x87, parseIP(ip) ?? Buffer.alloc(0))),
    ];
    exts.push(ext('2.5.29.17', false, seq(...names)));
  }
  const { alg, hash } = sigAlgorithm(signer);
  const tbs = seq(
    explicit(0, integer(2n)),
    integer(serial),
    alg,
    issuer,
    seq(derTime(now), derTime(notAfter)),
    subject,
    spki,
    explicit(3, seq(...exts)),
  );
  const signature = sign(hash, tbs, signer);
  return pemEncode('CERTIFICATE', seq(tbs, alg, bitString(signature)));
}

function newRSAKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

function withKey(pem: string): KeyObject {
  try {
    return parsePrivateKeyPEM(pem);
  } catch (err) {
    throw new GoError(`parsing private key: ${(err as Error).message}`);
  }
}

function genCA(cn: string, days: number, key: KeyObject): GoStruct {
  const cert = createCertificate({ cn, ips: [], dns: [], days, ca: true }, key, key);
  return certificateValue(cert, keyPem(key));
}

function genSelfSigned(cn: string, ips: GoValue, dns: GoValue, days: number, key: KeyObject): GoStruct {
  const t = { cn, ips: stringsOf(ips, 'ip'), dns: stringsOf(dns, 'dns'), days, ca: false };
  return certificateValue(createCertificate(t, key, key), keyPem(key));
}

function genSigned(
  cn: string,
  ips: GoValue,
  dns: GoValue,
  days: number,
  ca: GoValue,
  key: KeyObject,
): GoStruct {
  const block = pemDecode(field(ca, 'Cert'));
  if (block === undefined) throw new GoError('unable to decode certificate');
  let parent: X509Certificate;
  try {
    parent = new X509Certificate(block.bytes);
  } catch (err) {
    throw new GoError(`error parsing certificate: decodedSignerCert.Bytes: ${(err as Error).message}`);
  }
  let signer: KeyObject;
  try {
    signer = parsePrivateKeyPEM(field(ca, 'Key'));
  } catch (err) {
    throw new GoError(`error parsing private key: ${(err as Error).message}`);
  }
  const t = { cn, ips: stringsOf(ips, 'ip'), dns: stringsOf(dns, 'dns'), days, ca: false };
  const tbs = derParse(parent.raw)[0]?.children[0]?.children ?? [];
  // TBSCertificate: [0] version, serial, signature, issuer, validity, subject, spki, [3] extensions.
  const subject = rebuild(tbs[5]) ?? seq();
  const ski = parentSubjectKeyId(tbs[7]?.children[0]?.children ?? []);
  return certificateValue(createCertificate(t, key, signer, { subject, ski }), keyPem(key));
}

function rebuild(node: ReturnType<typeof derParse>[number] | undefined): Buffer | undefined {
  return node === undefined ? undefined : tlv(node.tag, node.body);
}

function parentSubjectKeyId(exts: ReturnType<typeof derParse>): Buffer | undefined {
  for (const e of exts) {
    const id = e.children[0];
    if (id !== undefined && id.body.equals(oid('2.5.29.14').subarray(2))) {
      const value = e.children[e.children.length - 1]?.body;
      return value === undefined ? undefined : derParse(value)[0]?.body;
    }
  }
  return undefined;
}

function buildCustomCert(b64cert: string, b64key: string): GoStruct {
  const certText = base64Decode(b64cert);
  if (/^illegal base64 data/.test(certText) && certText !== Buffer.from(b64cert, 'base64').toString('utf8')) {
    throw new GoError('unable to decode base64 certificate');
  }
  const keyText = base64Decode(b64key);
  if (/^illegal base64 data/.test(keyText) && keyText !== Buffer.from(b64key, 'base64').toString('utf8')) {
    throw new GoError('unable to decode base64 private key');
  }
  const block = pemDecode(certText);
  if (block === undefined) throw new GoError('unable to decode certificate');
  try {
    new X509Certificate(block.bytes);
  } catch (err) {
    throw new GoError(`error parsing certificate: decodedCert.Bytes: ${(err as Error).message}`);
  }
  try {
    parsePrivateKeyPEM(keyText);
  } catch (err) {
    throw new GoError(`error parsing private key: ${(err as Error).message}`);
  }
  return certificateValue(certText, keyText);
}

/** The certificate functions of Sprig's function map. */
export function certFuncs(): Record<string, GoFuncValue> {
  const s = strArg;
  const n = intArg;
  const list = '[]interface {}';
  const cert = `(${CERT_TYPE}, error)`;
  return {
    buildCustomCert: goFunc(`func(string, string) ${cert}`, (c, k) => buildCustomCert(s(c), s(k))),
    genCA: goFunc(`func(string, int) ${cert}`, (cn, d) => genCA(s(cn), n(d), newRSAKey())),
    genCAWithKey: goFunc(`func(string, int, string) ${cert}`, (cn, d, k) =>
      genCA(s(cn), n(d), withKey(s(k))),
    ),
    genSelfSignedCert: goFunc(`func(string, ${list}, ${list}, int) ${cert}`, (cn, ips, dns, d) =>
      genSelfSigned(s(cn), ips, dns, n(d), newRSAKey()),
    ),
    genSelfSignedCertWithKey: goFunc(
      `func(string, ${list}, ${list}, int, string) ${cert}`,
      (cn, ips, dns, d, k) => genSelfSigned(s(cn), ips, dns, n(d), withKey(s(k))),
    ),
    genSignedCert: goFunc(
      `func(string, ${list}, ${list}, int, ${CERT_TYPE}) ${cert}`,
      (cn, ips, dns, d, ca) => genSigned(s(cn), ips, dns, n(d), ca, newRSAKey()),
    ),
    genSignedCertWithKey: goFunc(
      `func(string, ${list}, ${list}, int, ${CERT_TYPE}, string) ${cert}`,
      (cn, ips, dns, d, ca, k) => genSigned(s(cn), ips, dns, n(d), ca, withKey(s(k))),
    ),
  };
}
