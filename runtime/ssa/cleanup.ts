/**
 * Metadata cleanup before apply (fluxcd/pkg ssa cleanupMetadata): a JSON patch that removes stale
 * kubectl/Flux v1 annotations and labels, and hands the fields of other managers (kubectl, …) to
 * our field manager as an Apply entry so the next apply can remove what they added.
 */
import type { KubeObject } from '../client/index.js';

export interface FieldManager {
  /** Matched as a prefix of the entry's manager (so `kubectl` also covers `kubectl-edit`). */
  readonly name: string;
  readonly operation: 'Apply' | 'Update';
}

export interface CleanupOptions {
  readonly annotations?: readonly string[];
  readonly labels?: readonly string[];
  readonly fieldManagers?: readonly FieldManager[];
}

export type JsonPatchOp =
  | { readonly op: 'remove'; readonly path: string }
  | { readonly op: 'replace'; readonly path: string; readonly value: unknown };

interface ManagedFieldsEntry {
  manager?: string;
  operation?: string;
  subresource?: string;
  fieldsV1?: unknown;
  [k: string]: unknown;
}

const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Union of two managedFields `fieldsV1` trees (sets of `f:`/`k:`/`v:` keys). */
function mergeFieldSets(a: unknown, b: unknown): unknown {
  if (a === null || typeof a !== 'object' || Array.isArray(a)) return b ?? a;
  if (b === null || typeof b !== 'object' || Array.isArray(b)) return a;
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [k, v] of Object.entries(b as Record<string, unknown>))
    out[k] = k in out ? mergeFieldSets(out[k], v) : v;
  return out;
}

function managedFieldsPatch(
  obj: KubeObject,
  managers: readonly FieldManager[],
  owner: string,
): JsonPatchOp[] {
  const entries = (obj.metadata.managedFields ?? []) as ManagedFieldsEntry[];
  const matches = (e: ManagedFieldsEntry): boolean =>
    !e.subresource &&
    managers.some((m) => (e.manager ?? '').startsWith(m.name) && e.operation === m.operation);
  if (!entries.some(matches)) return [];
  // Taken-over entries are merged into our one Apply entry: the API server keeps one per manager+operation.
  let ours: ManagedFieldsEntry | undefined = entries.find(
    (e) => e.manager === owner && e.operation === 'Apply' && !e.subresource,
  );
  const kept: ManagedFieldsEntry[] = [];
  for (const e of entries) {
    if (e === ours) continue;
    if (matches(e)) {
      ours = ours
        ? { ...ours, fieldsV1: mergeFieldSets(ours.fieldsV1, e.fieldsV1) }
        : { ...e, manager: owner, operation: 'Apply' };
    } else {
      kept.push(e);
    }
  }
  if (ours) kept.push(ours);
  return [{ op: 'replace', path: '/metadata/managedFields', value: kept }];
}

/** The JSON patch that cleans `obj` up; empty when nothing needs removing. */
export function cleanupPatch(obj: KubeObject, opts: CleanupOptions, owner: string): JsonPatchOp[] {
  const ops: JsonPatchOp[] = [];
  const ann = obj.metadata.annotations ?? {};
  for (const k of opts.annotations ?? [])
    if (k in ann) ops.push({ op: 'remove', path: `/metadata/annotations/${escape(k)}` });
  const labels = obj.metadata.labels ?? {};
  for (const k of opts.labels ?? [])
    if (k in labels) ops.push({ op: 'remove', path: `/metadata/labels/${escape(k)}` });
  if (opts.fieldManagers?.length) ops.push(...managedFieldsPatch(obj, opts.fieldManagers, owner));
  return ops;
}

/** kustomize-controller's cleanup set (Flux 2.7). */
export function kustomizeCleanupOptions(
  owner: string,
  overrideManagers: readonly string[] = [],
): CleanupOptions {
  return {
    annotations: [
      'kubectl.kubernetes.io/last-applied-configuration',
      'kustomize.toolkit.fluxcd.io/checksum',
      'fluxcd.io/sync-checksum',
    ],
    labels: ['fluxcd.io/sync-gc-mark'],
    fieldManagers: [
      { name: 'kubectl', operation: 'Apply' },
      { name: 'kubectl', operation: 'Update' },
      { name: 'before-first-apply', operation: 'Update' },
      { name: owner, operation: 'Update' },
      ...overrideManagers.flatMap((name): FieldManager[] => [
        { name, operation: 'Apply' },
        { name, operation: 'Update' },
      ]),
    ],
  };
}
