/**
 * Kubernetes Events as Flux records them (controller-runtime's recorder → core/v1 Events) plus the
 * hook that POSTs each event to notification-controller (--events-addr), as fluxcd/pkg
 * runtime/events.Recorder does:
 *  - event metadata keys are prefixed with the object's API group (`source.toolkit.fluxcd.io/revision`),
 *    and the object's `event.toolkit.fluxcd.io/*` annotations are copied in verbatim; on the
 *    Kubernetes Event they become annotations;
 *  - identical events (same object, type, reason, message, component) are aggregated like
 *    client-go's EventCorrelator: the existing Event's `count` and `lastTimestamp` are bumped;
 *  - type `Trace` is recorded as a Normal Kubernetes event and never forwarded; `forward: false`
 *    keeps an event Kubernetes-only (Flux does that for dependency waits);
 *  - forwarding maps Warning → severity `error`, Normal → `info`; a 429 from the receiver means
 *    "duplicate" and is not retried; other failures are retried with a 5 s timeout per attempt.
 * Recording never throws: a failed event is logged, the reconcile goes on.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { KubeClient, KubeObject } from '../client/index.js';
import { parseApiVersion } from '../client/index.js';
import type { Logger } from '../logging/index.js';

export type EventType = 'Normal' | 'Warning' | 'Trace';

export interface EventOptions {
  /** Extra metadata (keys without the group prefix, e.g. `revision`). */
  readonly metadata?: Readonly<Record<string, string>>;
  /** Forward to notification-controller. @default true (never for Trace) */
  readonly forward?: boolean;
}

/** What reconcilers depend on (tests may pass their own collector). */
export interface EventSink {
  event(obj: KubeObject, type: EventType, reason: string, message: string, opts?: EventOptions): Promise<void>;
}

/** event.toolkit.fluxcd.io/v1beta1 Event, the body POSTed to notification-controller. */
export interface FluxEvent {
  involvedObject: { kind: string; namespace?: string; name: string; uid?: string; apiVersion: string; resourceVersion?: string };
  severity: 'info' | 'error';
  timestamp: string;
  message: string;
  reason: string;
  metadata?: Record<string, string>;
  reportingController: string;
  reportingInstance: string;
}

export interface RecorderOptions {
  /** Controller name as event source / reportingController, e.g. `source-controller`. */
  readonly component: string;
  /** notification-controller events URL (Flux --events-addr); "" disables forwarding. */
  readonly eventsAddr?: string;
  /** @default hostname */
  readonly instance?: string;
  /** Forwarding attempts. @default 3 */
  readonly postAttempts?: number;
  /** @default 5000 */
  readonly postTimeoutMs?: number;
  /** Aggregation cache size. @default 4096 */
  readonly cacheSize?: number;
}

const eventAnnotationPrefix = 'event.toolkit.fluxcd.io/';

function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Metadata as Flux sends it: group-prefixed keys plus the object's event annotations. */
export function eventMetadata(obj: KubeObject, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const { group } = parseApiVersion(obj.apiVersion);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(extra)) out[k.includes('/') || !group ? k : `${group}/${k}`] = v;
  for (const [k, v] of Object.entries(obj.metadata.annotations ?? {})) if (k.startsWith(eventAnnotationPrefix)) out[k] = v;
  return out;
}

export class EventRecorder implements EventSink {
  private readonly seen = new Map<string, { name: string; namespace: string; count: number }>();
  private readonly instance: string;
  /** Counters for tests and benchmarks. */
  readonly stats = { created: 0, aggregated: 0, forwarded: 0, duplicates: 0, failures: 0 };

  constructor(
    private readonly kube: KubeClient,
    private readonly log: Logger,
    readonly options: RecorderOptions,
  ) {
    this.instance = options.instance ?? hostname();
  }

