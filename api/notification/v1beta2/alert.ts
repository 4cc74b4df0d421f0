/** Alert, notification.toolkit.fluxcd.io/v1beta2 (served, deprecated). */
import { integer, object, type Infer } from '../../meta/schema.js';
import { conditions, lastHandledReconcileAt } from '../../meta/types.js';
import {
  ageColumn,
  constructorFor,
  readyColumn,
  statusColumn,
  type VersionDefinition,
} from '../../meta/crd.js';
import type { KubeObject } from '../../meta/object.js';
import { AlertKind, notificationGroup } from '../group.js';
import { alertSpecProps } from '../v1beta3/alert.js';

export const alertSpecV1beta2 = object(alertSpecProps);
export type AlertSpecV1beta2 = Infer<typeof alertSpecV1beta2>;

export const notificationStatusV1beta2 = object({
  lastHandledReconcileAt,
  observedGeneration: integer({ format: 'int64' }),
  conditions,
});
export type NotificationStatusV1beta2 = Infer<typeof notificationStatusV1beta2>;

export type AlertV1beta2 = KubeObject<
  'notification.toolkit.fluxcd.io/v1beta2',
  'Alert',
  AlertSpecV1beta2,
  NotificationStatusV1beta2
>;

export const alertV1beta2: VersionDefinition<AlertSpecV1beta2, NotificationStatusV1beta2> = {
  group: notificationGroup,
  version: 'v1beta2',
  kind: AlertKind,
  description: 'Alert (deprecated version v1beta2).',
  spec: alertSpecV1beta2,
  status: notificationStatusV1beta2,
  statusDefault: true,
  storage: false,
  deprecationWarning: 'v1beta2 Alert is deprecated, upgrade to v1beta3',
  printerColumns: [ageColumn, readyColumn, statusColumn],
};

export const newAlertV1beta2 = constructorFor<AlertV1beta2>(alertV1beta2);
