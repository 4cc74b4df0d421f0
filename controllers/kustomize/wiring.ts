/** Production collaborators: runtime/artifact's fetch and engines/cel's Flux environment. */
import { fluxEnvironment, CelExpression } from '../../engines/cel/index.js';
import { fetchArtifact } from '../../runtime/artifact/index.js';
import type { CelCompiler } from '../../runtime/health/index.js';
import type { ArtifactFetcher } from './types.js';

/** Fetch + digest verification + safe extraction (symlinks skipped), with retries. */
export function artifactFetcher(opts: { retries?: number } = {}): ArtifactFetcher {
  return {
    async fetch(artifact, dir, signal) {
      await fetchArtifact(artifact, dir, { retries: opts.retries ?? 3, ...(signal ? { signal } : {}) });
    },
  };
}

/** CEL for healthCheckExprs and readyExpr (Flux's environment: sets, strings, base64…). */
export function celCompiler(): CelCompiler {
  const env = fluxEnvironment();
  return (expr) => {
    const compiled = CelExpression.compile(env, expr);
    return { evaluate: (vars) => compiled.evaluate(vars) };
  };
}
