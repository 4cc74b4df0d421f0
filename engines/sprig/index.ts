/**
 * Sprig v3.3.0's text-template function map (`sprig.TxtFuncMap()`), over the Go value model of
 * engines/gotemplate. Every entry carries its Go signature, so the template executor checks arity and
 * converts arguments exactly as Go's text/template does.
 *
 * Functions that reach outside the process are injected: `env`/`expandenv` read `options.env`
 * (empty by default) and `getHostByName` uses `options.lookupHost` (disabled, returning "", by default).
 */
import { goFunc } from '../gotemplate/value.js';
import type { FuncMap, GoFuncValue } from '../gotemplate/value.js';
import { strArg } from './args.js';
import { certFuncs } from './certs.js';
import { cryptoFuncs } from './crypto.js';
import { dateFuncs } from './dates.js';
import { defaultFuncs } from './defaults.js';
import { dictFuncs } from './dicts.js';
import { listFuncs } from './lists.js';
import { miscFuncs } from './misc.js';
import type { NetworkOptions } from './misc.js';
import { numericFuncs } from './numeric.js';
import { regexFuncs } from './regex.js';
import { stringFuncs } from './strings.js';

export interface SprigOptions extends NetworkOptions {
  /** The environment `env` and `expandenv` read. @default {} (nothing) */
  readonly env?: Readonly<Record<string, string>>;
}

/** os.ExpandEnv: `$VAR` and `${VAR}` replaced from `env`, unknown names empty. */
export function expandEnv(s: string, env: Readonly<Record<string, string>>): string {
  return s.replace(
    /\$(\{([^}]*)\}|([A-Za-z0-9_]+|[*#$@!?0-9-]))/g,
    (m, _all, braced: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare ?? '';
      if (braced !== undefined && braced === '') return m === '${}' ? '' : m;
      return Object.prototype.hasOwnProperty.call(env, name) ? (env[name] ?? '') : '';
    },
  );
}

let defaultMap: Readonly<Record<string, GoFuncValue>> | undefined;

/**
 * The whole Sprig v3.3.0 function map for text templates. The functions are stateless, so the map
 * for default options is built once and shared (callers get a fresh object they may extend).
 */
export function sprigFuncMap(options: SprigOptions = {}): Record<string, GoFuncValue> {
  if (options.env === undefined && options.lookupHost === undefined) {
    defaultMap ??= buildSprigFuncMap({});
    return { ...defaultMap };
  }
  return buildSprigFuncMap(options);
}

function buildSprigFuncMap(options: SprigOptions): Record<string, GoFuncValue> {
  const env = options.env ?? {};
  return {
    hello: goFunc('func() string', () => 'Hello!'),
    ...stringFuncs(),
    ...numericFuncs(),
    ...listFuncs(),
    ...dictFuncs(),
    ...defaultFuncs(),
    ...miscFuncs(options),
    ...regexFuncs(),
    ...dateFuncs(),
    ...cryptoFuncs(),
    ...certFuncs(),
    env: goFunc('func(string) string', (k) =>
      Object.prototype.hasOwnProperty.call(env, strArg(k)) ? (env[strArg(k)] ?? '') : '',
    ),
    expandenv: goFunc('func(string) string', (s) => expandEnv(strArg(s), env)),
  };
}

/** The function names Sprig v3.3.0 defines (for documentation and coverage checks). */
export function sprigFunctionNames(): string[] {
  return Object.keys(sprigFuncMap()).sort();
}

export type { FuncMap };
export { isEmpty } from './defaults.js';
export { mergeInto, deepCopyValue } from './dicts.js';
export { GoRegexp } from './regex.js';
export { strval, toFloat64, toInt64 } from './cast.js';
export { timeValue, timeNow, formatTime, parseTime } from './gotime.js';
