/**
 * Sprig v3.3 crypto and random functions: bcrypt/htpasswd (bcryptjs, `$2a$` cost 10 as Go's
 * x/crypto/bcrypt), derivePassword (Master Password algorithm: scrypt + HMAC-SHA256), genPrivateKey
 * (PEM in the same block types as Go), AES-256-CBC encryptAES/decryptAES (Sprig's zero-padded key and
 * PKCS#7 padding, IV prepended, base64), random strings/bytes and uuidv4.
 */
import bcryptjs from 'bcryptjs';
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  generateKeyPairSync,
  randomBytes,
  randomInt,
  randomUUID,
  scryptSync,
} from 'node:crypto';
import { GoError, goFunc } from '../gotemplate/value.js';
import type { GoFuncValue } from '../gotemplate/value.js';
import type { KeyObject } from 'node:crypto';
import { derParse, integer, seq } from './der.js';
import { intArg, strArg } from './args.js';
import { base64Decode } from './base-n.js';

function bcrypt(input: string): string {
  const hash = bcryptjs.hashSync(input, bcryptjs.genSaltSync(10));
  // Same algorithm; Go's library writes the $2a$ prefix.
  return hash.replace(/^\$2[by]\$/, '$2a$');
}

const TEMPLATES: Record<string, string[]> = {
  maximum: ['anoxxxxxxxxxxxxxxxxx', 'axxxxxxxxxxxxxxxxxno'],
  long: [
    'CvcvnoCvcvCvcv',
    'CvcvCvcvnoCvcv',
    'CvcvCvcvCvcvno',
    'CvccnoCvcvCvcv',
    'CvccCvcvnoCvcv',
    'CvccCvcvCvcvno',
    'CvcvnoCvccCvcv',
    'CvcvCvccnoCvcv',
    'CvcvCvccCvcvno',
    'CvcvnoCvcvCvcc',
    'CvcvCvcvnoCvcc',
    'CvcvCvcvCvccno',
    'CvccnoCvccCvcv',
    'CvccCvccnoCvcv',
    'CvccCvccCvcvno',
    'CvcvnoCvccCvcc',
    'CvcvCvccnoCvcc',
    'CvcvCvccCvccno',
    'CvccnoCvcvCvcc',
    'CvccCvcvnoCvcc',
    'CvccCvcvCvccno',
  ],
  medium: ['CvcnoCvc', 'CvcCvcno'],
  short: ['Cvcn'],
  basic: ['aaanaaan', 'aannaaan', 'aaannaaa'],
  pin: ['nnnn'],
};

const CHARS: Record<string, string> = {
  V: 'AEIOU',
  C: 'BCDFGHJKLMNPQRSTVWXYZ',
  v: 'aeiou',
  c: 'bcdfghjklmnpqrstvwxyz',
  A: 'AEIOUBCDFGHJKLMNPQRSTVWXYZ',
  a: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz',
  n: '0123456789',
  o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()',
};

const SEED = 'com.lyndir.masterpassword';

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

/** Master Password's site password, as Sprig's derivePassword. */
export function derivePassword(
  counter: number,
  type: string,
  password: string,
  user: string,
  site: string,
): string {
  const templates = TEMPLATES[type];
  if (templates === undefined) return `cannot find password template ${type}`;
  const userBytes = Buffer.from(user, 'utf8');
  const salt = Buffer.concat([Buffer.from(SEED), u32(userBytes.length), userBytes]);
  const key = scryptSync(Buffer.from(password, 'utf8'), salt, 64, {
    N: 32768,
    r: 8,
    p: 2,
    maxmem: 128 * 1024 * 1024,
  });
  const siteBytes = Buffer.from(site, 'utf8');
  const msg = Buffer.concat([Buffer.from(SEED), u32(siteBytes.length), siteBytes, u32(counter)]);
  const seed = createHmac('sha256', key).update(msg).digest();
  const tmpl = templates[(seed[0] ?? 0) % templates.length] ?? '';
  let out = '';
  for (let i = 0; i < tmpl.length; i++) {
    const chars = CHARS[tmpl[i] ?? ''] ?? '';
    out += chars[(seed[i + 1] ?? 0) % chars.length];
  }
  return out;
}

/** PEM text with Go's pem.Encode line length (64). */
export function pemEncode(type: string, der: Buffer): string {
  const b64 = der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n');
  return `-----BEGIN ${type}-----\n${b64}-----END ${type}-----\n`;
}

/** genPrivateKey: rsa (4096), dsa (L2048N256), ecdsa (P-256) or ed25519, PEM-encoded like Sprig. */
export function generatePrivateKey(type: string): string {
  switch (type) {
    case '':
    case 'rsa': {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 4096 });
      return pemEncode('RSA PRIVATE KEY', privateKey.export({ type: 'pkcs1', format: 'der' }));
    }
    case 'dsa': {
      const { privateKey, publicKey } = generateKeyPairSync('dsa', {
        modulusLength: 2048,
        divisorLength: 256,
      });
      return dsaPrivateKeyPem(privateKey, publicKey);
    }
    case 'ecdsa': {
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      return pemEncode('EC PRIVATE KEY', privateKey.export({ type: 'sec1', format: 'der' }));
    }
    case 'ed25519': {
      const { privateKey } = generateKeyPairSync('ed25519');
      return pemEncode('PRIVATE KEY', privateKey.export({ type: 'pkcs8', format: 'der' }));
    }
    default:
      return `Unknown type ${type}`;
  }
}

