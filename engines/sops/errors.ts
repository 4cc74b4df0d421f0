/** Errors as data for SOPS decryption. Messages never contain plaintext values or key material. */
export type SopsErrorCode =
  | 'LoadFailed'
  | 'NoMetadata'
  | 'DataKeyUnavailable'
  | 'ShamirUnsupported'
  | 'DecryptFailed'
  | 'MacMismatch'
  | 'EmitFailed'
  | 'KeyImportFailed';

export class SopsError extends Error {
  readonly code: SopsErrorCode;
  constructor(code: SopsErrorCode, message: string) {
    super(message);
    this.name = 'SopsError';
    this.code = code;
  }
}
