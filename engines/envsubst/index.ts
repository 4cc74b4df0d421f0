/** Flux post-build substitution (`spec.postBuild`): see docs/postbuild.md. */
export {
  type KubeObject,
  type PostBuildError,
  type PostBuildErrorCode,
  type SubstituteOptions,
  type SubstituteResult,
  SUBSTITUTE_ANNOTATION,
  VAR_NAME_PATTERN,
  gvkString,
  invalidVariableName,
  isSubstitutionDisabled,
  mergeVariables,
  substituteResource,
  substituteResources,
} from './substitute.js';
export { type Mapping, evaluate, mappingFor } from './eval.js';
export { EnvsubstParseError, type EnvsubstParseErrorCode, VariableNotSetError } from './errors.js';
export { parse, printNode, type Node as EnvsubstNode } from './parse.js';
export { resourceToYaml, yamlToJson, resolvePlain, type JsonValue } from './yaml-bridge.js';
