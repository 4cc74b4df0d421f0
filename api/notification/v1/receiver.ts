/** Receiver, notification.toolkit.fluxcd.io/v1 (storage version). */
import {
  array,
  boolean,
  duration,
  enumOf,
  integer,
  object,
  required,
  string,
  type Infer,
} from '../../meta/schema.js';
import { conditions, lastHandledReconcileAt, localObjectReference } from '../../meta/types.js';
import {
  ageColumn,
  constructorFor,
  readyColumn,
  statusColumn,
  type VersionDefinition,
} from '../../meta/crd.js';
import type { KubeObject } from '../../meta/object.js';
import { crossNamespaceObjectReference, notificationGroup, ReceiverKind, receiverTypes } from '../group.js';

export const receiverSpecProps = {
  type: required(enumOf(receiverTypes)),
  interval: duration({ default: '10m' }),
  events: array(string()),
  resources: required(array(crossNamespaceObjectReference)),
  resourceFilter: string({
    description: 'CEL expression over `res` and `req` selecting the resources to annotate.',
  }),
  secretRef: required(localObjectReference),
  suspend: boolean(),
} as const;

export const receiverSpec = object(receiverSpecProps);
export type ReceiverSpec = Infer<typeof receiverSpec>;

export const receiverStatusProps = {
  lastHandledReconcileAt,
  observedGeneration: integer({ format: 'int64' }),
  conditions,
  webhookPath: string({ description: 'Path the webhook server accepts events on: /hook/<sha256>.' }),
} as const;
export const receiverStatus = object(receiverStatusProps);
export type ReceiverStatus = Infer<typeof receiverStatus>;

export type Receiver = KubeObject<
  'notification.toolkit.fluxcd.io/v1',
  'Receiver',
  ReceiverSpec,
  ReceiverStatus
>;

export const receiverV1: VersionDefinition<ReceiverSpec, ReceiverStatus> = {
  group: notificationGroup,
  version: 'v1',
  kind: ReceiverKind,
  description: 'Receiver turns incoming webhooks into reconcile requests for Flux objects.',
  spec: receiverSpec,
  status: receiverStatus,
  statusDefault: true,
  storage: true,
  printerColumns: [ageColumn, readyColumn, statusColumn],
};

export const newReceiver = constructorFor<Receiver>(receiverV1);
