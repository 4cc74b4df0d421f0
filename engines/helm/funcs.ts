/**
 * Helm v3.19's template function map: Sprig's map without `env`/`expandenv`, plus toYaml, fromYaml,
 * fromYamlArray, toJson, fromJson, fromJsonArray, fromToml, and the engine-bound include, tpl,
 * required, fail, lookup and getHostByName (pkg/engine/funcs.go and engine.go).
 *
 * `toToml` is BurntSushi/toml's encoder (./toml-encode.ts), `toYamlPretty` yaml.v3's (./yaml-v3-encode.ts).
 */
import { parse as parseToml } from 'smol-toml';
import { quote } from '../gofmt/quote.js';
import { decode } from '../gojson/decode.js';
import { marshal } from '../gojson/encode.js';
import { GoError, goFunc, int64, typedNil } from '../gotemplate/value.js';
import type { GoFuncValue, GoMap, GoValue } from '../gotemplate/value.js';
import { fromJSONData } from '../gotemplate/value.js';
import { sprigFuncMap } from '../sprig/index.js';
import { timeValue } from '../sprig/gotime.js';
import { toTOML } from './toml-encode.js';
import { toYAMLPretty } from './yaml-v3-encode.js';
import { marshalYAMLv2 } from '../yaml/go-yaml-v2-marshal.js';
import { unmarshalYAMLv2 } from '../yaml/go-yaml-v2-unmarshal.js';

/**
 * Reads cluster objects for `lookup` (apiVersion, kind, namespace, name; an empty name lists). Returns
 * the object as parsed JSON, or undefined when it does not exist.
 */
export type LookupClient = (apiVersion: string, kind: string, namespace: string, name: string) => unknown;

function toYAML(v: GoValue): string {
  try {
    return marshalYAMLv2(v).replace(/\n$/, '');
  } catch {
    return '';
  }
}

function fromYAML(text: string): GoValue {
  const m: GoMap = new Map();
  let v: GoValue;
  try {
    v = unmarshalYAMLv2(text);
  } catch (err) {
    m.set('Error', (err as Error).message);
    return m;
  }
  if (v === null) return typedNil('map[string]interface {}', 'map');
  if (v instanceof Map) return v;
  m.set(
    'Error',
    `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type map[string]interface {}`,
  );
  return m;
}

function fromYAMLArray(text: string): GoValue {
  let v: GoValue;
  try {
    v = unmarshalYAMLv2(text);
  } catch (err) {
    return [(err as Error).message];
  }
  if (v === null) return typedNil('[]interface {}', 'slice');
  if (Array.isArray(v)) return v;
  return [
    `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type []interface {}`,
  ];
}

function jsonKind(v: GoValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

function fromJSON(text: string): GoValue {
  const m: GoMap = new Map();
  try {
    const r = decode(text);
    const v = r.value;
    if (v instanceof Map) {
      for (const [k, x] of v) m.set(k, x);
    } else if (v === null && r.error === undefined) {
      return typedNil('map[string]interface {}', 'map');
    } else if (v !== null) {
      m.set('Error', `json: cannot unmarshal ${jsonKind(v)} into Go value of type map[string]interface {}`);
      return m;
    }
    if (r.error !== undefined) m.set('Error', r.error.message);
  } catch (err) {
    m.set('Error', (err as Error).message);
  }
  return m;
}

function fromJSONArray(text: string): GoValue {
  try {
    const r = decode(text);
    const v = r.value;
    if (r.error !== undefined) return [r.error.message];
    if (v === null) return typedNil('[]interface {}', 'slice');
    if (Array.isArray(v)) return v;
    return [`json: cannot unmarshal ${jsonKind(v)} into Go value of type []interface {}`];
  } catch (err) {
    return [(err as Error).message];
  }
}

/** TOML data → Go values as BurntSushi/toml decodes into interface{} (integers int64, times time.Time). */
function tomlToGo(x: unknown): GoValue {
  if (typeof x === 'bigint') return int64(x);
  if (typeof x === 'number') return Number.isInteger(x) && !Object.is(x, -0) ? int64(BigInt(x)) : x;
  if (x instanceof Date) {
    const ms = x.getTime();
    return timeValue({
      sec: BigInt(Math.floor(ms / 1000)),
      nsec: (((ms % 1000) + 1000) % 1000) * 1e6,
      loc: 'UTC',
    });
  }
  if (Array.isArray(x)) return x.map(tomlToGo);
  if (x !== null && typeof x === 'object') {
    const m: GoMap = new Map();
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) m.set(k, tomlToGo(v));
    return m;
  }
  return fromJSONData(x);
}