  async event(obj: KubeObject, type: EventType, reason: string, message: string, opts: EventOptions = {}): Promise<void> {
    const metadata = eventMetadata(obj, opts.metadata);
    await this.recordKube(obj, type === 'Warning' ? 'Warning' : 'Normal', reason, message, metadata);
    if (type !== 'Trace' && opts.forward !== false && this.options.eventsAddr) {
      await this.forward(obj, type, reason, message, metadata);
    }
  }

  private async recordKube(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, annotations: Record<string, string>): Promise<void> {
    const ns = obj.metadata.namespace || 'default';
    const key = [obj.apiVersion, obj.kind, ns, obj.metadata.name, obj.metadata.uid, type, reason, message, this.options.component].join('\u0000');
    const now = new Date();
    const hit = this.seen.get(key);
    try {
      if (hit) {
        hit.count++;
        await this.kube.patch({ apiVersion: 'v1', kind: 'Event', namespace: hit.namespace, name: hit.name }, 'merge', {
          count: hit.count,
          lastTimestamp: rfc3339(now),
        });
        this.stats.aggregated++;
        return;
      }
      // client-go names events <object>.<hex unix nanos>; a random tail keeps names unique within a tick.
      const name = `${obj.metadata.name}.${(BigInt(now.getTime()) * 1_000_000n + BigInt(randomBytes(2).readUInt16BE())).toString(16)}`;
      await this.kube.create({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace: ns, ...(Object.keys(annotations).length ? { annotations } : {}) },
        involvedObject: {
          apiVersion: obj.apiVersion,
          kind: obj.kind,
          name: obj.metadata.name,
          namespace: obj.metadata.namespace,
          uid: obj.metadata.uid,
          resourceVersion: obj.metadata.resourceVersion,
        },
        reason,
        message,
        type,
        count: 1,
        firstTimestamp: rfc3339(now),
        lastTimestamp: rfc3339(now),
        source: { component: this.options.component },
        reportingComponent: this.options.component,
        reportingInstance: this.instance,
      });
      this.stats.created++;
      this.seen.set(key, { name, namespace: ns, count: 1 });
      if (this.seen.size > (this.options.cacheSize ?? 4096)) {
        const oldest = this.seen.keys().next().value;
        if (oldest !== undefined) this.seen.delete(oldest);
      }
    } catch (err) {
      // The aggregated Event may have been garbage-collected (1 h TTL): start a new one next time.
      if (hit) this.seen.delete(key);
      this.stats.failures++;
      this.log.error({ err: err instanceof Error ? err.message : String(err), reason }, 'unable to record event');
    }
  }

  private async forward(obj: KubeObject, type: EventType, reason: string, message: string, metadata: Record<string, string>): Promise<void> {
    const body: FluxEvent = {
      involvedObject: {
        kind: obj.kind,
        namespace: obj.metadata.namespace,
        name: obj.metadata.name ?? '',
        uid: obj.metadata.uid,
        apiVersion: obj.apiVersion,
        resourceVersion: obj.metadata.resourceVersion,
      },
      severity: type === 'Warning' ? 'error' : 'info',
      timestamp: rfc3339(new Date()),
      message,
      reason,
      ...(Object.keys(metadata).length ? { metadata } : {}),
      reportingController: this.options.component,
      reportingInstance: this.instance,
    };
    const attempts = this.options.postAttempts ?? 3;
    let lastError = '';
    for (let i = 1; i <= attempts; i++) {
      try {
        const res = await fetch(this.options.eventsAddr ?? '', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(this.options.postTimeoutMs ?? 5000),
        });
        await res.arrayBuffer();
        if (res.status === 429) {
          this.stats.duplicates++;
          return;
        }
        if (res.ok) {
          this.stats.forwarded++;
          return;
        }
        lastError = `events API answered ${res.status}`;
        if (res.status < 500) break;
      } catch (err) {
        lastError = err instanceof Error ? err.message : String(err);
      }
      if (i < attempts) await new Promise((r) => setTimeout(r, 200 * 2 ** (i - 1)));
    }
    this.stats.failures++;
    this.log.error({ err: lastError, reason }, 'unable to send event to the events API');
  }
}
