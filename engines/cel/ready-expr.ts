/**
 * `spec.dependsOn[].readyExpr`: a CEL expression over `self` (the Kustomization being reconciled)
 * and `dep` (the dependency), type-checked with both declared as google.protobuf.Struct and required
 * to be of type bool. Flux recompiles it on every check; we cache compiled programs by source text,
 * which is observably the same.
 */
import type { Environment } from '@marcbachmann/cel-js';
import { fluxEnvironment } from './environment.js';
import { CelError, CelExpression } from './expression.js';

let sharedEnv: Environment | undefined;
const readyEnv = (): Environment => (sharedEnv ??= fluxEnvironment({ structVariables: ['self', 'dep'] }));
const cache = new Map<string, CelExpression | CelError>();

/**
 * Compiles a readyExpr. Throws CelError (`CompileFailed` / `OutputTypeMismatch`) whose message is
 * the inner text; Flux reports it as a terminal error `failed to evaluate dependency <depName>: <message>`.
 */
export function compileReadyExpr(expr: string): CelExpression {
  const hit = cache.get(expr);
  if (hit instanceof CelExpression) return hit;
  if (hit) throw hit;
  try {
    const compiled = CelExpression.compile(readyEnv(), expr, { check: true, outputType: 'bool' });
    remember(expr, compiled);
    return compiled;
  } catch (e) {
    if (e instanceof CelError) remember(expr, e);
    throw e;
  }
}

function remember(expr: string, v: CelExpression | CelError): void {
  if (cache.size > 1000) cache.clear();
  cache.set(expr, v);
}

export type ReadyExprResult =
  { readonly ready: boolean } | { readonly error: string; readonly terminal: boolean };

/**
 * The readyExpr part of Flux's dependency check for one dependency. Returns `{ready}` or an error
 * with Flux's message; `terminal` errors (compile) stall the Kustomization.
 * A `ready: false` result is reported by Flux as `dependency '<ns>/<name>' is not ready according to readyExpr eval`.
 */
export function evaluateReadyExpr(
  expr: string,
  self: Readonly<Record<string, unknown>>,
  dep: Readonly<Record<string, unknown>>,
): ReadyExprResult {
  const depName = String((dep.metadata as { name?: unknown } | undefined)?.name ?? '');
  let compiled: CelExpression;
  try {
    compiled = compileReadyExpr(expr);
  } catch (e) {
    return { error: `failed to evaluate dependency ${depName}: ${(e as Error).message}`, terminal: true };
  }
  try {
    return { ready: compiled.evaluateBoolean({ self, dep }) };
  } catch (e) {
    return { error: (e as Error).message, terminal: false };
  }
}
