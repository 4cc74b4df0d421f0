/**
 * Condition getters and setters with kstatus semantics (fluxcd/pkg runtime/conditions):
 * `lastTransitionTime` changes only when the status changes; every set stamps the condition's
 * `observedGeneration` with `metadata.generation`; the list is kept ordered Stalled, Reconciling,
 * Ready, then the rest by type name, so status diffs are stable.
 */
import { ReadyCondition, ReconcilingCondition, StalledCondition } from '../../api/meta/conditions.js';

export type ConditionStatus = 'True' | 'False' | 'Unknown';

/** metav1.Condition as JSON. */
export interface Condition {
  type: string;
  status: ConditionStatus;
  observedGeneration?: number;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** Any object with conditions in `status.conditions` (raw JSON Flux objects fit). */
export interface Conditioned {
  metadata: { generation?: number; [key: string]: unknown };
  status?: { conditions?: Condition[]; observedGeneration?: number; [key: string]: unknown } | unknown;
}

interface StatusShape {
  conditions?: Condition[];
  observedGeneration?: number;
  [key: string]: unknown;
}

export function statusOf(obj: Conditioned): StatusShape {
  const o = obj as { status?: StatusShape };
  o.status ??= {};
  return o.status;
}

const leading = [StalledCondition, ReconcilingCondition, ReadyCondition];

function rank(type: string): number {
  const i = leading.indexOf(type);
  return i < 0 ? leading.length : i;
}

function sortConditions(list: Condition[]): void {
  list.sort((a, b) => rank(a.type) - rank(b.type) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

/** Kubernetes' metav1.Time wire format: RFC 3339, second precision. */
export function nowTime(clock: () => Date = () => new Date()): string {
  return clock().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function getConditions(obj: Conditioned): Condition[] {
  return (obj.status as StatusShape | undefined)?.conditions ?? [];
}

export function get(obj: Conditioned, type: string): Condition | undefined {
  return getConditions(obj).find((c) => c.type === type);
}

export const has = (obj: Conditioned, type: string): boolean => get(obj, type) !== undefined;
export const isTrue = (obj: Conditioned, type: string): boolean => get(obj, type)?.status === 'True';
export const isFalse = (obj: Conditioned, type: string): boolean => get(obj, type)?.status === 'False';
export const isUnknown = (obj: Conditioned, type: string): boolean => get(obj, type)?.status === 'Unknown';
export const isReady = (obj: Conditioned): boolean => isTrue(obj, ReadyCondition);
export const isStalled = (obj: Conditioned): boolean => isTrue(obj, StalledCondition);
export const isReconciling = (obj: Conditioned): boolean => isTrue(obj, ReconcilingCondition);
export const getReason = (obj: Conditioned, type: string): string => get(obj, type)?.reason ?? '';
export const getMessage = (obj: Conditioned, type: string): string => get(obj, type)?.message ?? '';

/**
 * Sets a condition. If one of that type exists with the same status, its lastTransitionTime is
 * kept (only reason/message/observedGeneration change).
 */
export function set(obj: Conditioned, c: Omit<Condition, 'lastTransitionTime' | 'observedGeneration'> & { lastTransitionTime?: string }, clock?: () => Date): void {
  const status = statusOf(obj);
  const list = (status.conditions ??= []);
  const existing = list.find((x) => x.type === c.type);
  const next: Condition = {
    type: c.type,
    status: c.status,
    observedGeneration: obj.metadata.generation ?? 0,
    lastTransitionTime: existing && existing.status === c.status ? existing.lastTransitionTime : (c.lastTransitionTime ?? nowTime(clock)),
    reason: c.reason,
    message: c.message,
  };
  if (existing) Object.assign(existing, next);
  else list.push(next);
  sortConditions(list);
}

/** Message text Flux-style: printf-like arguments are the caller's business; we trim to the API limit. */
function msg(message: string): string {
  return message.length > 32768 ? message.slice(0, 32768) : message;
}

export function markTrue(obj: Conditioned, type: string, reason: string, message: string): void {
  set(obj, { type, status: 'True', reason, message: msg(message) });
}

export function markFalse(obj: Conditioned, type: string, reason: string, message: string): void {
  set(obj, { type, status: 'False', reason, message: msg(message) });
}

export function markUnknown(obj: Conditioned, type: string, reason: string, message: string): void {
  set(obj, { type, status: 'Unknown', reason, message: msg(message) });
}

/** kstatus: Reconciling exists only as True. */
export function markReconciling(obj: Conditioned, reason: string, message: string): void {
  markTrue(obj, ReconcilingCondition, reason, message);
}

/** kstatus: Stalled exists only as True. */
export function markStalled(obj: Conditioned, reason: string, message: string): void {
  markTrue(obj, StalledCondition, reason, message);
}

export function remove(obj: Conditioned, type: string): void {
  const status = (obj.status as StatusShape | undefined) ?? undefined;
  if (!status?.conditions) return;
  status.conditions = status.conditions.filter((c) => c.type !== type);
}
