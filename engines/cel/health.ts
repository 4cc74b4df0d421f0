/**
 * `spec.healthCheckExprs`: custom kstatus for custom resources (fluxcd/pkg/runtime/cel
 * StatusEvaluator). The expressions see the object's top-level fields as variables — `status`,
 * `metadata`, `spec`, … — there is no `self`. They are only parsed, not type-checked.
 */
import type { Environment } from '@marcbachmann/cel-js';
import { fluxEnvironment } from './environment.js';
import { CelError, CelExpression } from './expression.js';

/** One entry of `spec.healthCheckExprs`. */
export interface CustomHealthCheck {
  readonly apiVersion: string;
  readonly kind: string;
  readonly current: string;
  readonly inProgress?: string;
  readonly failed?: string;
}

/** The kstatus values a StatusEvaluator can return. */
export type HealthStatus = 'InProgress' | 'Failed' | 'Current';

let sharedEnv: Environment | undefined;
const healthEnv = (): Environment => (sharedEnv ??= fluxEnvironment());

export class StatusEvaluator {
  private constructor(
    private readonly current: CelExpression,
    private readonly failed: CelExpression | undefined,
    private readonly inProgress: CelExpression | undefined,
  ) {}

  /** Compiles one set of expressions; throws CelError with Flux's message. */
  static compile(exprs: Pick<CustomHealthCheck, 'current' | 'inProgress' | 'failed'>): StatusEvaluator {
    if (!exprs.current) throw new CelError('CompileFailed', 'expression Current not specified');
    const one = (which: string, e: string): CelExpression => {
      try {
        return CelExpression.compile(healthEnv(), e);
      } catch (err) {
        throw new CelError(
          (err as CelError).code,
          `failed to parse the expression ${which}: ${(err as Error).message}`,
        );
      }
    };
    const current = one('Current', exprs.current);
    const failed = exprs.failed ? one('Failed', exprs.failed) : undefined;
    const inProgress = exprs.inProgress ? one('InProgress', exprs.inProgress) : undefined;
    return new StatusEvaluator(current, failed, inProgress);
  }

  /**
   * The object's status: InProgress while `status.observedGeneration` (when present) differs from
   * `metadata.generation`; else the first of inProgress, failed, current that is true; else
   * InProgress. Throws CelError when an expression fails (e.g. a missing field) or is not boolean.
   */
  evaluate(obj: Readonly<Record<string, unknown>>): HealthStatus {
    const status = obj.status as { observedGeneration?: unknown } | undefined;
    const meta = obj.metadata as { generation?: unknown } | undefined;
    const observed = status?.observedGeneration;
    if (
      typeof observed === 'number' &&
      typeof meta?.generation === 'number' &&
      observed !== meta.generation
    ) {
      return 'InProgress';
    }
    const order: [CelExpression | undefined, HealthStatus][] = [
      [this.inProgress, 'InProgress'],
      [this.failed, 'Failed'],
      [this.current, 'Current'],
    ];
    for (const [expr, result] of order) {
      if (expr && expr.evaluateBoolean(obj)) return result;
    }
    return 'InProgress';
  }
}

/** `group/Kind` (core group: `/Kind`), the key the evaluators are looked up by. */
export function groupKindKey(apiVersion: string, kind: string): string {
  const slash = apiVersion.indexOf('/');
  return `${slash >= 0 ? apiVersion.slice(0, slash) : ''}/${kind}`;
}

/**
 * Compiles `spec.healthCheckExprs` (PollerWithCustomHealthChecks): one evaluator per group+kind, the
 * first entry for a group+kind wins and later duplicates are ignored (not even compiled). Throws
 * CelError: `failed to create custom status evaluator for healthchecks[<i>]: …`. The controller marks
 * the Kustomization Stalled with reason InvalidCELExpression and message
 * `Reconciliation failed terminally due to configuration error: <that error>`.
 */
export function compileHealthCheckExprs(checks: readonly CustomHealthCheck[]): Map<string, StatusEvaluator> {
  const out = new Map<string, StatusEvaluator>();
  checks.forEach((hc, i) => {
    const key = groupKindKey(hc.apiVersion, hc.kind);
    if (out.has(key)) return;
    try {
      out.set(key, StatusEvaluator.compile(hc));
    } catch (err) {
      throw new CelError(
        (err as CelError).code,
        `failed to create custom status evaluator for healthchecks[${i}]: ${(err as Error).message}`,
      );
    }
  });
  return out;
}
