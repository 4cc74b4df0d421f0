/**
 * Go's encoding/base64 and encoding/base32 StdEncoding decoders, for their error texts: Sprig's
 * `b64dec`/`b32dec` return `illegal base64 data at input byte N` instead of failing.
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function corrupt(kind: string, at: number): string {
  return `illegal ${kind} data at input byte ${at}`;
}

/** base64.StdEncoding.DecodeString; the decoded text, or Go's error text. */
export function base64Decode(s: string): string {
  const src = Buffer.from(s, 'utf8');
  const out: number[] = [];
  let si = 0;
  const isNL = (c: number | undefined): boolean => c === 0x0a || c === 0x0d;
  for (;;) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let end = false;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Buffer.from(out).toString('utf8');
        return corrupt('base64', si - j);
      }
      const c = src[si++] ?? 0;
      const d = B64.indexOf(String.fromCharCode(c));
      if (d >= 0 && c < 0x80) {
        dbuf[j] = d;
        continue;
      }
      if (isNL(c)) {
        j--;
        continue;
      }
      if (c !== 0x3d) return corrupt('base64', si - 1);
      if (j === 0 || j === 1) return corrupt('base64', si - 1);
      if (j === 2) {
        while (si < src.length && isNL(src[si])) si++;
        if (si === src.length) return corrupt('base64', src.length);
        if (src[si] !== 0x3d) return corrupt('base64', si - 1);
        si++;
      }
      while (si < src.length && isNL(src[si])) si++;
      if (si < src.length) return corrupt('base64', si);
      dlen = j;
      end = true;
      break;
    }
    const [a = 0, b = 0, c = 0, d = 0] = dbuf;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    const bytes = [(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff];
    out.push(...bytes.slice(0, dlen - 1));
    if (end) return Buffer.from(out).toString('utf8');
  }
}

/** base32.StdEncoding.EncodeToString. */
export function base32Encode(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 5) {
    const chunk = b.subarray(i, i + 5);
    let bits = 0n;
    for (let k = 0; k < 5; k++) bits = (bits << 8n) | BigInt(chunk[k] ?? 0);
    const chars = Math.ceil((chunk.length * 8) / 5);
    for (let k = 0; k < 8; k++) {
      out += k < chars ? B32[Number((bits >> BigInt(35 - 5 * k)) & 31n)] : '=';
    }
  }
  return out;
}

/** base32.StdEncoding.DecodeString; the decoded text, or Go's error text. */
export function base32Decode(s: string): string {
  const src = Buffer.from(s.replace(/[\r\n]/g, ''), 'utf8');
  const olen = src.length;
  const out: number[] = [];
  let pos = 0;
  let end = false;
  while (pos < src.length && !end) {
    const dbuf = [0, 0, 0, 0, 0, 0, 0, 0];
    let dlen = 8;
    for (let j = 0; j < 8;) {
      const remaining = src.length - pos;
      if (remaining === 0) return corrupt('base32', olen - remaining - j);
      const c = src[pos++] ?? 0;
      const left = src.length - pos;
      if (c === 0x3d && j >= 2 && left < 8) {
        if (left + j < 7) return corrupt('base32', olen);
        for (let k = 0; k < 7 - j; k++) {
          if (left > k && src[pos + k] !== 0x3d) return corrupt('base32', olen - left + k - 1);
        }
        dlen = j;
        end = true;
        if (dlen === 1 || dlen === 3 || dlen === 6) return corrupt('base32', olen - left - 1);
        break;
      }
      const d = c < 0x80 ? B32.indexOf(String.fromCharCode(c)) : -1;
      if (d < 0) return corrupt('base32', olen - left - 1);
      dbuf[j] = d;
      j++;
    }
    let bits = 0n;
    for (const d of dbuf) bits = (bits << 5n) | BigInt(d);
    const bytes = [32n, 24n, 16n, 8n, 0n].map((sh) => Number((bits >> sh) & 0xffn));
    const n = [0, 0, 1, 1, 2, 3, 3, 4, 5][dlen] ?? 5;
    out.push(...bytes.slice(0, n));
    if (end) {
      // Go stops at the padding; anything after it was checked above.
      pos = src.length;
    }
  }
  return Buffer.from(out).toString('utf8');
}
