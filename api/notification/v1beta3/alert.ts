/** Alert, notification.toolkit.fluxcd.io/v1beta3 (storage version; static configuration, no status). */
import { array, boolean, enumOf, map, object, required, string, type Infer } from '../../meta/schema.js';
import { localObjectReference } from '../../meta/types.js';
import { ageColumn, constructorFor, type VersionDefinition } from '../../meta/crd.js';
import type { KubeObject } from '../../meta/object.js';
import { AlertKind, crossNamespaceObjectReference, notificationGroup } from '../group.js';

export const alertSpecProps = {
  providerRef: required(localObjectReference),
  eventSeverity: enumOf(['info', 'error'], { default: 'info' }),
  eventSources: required(array(crossNamespaceObjectReference)),
  inclusionList: array(string()),
  eventMetadata: map(string()),
  exclusionList: array(string()),
  summary: string({ maxLength: 255, description: 'Deprecated: use eventMetadata.' }),
  suspend: boolean(),
} as const;

export const alertSpec = object(alertSpecProps);
export type AlertSpec = Infer<typeof alertSpec>;

export type Alert = KubeObject<'notification.toolkit.fluxcd.io/v1beta3', 'Alert', AlertSpec, never>;

export const alertV1beta3: VersionDefinition<AlertSpec> = {
  group: notificationGroup,
  version: 'v1beta3',
  kind: AlertKind,
  description: 'Alert routes events of Flux objects to a Provider.',
  spec: alertSpec,
  statusDefault: false,
  storage: true,
  printerColumns: [ageColumn],
};

export const newAlert = constructorFor<Alert>(alertV1beta3);
