/** Receiver, notification.toolkit.fluxcd.io/v1beta2 (served, deprecated). */
import { object, string, type Infer } from '../../meta/schema.js';
import {
  ageColumn,
  constructorFor,
  readyColumn,
  statusColumn,
  type VersionDefinition,
} from '../../meta/crd.js';
import type { KubeObject } from '../../meta/object.js';
import { notificationGroup, ReceiverKind } from '../group.js';
import { receiverSpecProps, receiverStatusProps } from '../v1/receiver.js';

const { resourceFilter: _resourceFilter, ...specProps } = receiverSpecProps;
export const receiverSpecV1beta2 = object(specProps);
export type ReceiverSpecV1beta2 = Infer<typeof receiverSpecV1beta2>;

export const receiverStatusV1beta2 = object({
  ...receiverStatusProps,
  url: string({ description: 'Deprecated: use webhookPath.' }),
});
export type ReceiverStatusV1beta2 = Infer<typeof receiverStatusV1beta2>;

export type ReceiverV1beta2 = KubeObject<
  'notification.toolkit.fluxcd.io/v1beta2',
  'Receiver',
  ReceiverSpecV1beta2,
  ReceiverStatusV1beta2
>;

export const receiverV1beta2: VersionDefinition<ReceiverSpecV1beta2, ReceiverStatusV1beta2> = {
  group: notificationGroup,
  version: 'v1beta2',
  kind: ReceiverKind,
  description: 'Receiver (deprecated version v1beta2).',
  spec: receiverSpecV1beta2,
  status: receiverStatusV1beta2,
  statusDefault: true,
  storage: false,
  deprecationWarning: 'v1beta2 Receiver is deprecated, upgrade to v1',
  printerColumns: [ageColumn, readyColumn, statusColumn],
};

export const newReceiverV1beta2 = constructorFor<ReceiverV1beta2>(receiverV1beta2);
