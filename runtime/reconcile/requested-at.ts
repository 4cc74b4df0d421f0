/**
 * The `reconcile.fluxcd.io/requestedAt` contract: whoever wants an immediate reconcile sets the
 * annotation to a new value (the flux CLI uses a timestamp); the controller is triggered by the
 * change (see the manager's generationOrRequestedAtChanged predicate) and copies the value to
 * `status.lastHandledReconcileAt`, so the requester can tell its request was handled.
 */
import { ReconcileRequestAnnotation } from '../../api/meta/conditions.js';
import type { KubeObject } from '../client/index.js';

/** The annotation value, if any. */
export function requestedAt(obj: KubeObject): string | undefined {
  return obj.metadata.annotations?.[ReconcileRequestAnnotation];
}

/**
 * Records a pending request in `status.lastHandledReconcileAt`. Returns the handled value when the
 * annotation was new, undefined otherwise.
 */
export function handleReconcileRequest(obj: KubeObject): string | undefined {
  const v = requestedAt(obj);
  if (v === undefined) return undefined;
  const status = ((obj as { status?: Record<string, unknown> }).status ??= {});
  if (status.lastHandledReconcileAt === v) return undefined;
  status.lastHandledReconcileAt = v;
  return v;
}

/** Sets the annotation value a CLI would send: an RFC 3339 timestamp with nanoseconds like `flux reconcile`. */
export function newRequestValue(now = new Date()): string {
  return now.toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}
