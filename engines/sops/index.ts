/** SOPS decryption for the kustomize-controller — see docs/sops.md. */
export {
  type DecryptOptions,
  type KubeObject,
  decryptFile,
  decryptResource,
  detectFormatFromMarkers,
  encryptedSecretMessage,
  formatForPath,
  isEncryptedSecret,
  isSopsEncryptedResource,
} from './decrypt.js';
export { SopsError, type SopsErrorCode } from './errors.js';
export { type SopsKeys, keysFromSecretData, recoverDataKey } from './keys.js';
export { type SopsMetadata, parseMetadata } from './metadata.js';
export type { SopsFormat } from './stores.js';
