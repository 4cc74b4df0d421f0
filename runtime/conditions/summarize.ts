/**
 * The Ready summarizer (fluxcd/pkg runtime/conditions SetSummary with negative polarity): Ready is
 * derived once, from a per-kind table of owned conditions listed in priority order. Steps never
 * write Ready themselves.
 *
 * Ranking of the owned conditions present on the object (first group that is non-empty wins, and
 * within it the first condition in table order gives reason and message):
 *   1. negative polarity and True (abnormal: FetchFailed=True, Stalled=True, …) → Ready=False
 *   2. positive polarity and False (ArtifactInStorage=False)                    → Ready=False
 *   3. positive polarity and True (ArtifactInStorage=True)                      → Ready=True
 *   4. negative polarity and False (normal)                                      → Ready=True
 *   5. Unknown                                                                   → Ready=Unknown
 * A bipolar condition that is False (SourceVerified=False) overrides everything: Ready=False with
 * its reason. When the winner is Reconciling=True alone (work in progress, nothing failed), Ready is
 * Unknown rather than False, which is what kstatus readers (`kubectl wait`, flux) expect.
 */
import { ReadyCondition, ReconcilingCondition, StalledCondition } from '../../api/meta/conditions.js';
import { get, set } from './conditions.js';
import type { Condition, ConditionStatus, Conditioned } from './conditions.js';

export interface SummaryTable {
  /** Owned condition types in priority order (Reconciling and Stalled included where the kind has them). */
  readonly owned: readonly string[];
  /** Types that are abnormal when True (present only when True, by convention). */
  readonly negativePolarity: readonly string[];
  /** Types that are meaningful as True and False (e.g. SourceVerified); False overrides Ready. */
  readonly bipolar?: readonly string[];
}

/** The negative-polarity types every kind shares. */
export const kstatusNegative = [StalledCondition, ReconcilingCondition] as const;

export interface Summary {
  readonly status: ConditionStatus;
  readonly reason: string;
  readonly message: string;
}

/** Computes the Ready summary, or undefined when no owned condition is present. */
export function summarize(obj: Conditioned, table: SummaryTable): Summary | undefined {
  const present = table.owned.map((t) => get(obj, t)).filter((c): c is Condition => c !== undefined);
  const negative = new Set(table.negativePolarity);
  for (const b of table.bipolar ?? []) {
    const c = present.find((x) => x.type === b);
    if (c && c.status === 'False') return { status: 'False', reason: c.reason, message: c.message };
  }
  const groups: [(c: Condition) => boolean, ConditionStatus][] = [
    [(c) => negative.has(c.type) && c.status === 'True', 'False'],
    [(c) => !negative.has(c.type) && c.status === 'False', 'False'],
    [(c) => !negative.has(c.type) && c.status === 'True', 'True'],
    [(c) => negative.has(c.type) && c.status === 'False', 'True'],
    [(c) => c.status === 'Unknown', 'Unknown'],
  ];
  for (const [match, status] of groups) {
    const first = present.find(match);
    if (!first) continue;
    if (first.type === ReconcilingCondition && status === 'False') return { status: 'Unknown', reason: first.reason, message: first.message };
    return { status, reason: first.reason, message: first.message };
  }
  return undefined;
}

/** Sets Ready from the summary (no-op when no owned condition is present). Returns the summary. */
export function setSummary(obj: Conditioned, table: SummaryTable): Summary | undefined {
  const s = summarize(obj, table);
  if (s) set(obj, { type: ReadyCondition, ...s });
  return s;
}
