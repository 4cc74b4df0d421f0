/** notification.toolkit.fluxcd.io: names and shared types of every version. */
import { enumOf, map, object, required, string, type Infer } from '../meta/schema.js';

export const notificationGroup = 'notification.toolkit.fluxcd.io';
export const notificationComponent = 'notification-controller';
export const AlertKind = 'Alert';
export const ProviderKind = 'Provider';
export const ReceiverKind = 'Receiver';

/** Kinds an Alert may watch and a Receiver may annotate. */
export const eventSourceKinds = [
  'Bucket',
  'GitRepository',
  'Kustomization',
  'HelmRelease',
  'HelmChart',
  'HelmRepository',
  'ImageRepository',
  'ImagePolicy',
  'ImageUpdateAutomation',
  'OCIRepository',
] as const;

export const crossNamespaceObjectReference = object({
  apiVersion: string(),
  kind: required(enumOf(eventSourceKinds)),
  name: required(
    string({ minLength: 1, maxLength: 253, description: "Name of the referent; '*' matches all." }),
  ),
  namespace: string({ minLength: 1, maxLength: 253 }),
  matchLabels: map(string(), { description: "Labels the referents must carry; used with name '*'." }),
});
export type CrossNamespaceObjectReference = Infer<typeof crossNamespaceObjectReference>;

export const receiverTypes = [
  'generic',
  'generic-hmac',
  'github',
  'gitlab',
  'bitbucket',
  'harbor',
  'dockerhub',
  'quay',
  'gcr',
  'nexus',
  'acr',
  'cdevents',
] as const;

export const providerTypesV1beta2 = [
  'slack',
  'discord',
  'msteams',
  'rocket',
  'generic',
  'generic-hmac',
  'github',
  'gitlab',
  'gitea',
  'bitbucketserver',
  'bitbucket',
  'azuredevops',
  'googlechat',
  'googlepubsub',
  'webex',
  'sentry',
  'azureeventhub',
  'telegram',
  'lark',
  'matrix',
  'opsgenie',
  'alertmanager',
  'grafana',
  'githubdispatch',
  'pagerduty',
  'datadog',
  'nats',
] as const;

export const providerTypes = [...providerTypesV1beta2, 'zulip', 'otel'] as const;
