/**
 * The Flux kinds as the CLI names them (`sources git`, `kustomizations|ks`, …), with their `flux get`
 * columns. The API facts (group, version, plural) come from api/'s registry.
 */
import { storageVersionOf } from '../api/index.js';
import type { KubeObject } from '../runtime/client/index.js';

export interface CliKind {
  readonly kind: string;
  readonly apiVersion: string;
  readonly plural: string;
  /** Words that select the kind after its command group (e.g. `git` after `sources`). */
  readonly names: readonly string[];
  /** Command group: `source`, `image` or none. */
  readonly group?: 'source' | 'image';
  /** Column headers after NAME (and before them NAMESPACE with -A). */
  readonly header: readonly string[];
  readonly row: (obj: KubeObject) => string[];
  readonly suspendable: boolean;
  /** Whether `flux reconcile` supports the kind. */
  readonly reconcilable: boolean;
}

interface Cond {
  type?: string;
  status?: string;
  message?: string;
}

type Loose = KubeObject & { spec?: Record<string, unknown>; status?: Record<string, unknown> };

export function readyOf(obj: KubeObject): { ready: string; message: string } {
  const conds = ((obj as Loose).status?.conditions as Cond[] | undefined) ?? [];
  const r = conds.find((c) => c.type === 'Ready');
  if (!r) return { ready: 'False', message: 'waiting to be reconciled' };
  return { ready: r.status ?? 'Unknown', message: r.message ?? '' };
}

const suspended = (o: KubeObject): string =>
  ((o as Loose).spec?.suspend as boolean | undefined) ? 'True' : 'False';
const status = (o: KubeObject): Record<string, unknown> => (o as Loose).status ?? {};
const artifactRevision = (o: KubeObject): string =>
  ((status(o).artifact as { revision?: string } | undefined)?.revision ?? '') as string;

function sourceKind(kind: string, names: string[]): CliKind {
  return entry(kind, names, 'source', ['REVISION', 'SUSPENDED', 'READY', 'MESSAGE'], (o) => {
    const r = readyOf(o);
    return [artifactRevision(o), suspended(o), r.ready, r.message];
  });
}

function entry(
  kind: string,
  names: string[],
  group: CliKind['group'],
  header: string[],
  row: (o: KubeObject) => string[],
  flags: { suspendable?: boolean; reconcilable?: boolean } = {},
): CliKind {
  const info = storageVersionOf(kind);
  if (!info) throw new Error(`api registry has no storage version for ${kind}`);
  return {
    kind,
    apiVersion: info.apiVersion,
    plural: info.plural,
    names,
    group,
    header,
    row,
    suspendable: flags.suspendable ?? true,
    reconcilable: flags.reconcilable ?? true,
  };
}

export const cliKinds: readonly CliKind[] = [
  sourceKind('GitRepository', ['git']),
  sourceKind('OCIRepository', ['oci']),
  sourceKind('HelmRepository', ['helm']),
  sourceKind('HelmChart', ['chart']),
  sourceKind('Bucket', ['bucket']),
  entry(
    'Kustomization',
    ['kustomizations', 'kustomization', 'ks'],
    undefined,
    ['REVISION', 'SUSPENDED', 'READY', 'MESSAGE'],
    (o) => {
      const r = readyOf(o);
      return [(status(o).lastAppliedRevision as string | undefined) ?? '', suspended(o), r.ready, r.message];
    },
  ),
  entry(
    'HelmRelease',
    ['helmreleases', 'helmrelease', 'hr'],
    undefined,
    ['REVISION', 'SUSPENDED', 'READY', 'MESSAGE'],
    (o) => {
      const r = readyOf(o);
      const history = (status(o).history as Array<{ chartVersion?: string }> | undefined) ?? [];
      return [
        history[0]?.chartVersion ?? (status(o).lastAttemptedRevision as string | undefined) ?? '',
        suspended(o),
        r.ready,
        r.message,
      ];
    },
  ),
  entry(
    'Alert',
    ['alerts', 'alert'],
    undefined,
    ['SUSPENDED', 'READY', 'MESSAGE'],
    (o) => [suspended(o), 'True', 'Alert is Ready'],
    {
      reconcilable: false,
    },
  ),
  entry(
    'Provider',
    ['alert-providers', 'alert-provider'],
    undefined,
    ['READY', 'MESSAGE'],
    () => ['True', 'Provider is Ready'],
    {
      reconcilable: false,
    },
  ),
  entry('Receiver', ['receivers', 'receiver'], undefined, ['SUSPENDED', 'READY', 'MESSAGE'], (o) => {
    const r = readyOf(o);
    return [suspended(o), r.ready, r.message];
  }),
  entry('ImageRepository', ['repository'], 'image', ['LAST SCAN', 'SUSPENDED', 'READY', 'MESSAGE'], (o) => {
    const r = readyOf(o);
    const scan = (status(o).lastScanResult as { scanTime?: string } | undefined)?.scanTime ?? '';
    return [scan, suspended(o), r.ready, r.message];
  }),
  entry(
    'ImagePolicy',
    ['policy'],
    'image',
    ['IMAGE', 'TAG', 'READY', 'MESSAGE'],
    (o) => {
      const r = readyOf(o);
      const latest = (status(o).latestRef as { name?: string; tag?: string } | undefined) ?? {};
      return [latest.name ?? '', latest.tag ?? '', r.ready, r.message];
    },
    { suspendable: false },
  ),
  entry('ImageUpdateAutomation', ['update'], 'image', ['LAST RUN', 'SUSPENDED', 'READY', 'MESSAGE'], (o) => {
    const r = readyOf(o);
    return [(status(o).lastAutomationRunTime as string | undefined) ?? '', suspended(o), r.ready, r.message];
  }),
];

export function cliKind(kind: string): CliKind {
  const k = cliKinds.find((c) => c.kind === kind);
  if (!k) throw new Error(`unknown kind ${kind}`);
  return k;
}

/** `get all` order as flux prints it: sources, then kustomizations, helmreleases, notification, images. */
export const getAllOrder: readonly string[] = [
  'GitRepository',
  'OCIRepository',
  'HelmRepository',
  'HelmChart',
  'Bucket',
  'Kustomization',
  'HelmRelease',
  'Alert',
  'Provider',
  'Receiver',
  'ImageRepository',
  'ImagePolicy',
  'ImageUpdateAutomation',
];
