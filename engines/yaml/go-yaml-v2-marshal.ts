/**
 * sigs.k8s.io/yaml `Marshal` for Go values (Helm's `toYaml`): the value goes through Go's encoding/json
 * (so struct JSON forms, `[]byte` as base64 and float formatting apply), the JSON is read back the way
 * yaml.v2 reads it (integers stay integers, other numbers become float64) and yaml.v2 emits it (sorted
 * keys in v2's natural order, v2's quoting, `|` literals, 80-column folding). The emitter is the shared
 * one in ./json-to-yaml.ts.
 */
import { decode } from '../gojson/decode.js';
import { marshal } from '../gojson/encode.js';
import { GoTyped } from '../gotemplate/value.js';
import type { GoValue } from '../gotemplate/value.js';
import { jsonToYaml } from './json-to-yaml.js';
import { YScalar } from './value.js';
import type { YMap, YValue } from './value.js';

/** Marker for a JSON number kept as its text until yaml.v2 resolves it. */
const JSON_NUMBER = 'json.Number';

function toYValue(v: GoValue): YValue {
  if (v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return new YScalar('bool', v ? 'true' : 'false');
  if (v instanceof GoTyped && v.type === JSON_NUMBER && typeof v.value === 'string') {
    // JSON numbers without a fraction or exponent are ints for yaml.v2 (or floats when they overflow).
    return new YScalar(/[.eE]/.test(v.value) ? 'float' : 'int', v.value);
  }
  if (Array.isArray(v)) return v.map(toYValue);
  if (v instanceof Map) {
    // A prototype-less object so that a key such as "__proto__" is an ordinary key.
    const out = Object.create(null) as YMap;
    for (const [k, x] of v) out[k] = toYValue(x);
    return out;
  }
  return null;
}

/**
 * `yaml.Marshal(v)` from sigs.k8s.io/yaml v1.6: YAML text ending in a newline.
 * @throws GoError when encoding/json cannot marshal `v` (`json: unsupported value: NaN`)
 */
export function marshalYAMLv2(v: GoValue): string {
  const json = marshal(v);
  const data = decode(json, (text) => new GoTyped(JSON_NUMBER, 'string', text)).value;
  return jsonToYaml(toYValue(data));
}
