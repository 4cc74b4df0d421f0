/**
 * Status bookkeeping for Kustomizations: conditions in Flux's order, history snapshots, durations.
 * kustomize-controller owns Ready/Reconciling/Healthy/Stalled and writes them directly.
 */
import { durationString } from '../../engines/gofmt/index.js';

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  observedGeneration?: number;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export interface HistorySnapshot {
  digest: string;
  firstReconciled: string;
  lastReconciled: string;
  lastReconciledDuration: string;
  lastReconciledStatus: string;
  totalReconciliations: number;
  metadata?: Record<string, string>;
}

const leading = ['Stalled', 'Reconciling', 'Ready'];

/** pkg/runtime conditions ordering: Stalled, Reconciling, Ready, then by observedGeneration desc, then type. */
export function sortConditions(list: Condition[]): Condition[] {
  return [...list].sort((a, b) => {
    const ia = leading.indexOf(a.type);
    const ib = leading.indexOf(b.type);
    if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    const g = (b.observedGeneration ?? 0) - (a.observedGeneration ?? 0);
    if (g !== 0) return g;
    return a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
  });
}

export class Conditions {
  constructor(
    public list: Condition[],
    private readonly generation: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(type: string): Condition | undefined {
    return this.list.find((c) => c.type === type);
  }

  isTrue(type: string): boolean {
    return this.get(type)?.status === 'True';
  }

  /** Sets a condition; lastTransitionTime moves only when the status changes. */
  set(type: string, status: Condition['status'], reason: string, message: string): void {
    const prev = this.get(type);
    const ts =
      prev && prev.status === status
        ? prev.lastTransitionTime
        : this.now()
            .toISOString()
            .replace(/\.\d+Z$/, 'Z');
    const next: Condition = {
      type,
      status,
      observedGeneration: this.generation,
      lastTransitionTime: ts,
      reason,
      message,
    };
    this.list = sortConditions([...this.list.filter((c) => c.type !== type), next]);
  }

  delete(type: string): void {
    this.list = this.list.filter((c) => c.type !== type);
  }
}

/** Go's time.Duration String() for milliseconds. */
export function goDuration(ms: number): string {
  return durationString(BigInt(Math.round(ms * 1e6)));
}

/**
 * History upsert (Flux pkg/apis/meta History): dedup on (digest, status), move to front, count,
 * keep at most 5.
 */
export function upsertHistory(
  history: readonly HistorySnapshot[],
  digest: string,
  status: string,
  durationMs: number,
  metadata: Record<string, string>,
  now: string,
): HistorySnapshot[] {
  const idx = history.findIndex((h) => h.digest === digest && h.lastReconciledStatus === status);
  const prev = idx >= 0 ? history[idx] : undefined;
  const snap: HistorySnapshot = {
    digest,
    firstReconciled: prev?.firstReconciled ?? now,
    lastReconciled: now,
    lastReconciledDuration: goDuration(durationMs),
    lastReconciledStatus: status,
    totalReconciliations: (prev?.totalReconciliations ?? 0) + 1,
    metadata,
  };
  const rest = history.filter((_, i) => i !== idx);
  return [snap, ...rest].slice(0, 5);
}
