/**
 * `spec.healthCheckExprs`: per apiVersion+kind CEL expressions that replace kstatus for matching
 * objects (Flux RFC 0009, fluxcd/pkg runtime/cel StatusEvaluator). The CEL engine is injected so
 * this module stays independent of which engine compiles the expressions.
 */
import { apiVersionOf, groupOf, hasInt, intField, kindOf } from './fields.js';
import type { KubeObject, Status, StatusReader, StatusResult } from './types.js';

/** A compiled CEL expression, evaluated with the object's top-level fields as variables. */
export interface CelProgram {
  evaluate(vars: Readonly<Record<string, unknown>>): unknown;
}

/** Compiles a CEL expression; throws on a syntax/type error. */
export type CelCompiler = (expr: string) => CelProgram;

export interface HealthCheckExpr {
  readonly apiVersion: string;
  readonly kind: string;
  readonly current: string;
  readonly inProgress?: string;
  readonly failed?: string;
}

/** A configuration error in healthCheckExprs (terminal: InvalidCELExpression). */
export class InvalidHealthCheckExprError extends Error {
  override readonly name = 'InvalidHealthCheckExprError';
}

function compile(compiler: CelCompiler, which: string, expr: string): CelProgram {
  try {
    return compiler(expr);
  } catch (cause) {
    const msg = cause instanceof Error ? cause.message : String(cause);
    throw new InvalidHealthCheckExprError(`failed to parse the expression ${which}: ${msg}`, { cause });
  }
}

/**
 * Compiles every entry up front (Flux does this before anything else, so a bad expression stalls
 * the Kustomization) and returns one reader that answers for the GVKs they name.
 */
export function celStatusReader(exprs: readonly HealthCheckExpr[], compiler: CelCompiler): StatusReader {
  const table = new Map<string, { order: [CelProgram | undefined, Status][] }>();
  for (const e of exprs) {
    if (!e.current) throw new InvalidHealthCheckExprError('expression Current not specified');
    const cur = compile(compiler, 'Current', e.current);
    const fail = e.failed ? compile(compiler, 'Failed', e.failed) : undefined;
    const prog = e.inProgress ? compile(compiler, 'InProgress', e.inProgress) : undefined;
    // Matched by GroupKind, as Flux's reader: the version in apiVersion does not matter.
    table.set(`${groupOf(e.apiVersion)}|${e.kind}`, {
      order: [
        [prog, 'InProgress'],
        [fail, 'Failed'],
        [cur, 'Current'],
      ],
    });
  }
  return (obj: KubeObject): StatusResult | undefined => {
    const entry = table.get(`${groupOf(apiVersionOf(obj))}|${kindOf(obj)}`);
    if (!entry) return undefined;
    if (hasInt(obj, ['status', 'observedGeneration']) && hasInt(obj, ['metadata', 'generation'])) {
      if (
        intField(obj, ['status', 'observedGeneration'], 0) !== intField(obj, ['metadata', 'generation'], 0)
      ) {
        return { status: 'InProgress', message: '', conditions: [] };
      }
    }
    for (const [program, status] of entry.order) {
      if (!program) continue;
      const value = program.evaluate(obj);
      if (typeof value !== 'boolean') {
        throw new Error(`expression result is not a boolean: ${typeof value}`);
      }
      if (value) return { status, message: '', conditions: [] };
    }
    return { status: 'InProgress', message: '', conditions: [] };
  };
}
