/**
 * Plain-JSON Kubernetes object shapes. Objects stay raw JSON end to end (never routed through typed
 * models), so fields unknown to us survive a read-modify-write or a server-side apply.
 */

import type { ObjectMeta as ApiObjectMeta, OwnerReference } from '../../api/meta/object.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type { OwnerReference };

/** api/'s object metadata, open to fields this version of the code does not know. */
export interface ObjectMeta extends ApiObjectMeta {
  managedFields?: unknown[];
  [key: string]: unknown;
}

/** Any Kubernetes object as JSON. `spec`/`status` and the rest stay untyped here. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

export interface ListMeta {
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface KubeList<T extends KubeObject = KubeObject> {
  apiVersion: string;
  kind: string;
  metadata: ListMeta;
  items: T[];
}

/** The identity of one object: enough to build its URL. */
export interface ObjectRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

export interface GroupVersionKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** metav1.Status as returned by the API server on errors and some deletes. */
export interface StatusBody {
  kind?: string;
  apiVersion?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    uid?: string;
    causes?: { reason?: string; message?: string; field?: string }[];
    retryAfterSeconds?: number;
  };
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent<T extends KubeObject = KubeObject> {
  readonly type: WatchEventType;
  /** For ERROR events this is a metav1.Status (kind "Status"). */
  readonly object: T;
}

/** Splits `group/version` (or `v1`) into its parts. */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

export function gvkOf(obj: { apiVersion: string; kind: string }): GroupVersionKind {
  return { ...parseApiVersion(obj.apiVersion), kind: obj.kind };
}

/** `Kind/namespace/name` (or `Kind/name` for cluster-scoped objects), as Flux names objects in messages. */
export function objectName(obj: {
  kind: string;
  metadata?: ObjectMeta;
  name?: string;
  namespace?: string;
}): string {
  const name = obj.metadata?.name ?? obj.name ?? '';
  const ns = obj.metadata?.namespace ?? obj.namespace;
  return ns ? `${obj.kind}/${ns}/${name}` : `${obj.kind}/${name}`;
}
