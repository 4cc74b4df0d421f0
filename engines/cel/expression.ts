/**
 * A parsed (and optionally type-checked) CEL expression with Flux's error texts
 * (fluxcd/pkg/runtime/cel Expression). Parse once, evaluate many times; evaluation is synchronous.
 */
import type { Environment } from '@marcbachmann/cel-js';
import { rewriteMatches, unaliasMatches } from './rewrite.js';
import { toCelValue } from './values.js';

/** Why an expression was rejected at compile time or failed at evaluation time. */
export class CelError extends Error {
  readonly code: 'CompileFailed' | 'OutputTypeMismatch' | 'EvaluationFailed' | 'NotBoolean';
  constructor(code: CelError['code'], message: string) {
    super(message);
    this.name = 'CelError';
    this.code = code;
  }
}

type Program = (ctx?: Record<string, unknown>) => unknown;

/** Formats a cel-js parse/check error the way cel-go prints its issues (`ERROR: <input>:l:c: msg` + snippet). */
export function formatIssues(expr: string, err: unknown): string {
  const e = err as { message?: string; range?: { start: number }; node?: { pos?: number } };
  let msg = unaliasMatches((e.message ?? String(err)).split('\n')[0] ?? '');
  const unknown = /^Unknown variable: (.+)$/.exec(msg);
  if (unknown) msg = `undeclared reference to '${unknown[1]}' (in container '')`;
  const offset = Math.max(0, Math.min(expr.length, e.range?.start ?? e.node?.pos ?? 0));
  const before = expr.slice(0, offset);
  const line = before.split('\n').length;
  const col = offset - (before.lastIndexOf('\n') + 1);
  const srcLine = expr.split('\n')[line - 1] ?? '';
  const kind = (err as Error)?.name === 'ParseError' ? 'Syntax error: ' : '';
  return `ERROR: <input>:${line}:${col + 1}: ${kind}${msg}\n | ${srcLine}\n | ${'.'.repeat(col)}^`;
}

/** cel-go's type names: `list(dyn)` rather than `list<dyn>`. */
function celGoTypeName(t: string): string {
  return t.replaceAll('<', '(').replaceAll('>', ')');
}

export interface CompileOptions {
  /** Type-check the expression (cel.WithCompile); otherwise it is only parsed, as health checks are. */
  readonly check?: boolean;
  /** Required output type when checking (e.g. 'bool' for readyExpr). */
  readonly outputType?: string;
}

export class CelExpression {
  readonly expression: string;
  private readonly program: Program;

  private constructor(expression: string, program: Program) {
    this.expression = expression;
    this.program = program;
  }

  /** Parses (and with `check`, type-checks) `expr`; throws CelError with Flux's message. */
  static compile(env: Environment, expr: string, options: CompileOptions = {}): CelExpression {
    const source = rewriteMatches(expr);
    let program: Program;
    try {
      program = env.parse(source) as unknown as Program;
    } catch (e) {
      throw new CelError(
        'CompileFailed',
        `failed to parse the CEL expression '${expr}': ${formatIssues(expr, e)}`,
      );
    }
    if (options.check === true) {
      const result = env.check(source) as { valid: boolean; type?: string; error?: unknown };
      if (!result.valid) {
        throw new CelError(
          'CompileFailed',
          `failed to parse the CEL expression '${expr}': ${formatIssues(expr, result.error)}`,
        );
      }
      if (options.outputType !== undefined && result.type !== options.outputType) {
        throw new CelError(
          'OutputTypeMismatch',
          `CEL expression output type mismatch: expected ${options.outputType}, got ${celGoTypeName(String(result.type))}`,
        );
      }
    }
    return new CelExpression(expr, program);
  }

  /** Evaluates with JSON variables (integral numbers are CEL ints). */
  evaluate(vars: Readonly<Record<string, unknown>>): unknown {
    const ctx: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(vars)) ctx[k] = toCelValue(v);
    try {
      const out = this.program(ctx);
      if (out instanceof Promise) throw new Error('asynchronous evaluation is not supported');
      return out;
    } catch (e) {
      const msg = unaliasMatches(((e as Error).message ?? String(e)).split('\n')[0] ?? '');
      throw new CelError(
        'EvaluationFailed',
        `failed to evaluate the CEL expression '${this.expression}': ${lowerFirst(msg)}`,
      );
    }
  }

  /** EvaluateBoolean: a non-boolean result is an error. */
  evaluateBoolean(vars: Readonly<Record<string, unknown>>): boolean {
    const out = this.evaluate(vars);
    if (typeof out !== 'boolean') {
      throw new CelError('NotBoolean', `failed to evaluate CEL expression as boolean: '${this.expression}'`);
    }
    return out;
  }
}

/** cel-go's runtime errors are lower-case ("no such key: x"). */
function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s;
}
