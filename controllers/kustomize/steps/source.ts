/**
 * Resolve the source (step 3): GitRepository, OCIRepository, Bucket or ExternalArtifact, honouring
 * `--no-cross-namespace-refs` and the ExternalArtifact gate. Sets nothing; errors carry the reason:
 * ArtifactFailed (missing source or artifact), AccessDenied (stalling).
 */
import { isNotFound, type KubeObject } from '../../../runtime/client/index.js';
import { ReconcileError, type KustomizeDeps, type SourceArtifact } from '../types.js';
import type { KustomizationObject } from '../object.js';

export interface ResolvedSource {
  readonly source: KubeObject;
  readonly artifact: SourceArtifact | undefined;
}

const apiVersions: Readonly<Record<string, string>> = {
  GitRepository: 'source.toolkit.fluxcd.io/v1',
  OCIRepository: 'source.toolkit.fluxcd.io/v1',
  Bucket: 'source.toolkit.fluxcd.io/v1',
  ExternalArtifact: 'source.toolkit.fluxcd.io/v1',
};

export function sourceKey(ks: KustomizationObject): { kind: string; namespace: string; name: string } {
  const ref = ks.spec.sourceRef;
  return { kind: ref.kind, namespace: ref.namespace || ks.metadata.namespace, name: ref.name };
}

export async function resolveSource(deps: KustomizeDeps, ks: KustomizationObject): Promise<ResolvedSource> {
  const { kind, namespace, name } = sourceKey(ks);
  if (deps.options?.noCrossNamespaceRefs && namespace !== ks.metadata.namespace) {
    throw new ReconcileError(
      'AccessDenied',
      `can't access '${kind}/${namespace}/${name}', cross-namespace references have been blocked`,
      'stalling',
    );
  }
  if (kind === 'ExternalArtifact' && !deps.options?.externalArtifact) {
    throw new ReconcileError(
      'AccessDenied',
      `can't access '${kind}/${namespace}/${name}', ExternalArtifact feature gate is disabled`,
      'stalling',
    );
  }
  const apiVersion = apiVersions[kind];
  if (!apiVersion)
    throw new ReconcileError('ArtifactFailed', `source \`${kind}\` kind '${name}' not supported`, 'stalling');
  let source: KubeObject;
  try {
    source = await deps.client.get({ apiVersion, kind, namespace, name });
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    // Flux marks Ready=False and requeues without an Event for a missing or unreadable source.
    if (isNotFound(err))
      throw new ReconcileError('ArtifactFailed', text, 'generic', undefined, { cause: err, event: false });
    throw new ReconcileError(
      'ArtifactFailed',
      `unable to get source '${kind}/${namespace}/${name}': ${text}`,
      'generic',
      undefined,
      { cause: err, event: false },
    );
  }
  const status = (source['status'] ?? {}) as { artifact?: SourceArtifact };
  return { source, artifact: status.artifact?.url ? status.artifact : undefined };
}
