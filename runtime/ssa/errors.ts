/** Apply error classification and Flux's message formats (fluxcd/pkg ssa/errors). */
import { KubeApiError, isConflict, isInvalid, isNotFound } from '../client/index.js';
import type { KubeObject } from '../client/index.js';
import { subjectOf } from './changeset.js';

/** Immutable-field errors as kubectl detects them (409/422), plus CEL/webhook wording. */
export function isImmutableError(err: unknown): boolean {
  if (isConflict(err) || isInvalid(err)) return true;
  const msg = err instanceof Error ? err.message : String(err);
  return /is\simmutable/.test(msg) || /immutable\sfield/.test(msg);
}

/** A failed server-side dry-run of one object: `<Kind/ns/name> dry-run failed (<Reason>): <message>`. */
export class DryRunError extends Error {
  override readonly name = 'DryRunError';
  constructor(
    readonly subject: string,
    cause: unknown,
    obj: Pick<KubeObject, 'kind' | 'metadata'>,
  ) {
    super(dryRunMessage(subject, cause, obj), { cause });
  }
}

function dryRunMessage(subject: string, cause: unknown, obj: Pick<KubeObject, 'kind' | 'metadata'>): string {
  const msg = cause instanceof Error ? cause.message : String(cause);
  if (isNotFound(cause)) {
    return obj.metadata.namespace
      ? `${subject} not found: ${msg}`
      : `${subject} namespace not specified: ${msg}`;
  }
  let reason = cause instanceof KubeApiError ? String(cause.reason) : '';
  if (
    cause instanceof KubeApiError &&
    cause.status.details?.causes?.some((c) => c.reason === 'FieldManagerConflict')
  ) {
    reason = 'FieldManagerConflict';
  }
  return `${subject} dry-run failed${reason ? ` (${reason})` : ''}: ${msg}`;
}

export function dryRunErrorFor(cause: unknown, obj: Pick<KubeObject, 'kind' | 'metadata'>): DryRunError {
  return new DryRunError(subjectOf(obj), cause, obj);
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
