/**
 * Waits for a set of objects to become Current (fluxcd/pkg ssa WaitForSet semantics): poll every
 * `interval`, stop when all are Current, fail early on a Failed object (unless disabled), and on
 * timeout report every object that is not Current with Flux's message format.
 */
import { computeStatus } from './compute.js';
import { groupOf } from './fields.js';
import type { KubeObject, ObjectRef, Status, StatusReader } from './types.js';

/** Reads one object live; resolves undefined when it does not exist (→ NotFound). */
export type ObjectGetter = (ref: ObjectRef) => Promise<KubeObject | undefined>;

export interface WaitOptions {
  /** @default 5000 (Flux's kustomize-controller polls every 5 s) */
  readonly intervalMs?: number;
  readonly timeoutMs: number;
  /** Stop as soon as one object is Failed. @default true */
  readonly failFast?: boolean;
  readonly readers?: readonly StatusReader[];
  readonly signal?: AbortSignal;
}

export interface ResourceStatus {
  readonly ref: ObjectRef;
  readonly status: Status;
  readonly message: string;
  /** Why the status could not be read or computed. */
  readonly error?: string;
}

export type WaitResult =
  | { readonly ok: true; readonly statuses: readonly ResourceStatus[] }
  | { readonly ok: false; readonly statuses: readonly ResourceStatus[]; readonly message: string };

/** `Kind/namespace/name`, or `Kind/name` when cluster-scoped (Flux FmtObjMetadata). */
export function formatRef(ref: ObjectRef): string {
  return ref.namespace ? `${ref.kind}/${ref.namespace}/${ref.name}` : `${ref.kind}/${ref.name}`;
}

export function refKey(ref: ObjectRef): string {
  return `${groupOf(ref.apiVersion)}|${ref.kind}|${ref.namespace ?? ''}|${ref.name}`;
}

/** Reads and computes the status of one object; never throws. */
export async function readStatus(
  ref: ObjectRef,
  get: ObjectGetter,
  readers: readonly StatusReader[] = [],
): Promise<ResourceStatus> {
  let obj: KubeObject | undefined;
  try {
    obj = await get(ref);
  } catch (err) {
    return { ref, status: 'Unknown', message: '', error: err instanceof Error ? err.message : String(err) };
  }
  if (!obj) return { ref, status: 'NotFound', message: 'Resource not found' };
  try {
    const r = computeStatus(obj, { readers });
    return { ref, status: r.status, message: r.message };
  } catch (err) {
    return { ref, status: 'Unknown', message: '', error: err instanceof Error ? err.message : String(err) };
  }
}

function describe(s: ResourceStatus): string {
  const base = `${formatRef(s.ref)} status: '${s.status}'`;
  return s.error ? `${base}: ${s.error}` : base;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Polls until every ref is Current, one is Failed (fail-fast), the timeout passes or the signal aborts. */
export async function waitForSet(
  refs: readonly ObjectRef[],
  get: ObjectGetter,
  opts: WaitOptions,
): Promise<WaitResult> {
  const interval = opts.intervalMs ?? 5000;
  const failFast = opts.failFast ?? true;
  const deadline = Date.now() + opts.timeoutMs;
  let statuses: ResourceStatus[] = [];
  for (;;) {
    statuses = await Promise.all(refs.map((r) => readStatus(r, get, opts.readers)));
    if (statuses.every((s) => s.status === 'Current')) return { ok: true, statuses };
    const stalled = statuses.filter((s) => s.status === 'Failed');
    if (failFast && stalled.length > 0) {
      return {
        ok: false,
        statuses,
        message: `failed early due to stalled resources: [${stalled.map(describe).join(', ')}]`,
      };
    }
    const left = deadline - Date.now();
    if (left <= 0 || opts.signal?.aborted) break;
    await sleep(Math.min(interval, left), opts.signal);
    if (opts.signal?.aborted) break;
  }
  const pending = statuses.filter((s) => s.status !== 'Current').map(describe);
  return { ok: false, statuses, message: `timeout waiting for: [${pending.join(', ')}]` };
}

/** Polls until every ref is gone (NotFound), or the timeout passes. Returns the refs still present. */
export async function waitForTermination(
  refs: readonly ObjectRef[],
  get: ObjectGetter,
  opts: { readonly intervalMs?: number; readonly timeoutMs: number; readonly signal?: AbortSignal },
): Promise<ObjectRef[]> {
  const deadline = Date.now() + opts.timeoutMs;
  let left = [...refs];
  for (;;) {
    const present = await Promise.all(left.map(async (r) => ((await get(r)) ? r : undefined)));
    left = present.filter((r): r is ObjectRef => r !== undefined);
    if (left.length === 0 || Date.now() >= deadline || opts.signal?.aborted) return left;
    await sleep(Math.min(opts.intervalMs ?? 2000, Math.max(0, deadline - Date.now())), opts.signal);
  }
}
