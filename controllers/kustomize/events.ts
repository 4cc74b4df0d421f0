/**
 * Kustomization events through runtime/events (aggregated core/v1 Events with Flux's metadata,
 * forwarded to notification-controller when `--events-addr` is set). Fire-and-forget: recording
 * never fails or delays a reconcile (the recorder logs its own failures).
 */
import type { KubeClient } from '../../runtime/client/index.js';
import { EventRecorder as RuntimeRecorder } from '../../runtime/events/index.js';
import type { Logger } from '../../runtime/logging/index.js';
import type { EventRecorder } from './types.js';

export function kustomizationEvents(kube: KubeClient, log: Logger, eventsAddr = ''): EventRecorder {
  const recorder = new RuntimeRecorder(kube, log, { component: 'kustomize-controller', eventsAddr });
  return {
    event(obj, type, reason, message, metadata = {}) {
      void recorder.event(obj, type, reason, message, { metadata });
    },
  };
}
