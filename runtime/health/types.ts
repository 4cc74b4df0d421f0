/**
 * kstatus vocabulary (sigs.k8s.io/cli-utils pkg/kstatus, as forked by Flux): the status a resource
 * has from a client's point of view, and the result of computing it.
 */

/** A Kubernetes object as plain JSON (what the API server returns). */
export type KubeObject = Record<string, unknown>;

export type Status = 'InProgress' | 'Failed' | 'Current' | 'Terminating' | 'NotFound' | 'Unknown';

/** A kstatus-standard condition (Reconciling / Stalled) derived while computing a status. */
export interface StatusCondition {
  readonly type: 'Reconciling' | 'Stalled';
  readonly status: 'True';
  readonly reason: string;
  readonly message: string;
}

export interface StatusResult {
  readonly status: Status;
  readonly message: string;
  readonly conditions: readonly StatusCondition[];
}

/** Identifies one object to check: what Flux calls ObjMetadata (group, kind, namespace, name). */
export interface ObjectRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

/**
 * A status computation that replaces the built-in rules for the objects it matches (Flux's custom
 * Job reader, and one per `spec.healthCheckExprs` entry). Returns undefined when it does not apply.
 */
export type StatusReader = (obj: KubeObject) => StatusResult | undefined;

export function current(message: string): StatusResult {
  return { status: 'Current', message, conditions: [] };
}

export function inProgress(reason: string, message: string): StatusResult {
  return {
    status: 'InProgress',
    message,
    conditions: [{ type: 'Reconciling', status: 'True', reason, message }],
  };
}

export function failed(reason: string, message: string): StatusResult {
  return { status: 'Failed', message, conditions: [{ type: 'Stalled', status: 'True', reason, message }] };
}
