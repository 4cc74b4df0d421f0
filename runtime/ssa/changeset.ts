/**
 * ChangeSet: what one apply or delete did to each object, as plain data (fluxcd/pkg ssa ChangeSet).
 * Line format `<Kind>/<namespace>/<name> <action>` (cluster-scoped: `<Kind>/<name> <action>`).
 */
import { parseApiVersion, type KubeObject } from '../client/index.js';

export type Action = 'created' | 'configured' | 'unchanged' | 'deleted' | 'skipped' | 'unknown';

export interface ChangeSetEntry {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /** `Kind/namespace/name` or `Kind/name`. */
  readonly subject: string;
  readonly action: Action;
  /** Live resourceVersion after an apply or a no-op dry-run, when the server returned one. */
  readonly resourceVersion?: string;
}

/** Flux FmtUnstructured: `Kind/namespace/name`, or `Kind/name` when cluster-scoped. */
export function subjectOf(obj: Pick<KubeObject, 'kind' | 'metadata'>): string {
  const ns = obj.metadata.namespace;
  return ns ? `${obj.kind}/${ns}/${obj.metadata.name ?? ''}` : `${obj.kind}/${obj.metadata.name ?? ''}`;
}

export function entryFor(
  obj: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>,
  action: Action,
): ChangeSetEntry {
  const { group, version } = parseApiVersion(obj.apiVersion);
  return {
    group,
    version,
    kind: obj.kind,
    namespace: obj.metadata.namespace ?? '',
    name: obj.metadata.name ?? '',
    subject: subjectOf(obj),
    action,
  };
}

export class ChangeSet {
  readonly entries: ChangeSetEntry[] = [];

  add(...e: ChangeSetEntry[]): this {
    this.entries.push(...e);
    return this;
  }

  append(other: ChangeSet): this {
    return this.add(...other.entries);
  }

  /** Entries whose action is one of `actions`. */
  filter(...actions: Action[]): ChangeSetEntry[] {
    return this.entries.filter((e) => actions.includes(e.action));
  }

  /** One `<subject> <action>` line per entry. */
  toString(): string {
    return this.entries.map((e) => `${e.subject} ${e.action}`).join('\n');
  }

  /** subject → action. */
  toMap(): Record<string, Action> {
    const out: Record<string, Action> = {};
    for (const e of this.entries) out[e.subject] = e.action;
    return out;
  }
}
