/** Errors from the kustomize engine: `code` says what went wrong, the message names the file. */
export type KustomizeErrorCode =
  | 'missing-file'
  | 'invalid-kustomization'
  | 'invalid-resource'
  | 'id-conflict'
  | 'security'
  | 'cycle'
  | 'patch'
  | 'not-supported'
  | 'generator'
  | 'transformer'
  /** fetching a remote resource or base failed */
  | 'remote';

export class KustomizeError extends Error {
  constructor(
    readonly code: KustomizeErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'KustomizeError';
  }
}
