/** Shape of the generated strategic-merge-patch schema (data/patch-schema.ts). */
export interface PatchSchemaProp {
  /** $ref of the property (or of its list items / map values). */
  readonly r?: string;
  /** The property is a list. */
  readonly l?: boolean;
  /** The property is a map with typed values. */
  readonly m?: boolean;
  /** x-kubernetes-patch-merge-key. */
  readonly k?: string;
  /** x-kubernetes-patch-strategy. */
  readonly s?: string;
  /** x-kubernetes-list-map-keys of a custom schema (kyaml merges by all of them; one key is also `k`). */
  readonly ks?: readonly string[];
}

export interface PatchSchemaData {
  readonly definitions: { readonly [def: string]: { readonly [prop: string]: PatchSchemaProp } };
  readonly gvk: { readonly [groupVersionKind: string]: string };
}
