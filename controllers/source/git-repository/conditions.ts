/**
 * Condition bookkeeping of a GitRepository reconcile, on top of runtime/conditions (kstatus
 * setters: lastTransitionTime moves only on a status change, observedGeneration stamped on every
 * set) and its shared Ready summarizer. The list keeps fluxcd/pkg's order: Stalled, Reconciling,
 * Ready, then the highest observedGeneration first, then by type (runtime/conditions alone orders
 * the rest by type only).
 */
import { get, isFalse, isTrue, markFalse, markTrue, remove, set, setSummary } from '../../../runtime/conditions/index.js';
import type { Condition, Conditioned, SummaryTable } from '../../../runtime/conditions/index.js';

export type { Condition } from '../../../runtime/conditions/index.js';

/** A mutable condition list bound to an object generation (the steps' view of status.conditions). */
export class Conditions {
  private readonly holder: Conditioned & { status: { conditions: Condition[] } };

  constructor(list: readonly Condition[], generation: number) {
    this.holder = { metadata: { generation }, status: { conditions: list.map((c) => ({ ...c })) } };
  }

  /** The current conditions, in kstatus order. */
  get list(): Condition[] {
    return this.holder.status.conditions;
  }

  get(type: string): Condition | undefined {
    return get(this.holder, type);
  }

  isTrue(type: string): boolean {
    return isTrue(this.holder, type);
  }

  isFalse(type: string): boolean {
    return isFalse(this.holder, type);
  }

  set(type: string, status: Condition['status'], reason: string, message: string): void {
    set(this.holder, { type, status, reason, message });
    this.order();
  }

  markTrue(type: string, reason: string, message: string): void {
    markTrue(this.holder, type, reason, message);
    this.order();
  }

  markFalse(type: string, reason: string, message: string): void {
    markFalse(this.holder, type, reason, message);
    this.order();
  }

  delete(type: string): void {
    remove(this.holder, type);
    this.holder.status.conditions ??= [];
  }

  /** Sets Ready from the owned conditions with the shared summarizer (no-op when none is present). */
  summarize(table: SummaryTable): void {
    setSummary(this.holder, table);
    this.order();
  }

  private order(): void {
    this.holder.status.conditions.sort(fluxOrder);
  }
}

const leading = ['Stalled', 'Reconciling', 'Ready'];

function fluxOrder(a: Condition, b: Condition): number {
  const ia = leading.indexOf(a.type);
  const ib = leading.indexOf(b.type);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? leading.length : ia) - (ib < 0 ? leading.length : ib);
  const g = (b.observedGeneration ?? 0) - (a.observedGeneration ?? 0);
  if (g !== 0) return g;
  return a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
}
