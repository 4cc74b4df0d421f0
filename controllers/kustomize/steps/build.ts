/**
 * Build (step 8): kustomize build via the injected builder, SOPS guard, post-build substitution.
 * Failure → BuildFailed with Flux's text ("kustomize build failed: …", "post build failed for …").
 */
import { mergeVariables, substituteResources } from '../../../engines/envsubst/index.js';
import { isNotFound, type KubeObject } from '../../../runtime/client/index.js';
import { subjectOf } from '../../../runtime/ssa/index.js';
import { ReconcileError, type KustomizeDeps } from '../types.js';
import type { KustomizationObject } from '../object.js';
import type { FetchedArtifact } from './fetch.js';

export async function buildManifests(
  deps: KustomizeDeps,
  ks: KustomizationObject,
  art: FetchedArtifact,
): Promise<KubeObject[]> {
  let objects: KubeObject[];
  try {
    objects = await deps.builder.build({
      root: art.root,
      path: art.path,
      spec: ks.spec as unknown as Record<string, unknown>,
    });
  } catch (err) {
    throw new ReconcileError(
      'BuildFailed',
      `kustomize build failed: ${err instanceof Error ? err.message : String(err)}`,
      'generic',
      undefined,
      { cause: err },
    );
  }
  for (const o of objects) {
    if (!o.apiVersion || !o.kind || !o.metadata?.name) {
      throw new ReconcileError(
        'BuildFailed',
        `kustomize build failed: resource is missing apiVersion, kind or metadata.name`,
      );
    }
  }
  if (ks.spec.postBuild) objects = await substitute(deps, ks, objects);
  return objects;
}

async function readVars(deps: KustomizeDeps, ks: KustomizationObject): Promise<Record<string, string>[]> {
  const out: Record<string, string>[] = [];
  for (const ref of ks.spec.postBuild?.substituteFrom ?? []) {
    try {
      const obj = await deps.client.get({
        apiVersion: 'v1',
        kind: ref.kind,
        namespace: ks.metadata.namespace,
        name: ref.name,
      });
      const data = (obj['data'] ?? {}) as Record<string, string>;
      out.push(
        ref.kind === 'Secret'
          ? Object.fromEntries(
              Object.entries(data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]),
            )
          : data,
      );
    } catch (err) {
      if (ref.optional && isNotFound(err)) continue;
      throw new ReconcileError(
        'BuildFailed',
        `substitute from '${ref.kind}/${ref.name}' error: ${err instanceof Error ? err.message : String(err)}`,
        'generic',
        undefined,
        { cause: err },
      );
    }
  }
  return out;
}

async function substitute(
  deps: KustomizeDeps,
  ks: KustomizationObject,
  objects: KubeObject[],
): Promise<KubeObject[]> {
  const vars = mergeVariables(await readVars(deps, ks), ks.spec.postBuild?.substitute);
  // Flux substitutes only when at least one variable is defined.
  if (vars.size === 0) return objects;
  const res = substituteResources(objects, vars, { strict: deps.options?.strictSubstitutions === true });
  if (!res.ok) throw new ReconcileError('BuildFailed', res.error.message);
  return res.value as KubeObject[];
}

/** A Secret still carrying a `sops` field cannot be applied (Flux refuses it). */
export function checkNotEncrypted(objects: readonly KubeObject[]): void {
  for (const o of objects) {
    if (o.kind === 'Secret' && o.apiVersion === 'v1' && o['sops'] !== undefined) {
      throw new ReconcileError(
        'BuildFailed',
        `${subjectOf(o)} is SOPS encrypted, configuring decryption is required for this secret to be reconciled`,
      );
    }
  }
}
