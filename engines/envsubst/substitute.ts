/**
 * Flux's post-build variable substitution (kustomize-controller v1.7.3 with fluxcd/pkg/kustomize
 * v1.24.0 and fluxcd/pkg/envsubst v1.5.0), applied per resource: serialize to YAML → substitute →
 * parse back with YAML 1.1 typing. The kustomize-controller calls `substituteResource` for each built
 * resource, right after decrypting that resource, exactly where Flux does.
 */
import { EnvsubstParseError, VariableNotSetError } from './errors.js';
import { mappingFor, evaluate } from './eval.js';
import { type JsonValue, resourceToYaml, yamlToJson } from './yaml-bridge.js';

/** A Kubernetes object as plain JSON. */
export type KubeObject = { [key: string]: unknown };

/** The label/annotation that opts one object out of substitution (value `disabled`). */
export const SUBSTITUTE_ANNOTATION = 'kustomize.toolkit.fluxcd.io/substitute';
/** Flux's variable-name rule, quoted verbatim in its error message. */
export const VAR_NAME_PATTERN = '^[_[:alpha:]][_[:alpha:][:digit:]]*$';
const varName = /^[_A-Za-z][_A-Za-z0-9]*$/;

export interface SubstituteOptions {
  /** The `StrictPostBuildSubstitutions` feature gate: a bare `${var}` with no value is an error. @default false */
  readonly strict?: boolean;
}

export type PostBuildErrorCode = 'InvalidVariableName' | 'ParseFailed' | 'VariableNotSet' | 'YAMLToJSON';

/** Why substitution failed for one resource. `message` is Flux's full text for the BuildFailed condition. */
export interface PostBuildError {
  readonly code: PostBuildErrorCode;
  /** `post build failed for '<Kind.version.group>/<name>': envsubst error: …` */
  readonly message: string;
  /** The bare cause (e.g. `variable not set (strict mode): "app"`). Contains no variable values. */
  readonly cause: string;
  readonly resource: {
    readonly apiVersion: string;
    readonly kind: string;
    readonly name: string;
    readonly namespace?: string;
  };
  /** For VariableNotSet: the missing variable; for InvalidVariableName: the offending name. */
  readonly variable?: string;
}

export type SubstituteResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: PostBuildError };

/**
 * Merges the variable sources in Flux's precedence: each `substituteFrom` data map in list order
 * (later wins; Secret values already base64-decoded by the caller), then the inline `substitute`
 * map (wins over all). Newlines are removed from every value, as Flux does.
 */
export function mergeVariables(
  from: readonly Readonly<Record<string, string>>[],
  inline?: Readonly<Record<string, string>>,
): Map<string, string> {
  const vars = new Map<string, string>();
  for (const data of [...from, inline ?? {}]) {
    for (const [k, v] of Object.entries(data)) vars.set(k, v.replaceAll('\n', ''));
  }
  return vars;
}

/** The first variable name Flux would reject, if any. */
export function invalidVariableName(vars: ReadonlyMap<string, string>): string | undefined {
  for (const k of vars.keys()) if (!varName.test(k)) return k;
  return undefined;
}

/** True when the object is labelled or annotated `kustomize.toolkit.fluxcd.io/substitute: disabled`. */
export function isSubstitutionDisabled(obj: KubeObject): boolean {
  const meta = (obj.metadata ?? {}) as {
    labels?: Record<string, unknown>;
    annotations?: Record<string, unknown>;
  };
  return (
    meta.labels?.[SUBSTITUTE_ANNOTATION] === 'disabled' ||
    meta.annotations?.[SUBSTITUTE_ANNOTATION] === 'disabled'
  );
}

/** kustomize's resid.Gvk String(): `Kind.version.group` with `[noKind]`/`[noVer]`/`[noGrp]` placeholders. */
export function gvkString(obj: KubeObject): string {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const slash = apiVersion.indexOf('/');
  const group = slash >= 0 ? apiVersion.slice(0, slash) : '';
  const version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  return [kind || '[noKind]', version || '[noVer]', group || '[noGrp]'].join('.');
}

function resourceRef(obj: KubeObject): PostBuildError['resource'] {
  const meta = (obj.metadata ?? {}) as { name?: unknown; namespace?: unknown };
  const ref = {
    apiVersion: typeof obj.apiVersion === 'string' ? obj.apiVersion : '',
    kind: typeof obj.kind === 'string' ? obj.kind : '',
    name: typeof meta.name === 'string' ? meta.name : '',
  };
  return typeof meta.namespace === 'string' ? { ...ref, namespace: meta.namespace } : ref;
}

function failure(
  obj: KubeObject,
  code: PostBuildErrorCode,
  cause: string,
  variable?: string,
): SubstituteResult<never> {
  const resource = resourceRef(obj);
  const message = `post build failed for '${gvkString(obj)}/${resource.name}': envsubst error: ${cause}`;
  return {
    ok: false,
    error:
      variable === undefined
        ? { code, message, cause, resource }
        : { code, message, cause, resource, variable },
  };
}

/**
 * Substitutes one resource. Returns the same object when substitution does not apply (no variables,
 * or the object opted out), otherwise a new object. Never throws for bad input: errors are data.
 */
export function substituteResource(
  obj: KubeObject,
  vars: ReadonlyMap<string, string>,
  options: SubstituteOptions = {},
): SubstituteResult<KubeObject> {
  if (isSubstitutionDisabled(obj) || vars.size === 0) return { ok: true, value: obj };
  const bad = invalidVariableName(vars);
  if (bad !== undefined) {
    return failure(
      obj,
      'InvalidVariableName',
      `'${bad}' var name is invalid, must match '${VAR_NAME_PATTERN}'`,
      bad,
    );
  }
  let output: string;
  try {
    output = evaluate(resourceToYaml(obj), mappingFor(vars, options.strict === true));
  } catch (e) {
    if (e instanceof VariableNotSetError) {
      return failure(obj, 'VariableNotSet', `variable substitution failed: ${e.message}`, e.variable);
    }
    if (e instanceof EnvsubstParseError)
      return failure(obj, 'ParseFailed', `variable substitution failed: ${e.message}`);
    throw e;
  }
  let json: JsonValue;
  try {
    json = yamlToJson(output);
  } catch (e) {
    return failure(obj, 'YAMLToJSON', `YAMLToJSON: ${(e as Error).message}`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return failure(obj, 'YAMLToJSON', 'UnmarshalJSON: the substituted resource is not an object');
  }
  return { ok: true, value: json };
}

/** Substitutes every resource in order and stops at the first error, as Flux's build loop does. */
export function substituteResources(
  resources: readonly KubeObject[],
  vars: ReadonlyMap<string, string>,
  options: SubstituteOptions = {},
): SubstituteResult<KubeObject[]> {
  const out: KubeObject[] = [];
  for (const r of resources) {
    const res = substituteResource(r, vars, options);
    if (!res.ok) return res;
    out.push(res.value);
  }
  return { ok: true, value: out };
}
