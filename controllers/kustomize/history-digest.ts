/**
 * `status.history[].digest` as kustomize-controller v1.7.3 computes it: after the kustomize build,
 * SOPS decryption and post-build substitution, the ResMap is serialised with kustomize's
 * `ResMap.AsYaml()` (each resource `Resource.AsYAML()` = sigs.k8s.io/yaml.JSONToYAML of its JSON,
 * documents joined by `---\n`, no leading separator, build order) and hashed with
 * `digest.FromBytes` (opencontainers/go-digest canonical algorithm): `sha256:<64 lowercase hex>`.
 * For a build without decryption or substitution those bytes are exactly `kustomize build`'s stdout.
 */
import { createHash } from 'node:crypto';
import { jsonToYaml, YScalar, type YValue } from '../../engines/yaml/index.js';
import type { KubeObject } from '../../runtime/client/index.js';

/**
 * A built object (plain JSON, as encoding/json would decode it) in the YAML engine's value model.
 * Integers keep their decimal text; other numbers go through the float path, which renders them as
 * yaml.v2 does a float64 that came from JSON (`1e-07`, `1e+21`, `0.5`).
 */
function toYValue(v: unknown): YValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number')
    return Number.isSafeInteger(v) ? new YScalar('int', String(v)) : new YScalar('float', String(v));
  if (typeof v === 'boolean') return new YScalar('bool', v ? 'true' : 'false');
  if (Array.isArray(v)) return v.map(toYValue);
  const out: Record<string, YValue> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>))
    if (x !== undefined) out[k] = toYValue(x);
  return out;
}

/** The bytes Flux hashes: the multi-document YAML of the final build, in build order. */
export function buildYaml(objects: readonly KubeObject[]): string {
  return objects.map((o) => jsonToYaml(toYValue(o))).join('---\n');
}

/** Flux's history digest of a build: `sha256:` + hex SHA-256 of `buildYaml(objects)`. */
export function historyDigest(objects: readonly KubeObject[]): string {
  return `sha256:${createHash('sha256').update(buildYaml(objects), 'utf8').digest('hex')}`;
}
