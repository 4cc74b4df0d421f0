/**
 * Build (step 8): kustomization.yaml generation, SOPS decryption, kustomize build via the injected
 * builder, post-build substitution, SOPS guard. Failure → BuildFailed with Flux's text
 * ("kustomize build failed: …", "error decrypting sources: …", "decryption failed for …",
 * "post build failed for …").
 */
import { join } from 'node:path';
import { gvkString, mergeVariables, substituteResource } from '../../../engines/envsubst/index.js';
import { isNotFound, type KubeObject } from '../../../runtime/client/index.js';
import { subjectOf } from '../../../runtime/ssa/index.js';
import { ReconcileError, type KustomizeDeps } from '../types.js';
import type { KustomizationObject } from '../object.js';
import { generateKustomization } from '../builder.js';
import { newDecryptor, type Decryptor } from './decrypt.js';
import type { FetchedArtifact } from './fetch.js';

function fail(message: string, err?: unknown): ReconcileError {
  return new ReconcileError('BuildFailed', message, 'generic', undefined, err ? { cause: err } : undefined);
}

const text = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Flux's generate + build: kustomization.yaml generation, decryption keys, SOPS sources, kustomize
 * build, then per resource: the apiVersion/kind/name check, decryption and substitution.
 */
export async function buildManifests(
  deps: KustomizeDeps,
  ks: KustomizationObject,
  art: FetchedArtifact,
): Promise<KubeObject[]> {
  try {
    generateKustomization(join(art.root, art.path), ks.spec as unknown as Record<string, unknown>);
  } catch (err) {
    throw fail(text(err), err);
  }
  let decryptor: Decryptor | undefined;
  try {
    decryptor = await newDecryptor(deps, ks);
  } catch (err) {
    throw fail(text(err), err);
  }
  if (decryptor) {
    try {
      await decryptor.decryptSources(art.root, art.path);
    } catch (err) {
      throw fail(`error decrypting sources: ${text(err)}`, err);
    }
  }
  let objects: KubeObject[];
  try {
    objects = await deps.builder.build({
      root: art.root,
      path: art.path,
      ...(deps.options?.noRemoteBases ? { noRemoteBases: true } : {}),
    });
  } catch (err) {
    throw fail(`kustomize build failed: ${text(err)}`, err);
  }
  const postBuild = ks.spec.postBuild;
  const vars = postBuild ? mergeVariables(await readVars(deps, ks), postBuild.substitute) : undefined;
  const strict = deps.options?.strictSubstitutions === true;
  const out: KubeObject[] = [];
  for (let o of objects) {
    if (!o.apiVersion || !o.kind || !o.metadata?.name) {
      throw fail(`failed to decode Kubernetes apiVersion, kind and name from: ${JSON.stringify(o)}`);
    }
    if (decryptor) {
      try {
        o = await decryptor.decryptResource(o);
      } catch (err) {
        throw fail(`decryption failed for '${gvkString(o)}/${o.metadata.name}': ${text(err)}`, err);
      }
    }
    // Flux substitutes only when at least one variable is defined.
    if (vars && vars.size > 0) {
      const res = substituteResource(o, vars, { strict });
      if (!res.ok) throw fail(res.error.message);
      o = res.value as KubeObject;
    }
    out.push(o);
  }
  return out;
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
