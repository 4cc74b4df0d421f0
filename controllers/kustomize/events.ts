/**
 * Records core/v1 Events for Kustomizations (Flux's recorder: `event.toolkit.fluxcd.io/*` object
 * annotations and the revision metadata become event annotations). Fire-and-forget: a failure to
 * record never fails a reconcile. To be replaced by runtime/events (which also forwards to
 * notification-controller) once it exists.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { KubeClient, KubeObject } from '../../runtime/client/index.js';
import type { EventRecorder } from './types.js';

export function kustomizationEvents(
  client: KubeClient,
  onError: (err: unknown) => void = () => undefined,
): EventRecorder {
  const instance = process.env.HOSTNAME ?? hostname();
  return {
    event(obj, type, reason, message, metadata = {}) {
      const ns = obj.metadata.namespace ?? 'default';
      const annotations: Record<string, string> = { ...metadata };
      for (const [k, v] of Object.entries(obj.metadata.annotations ?? {}))
        if (k.startsWith('event.toolkit.fluxcd.io/')) annotations[k] = v;
      const ts = new Date().toISOString();
      const ev = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: {
          name: `${obj.metadata.name ?? ''}.${Date.now().toString(16)}${randomBytes(3).toString('hex')}`,
          namespace: ns,
          annotations,
        },
        involvedObject: {
          apiVersion: obj.apiVersion,
          kind: obj.kind,
          name: obj.metadata.name,
          namespace: ns,
          uid: obj.metadata.uid,
          resourceVersion: obj.metadata.resourceVersion,
        },
        reason,
        message,
        type,
        source: { component: 'kustomize-controller' },
        reportingComponent: 'kustomize-controller',
        reportingInstance: instance,
        firstTimestamp: ts,
        lastTimestamp: ts,
        count: 1,
      } as unknown as KubeObject;
      client.create(ev).catch(onError);
    },
  };
}
