/**
 * Executable kstatus invariants (fluxcd/pkg runtime/conditions/check, ported as data): every
 * controller test calls `checkStatus(obj)` (or `assertStatus`) on the objects it reconciled.
 * Each violation is one readable line; an empty list means the status is well-formed.
 */
import { ReadyCondition, ReconcilingCondition, StalledCondition } from '../../api/meta/conditions.js';
import { getConditions } from './conditions.js';
import type { Conditioned } from './conditions.js';
import { summarize } from './summarize.js';
import type { SummaryTable } from './summarize.js';

export interface CheckOptions {
  /** Also require that Ready equals the summary of these owned conditions, and that negative-polarity types are only True. */
  readonly summary?: SummaryTable;
  /** Treat the object as reconciled at least once even if observedGeneration is still -1. @default false */
  readonly reconciled?: boolean;
}

const reasonRe = /^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$/;
const timeRe = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function checkStatus(obj: Conditioned, opts: CheckOptions = {}): string[] {
  const out: string[] = [];
  const conds = getConditions(obj);
  const generation = obj.metadata.generation ?? 0;
  const status = (obj.status ?? {}) as { observedGeneration?: number };
  const observed = status.observedGeneration ?? -1;
  const byType = new Map<string, (typeof conds)[number]>();
  for (const c of conds) {
    if (byType.has(c.type)) out.push(`condition ${c.type} appears more than once`);
    byType.set(c.type, c);
    if (!['True', 'False', 'Unknown'].includes(c.status)) out.push(`condition ${c.type} has invalid status "${c.status}"`);
    if (!reasonRe.test(c.reason ?? '')) out.push(`condition ${c.type} has an invalid or empty reason "${c.reason ?? ''}"`);
    if (typeof c.message !== 'string') out.push(`condition ${c.type} has no message`);
    if (!timeRe.test(c.lastTransitionTime ?? '')) out.push(`condition ${c.type} has an invalid lastTransitionTime "${c.lastTransitionTime ?? ''}"`);
    if (c.observedGeneration !== undefined && c.observedGeneration > generation) {
      out.push(`condition ${c.type} observedGeneration ${c.observedGeneration} is ahead of metadata.generation ${generation}`);
    }
  }
  const ready = byType.get(ReadyCondition);
  const reconciling = byType.get(ReconcilingCondition);
  const stalled = byType.get(StalledCondition);
  if (observed > generation) out.push(`status.observedGeneration ${observed} is ahead of metadata.generation ${generation}`);
  if ((observed >= 0 || conds.length > 0 || opts.reconciled) && !ready) out.push('Ready condition is missing after a reconcile');
  if (reconciling && reconciling.status !== 'True') out.push(`Reconciling must only be present when True (found ${reconciling.status})`);
  if (stalled && stalled.status !== 'True') out.push(`Stalled must only be present when True (found ${stalled.status})`);
  if (reconciling?.status === 'True' && stalled?.status === 'True') out.push('Reconciling and Stalled must not both be True');
  if (ready?.status === 'True') {
    if (reconciling) out.push('Ready=True must not coexist with Reconciling');
    if (stalled) out.push('Ready=True must not coexist with Stalled');
    if (observed !== generation) out.push(`Ready=True requires status.observedGeneration (${observed}) to equal metadata.generation (${generation})`);
  }
  if (stalled?.status === 'True') {
    if (ready?.status === 'True') out.push('Stalled=True requires Ready to be False');
    if (observed !== generation) out.push(`Stalled=True requires status.observedGeneration (${observed}) to equal metadata.generation (${generation})`);
  }
  if (opts.summary) {
    for (const t of opts.summary.negativePolarity) {
      const c = byType.get(t);
      if (c && c.status !== 'True') out.push(`negative-polarity condition ${t} must only be present when True (found ${c.status})`);
    }
    const s = summarize(obj, opts.summary);
    if (s && ready && (s.status !== ready.status || s.reason !== ready.reason)) {
      out.push(`Ready (${ready.status}/${ready.reason}) is not the summary of the owned conditions (${s.status}/${s.reason})`);
    }
  }
  return out;
}

/** Throws with every violation listed, naming the object. */
export function assertStatus(obj: Conditioned & { kind?: string; metadata: { name?: string; namespace?: string } }, opts: CheckOptions = {}): void {
  const v = checkStatus(obj, opts);
  if (v.length) throw new Error(`${obj.kind ?? 'object'}/${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''} breaks kstatus:\n- ${v.join('\n- ')}`);
}
