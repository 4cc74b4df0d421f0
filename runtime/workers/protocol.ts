/** Messages between the pool and its workers (structured-clone data only). */

export interface TaskMessage {
  readonly id: number;
  /** Absolute file path or file: URL of the module that exports the function. */
  readonly module: string;
  readonly exportName: string;
  readonly input: unknown;
}

export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly code?: string;
}

export type ResultMessage = { readonly id: number; readonly ok: true; readonly value: unknown } | { readonly id: number; readonly ok: false; readonly error: SerializedError };
