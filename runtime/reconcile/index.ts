/**
 * runtime/reconcile — the shared reconciler skeleton, typed reconcile errors (Stalling / Waiting /
 * Generic) and the requestedAt → lastHandledReconcileAt contract.
 */
export { GenericError, ReconcileError, StallingError, WaitingError, asReconcileError } from './errors.js';
export type { ErrorEventType } from './errors.js';
export { handleReconcileRequest, newRequestValue, requestedAt } from './requested-at.js';
export { ReconcileFailed, formatDuration, reconcileWithSkeleton } from './skeleton.js';
export type { Skeleton, Step, StepContext, StepResult } from './skeleton.js';
