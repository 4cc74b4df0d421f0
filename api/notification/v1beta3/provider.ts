/** Provider, notification.toolkit.fluxcd.io/v1beta3 (storage version; static configuration, no status). */
import { boolean, duration, enumOf, object, required, string, type Infer } from '../../meta/schema.js';
import { localObjectReference } from '../../meta/types.js';
import { ageColumn, constructorFor, type VersionDefinition } from '../../meta/crd.js';
import type { KubeObject } from '../../meta/object.js';
import { notificationGroup, ProviderKind, providerTypes } from '../group.js';

export const commitStatusProviders = [
  'github',
  'gitlab',
  'gitea',
  'bitbucketserver',
  'bitbucket',
  'azuredevops',
];

export const providerSpec = object(
  {
    type: required(enumOf(providerTypes)),
    interval: duration({ description: 'Deprecated: ignored.' }),
    channel: string({ maxLength: 2048 }),
    username: string({ maxLength: 2048 }),
    address: string({ maxLength: 2048 }),
    timeout: duration({ noHours: true, description: 'Timeout of sending a notification; 15s when empty.' }),
    proxy: string({
      maxLength: 2048,
      pattern: '^(http|https)://.*$',
      description: 'Deprecated: use proxySecretRef.',
    }),
    proxySecretRef: localObjectReference,
    secretRef: localObjectReference,
    certSecretRef: localObjectReference,
    serviceAccountName: string(),
    commitStatusExpr: string({ description: 'CEL expression computing the commit status id.' }),
    suspend: boolean(),
  },
  {
    validations: [
      {
        rule: `!has(self.commitStatusExpr) || (self.type in [${commitStatusProviders.map((p) => `'${p}'`).join(', ')}])`,
        message: 'spec.commitStatusExpr is only supported for the git providers',
      },
    ],
  },
);
export type ProviderSpec = Infer<typeof providerSpec>;

export type Provider = KubeObject<'notification.toolkit.fluxcd.io/v1beta3', 'Provider', ProviderSpec, never>;

export const providerV1beta3: VersionDefinition<ProviderSpec> = {
  group: notificationGroup,
  version: 'v1beta3',
  kind: ProviderKind,
  description: 'Provider describes where and how notifications are sent.',
  spec: providerSpec,
  statusDefault: false,
  storage: true,
  printerColumns: [ageColumn],
};

export const newProvider = constructorFor<Provider>(providerV1beta3);
