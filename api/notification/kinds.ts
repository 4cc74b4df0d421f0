/** The notification.toolkit.fluxcd.io kinds with their served versions. */
import type { KindDefinition } from '../meta/crd.js';
import { notificationComponent, notificationGroup } from './group.js';
import { receiverV1 } from './v1/receiver.js';
import { alertV1beta2 } from './v1beta2/alert.js';
import { providerV1beta2 } from './v1beta2/provider.js';
import { receiverV1beta2 } from './v1beta2/receiver.js';
import { alertV1beta3 } from './v1beta3/alert.js';
import { providerV1beta3 } from './v1beta3/provider.js';

const common = {
  group: notificationGroup,
  component: notificationComponent,
  shortNames: [],
  categories: [],
} as const;

export const notificationKinds: readonly KindDefinition[] = [
  { ...common, kind: 'Alert', plural: 'alerts', singular: 'alert', versions: [alertV1beta2, alertV1beta3] },
  {
    ...common,
    kind: 'Provider',
    plural: 'providers',
    singular: 'provider',
    versions: [providerV1beta2, providerV1beta3],
  },
  {
    ...common,
    kind: 'Receiver',
    plural: 'receivers',
    singular: 'receiver',
    versions: [receiverV1, receiverV1beta2],
  },
];
