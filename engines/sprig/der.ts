/** A minimal ASN.1 DER reader and writer for the key and certificate structures Sprig builds. */

export interface DerNode {
  readonly tag: number;
  /** Content bytes. */
  readonly body: Buffer;
  /** Children, for constructed nodes. */
  readonly children: DerNode[];
}

function readLength(b: Buffer, pos: number): [number, number] {
  const first = b[pos] ?? 0;
  if (first < 0x80) return [first, pos + 1];
  const n = first & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (b[pos + 1 + i] ?? 0);
  return [len, pos + 1 + n];
}

/** Parses a DER buffer into a node tree (throws on truncation). */
export function derParse(b: Buffer, pos = 0, end = b.length): DerNode[] {
  const out: DerNode[] = [];
  while (pos < end) {
    const tag = b[pos] ?? 0;
    const [len, start] = readLength(b, pos + 1);
    if (start + len > end) throw new Error('asn1: truncated');
    const body = b.subarray(start, start + len);
    const constructed = (tag & 0x20) !== 0;
    out.push({ tag, body, children: constructed ? derParse(b, start, start + len) : [] });
    pos = start + len;
  }
  return out;
}

function lengthBytes(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  while (n > 0) {
    bytes.unshift(n & 0xff);
    n = Math.floor(n / 256);
  }
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** A TLV with the given tag and content. */
export function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), lengthBytes(body.length), body]);
}

export const seq = (...items: Buffer[]): Buffer => tlv(0x30, ...items);
export const set = (...items: Buffer[]): Buffer => tlv(0x31, ...items);
export const octets = (b: Buffer): Buffer => tlv(0x04, b);
export const bitString = (b: Buffer): Buffer => tlv(0x03, Buffer.from([0]), b);
export const bool = (v: boolean): Buffer => tlv(0x01, Buffer.from([v ? 0xff : 0]));
export const utf8 = (s: string): Buffer => tlv(0x0c, Buffer.from(s, 'utf8'));
export const printable = (s: string): Buffer => tlv(0x13, Buffer.from(s, 'latin1'));
export const explicit = (n: number, inner: Buffer): Buffer => tlv(0xa0 | n, inner);

/** A non-negative INTEGER from a big-endian magnitude or a bigint. */
export function integer(v: bigint | Buffer): Buffer {
  let b: Buffer;
  if (typeof v === 'bigint') {
    let hex = v.toString(16);
    if (hex.length % 2) hex = '0' + hex;
    b = Buffer.from(hex, 'hex');
  } else b = v;
  let i = 0;
  while (i < b.length - 1 && b[i] === 0 && ((b[i + 1] ?? 0) & 0x80) === 0) i++;
  b = b.subarray(i);
  if (b.length === 0) b = Buffer.from([0]);
  if (((b[0] ?? 0) & 0x80) !== 0) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(0x02, b);
}

/** An OBJECT IDENTIFIER from dotted text. */
export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const bytes: number[] = [(parts[0] ?? 0) * 40 + (parts[1] ?? 0)];
  for (const p of parts.slice(2)) {
    const stack: number[] = [p & 0x7f];
    let v = Math.floor(p / 128);
    while (v > 0) {
      stack.unshift((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    bytes.push(...stack);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** Go's UTCTime/GeneralizedTime choice for certificate validity (UTCTime for 1950..2049). */
export function derTime(d: Date): Buffer {
  const y = d.getUTCFullYear();
  const p = (n: number): string => String(n).padStart(2, '0');
  const rest = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  if (y >= 1950 && y < 2050) return tlv(0x17, Buffer.from(`${p(y % 100)}${rest}`, 'latin1'));
  return tlv(0x18, Buffer.from(`${String(y).padStart(4, '0')}${rest}`, 'latin1'));
}
