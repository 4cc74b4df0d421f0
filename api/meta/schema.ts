/**
 * A small schema builder: one definition per field yields both the static TypeScript type (`Infer<typeof X>`)
 * and the structural OpenAPI v3 schema a CustomResourceDefinition needs (no $ref, a `type` on every node,
 * maps as `additionalProperties`, free-form JSON as `x-kubernetes-preserve-unknown-fields`).
 */

/** One CEL rule as Kubernetes' `x-kubernetes-validations` takes it. */
export interface ValidationRule {
  readonly rule: string;
  readonly message?: string;
  readonly messageExpression?: string;
  readonly reason?:
    'FieldValueInvalid' | 'FieldValueForbidden' | 'FieldValueRequired' | 'FieldValueDuplicate';
  readonly fieldPath?: string;
}

/** The subset of apiextensions.k8s.io/v1 JSONSchemaProps this project emits. */
export interface JSONSchemaProps {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  description?: string;
  format?: string;
  pattern?: string;
  enum?: readonly (string | number | boolean)[];
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  maxProperties?: number;
  properties?: Record<string, JSONSchemaProps>;
  required?: string[];
  items?: JSONSchemaProps;
  additionalProperties?: JSONSchemaProps;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-map-type'?: 'atomic' | 'granular';
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-validations'?: ValidationRule[];
}

declare const typeTag: unique symbol;

/** A schema node that carries its TypeScript type `T`; `R` records whether the field is required in its parent. */
export interface Schema<T, R extends boolean = false> {
  readonly json: JSONSchemaProps;
  readonly isRequired: R;
  /** Phantom: never set at run time, only carries `T` for `Infer`. */
  readonly [typeTag]?: T;
}

export type AnySchema = Schema<unknown, boolean>;
export type Props = Readonly<Record<string, AnySchema>>;
export type Infer<S> = S extends Schema<infer T, boolean> ? T : never;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type RequiredKeys<P> = { [K in keyof P]: P[K] extends Schema<unknown, true> ? K : never }[keyof P];
export type ObjectOf<P> = Simplify<
  { [K in RequiredKeys<P>]: Infer<P[K]> } & { [K in Exclude<keyof P, RequiredKeys<P>>]?: Infer<P[K]> }
>;

/** Any JSON value (what `x-kubernetes-preserve-unknown-fields` admits). */
export type JSONValue = string | number | boolean | null | JSONValue[] | { [key: string]: JSONValue };

interface Common {
  readonly description?: string;
}
export interface StringOptions extends Common {
  readonly pattern?: string;
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly default?: string;
}
export interface IntegerOptions extends Common {
  readonly format?: 'int32' | 'int64';
  readonly minimum?: number;
  readonly maximum?: number;
  readonly default?: number;
}
export interface ArrayOptions extends Common {
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly default?: readonly unknown[];
  readonly listType?: 'atomic' | 'set' | 'map';
  readonly listMapKeys?: readonly string[];
}
export interface ObjectOptions extends Common {
  readonly default?: Readonly<Record<string, unknown>>;
  readonly validations?: readonly ValidationRule[];
  readonly maxProperties?: number;
  readonly mapType?: 'atomic' | 'granular';
}

function node<T>(json: JSONSchemaProps): Schema<T> {
  return { json, isRequired: false };
}

/** Drops undefined option values so the emitted schema stays minimal and stable. */
function clean(json: JSONSchemaProps): JSONSchemaProps {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json)) if (v !== undefined) out[k] = v;
  return out as JSONSchemaProps;
}

export function string(o: StringOptions = {}): Schema<string> {
  return node(
    clean({
      type: 'string',
      description: o.description,
      format: o.format,
      pattern: o.pattern,
      minLength: o.minLength,
      maxLength: o.maxLength,
      default: o.default,
    }),
  );
}

/** A string restricted to the given values. */
export function enumOf<const V extends readonly string[]>(
  values: V,
  o: Common & { readonly default?: V[number] } = {},
): Schema<V[number]> {
  return node(clean({ type: 'string', description: o.description, enum: [...values], default: o.default }));
}

export function integer(o: IntegerOptions = {}): Schema<number> {
  return node(
    clean({
      type: 'integer',
      description: o.description,
      format: o.format,
      minimum: o.minimum,
      maximum: o.maximum,
      default: o.default,
    }),
  );
}

export function boolean(o: Common & { readonly default?: boolean } = {}): Schema<boolean> {
  return node(clean({ type: 'boolean', description: o.description, default: o.default }));
}

/** Go duration with `h` allowed (intervals): `^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$`. */
export const durationPattern = '^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$';
/** Go duration without `h` (Flux's source and provider timeouts). */
export const durationNoHoursPattern = '^([0-9]+(\\.[0-9]+)?(ms|s|m))+$';

export function duration(
  o: Common & { readonly default?: string; readonly noHours?: boolean } = {},
): Schema<string> {
  return string({
    description: o.description,
    default: o.default,
    pattern: o.noHours ? durationNoHoursPattern : durationPattern,
  });
}

/** RFC 3339 timestamp (metav1.Time). */
export function dateTime(o: Common = {}): Schema<string> {
  return string({ description: o.description, format: 'date-time' });
}

export function array<T>(items: Schema<T, boolean>, o: ArrayOptions = {}): Schema<T[]> {
  return node(
    clean({
      type: 'array',
      description: o.description,
      items: items.json,
      minItems: o.minItems,
      maxItems: o.maxItems,
      default: o.default,
      'x-kubernetes-list-type': o.listType,
      'x-kubernetes-list-map-keys': o.listMapKeys ? [...o.listMapKeys] : undefined,
    }),
  );
}

/** map[string]T */
export function map<T>(values: Schema<T, boolean>, o: Common = {}): Schema<Record<string, T>> {
  return node(clean({ type: 'object', description: o.description, additionalProperties: values.json }));
}

export function object<const P extends Props>(props: P, o: ObjectOptions = {}): Schema<ObjectOf<P>> {
  const properties: Record<string, JSONSchemaProps> = {};
  const required: string[] = [];
  for (const [name, s] of Object.entries(props)) {
    properties[name] = s.json;
    if (s.isRequired) required.push(name);
  }
  return node(
    clean({
      type: 'object',
      description: o.description,
      default: o.default,
      maxProperties: o.maxProperties,
      properties,
      required: required.length > 0 ? required : undefined,
      'x-kubernetes-map-type': o.mapType,
      'x-kubernetes-validations': o.validations ? [...o.validations] : undefined,
    }),
  );
}

/** Arbitrary JSON kept as-is by the API server (apiextensionsv1.JSON). */
export function json(o: Common = {}): Schema<JSONValue> {
  return node(clean({ description: o.description, 'x-kubernetes-preserve-unknown-fields': true }));
}

/** An object whose fields are unknown to us but kept (e.g. `values` maps). */
export function freeObject(o: Common = {}): Schema<Record<string, JSONValue>> {
  return node(
    clean({ type: 'object', description: o.description, 'x-kubernetes-preserve-unknown-fields': true }),
  );
}

/** Marks a field as required in its parent object. */
export function required<T>(s: Schema<T, boolean>): Schema<T, true> {
  return { json: s.json, isRequired: true };
}

/** Marks a field as optional in its parent object (undoes `required`). */
export function optional<T>(s: Schema<T, boolean>): Schema<T> {
  return { json: s.json, isRequired: false };
}

/** Same schema with a different description. */
export function describe<T, R extends boolean>(s: Schema<T, R>, description: string): Schema<T, R> {
  return { json: { ...s.json, description }, isRequired: s.isRequired };
}
