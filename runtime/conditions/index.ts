/**
 * runtime/conditions — kstatus-compatible condition handling: setters that keep lastTransitionTime
 * and stamp observedGeneration, the Ready summarizer over a per-kind owned-conditions table, and
 * `checkStatus` — the executable kstatus invariants every controller test calls.
 */
export {
  get,
  getConditions,
  getMessage,
  getReason,
  has,
  isFalse,
  isReady,
  isReconciling,
  isStalled,
  isTrue,
  isUnknown,
  markFalse,
  markReconciling,
  markStalled,
  markTrue,
  markUnknown,
  nowTime,
  remove,
  set,
  statusOf,
} from './conditions.js';
export type { Condition, ConditionStatus, Conditioned } from './conditions.js';
export { kstatusNegative, setSummary, summarize } from './summarize.js';
export type { Summary, SummaryTable } from './summarize.js';
export { assertStatus, checkStatus } from './check.js';
export type { CheckOptions } from './check.js';
