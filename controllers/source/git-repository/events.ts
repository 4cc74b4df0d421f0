import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { KubeClient, KubeObject } from '../../../runtime/client/index.js';
import type { EventRecorder } from './context.js';

/**
 * Records core/v1 Events for a GitRepository as Flux's recorder does: Trace events become Normal
 * Kubernetes events; annotations (revision, digest) and the object's `event.toolkit.fluxcd.io/*`
 * annotations go into the event's annotations. Failures to record are logged by the caller, never
 * fatal. NOTE: to be replaced by runtime/events when it exists (it adds forwarding to
 * notification-controller).
 */
export function kubeEventRecorder(client: KubeClient, component = 'source-controller'): EventRecorder {
  const instance = process.env.HOSTNAME ?? hostname();
  return async (obj, type, reason, message, annotations = {}) => {
    const ts = new Date().toISOString();
    const ns = obj.metadata.namespace ?? 'default';
    const meta: Record<string, string> = { ...annotations };
    for (const [k, v] of Object.entries(obj.metadata.annotations ?? {}))
      if (k.startsWith('event.toolkit.fluxcd.io/')) meta[k] = v;
    await client.create({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: `${obj.metadata.name}.${Date.now().toString(16)}${randomBytes(3).toString('hex')}`,
        namespace: ns,
        ...(Object.keys(meta).length > 0 ? { annotations: meta } : {}),
      },
      involvedObject: {
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'GitRepository',
        name: obj.metadata.name,
        namespace: ns,
        uid: obj.metadata.uid,
        resourceVersion: obj.metadata.resourceVersion,
      },
      reason,
      message,
      type: type === 'Warning' ? 'Warning' : 'Normal',
      source: { component },
      reportingComponent: component,
      reportingInstance: instance,
      firstTimestamp: ts,
      lastTimestamp: ts,
      count: 1,
    } as KubeObject);
  };
}
