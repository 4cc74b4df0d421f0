/**
 * Kustomization inventory (`status.inventory.entries[] {id, v}`): the objects a Kustomization applied,
 * keyed `<namespace>_<name>_<group>_<Kind>` (cli-utils ObjMetadata; `:` in names encoded as `__`).
 */
import type { KubeObject } from '../../runtime/client/index.js';
import type { ChangeSet } from '../../runtime/ssa/index.js';

export interface InventoryEntry {
  readonly id: string;
  readonly v: string;
}

export interface ObjMetadata {
  readonly namespace: string;
  readonly name: string;
  readonly group: string;
  readonly kind: string;
}

export function inventoryId(m: ObjMetadata): string {
  return `${m.namespace}_${m.name.replaceAll(':', '__')}_${m.group}_${m.kind}`;
}

/** Parses an id back (the name keeps `__` → `:`); undefined when malformed. */
export function parseInventoryId(id: string): ObjMetadata | undefined {
  const first = id.indexOf('_');
  if (first < 0) return undefined;
  const namespace = id.slice(0, first);
  let rest = id.slice(first + 1);
  const k = rest.lastIndexOf('_');
  if (k < 0) return undefined;
  const kind = rest.slice(k + 1);
  rest = rest.slice(0, k);
  const g = rest.lastIndexOf('_');
  if (g < 0) return undefined;
  const group = rest.slice(g + 1);
  const name = rest.slice(0, g).replaceAll('__', ':');
  if (!name || !kind) return undefined;
  return { namespace, name, group, kind };
}

/** The new inventory: every applied or unchanged object of the change set (skipped ones excluded). */
export function inventoryFromChangeSet(cs: ChangeSet): InventoryEntry[] {
  const out: InventoryEntry[] = [];
  const seen = new Set<string>();
  for (const e of cs.entries) {
    if (e.action === 'skipped' || e.action === 'unknown' || e.action === 'deleted') continue;
    const id = inventoryId(e);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ id, v: e.version });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Objects to build delete requests from (apiVersion from the stored `v`). */
export function inventoryObjects(entries: readonly InventoryEntry[]): KubeObject[] {
  const out: KubeObject[] = [];
  for (const e of entries) {
    const m = parseInventoryId(e.id);
    if (!m) continue;
    out.push({
      apiVersion: m.group ? `${m.group}/${e.v}` : e.v,
      kind: m.kind,
      metadata: { name: m.name, ...(m.namespace ? { namespace: m.namespace } : {}) },
    });
  }
  return out;
}

/**
 * Stale objects: in the old inventory, not in the new one, and not skipped in this apply. The id
 * ignores the version, so changing an object's apiVersion does not prune it.
 */
export function staleObjects(
  oldEntries: readonly InventoryEntry[],
  newEntries: readonly InventoryEntry[],
  skippedIds: ReadonlySet<string>,
): KubeObject[] {
  const keep = new Set(newEntries.map((e) => e.id));
  return inventoryObjects(oldEntries.filter((e) => !keep.has(e.id) && !skippedIds.has(e.id)));
}
