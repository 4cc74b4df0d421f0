/**
 * Kind and version definitions, and the pure function that turns them into a CustomResourceDefinition object.
 */
import type { JSONSchemaProps, Schema } from './schema.js';
import type { KubeObject, ObjectMeta } from './object.js';

export interface PrinterColumn {
  readonly name: string;
  readonly type: 'string' | 'date' | 'integer' | 'number' | 'boolean';
  readonly jsonPath: string;
  readonly description?: string;
  readonly priority?: number;
}

/** The columns nearly every Flux kind prints. */
export const ageColumn: PrinterColumn = {
  name: 'Age',
  type: 'date',
  jsonPath: '.metadata.creationTimestamp',
};
export const readyColumn: PrinterColumn = {
  name: 'Ready',
  type: 'string',
  jsonPath: '.status.conditions[?(@.type=="Ready")].status',
};
export const statusColumn: PrinterColumn = {
  name: 'Status',
  type: 'string',
  jsonPath: '.status.conditions[?(@.type=="Ready")].message',
};

export interface VersionDefinition<Spec = unknown, Status = unknown> {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly description: string;
  readonly spec: Schema<Spec, boolean>;
  /** Absent for kinds without a status (notification v1beta3 Alert and Provider). */
  readonly status?: Schema<Status, boolean>;
  /** Whether Flux defaults `status` to `{observedGeneration: -1}` for this version. */
  readonly statusDefault: boolean;
  readonly storage: boolean;
  readonly deprecationWarning?: string;
  readonly printerColumns: readonly PrinterColumn[];
}

export interface KindDefinition {
  readonly group: string;
  readonly kind: string;
  readonly plural: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  /** The controller that owns the kind (the component label in the install manifests). */
  readonly component: string;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly versions: readonly VersionDefinition[];
}

export interface CustomResourceDefinition {
  apiVersion: 'apiextensions.k8s.io/v1';
  kind: 'CustomResourceDefinition';
  metadata: ObjectMeta & { name: string };
  spec: {
    group: string;
    names: {
      kind: string;
      listKind: string;
      plural: string;
      singular: string;
      shortNames?: string[];
      categories?: string[];
    };
    scope: 'Namespaced' | 'Cluster';
    versions: Array<{
      name: string;
      served: boolean;
      storage: boolean;
      deprecated?: boolean;
      deprecationWarning?: string;
      additionalPrinterColumns?: PrinterColumn[];
      schema: { openAPIV3Schema: JSONSchemaProps };
      subresources?: { status: Record<string, never> };
    }>;
  };
}

export function apiVersionOf(v: { readonly group: string; readonly version: string }): string {
  return `${v.group}/${v.version}`;
}

export function crdName(k: KindDefinition): string {
  return `${k.plural}.${k.group}`;
}

function rootSchema(v: VersionDefinition): JSONSchemaProps {
  const properties: Record<string, JSONSchemaProps> = {
    apiVersion: {
      type: 'string',
      description: 'APIVersion defines the versioned schema of this representation of an object.',
    },
    kind: {
      type: 'string',
      description: 'Kind is a string value representing the REST resource this object represents.',
    },
    metadata: { type: 'object' },
    spec: v.spec.json,
  };
  if (v.status) {
    properties['status'] = v.statusDefault
      ? { default: { observedGeneration: -1 }, ...v.status.json }
      : v.status.json;
  }
  return { description: v.description, type: 'object', properties };
}

/** Renders a kind as the CustomResourceDefinition the API server takes (no conversion webhook: strategy None). */
export function toCustomResourceDefinition(k: KindDefinition): CustomResourceDefinition {
  const storage = k.versions.filter((v) => v.storage);
  if (storage.length !== 1) throw new Error(`kind ${k.kind} must have exactly one storage version`);
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: crdName(k), ...(k.annotations ? { annotations: { ...k.annotations } } : {}) },
    spec: {
      group: k.group,
      names: {
        kind: k.kind,
        listKind: `${k.kind}List`,
        plural: k.plural,
        singular: k.singular,
        ...(k.shortNames.length > 0 ? { shortNames: [...k.shortNames] } : {}),
        ...(k.categories.length > 0 ? { categories: [...k.categories] } : {}),
      },
      scope: 'Namespaced',
      versions: k.versions.map((v) => ({
        name: v.version,
        served: true,
        storage: v.storage,
        ...(v.deprecationWarning ? { deprecated: true, deprecationWarning: v.deprecationWarning } : {}),
        ...(v.printerColumns.length > 0
          ? { additionalPrinterColumns: v.printerColumns.map((c) => ({ ...c })) }
          : {}),
        schema: { openAPIV3Schema: rootSchema(v) },
        ...(v.status ? { subresources: { status: {} } } : {}),
      })),
    },
  };
}

/** A constructor for objects of one kind and version: fills `apiVersion` and `kind`. */
export function constructorFor<T extends KubeObject<string, string, unknown, unknown>>(
  v: VersionDefinition,
): (metadata: ObjectMeta, spec: T['spec']) => T {
  const apiVersion = apiVersionOf(v);
  return (metadata, spec) => ({ apiVersion, kind: v.kind, metadata: { ...metadata }, spec }) as T;
}
