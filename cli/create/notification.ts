/** `create alert|alert-provider|receiver`: the objects flux builds from its flags (pure). */
import type { KubeObject } from '../../runtime/client/index.js';
import { base, parseKindName, requireFlag, type CommonFlags } from './common.js';

const eventSourceKinds = [
  'GitRepository',
  'OCIRepository',
  'HelmRepository',
  'HelmChart',
  'Bucket',
  'Kustomization',
  'HelmRelease',
  'ImageRepository',
  'ImagePolicy',
  'ImageUpdateAutomation',
] as const;

export interface AlertFlags extends CommonFlags {
  providerRef?: string;
  eventSeverity?: string;
  eventSource?: string[];
}

export function alert(f: AlertFlags): KubeObject {
  const provider = requireFlag('provider-ref', f.providerRef, '--provider-ref=slack');
  if (!f.eventSource?.length)
    throw new Error('at least one --event-source is required, e.g. --event-source=Kustomization/podinfo');
  const severity = f.eventSeverity ?? '';
  if (severity && !['info', 'error'].includes(severity))
    throw new Error(`invalid --event-severity '${severity}': use info or error`);
  const o = base('Alert', f);
  o.spec.eventSources = f.eventSource.map((s) => parseKindName('event-source', s, eventSourceKinds));
  if (severity) o.spec.eventSeverity = severity;
  o.spec.providerRef = { name: provider };
  return o;
}

export interface ProviderFlags extends CommonFlags {
  type?: string;
  channel?: string;
  username?: string;
  address?: string;
  secretRef?: string;
}

export function provider(f: ProviderFlags): KubeObject {
  const type = requireFlag('type', f.type, '--type=slack');
  const o = base('Provider', f);
  if (f.address) o.spec.address = f.address;
  if (f.channel) o.spec.channel = f.channel;
  if (f.secretRef) o.spec.secretRef = { name: f.secretRef };
  o.spec.type = type;
  if (f.username) o.spec.username = f.username;
  return o;
}

export interface ReceiverFlags extends CommonFlags {
  type?: string;
  secretRef?: string;
  event?: string[];
  resource?: string[];
}

export function receiver(f: ReceiverFlags): KubeObject {
  const type = requireFlag('type', f.type, '--type=github');
  const secret = requireFlag('secret-ref', f.secretRef, '--secret-ref=webhook-token');
  if (!f.resource?.length)
    throw new Error('at least one --resource is required, e.g. --resource=GitRepository/webapp');
  const o = base('Receiver', f);
  if (f.event?.length) o.spec.events = f.event;
  o.spec.resources = f.resource.map((r) => parseKindName('resource', r, eventSourceKinds));
  o.spec.secretRef = { name: secret };
  o.spec.type = type;
  return o;
}
