/**
 * Every Flux kind Sluice serves, and a flat lookup of (group, version, kind) → REST facts for controllers and the CLI.
 */
import { apiVersionOf, type KindDefinition } from './meta/crd.js';
import { helmKinds } from './helm/kinds.js';
import { imageKinds } from './image/kinds.js';
import { kustomizeKinds } from './kustomize/kinds.js';
import { notificationKinds } from './notification/kinds.js';
import { sourceKinds } from './source/kinds.js';

/** The 14 CRDs of Flux 2.7, in a stable order (by group, then kind). */
export const fluxKinds: readonly KindDefinition[] = [
  ...helmKinds,
  ...imageKinds,
  ...kustomizeKinds,
  ...notificationKinds,
  ...sourceKinds,
];

export interface KindVersionInfo {
  readonly group: string;
  readonly version: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly plural: string;
  readonly namespaced: boolean;
  readonly storage: boolean;
  readonly deprecated: boolean;
  readonly component: string;
}

/** One entry per served (kind, version). */
export const kindRegistry: readonly KindVersionInfo[] = fluxKinds.flatMap((k) =>
  k.versions.map((v) => ({
    group: k.group,
    version: v.version,
    apiVersion: apiVersionOf(v),
    kind: k.kind,
    plural: k.plural,
    namespaced: true,
    storage: v.storage,
    deprecated: v.deprecationWarning !== undefined,
    component: k.component,
  })),
);

/** The registry entry for `apiVersion` + `kind`, or undefined when Flux does not serve it. */
export function lookupKind(apiVersion: string, kind: string): KindVersionInfo | undefined {
  return kindRegistry.find((e) => e.apiVersion === apiVersion && e.kind === kind);
}

/** The storage version entry of a kind (what controllers read and write). */
export function storageVersionOf(kind: string): KindVersionInfo | undefined {
  return kindRegistry.find((e) => e.kind === kind && e.storage);
}
