/**
 * runtime/events — the Kubernetes Event recorder (core/v1, aggregated) with Flux's metadata and the
 * notification-controller forwarding hook (--events-addr).
 */
export { EventRecorder, eventMetadata } from './recorder.js';
export type { EventOptions, EventSink, EventType, FluxEvent, RecorderOptions } from './recorder.js';
