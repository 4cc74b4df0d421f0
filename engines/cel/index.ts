/** Flux's CEL: `healthCheckExprs` and `dependsOn[].readyExpr` — see docs in each module. */
export { CelError, CelExpression, type CompileOptions, formatIssues } from './expression.js';
export { fluxEnvironment, type FluxEnvironmentOptions } from './environment.js';
export {
  type CustomHealthCheck,
  type HealthStatus,
  StatusEvaluator,
  compileHealthCheckExprs,
  groupKindKey,
} from './health.js';
export { compileReadyExpr, evaluateReadyExpr, type ReadyExprResult } from './ready-expr.js';
export { celEquals, fromCelValue, toCelValue } from './values.js';
