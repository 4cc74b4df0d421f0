/**
 * Condition bookkeeping for source-controller kinds, following pkg/runtime conditions (ordering,
 * lastTransitionTime moves only on status change, observedGeneration on every condition) and
 * source-controller's summarize helper (Ready derived from the owned conditions by polarity).
 * NOTE: set/get/delete would move to runtime/conditions once that package exists.
 */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  observedGeneration?: number;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

const leading = ['Stalled', 'Reconciling', 'Ready'];

export function sortConditions(list: readonly Condition[]): Condition[] {
  return [...list].sort((a, b) => {
    const ia = leading.indexOf(a.type);
    const ib = leading.indexOf(b.type);
    if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    const g = (b.observedGeneration ?? 0) - (a.observedGeneration ?? 0);
    if (g !== 0) return g;
    return a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
  });
}

export function now(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

/** A mutable condition list bound to an object generation. */
export class Conditions {
  constructor(
    public list: Condition[],
    public generation: number,
  ) {}

  get(type: string): Condition | undefined {
    return this.list.find((c) => c.type === type);
  }

  isTrue(type: string): boolean {
    return this.get(type)?.status === 'True';
  }

  isFalse(type: string): boolean {
    return this.get(type)?.status === 'False';
  }

  set(type: string, status: Condition['status'], reason: string, message: string): void {
    const prev = this.get(type);
    const c: Condition = {
      type,
      status,
      observedGeneration: this.generation,
      lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : now(),
      reason,
      message,
    };
    this.list = sortConditions([...this.list.filter((x) => x.type !== type), c]);
  }

  markTrue(type: string, reason: string, message: string): void {
    this.set(type, 'True', reason, message);
  }

  markFalse(type: string, reason: string, message: string): void {
    this.set(type, 'False', reason, message);
  }

  delete(type: string): void {
    this.list = this.list.filter((c) => c.type !== type);
  }
}

/** Which owned conditions are negative polarity (abnormal when True). */
export interface SummaryTable {
  /** Owned types in priority order. */
  readonly owned: readonly string[];
  readonly negative: readonly string[];
  /** Bipolar: True is good, False overrides Ready. */
  readonly bipolar: readonly string[];
}

/**
 * Computes Ready from the owned conditions like source-controller's summarize: the best-ranked
 * group (negative True > positive False > positive True > negative False > Unknown) gives reason
 * and message; a negative True makes Ready False; a failing bipolar condition overrides Ready.
 */
export function summarizeReady(c: Conditions, table: SummaryTable): void {
  const present = table.owned.map((t) => c.get(t)).filter((x): x is Condition => !!x && x.type !== 'Ready');
  const negTrue = present.filter((x) => table.negative.includes(x.type) && x.status === 'True');
  const posFalse = present.filter((x) => !table.negative.includes(x.type) && x.status === 'False');
  const posTrue = present.filter((x) => !table.negative.includes(x.type) && x.status === 'True');
  let ready: { status: Condition['status']; reason: string; message: string } | undefined;
  const first = negTrue[0] ?? posFalse[0];
  if (first) ready = { status: 'False', reason: first.reason, message: first.message };
  else if (posTrue[0]) ready = { status: 'True', reason: posTrue[0].reason, message: posTrue[0].message };
  const bipolarFail = table.bipolar.map((t) => c.get(t)).find((x) => x?.status === 'False');
  if (bipolarFail) ready = { status: 'False', reason: bipolarFail.reason, message: bipolarFail.message };
  if (ready) c.set('Ready', ready.status, ready.reason, ready.message);
}
