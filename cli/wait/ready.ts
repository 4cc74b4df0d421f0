/**
 * Waiting for Flux objects the way the flux CLI does: poll until the Ready condition is True for the
 * current generation; a Stalled=True object fails at once; the timeout error repeats the last message.
 */
import type { KubeClient, KubeObject, ObjectRef } from '../../runtime/client/index.js';

interface Cond {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

export type Readiness =
  | { readonly state: 'ready'; readonly obj: KubeObject }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'progressing'; readonly message: string };

export function readinessOf(obj: KubeObject | undefined, requestedAt?: string): Readiness {
  if (!obj) return { state: 'progressing', message: 'not found' };
  const st = (obj as { status?: { conditions?: Cond[]; observedGeneration?: number; lastHandledReconcileAt?: string } }).status ?? {};
  if (requestedAt !== undefined && st.lastHandledReconcileAt !== requestedAt)
    return { state: 'progressing', message: 'waiting for the reconciliation request to be handled' };
  const conds = st.conditions ?? [];
  const ready = conds.find((c) => c.type === 'Ready');
  const stalled = conds.find((c) => c.type === 'Stalled');
  const current = (st.observedGeneration ?? -1) >= (obj.metadata.generation ?? 0);
  if (current && ready?.status === 'True') return { state: 'ready', obj };
  if (current && stalled?.status === 'True')
    return { state: 'failed', message: stalled.message ?? ready?.message ?? 'stalled' };
  return { state: 'progressing', message: ready?.message ?? 'waiting to be reconciled' };
}

export interface WaitReadyOptions {
  readonly timeoutMs: number;
  /** @default 2000 (flux polls every 2 s) */
  readonly intervalMs?: number;
  readonly signal?: AbortSignal;
  /** Also wait until status.lastHandledReconcileAt equals this `reconcile.fluxcd.io/requestedAt` value. */
  readonly requestedAt?: string;
}

/** Resolves with the Ready object; rejects on Stalled or timeout with the object's last message. */
export async function waitReady(
  kube: KubeClient,
  ref: ObjectRef,
  opts: WaitReadyOptions,
): Promise<KubeObject> {
  const deadline = Date.now() + opts.timeoutMs;
  const interval = opts.intervalMs ?? 2000;
  let last = 'waiting to be reconciled';
  for (;;) {
    const r = readinessOf(await kube.getOrUndefined(ref), opts.requestedAt);
    if (r.state === 'ready') return r.obj;
    if (r.state === 'failed')
      throw new Error(`${ref.kind} ${ref.namespace ?? ''}/${ref.name} failed: ${r.message}`);
    last = r.message;
    if (Date.now() >= deadline || opts.signal?.aborted)
      throw new Error(
        `timeout waiting for ${ref.kind} ${ref.namespace ?? ''}/${ref.name} to become ready: ${last}`,
      );
    await new Promise((res) => setTimeout(res, Math.min(interval, Math.max(0, deadline - Date.now()))));
  }
}

export function refOf(obj: KubeObject): ObjectRef {
  return {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.metadata.name ?? '',
    ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
  };
}

/** Asks the controller for a reconcile now (flux's `reconcile.fluxcd.io/requestedAt` annotation); returns the value. */
export async function requestReconcile(kube: KubeClient, ref: ObjectRef): Promise<string> {
  const at = new Date().toISOString().replace('Z', '000000Z');
  await kube.patch(ref, 'merge', { metadata: { annotations: { 'reconcile.fluxcd.io/requestedAt': at } } });
  return at;
}