/**
 * Node exports DSA keys only as PKCS#8/SPKI; Sprig writes OpenSSL's "DSA PRIVATE KEY" structure
 * SEQUENCE { 0, p, q, g, y, x }, so the numbers are taken out of those two encodings.
 */
function dsaPrivateKeyPem(privateKey: KeyObject, publicKey: KeyObject): string {
  const pkcs8 = derParse(privateKey.export({ type: 'pkcs8', format: 'der' }))[0];
  const spki = derParse(publicKey.export({ type: 'spki', format: 'der' }))[0];
  const params = pkcs8?.children[1]?.children[1]?.children ?? [];
  const x = derParse(pkcs8?.children[2]?.body ?? Buffer.alloc(0))[0]?.body;
  const yBits = spki?.children[1]?.body;
  const y = derParse(yBits?.subarray(1) ?? Buffer.alloc(0))[0]?.body;
  const [p, q, g] = params.map((n) => n.body);
  if (!p || !q || !g || !x || !y)
    throw new GoError('failed to generate private key: unexpected DSA key encoding');
  return pemEncode(
    'DSA PRIVATE KEY',
    seq(integer(0n), integer(p), integer(q), integer(g), integer(y), integer(x)),
  );
}

function aesKey(password: string): Buffer {
  const key = Buffer.alloc(32);
  Buffer.from(password, 'utf8').copy(key, 0, 0, 32);
  return key;
}

export function encryptAES(password: string, plaintext: string): string {
  if (plaintext === '') return '';
  const content = Buffer.from(plaintext, 'utf8');
  const padding = 16 - (content.length % 16);
  const padded = Buffer.concat([content, Buffer.alloc(padding, padding)]);
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', aesKey(password), iv);
  cipher.setAutoPadding(false);
  return Buffer.concat([iv, cipher.update(padded), cipher.final()]).toString('base64');
}

export function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === '') return '';
  const decodedText = base64Decode(crypt64);
  if (/^illegal base64 data at input byte \d+$/.test(decodedText) && !/^[A-Za-z0-9+/=\r\n]*$/.test(crypt64)) {
    throw new GoError(decodedText);
  }
  const crypt = Buffer.from(crypt64, 'base64');
  if (crypt.length < 16)
    throw new GoError(`runtime error: slice bounds out of range [:16] with capacity ${crypt.length}`);
  const iv = crypt.subarray(0, 16);
  const body = crypt.subarray(16);
  if (body.length % 16 !== 0) throw new GoError('crypto/cipher: input not full blocks');
  if (body.length === 0) throw new GoError('runtime error: index out of range [-1]');
  const decipher = createDecipheriv('aes-256-cbc', aesKey(password), iv);
  decipher.setAutoPadding(false);
  const out = Buffer.concat([decipher.update(body), decipher.final()]);
  const pad = out[out.length - 1] ?? 0;
  if (pad > out.length) throw new GoError(`runtime error: slice bounds out of range [:${out.length - pad}]`);
  return out.subarray(0, out.length - pad).toString('utf8');
}

function randomString(count: number, alphabet: string): string {
  if (count < 0) return '';
  let out = '';
  for (let i = 0; i < count; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

const ALPHA = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const NUM = '0123456789';
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/** Crypto and random functions of Sprig's function map (certificates are in ./certs.ts). */
export function cryptoFuncs(): Record<string, GoFuncValue> {
  const s = strArg;
  return {
    bcrypt: goFunc('func(string) string', (v) => bcrypt(s(v))),
    htpasswd: goFunc('func(string, string) string', (u, p) =>
      s(u).includes(':') ? `invalid username: ${s(u)}` : `${s(u)}:${bcrypt(s(p))}`,
    ),
    derivePassword: goFunc('func(uint32, string, string, string, string) string', (c, t, p, u, site) =>
      derivePassword(intArg(c), s(t), s(p), s(u), s(site)),
    ),
    genPrivateKey: goFunc('func(string) string', (t) => generatePrivateKey(s(t))),
    encryptAES: goFunc('func(string, string) (string, error)', (p, t) => encryptAES(s(p), s(t))),
    decryptAES: goFunc('func(string, string) (string, error)', (p, t) => decryptAES(s(p), s(t))),
    randBytes: goFunc('func(int) (string, error)', (n) => {
      const c = intArg(n);
      if (c < 0) throw new GoError('runtime error: makeslice: len out of range');
      return randomBytes(c).toString('base64');
    }),
    uuidv4: goFunc('func() string', () => randomUUID()),
    randAlphaNum: goFunc('func(int) string', (n) => randomString(intArg(n), ALPHA + NUM)),
    randAlpha: goFunc('func(int) string', (n) => randomString(intArg(n), ALPHA)),
    randAscii: goFunc('func(int) string', (n) => randomString(intArg(n), ASCII)),
    randNumeric: goFunc('func(int) string', (n) => randomString(intArg(n), NUM)),
    shuffle: goFunc('func(string) string', (v) => {
      const rs = Array.from(s(v));
      for (let i = rs.length - 1; i > 0; i--) {
        const j = randomInt(i + 1);
        [rs[i], rs[j]] = [rs[j] ?? '', rs[i] ?? ''];
      }
      return rs.join('');
    }),
  };
}
