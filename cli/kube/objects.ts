/**
 * Helpers the object verbs share: kind subcommands per verb, RFC3339Nano timestamps, kstatus-style
 * readiness of a Flux object, and waiting with a deadline.
 */
import type { Command } from 'commander';
import { setTimeout as sleep } from 'node:timers/promises';
import type { KubeClient, KubeObject } from '../../runtime/client/index.js';
import { cliKinds, type CliKind } from '../kinds.js';

/** Subcommand words of a kind under a verb: `source git`, `kustomization|ks`, `image policy`, … */
export function verbNames(k: CliKind): readonly string[] {
  return k.group ? k.names : k.names.slice(1);
}

/**
 * Registers `<verb> <kind> [name]` for every kind accepted by `filter`, grouped under `source` and
 * `image` as flux does, and calls `build` to add flags and the action.
 */
export function kindSubcommands(
  verb: Command,
  filter: (k: CliKind) => boolean,
  build: (c: Command, k: CliKind) => void,
): void {
  const groups = new Map<string, Command>();
  for (const k of cliKinds.filter(filter)) {
    let parent = verb;
    if (k.group) {
      const existing = groups.get(k.group);
      parent =
        existing ??
        verb
          .command(k.group)
          .description(`${verb.name()} ${k.group === 'source' ? 'sources' : 'image automation objects'}`);
      groups.set(k.group, parent);
    }
    const [first, ...aliases] = verbNames(k);
    build(parent.command(first!).aliases(aliases).description(`${verb.name()} a ${k.kind}`), k);
  }
}

/** Go's RFC3339Nano: fractional seconds with trailing zeros trimmed, UTC as Z. */
export function rfc3339Nano(d: Date = new Date()): string {
  const iso = d.toISOString();
  const [base, frac] = iso.slice(0, -1).split('.');
  const f = (frac ?? '').replace(/0+$/, '');
  return `${base}${f ? '.' + f : ''}Z`;
}

interface FluxStatus {
  observedGeneration?: number;
  lastHandledReconcileAt?: string;
  conditions?: Array<{
    type?: string;
    status?: string;
    reason?: string;
    message?: string;
    observedGeneration?: number;
  }>;
}

export function statusOf(obj: KubeObject): FluxStatus {
  return ((obj as { status?: FluxStatus }).status ?? {}) as FluxStatus;
}

export function conditionOf(
  obj: KubeObject,
  type: string,
): { status?: string; reason?: string; message?: string } | undefined {
  return statusOf(obj).conditions?.find((c) => c.type === type);
}

/** kstatus "Current": the controller saw this generation, is not reconciling, and Ready is decided. */
export function isCurrent(obj: KubeObject): boolean {
  const st = statusOf(obj);
  if ((st.observedGeneration ?? -1) !== (obj.metadata?.generation ?? 0)) return false;
  if (conditionOf(obj, 'Reconciling')?.status === 'True' || conditionOf(obj, 'Stalled')?.status === 'True') {
    return conditionOf(obj, 'Stalled')?.status === 'True';
  }
  const ready = conditionOf(obj, 'Ready');
  return ready !== undefined && ready.status !== 'Unknown';
}

export class WaitTimeoutError extends Error {}

/** Polls the object until `done(obj)` or the deadline; returns the last object seen. */
export async function pollObject(
  kube: KubeClient,
  ref: { apiVersion: string; kind: string; namespace: string; name: string },
  done: (obj: KubeObject) => boolean,
  timeoutMs: number,
  intervalMs = 500,
): Promise<KubeObject> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const obj = await kube.get(ref);
    if (done(obj)) return obj;
    if (Date.now() > deadline) {
      const ready = conditionOf(obj, 'Ready');
      throw new WaitTimeoutError(
        `timeout waiting for ${ref.kind} ${ref.namespace}/${ref.name}` +
          (ready?.message ? `: ${ready.message}` : ''),
      );
    }
    await sleep(intervalMs);
  }
}
