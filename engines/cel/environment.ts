/**
 * The CEL environment of fluxcd/pkg/runtime/cel (v0.91.0, used by kustomize-controller v1.7.3):
 * HomogeneousAggregateLiterals, OptionalTypes, CrossTypeNumericComparisons, UTC default time zone,
 * ext.Strings, ext.Sets, ext.Encoders — rebuilt on @marcbachmann/cel-js with the glue it lacks:
 * RE2 `matches` (re2js), `sets.*`, `base64.*`, `strings.quote`, the missing string functions
 * (`charAt`, `replace`, `reverse`) and heterogeneous numeric equality for literals (`1 == 1.0`).
 * Not provided: `string.format` (ext.Strings) — such expressions fail to compile.
 */
import { Environment } from '@marcbachmann/cel-js';
import { RE2JS } from 're2js';
import { MATCHES_ALIAS } from './rewrite.js';
import { celEquals } from './values.js';

class SetsNamespace {}
class Base64Namespace {}
class StringsNamespace {}

const regexCache = new Map<string, RE2JS>();
function re2(pattern: string): RE2JS {
  let re = regexCache.get(pattern);
  if (!re) {
    re = RE2JS.compile(pattern);
    if (regexCache.size > 500) regexCache.clear();
    regexCache.set(pattern, re);
  }
  return re;
}
const re2Find = (s: string, pattern: string): boolean => re2(pattern).matcher(s).find();

const codePoints = (s: string): string[] => [...s];

function base64Decode(s: string): Uint8Array {
  // cel-go accepts standard encoding with or without padding.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) throw new Error('illegal base64 data');
  return new Uint8Array(Buffer.from(s, 'base64'));
}

/** A CEL string literal for `strings.quote`, as cel-go writes it. */
function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const esc: Record<string, string> = {
      '\x07': '\\a',
      '\b': '\\b',
      '\f': '\\f',
      '\n': '\\n',
      '\r': '\\r',
      '\t': '\\t',
      '\v': '\\v',
      '\\': '\\\\',
      '"': '\\"',
    };
    out += esc[ch] ?? ch;
  }
  return out + '"';
}

function replaceN(s: string, old: string, rep: string, n: bigint): string {
  if (n < 0n) return s.split(old).join(rep);
  let out = s;
  let from = 0;
  for (let i = 0n; i < n; i++) {
    const at = out.indexOf(old, from);
    if (at < 0) break;
    out = out.slice(0, at) + rep + out.slice(at + old.length);
    from = at + rep.length + (old === '' ? 1 : 0);
  }
  return out;
}

export interface FluxEnvironmentOptions {
  /** Variables declared for type checking (readyExpr: `self`, `dep`). Without any, every name is dyn. */
  readonly structVariables?: readonly string[];
}

/** A fresh environment configured as Flux's. */
export function fluxEnvironment(options: FluxEnvironmentOptions = {}): Environment {
  const vars = options.structVariables ?? [];
  const env = new Environment({
    unlistedVariablesAreDyn: vars.length === 0,
    enableOptionalTypes: true,
    homogeneousAggregateLiterals: true,
  });
  for (const v of vars) env.registerVariable(v, 'map');

  env.registerType('flux.SetsNamespace', SetsNamespace);
  env.registerConstant('sets', 'flux.SetsNamespace', new SetsNamespace());
  env.registerFunction(
    'flux.SetsNamespace.contains(list, list): bool',
    (_ns: unknown, a: unknown[], b: unknown[]) => b.every((x) => a.some((y) => celEquals(x, y))),
  );
  env.registerFunction(
    'flux.SetsNamespace.equivalent(list, list): bool',
    (_ns: unknown, a: unknown[], b: unknown[]) =>
      b.every((x) => a.some((y) => celEquals(x, y))) && a.every((x) => b.some((y) => celEquals(x, y))),
  );
  env.registerFunction(
    'flux.SetsNamespace.intersects(list, list): bool',
    (_ns: unknown, a: unknown[], b: unknown[]) => a.some((x) => b.some((y) => celEquals(x, y))),
  );

  env.registerType('flux.Base64Namespace', Base64Namespace);
  env.registerConstant('base64', 'flux.Base64Namespace', new Base64Namespace());
  env.registerFunction('flux.Base64Namespace.encode(bytes): string', (_ns: unknown, b: Uint8Array) =>
    Buffer.from(b).toString('base64'),
  );
  env.registerFunction('flux.Base64Namespace.decode(string): bytes', (_ns: unknown, s: string) =>
    base64Decode(s),
  );

  env.registerType('flux.StringsNamespace', StringsNamespace);
  env.registerConstant('strings', 'flux.StringsNamespace', new StringsNamespace());
  env.registerFunction('flux.StringsNamespace.quote(string): string', (_ns: unknown, s: string) => quote(s));

  env.registerFunction(`string.${MATCHES_ALIAS}(string): bool`, re2Find);
  env.registerFunction(`${MATCHES_ALIAS}(string, string): bool`, re2Find);
  env.registerFunction('string.charAt(int): string', (s: string, i: bigint) => {
    const cps = codePoints(s);
    if (i < 0n || i > BigInt(cps.length)) throw new Error(`index out of range: ${i}`);
    return cps[Number(i)] ?? '';
  });
  env.registerFunction('string.replace(string, string): string', (s: string, a: string, b: string) =>
    replaceN(s, a, b, -1n),
  );
  env.registerFunction('string.replace(string, string, int): string', replaceN);
  env.registerFunction('string.reverse(): string', (s: string) => codePoints(s).reverse().join(''));

  for (const [l, r] of [
    ['int', 'double'],
    ['uint', 'double'],
    ['int', 'uint'],
  ] as const) {
    // cel-js registers the mirrored overload (and `!=`) itself.
    env.registerOperator(`${l} == ${r}`, (a: unknown, b: unknown) => celEquals(a, b));
  }
  return env;
}
