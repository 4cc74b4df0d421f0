/**
 * YAML for the kustomize engine: yaml.v3-compatible parsing into the YValue model, and the exact
 * output of sigs.k8s.io/yaml.JSONToYAML (yaml.v2 emitter after a JSON round trip).
 * (engines/yaml/go-yaml-v2* belongs to the Go-template engine and is separate.)
 */
export { parseYaml, parseYamlStream, type ParseOptions, YamlParseError } from './parse.js';
export { jsonToYaml, sortKeysV2, v2KeyLess, v2PlainIsString, YamlEmitError } from './json-to-yaml.js';
export { resolvePlainV3, goFormatFloat, goJsonFloat } from './go-scalar.js';
export {
  boolScalar,
  deepClone,
  deepEqual,
  intScalar,
  isMap,
  isSeq,
  scalarText,
  type ScalarTag,
  type YMap,
  YScalar,
  YUntaggedScalar,
  type YValue,
} from './value.js';
