/**
 * sops' value cipher: `ENC[AES256_GCM,data:<b64>,iv:<b64>,tag:<b64>,type:<t>]`, AES-256-GCM with
 * the value's path joined by ":" plus a trailing ":" as additional data (the MAC uses the
 * `lastmodified` timestamp instead). sops writes 32-byte IVs, which GCM accepts.
 */
import { createDecipheriv } from 'node:crypto';
import { SopsError } from './errors.js';

const ENC = /^ENC\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\]/;

export type SopsValueType = 'str' | 'int' | 'float' | 'bool' | 'bytes' | 'time' | 'comment';

export interface DecryptedValue {
  readonly bytes: Buffer;
  readonly type: SopsValueType;
}

export function isEncryptedValue(v: unknown): v is string {
  return typeof v === 'string' && ENC.test(v);
}

/** The additional data for a value at `path`. */
export function pathAad(path: readonly string[]): string {
  return path.join(':') + ':';
}

/** Decrypts one value. An empty string decrypts to an empty string, as in sops. */
export function decryptValue(ciphertext: string, key: Uint8Array, aad: string): DecryptedValue {
  if (ciphertext === '') return { bytes: Buffer.alloc(0), type: 'str' };
  const m = ENC.exec(ciphertext);
  if (!m) throw new SopsError('DecryptFailed', "Input string does not match sops' data format");
  const [, data, iv, tag, type] = m as unknown as [string, string, string, string, string];
  const known: readonly string[] = ['str', 'int', 'float', 'bool', 'bytes', 'time', 'comment'];
  if (!known.includes(type)) throw new SopsError('DecryptFailed', `Unknown datatype: ${type}`);
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    d.setAAD(Buffer.from(aad, 'utf8'));
    d.setAuthTag(Buffer.from(tag, 'base64'));
    const bytes = Buffer.concat([d.update(Buffer.from(data, 'base64')), d.final()]);
    return { bytes, type: type as SopsValueType };
  } catch {
    throw new SopsError(
      'DecryptFailed',
      'Could not decrypt with AES_GCM: cipher: message authentication failed',
    );
  }
}

/** Go's strconv.ParseBool. */
export function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** Go's strconv.FormatFloat(f, 'f', -1, 64): shortest round-trip digits, never an exponent. */
export function formatFloatF(f: number): string {
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : f < 0 ? '-Inf' : 'NaN';
  const s = String(f);
  if (!/e/i.test(s)) return s;
  const [mant, expStr] = s.split(/e/i) as [string, string];
  const exp = Number(expStr);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  const pointAt =
    (mant.replace('-', '').indexOf('.') < 0
      ? mant.replace('-', '').length
      : mant.replace('-', '').indexOf('.')) + exp;
  let out: string;
  if (pointAt <= 0) out = '0.' + '0'.repeat(-pointAt) + digits;
  else if (pointAt >= digits.length) out = digits + '0'.repeat(pointAt - digits.length);
  else out = digits.slice(0, pointAt) + '.' + digits.slice(pointAt);
  return (neg ? '-' : '') + out;
}

/** The typed plaintext of a decrypted value, as sops' cipher returns it. */
export type PlainValue = string | bigint | number | boolean | Buffer;

export function typedValue(v: DecryptedValue): PlainValue {
  const text = v.bytes.toString('utf8');
  switch (v.type) {
    case 'int': {
      if (!/^[+-]?[0-9]+$/.test(text))
        throw new SopsError('DecryptFailed', `strconv.Atoi: parsing "<redacted>": invalid syntax`);
      return BigInt(text);
    }
    case 'float': {
      const f = Number(text);
      if (text.trim() === '' || (Number.isNaN(f) && !/^[+-]?(nan|NaN)$/.test(text))) {
        throw new SopsError('DecryptFailed', 'strconv.ParseFloat: parsing "<redacted>": invalid syntax');
      }
      return f;
    }
    case 'bool': {
      const b = parseGoBool(text);
      if (b === undefined)
        throw new SopsError('DecryptFailed', 'strconv.ParseBool: parsing "<redacted>": invalid syntax');
      return b;
    }
    case 'bytes':
      return v.bytes;
    default:
      // Go strings are bytes: keep non-UTF-8 plaintext (binary files) exact.
      return Buffer.from(text, 'utf8').equals(v.bytes) ? text : v.bytes;
  }
}

/** sops.ToBytes: the bytes a value contributes to the MAC. */
export function macBytes(v: PlainValue): Buffer {
  if (Buffer.isBuffer(v)) return v;
  if (typeof v === 'string') return Buffer.from(v, 'utf8');
  if (typeof v === 'bigint') return Buffer.from(v.toString(), 'utf8');
  if (typeof v === 'number') return Buffer.from(formatFloatF(v), 'utf8');
  return Buffer.from(v ? 'True' : 'False', 'utf8');
}
