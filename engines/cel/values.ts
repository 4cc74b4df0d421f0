/**
 * JSON → CEL value normalisation. Kubernetes objects reach Flux's CEL programs as unstructured Go
 * maps, where integral JSON numbers are int64; in JavaScript every JSON number is a double, so
 * `status.replicas / 2` or `metadata.generation == status.observedGeneration` would take double
 * overloads. Integral numbers become bigint (CEL int) and the rest stay numbers (CEL double).
 */
export function toCelValue(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (Array.isArray(v)) return v.map(toCelValue);
  if (v !== null && typeof v === 'object' && !(v instanceof Uint8Array) && !(v instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toCelValue(x);
    return out;
  }
  return v;
}

/** Converts a CEL result back to JSON-friendly JavaScript (bigint → number when safe, else string). */
export function fromCelValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (Array.isArray(v)) return v.map(fromCelValue);
  if (v !== null && typeof v === 'object' && v.constructor === Object) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = fromCelValue(x);
    return out;
  }
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), fromCelValue(x)]));
  return v;
}

/** CEL equality with heterogeneous numeric comparison (cel-go: `1 == 1.0`, `1u == 1`), deep over lists and maps. */
export function celEquals(a: unknown, b: unknown): boolean {
  const na = numeric(a);
  const nb = numeric(b);
  if (na !== undefined && nb !== undefined) return na === nb;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => celEquals(x, b[i]));
  if (isPlainMap(a) && isPlainMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && celEquals(a[k], b[k]));
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array)
    return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

function numeric(v: unknown): number | bigint | undefined {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isInteger(v) && Number.isSafeInteger(v) ? BigInt(v) : v;
  if (v !== null && typeof v === 'object' && 'value' in v && v.constructor?.name === 'UnsignedInt') {
    return (v as { value: bigint }).value;
  }
  return undefined;
}

function isPlainMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && v.constructor === Object;
}
