/**
 * Fetch the artifact (steps 5–6): download + verify + extract into a fresh temp dir, then check that
 * `spec.path` exists inside it. Failure → ArtifactFailed (404 waits `--requeue-dependency`).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { ArtifactNotFoundError, ReconcileError, type KustomizeDeps, type SourceArtifact } from '../types.js';
import type { KustomizationObject } from '../object.js';

export interface FetchedArtifact {
  readonly root: string;
  /** spec.path, normalised and relative to root ('.' for the root). */
  readonly path: string;
  dispose(): Promise<void>;
}

/** securejoin semantics: `..` cannot climb above the root. */
export function securePath(root: string, p: string | undefined): string {
  const parts: string[] = [];
  for (const seg of (p ?? '').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  const abs = resolve(root, ...parts);
  const rel = relative(root, abs);
  if (rel.startsWith('..') || rel.split(sep)[0] === '..') return '.';
  return rel === '' ? '.' : rel.split(sep).join('/');
}

export async function fetchArtifact(
  deps: KustomizeDeps,
  ks: KustomizationObject,
  artifact: SourceArtifact,
): Promise<FetchedArtifact> {
  const root = await mkdtemp(
    join(deps.options?.tmpDir ?? tmpdir(), `kustomization-${ks.metadata.namespace}-${ks.metadata.name}-`),
  );
  const dispose = (): Promise<void> => rm(root, { recursive: true, force: true });
  try {
    await deps.fetcher.fetch(artifact, root);
  } catch (err) {
    await dispose();
    if (err instanceof ArtifactNotFoundError) {
      const after = deps.options?.requeueDependencyMs ?? 30_000;
      throw new ReconcileError(
        'ArtifactFailed',
        `Source is not ready, artifact not found, retrying in ${Math.round(after / 1000)}s`,
        'waiting',
        after,
        { cause: err, event: false },
      );
    }
    throw new ReconcileError(
      'ArtifactFailed',
      err instanceof Error ? err.message : String(err),
      'generic',
      undefined,
      { cause: err },
    );
  }
  const path = securePath(root, ks.spec.path);
  try {
    await stat(join(root, path));
  } catch (err) {
    await dispose();
    throw new ReconcileError(
      'ArtifactFailed',
      `kustomization path not found: ${err instanceof Error ? err.message : String(err)}`,
      'generic',
      undefined,
      { cause: err },
    );
  }
  return { root, path, dispose };
}
