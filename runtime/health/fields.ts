/** Typed reads from untyped object JSON, with Go-unstructured semantics (missing or wrong type → default). */
import type { KubeObject } from './types.js';

export interface ObjectCondition {
  readonly type: string;
  readonly status: string;
  readonly reason: string;
  readonly message: string;
}

export function field(obj: unknown, path: readonly string[]): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** An integer field, or the default when absent or not an integer (as GetIntField in kstatus). */
export function intField(obj: unknown, path: readonly string[], def: number): number {
  const v = field(obj, path);
  return typeof v === 'number' && Number.isInteger(v) ? v : def;
}

export function stringField(obj: unknown, path: readonly string[], def: string): string {
  const v = field(obj, path);
  return typeof v === 'string' ? v : def;
}

/** Whether an integer field is present (NestedInt64's `found`). */
export function hasInt(obj: unknown, path: readonly string[]): boolean {
  const v = field(obj, path);
  return typeof v === 'number' && Number.isInteger(v);
}

export function conditionsOf(obj: KubeObject): ObjectCondition[] {
  const list = field(obj, ['status', 'conditions']);
  if (!Array.isArray(list)) return [];
  const out: ObjectCondition[] = [];
  for (const c of list) {
    if (c === null || typeof c !== 'object') continue;
    const r = c as Record<string, unknown>;
    out.push({
      type: typeof r['type'] === 'string' ? r['type'] : '',
      status: typeof r['status'] === 'string' ? r['status'] : '',
      reason: typeof r['reason'] === 'string' ? r['reason'] : '',
      message: typeof r['message'] === 'string' ? r['message'] : '',
    });
  }
  return out;
}

export function kindOf(obj: KubeObject): string {
  return typeof obj['kind'] === 'string' ? obj['kind'] : '';
}

/** The API group of an apiVersion (`apps/v1` → `apps`, `v1` → ``). */
export function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}

export function apiVersionOf(obj: KubeObject): string {
  return typeof obj['apiVersion'] === 'string' ? obj['apiVersion'] : '';
}
