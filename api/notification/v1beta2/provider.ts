/** Provider, notification.toolkit.fluxcd.io/v1beta2 (served, deprecated). */
import { boolean, duration, enumOf, object, required, string, type Infer } from '../../meta/schema.js';
import { localObjectReference } from '../../meta/types.js';
import {
  ageColumn,
  constructorFor,
  readyColumn,
  statusColumn,
  type VersionDefinition,
} from '../../meta/crd.js';
import type { KubeObject } from '../../meta/object.js';
import { notificationGroup, ProviderKind, providerTypesV1beta2 } from '../group.js';
import { notificationStatusV1beta2, type NotificationStatusV1beta2 } from './alert.js';

export const providerSpecV1beta2 = object({
  type: required(enumOf(providerTypesV1beta2)),
  interval: duration(),
  channel: string({ maxLength: 2048 }),
  username: string({ maxLength: 2048 }),
  address: string({ maxLength: 2048 }),
  timeout: duration({ noHours: true }),
  proxy: string({ maxLength: 2048, pattern: '^(http|https)://.*$' }),
  secretRef: localObjectReference,
  certSecretRef: localObjectReference,
  suspend: boolean(),
});
export type ProviderSpecV1beta2 = Infer<typeof providerSpecV1beta2>;

export type ProviderV1beta2 = KubeObject<
  'notification.toolkit.fluxcd.io/v1beta2',
  'Provider',
  ProviderSpecV1beta2,
  NotificationStatusV1beta2
>;

export const providerV1beta2: VersionDefinition<ProviderSpecV1beta2, NotificationStatusV1beta2> = {
  group: notificationGroup,
  version: 'v1beta2',
  kind: ProviderKind,
  description: 'Provider (deprecated version v1beta2).',
  spec: providerSpecV1beta2,
  status: notificationStatusV1beta2,
  statusDefault: true,
  storage: false,
  deprecationWarning: 'v1beta2 Provider is deprecated, upgrade to v1beta3',
  printerColumns: [ageColumn, readyColumn, statusColumn],
};

export const newProviderV1beta2 = constructorFor<ProviderV1beta2>(providerV1beta2);