function fromTOML(text: string): GoValue {
  try {
    const v = tomlToGo(parseToml(text, { integersAsBigInt: true }));
    return v;
  } catch (err) {
    return new Map<string, GoValue>([['Error', (err as Error).message.split('\n')[0] ?? '']]);
  }
}

/** Helm's warning wrapper for `required`/`fail` messages, unwrapped again by the render step. */
export const WARN_START = 'HELM_ERR_START';
export const WARN_END = 'HELM_ERR_END';
const warnWrap = (s: string): string => `${WARN_START}${s}${WARN_END}`;

/** What the engine-bound functions need. */
export interface HelmFuncOptions {
  readonly lintMode?: boolean;
  readonly lookup?: LookupClient;
  /** Resolve host names for getHostByName (Helm's EnableDNS); off by default, as in Flux. */
  readonly lookupHost?: (name: string) => readonly string[];
}

/** Helm's functions that depend on no option: Sprig's (without env/expandenv) plus the encoders. */
function staticFuncs(sprig: Record<string, GoFuncValue>): Record<string, GoFuncValue> {
  const out: Record<string, GoFuncValue> = {};
  for (const [k, f] of Object.entries(sprig)) if (k !== 'env' && k !== 'expandenv') out[k] = f;
  return Object.assign(out, {
    toToml: goFunc('func(interface {}) string', (v) => toTOML(v)),
    toYaml: goFunc('func(interface {}) string', (v) => toYAML(v)),
    toYamlPretty: goFunc('func(interface {}) string', (v) => toYAMLPretty(v)),
    fromYaml: goFunc('func(string) map[string]interface {}', (s) => fromYAML(String(s))),
    fromYamlArray: goFunc('func(string) []interface {}', (s) => fromYAMLArray(String(s))),
    toJson: goFunc('func(interface {}) string', (v) => {
      try {
        return marshal(v);
      } catch {
        return '';
      }
    }),
    fromJson: goFunc('func(string) map[string]interface {}', (s) => fromJSON(String(s))),
    fromJsonArray: goFunc('func(string) []interface {}', (s) => fromJSONArray(String(s))),
    fromToml: goFunc('func(string) map[string]interface {}', (s) => fromTOML(String(s))),
  });
}

/** The static functions over the default Sprig map, built once (the functions are stateless). */
let defaultStatic: Record<string, GoFuncValue> | undefined;

/** Helm's functions that depend on no option; shared between renders, so callers must not modify it. */
export function helmStaticFuncMap(options: HelmFuncOptions = {}): Readonly<Record<string, GoFuncValue>> {
  return options.lookupHost === undefined
    ? (defaultStatic ??= staticFuncs(sprigFuncMap({})))
    : staticFuncs(sprigFuncMap({ lookupHost: options.lookupHost }));
}

/** Helm's function map (no include/tpl, which the renderer binds to a template set). */
export function helmFuncMap(options: HelmFuncOptions = {}): Record<string, GoFuncValue> {
  return { ...helmStaticFuncMap(options), ...helmOptionFuncs(options) };
}

/** The functions bound to the options: required, fail, lookup, getHostByName. */
export function helmOptionFuncs(options: HelmFuncOptions): Record<string, GoFuncValue> {
  const lint = options.lintMode ?? false;
  const lookup = options.lookup;
  return {
    required: goFunc('func(string, interface {}) (interface {}, error)', (warn, val) => {
      if (val === null || val === '') {
        if (lint) return '';
        throw new GoError(warnWrap(String(warn)));
      }
      return val;
    }),
    fail: goFunc('func(string) (string, error)', (msg) => {
      if (lint) return '';
      throw new GoError(warnWrap(String(msg)));
    }),
    lookup: goFunc(
      'func(string, string, string, string) (map[string]interface {}, error)',
      (av, kind, ns, name) => {
        if (lint || lookup === undefined) return new Map();
        const obj = lookup(String(av), String(kind), String(ns), String(name));
        const v = obj === undefined || obj === null ? new Map() : fromJSONData(obj);
        return v instanceof Map ? v : new Map();
      },
    ),
    getHostByName: goFunc('func(string) string', (n) => {
      if (options.lookupHost === undefined) return '';
      const addrs = options.lookupHost(String(n));
      if (addrs.length === 0) throw new GoError('invalid argument to Intn');
      return addrs[Math.floor(Math.random() * addrs.length)] ?? '';
    }),
  };
}

/** Go's %q of a template text, for tpl's error wrapping. */
export function quoteTemplate(s: string): string {
  return quote(s);
}
