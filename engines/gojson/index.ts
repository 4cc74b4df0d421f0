/** Go `encoding/json` fidelity: Marshal/MarshalIndent of Go values and Unmarshal into Go values. */
export {
  formatJSONFloat32,
  formatJSONFloat64,
  indentJSON,
  isGoJSONMarshaler,
  marshal,
  marshalIndent,
  quoteJSONString,
} from './encode.js';
export type { GoJSONMarshaler, MarshalOptions } from './encode.js';
export { JSONSyntaxError, decode, unmarshal, unmarshalArray, unmarshalObject } from './decode.js';
export type { DecodeResult, NumberDecoder } from './decode.js';
